// Hostile input to the core functions behind the sign-in, password, invitation and account forms
// (lib/auth/sign-in-action.ts, password-actions.ts, lib/users/account-actions.ts): random and
// hostile emails, passwords, codes, tokens and addresses (NUL bytes, broken Unicode, 1 MB strings,
// SQL and markup, wrong types, missing and extra fields). Every call gives a typed answer — never
// an exception. A refusal changes nothing, except what a failed sign-in must leave behind: its
// audit event and its throttle counter (and nothing else: no user, token or code is touched).
import { must } from '../helpers/must';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { checkPassword, checkSecondFactor } from '@/lib/auth/credentials';
import { peekToken, requestPasswordReset, setPasswordWithToken } from '@/lib/auth/password-reset';
import { issueToken } from '@/lib/auth/tokens';
import { changePassword, confirmTotpEnrolment, regenerateRecoveryCodes } from '@/lib/users/account';
import { hashPassword } from '@/lib/users/password';
import { changedTables, databaseFingerprint } from '../helpers/database-fingerprint';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createUser } from '../helpers/fixtures';
import { hostileNumber, hostileString, wrongType } from '../helpers/hostile-input';

const PASSWORD = 'correct horse battery staple';
const SECRET = 'JBSWY3DPEHPK3PXP';
let database: TestDatabase;
let db: Database;
let known: { id: number; email: string; sessionVersion: number };
let enrolled: { id: number; email: string; sessionVersion: number };
let enrolledActor: Actor;
let pendingActor: Actor;
let knownActor: Actor;
let invitationToken: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const passwordHash = await hashPassword(PASSWORD);
  known = await createUser(db, { passwordHash });
  knownActor = must(await loadActor(db, known.id, known.sessionVersion));
  enrolled = await createUser(db, { passwordHash, totpSecret: SECRET, totpEnabledAt: new Date() });
  enrolledActor = must(await loadActor(db, enrolled.id, enrolled.sessionVersion));
  const pending = await createUser(db, { passwordHash, totpSecret: SECRET });
  pendingActor = must(await loadActor(db, pending.id, pending.sessionVersion));
  const invited = await createUser(db, {});
  invitationToken = (await issueToken(db, { userId: invited.id, purpose: 'invitation', createdBy: null }))
    .token;
});
afterAll(async () => {
  await database.destroy();
});

/** What people type into an email field, and worse. */
const hostileEmail = fc.oneof(
  hostileString,
  fc.emailAddress(),
  fc.constantFrom(
    'a@example.org\u0000',
    '\u0000@example.org',
    'a\uD800@example.org',
    "' or 1=1 --@example.org",
    '<script>@example.org',
    `${'a'.repeat(400)}@example.org`,
  ),
  fc.constant(null).map(() => known.email.toUpperCase()),
);
const hostilePassword = fc.oneof(hostileString, fc.constant('')).map((text) => text);
/** What a forwarded-for header can carry (no NUL: HTTP forbids it), or no address at all. */
const hostileAddress = fc.oneof(
  fc.constant(null),
  fc.constantFrom('192.0.2.1', '::1', "1.2.3.4'; drop table users; --", '<b>x</b>', 'x'.repeat(8000)),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((text) => text.replace(/[\0\r\n]/g, '')),
);
/** A field of the wrong type, left out, or hostile text. */
const anything = fc.oneof(hostileString, hostileNumber, wrongType);
const RUNS = { numRuns: 30 };

/** Fingerprints of every table except those listed (what a failed sign-in may write). */
async function fingerprint(except: string[] = []) {
  const all = await databaseFingerprint(db);
  for (const name of except) delete all[name];
  return all;
}
const SIGN_IN_TRACES = ['audit_events', 'login_throttles'];

function expectFailure(result: { ok: boolean; kind?: string; message?: string }, kinds: string[]) {
  expect(result.ok).toBe(false);
  expect(kinds).toContain(result.kind);
  expect(typeof result.message).toBe('string');
}

describe('sign-in (lib/auth/credentials.ts, behind signInAction)', () => {
  it('any email, password and address: failed or throttled, never an exception; no user touched', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostileEmail, wrongType),
        fc.oneof(hostilePassword, wrongType),
        hostileAddress,
        async (email, password, ip) => {
          const before = await fingerprint(SIGN_IN_TRACES);
          const result = await checkPassword(db, { email, password, ip } as never);
          expect(['failed', 'throttled']).toContain(result.kind);
          expect(changedTables(before, await fingerprint(SIGN_IN_TRACES))).toEqual([]);
        },
      ),
      {
        ...RUNS,
        examples: [
          ['a@example.org\u0000', PASSWORD, null],
          ['\uDC00', PASSWORD, '192.0.2.1'],
          ['x'.repeat(1_000_000), 'x'.repeat(1_000_000), 'x'.repeat(8000)],
          [undefined, undefined, null],
        ],
      },
    );
  });

  it('any second-factor code, with the pending sign-in or a forged one: refused; no code used, no user touched', async () => {
    const signedIn = await checkPassword(db, { email: enrolled.email, password: PASSWORD, ip: null });
    if (signedIn.kind !== 'second_factor') throw new Error(`expected the second step, got ${signedIn.kind}`);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anything,
          fc.stringMatching(/^\d{6}$/).filter((code) => code !== '000000'),
          fc.constantFrom('abcd-efgh', 'ABCD-EFGH-1234', '1234 56'),
        ),
        hostileAddress,
        fc.oneof(fc.constant(signedIn.pending), anything),
        async (code, ip, pending) => {
          const before = await fingerprint(SIGN_IN_TRACES);
          const result = await checkSecondFactor(db, {
            userId: enrolled.id,
            sessionVersion: enrolled.sessionVersion,
            pending,
            code,
            ip,
          } as never);
          // a random six digits matches the current code one time in a million: allow it, typed
          if (result.kind === 'ok') return;
          expect(['failed', 'throttled', 'expired']).toContain(result.kind);
          expect(changedTables(before, await fingerprint(SIGN_IN_TRACES))).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it('the right password still signs in after all that (the hostile runs broke nothing)', async () => {
    const user = await createUser(db, { passwordHash: await hashPassword(PASSWORD) });
    expect(await checkPassword(db, { email: user.email, password: PASSWORD, ip: null })).toMatchObject({
      kind: 'ok',
    });
  });
});

describe('password reset and invitation links (lib/auth/password-reset.ts, behind password-actions.ts)', () => {
  it('asking for a link with any email: a typed answer; a refusal stores nothing, an answer only its audit event', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileEmail, wrongType), hostileAddress, async (email, ip) => {
        const before = await databaseFingerprint(db);
        const result = await requestPasswordReset(db, null, { email }, { locale: 'en', ip: ip as never });
        const changed = changedTables(before, await databaseFingerprint(db));
        if (!result.ok) {
          expectFailure(result, ['invalid']);
          expect(changed).toEqual([]);
        } else {
          // an unknown address is audited; the known one (in capitals) may get its one link
          expect(changed.filter((name) => !['audit_events', 'auth_tokens'].includes(name))).toEqual([]);
        }
      }),
      {
        ...RUNS,
        examples: [
          ['a@example.org\u0000', null],
          ['a\uD800@b.dk', null],
          ['x'.repeat(1_000_000), null],
        ],
      },
    );
  });

  it('any token: not found, nothing stored; peekToken answers null', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anything,
          fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
          fc.constant(invitationToken).map((token) => `${token}\u0000`),
          fc.constant(invitationToken).map((token) => token.toUpperCase()),
        ),
        fc.constantFrom('invitation', 'password_reset', 'other', null),
        async (token, purpose) => {
          const before = await databaseFingerprint(db);
          expect(await peekToken(db, token, purpose as never)).toBeNull();
          const result = await setPasswordWithToken(
            db,
            null,
            {
              token,
              password: 'a perfectly fine password',
              confirmation: 'a perfectly fine password',
              purpose,
            } as never,
            { locale: 'da' },
          );
          expectFailure(result, ['not_found']);
          expect(changedTables(before, await databaseFingerprint(db))).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it('a valid invitation link with a refused password: invalid, nothing stored, the link still works', async () => {
    const refusedPassword = fc.oneof(
      fc.string({ maxLength: 11 }),
      fc.constant('x'.repeat(1_000_000)),
      fc.constantFrom('password1234', 'aaaaaaaaaaaaaaaa', '            '),
      wrongType,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(refusedPassword, anything),
          // a fine password with a confirmation that differs
          fc.tuple(fc.constant('a perfectly fine password'), anything),
        ),
        hostileAddress,
        async ([password, confirmation], ip) => {
          const before = await databaseFingerprint(db);
          const result = await setPasswordWithToken(
            db,
            null,
            { token: invitationToken, password, confirmation, purpose: 'invitation' },
            { locale: 'en', ip: ip as never },
          );
          expectFailure(result, ['invalid']);
          expect(changedTables(before, await databaseFingerprint(db))).toEqual([]);
        },
      ),
      RUNS,
    );
    expect(await peekToken(db, invitationToken, 'invitation')).not.toBeNull();
  });
});

describe('the account page (lib/users/account.ts, behind account-actions.ts)', () => {
  it('change password with a wrong or hostile current password: invalid, nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostilePassword, wrongType).filter((current) => current !== PASSWORD),
        fc.oneof(hostilePassword, wrongType),
        async (current, password) => {
          const before = await databaseFingerprint(db);
          const result = await changePassword(
            db,
            knownActor,
            { current, password, confirmation: password } as never,
            { locale: 'da' },
          );
          expectFailure(result, ['invalid']);
          expect(changedTables(before, await databaseFingerprint(db))).toEqual([]);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('change password with the right current password and a refused new one: invalid, nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 11 }), fc.constant('x'.repeat(1_000_000)), wrongType),
        anything,
        async (password, confirmation) => {
          const before = await databaseFingerprint(db);
          const result = await changePassword(
            db,
            knownActor,
            { current: PASSWORD, password, confirmation } as never,
            { locale: 'en' },
          );
          expectFailure(result, ['invalid']);
          expect(changedTables(before, await databaseFingerprint(db))).toEqual([]);
        },
      ),
      { numRuns: 20 },
    );
    const [row] = await db.select().from(users).where(eq(users.id, known.id));
    expect(must(row).sessionVersion).toBe(known.sessionVersion);
  });

  it('confirm a second factor or renew recovery codes with any code: refused, nothing stored but the attempt counted and audited', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(anything, fc.stringMatching(/^\d{6}$/)),
        fc.boolean(),
        async (code, confirm) => {
          const before = await fingerprint(SIGN_IN_TRACES);
          const result = confirm
            ? await confirmTotpEnrolment(db, pendingActor, { code } as never, { locale: 'da' })
            : await regenerateRecoveryCodes(db, enrolledActor, { code } as never, { locale: 'en' });
          // six random digits may be the current code (one in a million): typed either way
          if (result.ok) return;
          expectFailure(result, ['invalid', 'conflict']);
          expect(changedTables(before, await fingerprint(SIGN_IN_TRACES))).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it('missing or wrongly typed inputs altogether: a typed refusal', async () => {
    for (const input of [undefined, null, {}, { code: 1 }, { current: null, password: {} }, []]) {
      const before = await fingerprint(SIGN_IN_TRACES);
      const results = [
        await changePassword(db, knownActor, input as never),
        await confirmTotpEnrolment(db, pendingActor, (input ?? {}) as never),
        await regenerateRecoveryCodes(db, enrolledActor, (input ?? {}) as never),
      ];
      for (const result of results) expectFailure(result, ['invalid', 'conflict']);
      expect(changedTables(before, await fingerprint(SIGN_IN_TRACES))).toEqual([]);
    }
  });
});
