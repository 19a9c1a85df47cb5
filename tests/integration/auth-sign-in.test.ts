// Sign-in in the data access layer: one answer for wrong email and wrong password, database-backed
// throttling (slowed, then locked, across "restarts"), the second factor, tickets, and the actor
// re-read on every request (disabled users and "log out everywhere").
import { must } from '../helpers/must';
import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, loginThrottles, recoveryCodes, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import { checkPassword, checkSecondFactor, userForTicket } from '@/lib/auth/credentials';
import { authoriseAdmin } from '@/lib/auth/permissions';
import { EMAIL_POLICY } from '@/lib/auth/throttle-rules';
import { createTicket, readTicket } from '@/lib/auth/ticket';
import { hashRecoveryCode, totpGuardrails } from '@/lib/auth/totp';
import {
  changePassword,
  confirmTotpEnrolment,
  logOutEverywhere,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from '@/lib/users/account';
import { hashPassword } from '@/lib/users/password';
import { inWords } from '../helpers/in-words';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createUser } from '../helpers/fixtures';

process.env.AUTH_SECRET ??= 'integration-secret-integration-secret-0123';
const PASSWORD = 'correct horse battery';
const SECRET = 'JBSWY3DPEHPK3PXP';
let database: TestDatabase;
let passwordHash: string;

beforeAll(async () => {
  database = await createTestDatabase();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(() => database?.destroy());

const seconds = (base: Date, n: number) => new Date(base.getTime() + n * 1000);
const actions = async (email: string) =>
  (await database.db.select().from(auditEvents).where(eq(auditEvents.actorEmail, email))).map(
    (e) => e.action,
  );

describe('password sign-in', () => {
  it('answers a wrong password and an unknown email alike, and audits both', async () => {
    const user = await createUser(database.db, { passwordHash });
    const wrong = await checkPassword(database.db, { email: user.email, password: 'nope', ip: '10.0.0.1' });
    const unknown = await checkPassword(database.db, {
      email: 'nobody@example.org',
      password: 'nope',
      ip: '10.0.0.1',
    });
    expect(wrong).toEqual({ kind: 'failed' });
    expect(unknown).toEqual({ kind: 'failed' });
    const right = await checkPassword(database.db, {
      email: user.email.toUpperCase(),
      password: PASSWORD,
      ip: '10.0.0.1',
    });
    expect(right).toMatchObject({ kind: 'ok', user: { id: user.id } });
    expect(await actions(user.email)).toEqual(['auth.sign_in_failed', 'auth.sign_in']);
    expect(await actions('nobody@example.org')).toEqual(['auth.sign_in_failed']);
    // with the address the attempt came from
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.actorEmail, user.email));
    expect(events.map((e) => e.ip)).toEqual(['10.0.0.1', '10.0.0.1']);
  });

  it('refuses a disabled user with the right password', async () => {
    const user = await createUser(database.db, { passwordHash, disabled: true });
    expect(await checkPassword(database.db, { email: user.email, password: PASSWORD, ip: null })).toEqual({
      kind: 'failed',
    });
  });

  it('slows down repeated failures for one email, then locks it, and the lock holds the right password out', async () => {
    const user = await createUser(database.db, { passwordHash });
    const start = new Date('2030-01-01T10:00:00Z');
    let now = start;
    for (let i = 0; i < EMAIL_POLICY.slowAfter; i++) {
      expect(await checkPassword(database.db, { email: user.email, password: 'x', ip: null, now })).toEqual({
        kind: 'failed',
      });
    }
    // slowed: an attempt right away is refused before any password is checked
    const slowed = await checkPassword(database.db, { email: user.email, password: PASSWORD, ip: null, now });
    expect(slowed).toEqual({ kind: 'throttled', seconds: 1 });
    // waiting long enough each time, the failures go on until the lock
    for (let i = EMAIL_POLICY.slowAfter; i < EMAIL_POLICY.lockAfter; i++) {
      now = seconds(now, EMAIL_POLICY.maxDelaySeconds);
      expect(
        (await checkPassword(database.db, { email: user.email, password: 'x', ip: null, now })).kind,
      ).toBe('failed');
    }
    const [row] = await database.db
      .select()
      .from(loginThrottles)
      .where(eq(loginThrottles.key, `email:${user.email}`));
    expect(row?.lockedUntil?.getTime()).toBe(seconds(now, EMAIL_POLICY.lockSeconds).getTime());
    const locked = await checkPassword(database.db, {
      email: user.email,
      password: PASSWORD,
      ip: null,
      now: seconds(now, 60),
    });
    expect(locked).toEqual({ kind: 'throttled', seconds: EMAIL_POLICY.lockSeconds - 60 });
    const events = await actions(user.email);
    expect(events.filter((a) => a === 'auth.locked')).toHaveLength(1);
    expect(events).toContain('auth.sign_in_throttled');
    // after the lock the right password works again and clears the counter
    const later = seconds(now, EMAIL_POLICY.lockSeconds + 1);
    expect(
      (await checkPassword(database.db, { email: user.email, password: PASSWORD, ip: null, now: later }))
        .kind,
    ).toBe('ok');
    expect(
      await database.db
        .select()
        .from(loginThrottles)
        .where(eq(loginThrottles.key, `email:${user.email}`)),
    ).toEqual([]);
  });

  it('counts failures per address across many emails', async () => {
    const now = new Date('2030-02-01T10:00:00Z');
    for (let i = 0; i < 20; i++) {
      await checkPassword(database.db, {
        email: `spray-${i}@example.org`,
        password: 'x',
        ip: '192.0.2.7',
        now,
      });
    }
    const victim = await createUser(database.db, { passwordHash });
    expect(
      await checkPassword(database.db, { email: victim.email, password: PASSWORD, ip: '192.0.2.7', now }),
    ).toMatchObject({
      kind: 'throttled',
    });
    // the same person from another address is not affected
    expect(
      (await checkPassword(database.db, { email: victim.email, password: PASSWORD, ip: '192.0.2.8', now }))
        .kind,
    ).toBe('ok');
  });
});

describe('second factor', () => {
  const enrolledAdmin = () =>
    createUser(database.db, { role: 'admin', passwordHash, totpSecret: SECRET, totpEnabledAt: new Date() });
  /** The password step: the pending sign-in a second factor completes. */
  const passwordStep = async (email: string) => {
    const checked = await checkPassword(database.db, { email, password: PASSWORD, ip: null });
    if (checked.kind !== 'second_factor') throw new Error(`expected the second step, got ${checked.kind}`);
    return checked.pending;
  };
  const codeAt = (epoch: number) => generate({ secret: SECRET, epoch, guardrails: totpGuardrails });

  it('asks for the code after the password, accepts a current TOTP code and a recovery code once', async () => {
    const admin = await enrolledAdmin();
    await database.db
      .insert(recoveryCodes)
      .values({ userId: admin.id, codeHash: hashRecoveryCode('abcd-efgh-jkmn') });
    const base = { userId: admin.id, sessionVersion: 1, ip: null };
    const pending = await passwordStep(admin.email);
    // no sign-in is recorded until the second factor
    expect(await actions(admin.email)).toEqual([]);
    expect(await checkSecondFactor(database.db, { ...base, pending, code: '000000' })).toEqual({
      kind: 'failed',
    });
    const code = await generate({ secret: SECRET, guardrails: totpGuardrails });
    expect(await checkSecondFactor(database.db, { ...base, pending, code })).toMatchObject({
      kind: 'ok',
      method: 'password+totp',
    });
    // the same code a second time (someone who watched it typed), after a fresh password step, is refused
    expect(
      await checkSecondFactor(database.db, { ...base, pending: await passwordStep(admin.email), code }),
    ).toEqual({ kind: 'failed' });
    expect(
      await checkSecondFactor(database.db, {
        ...base,
        pending: await passwordStep(admin.email),
        code: 'ABCD EFGH JKMN',
      }),
    ).toMatchObject({ kind: 'ok', method: 'password+recovery' });
    expect(
      await checkSecondFactor(database.db, {
        ...base,
        pending: await passwordStep(admin.email),
        code: 'abcd-efgh-jkmn',
      }),
    ).toEqual({ kind: 'failed' });
    expect(await actions(admin.email)).toEqual([
      'auth.second_factor_failed',
      'auth.sign_in',
      'auth.second_factor_failed',
      'auth.sign_in',
      'auth.second_factor_failed',
    ]);
  });

  it('[attacker with a copy of the pending cookie] cannot use it again, nor one a newer password step replaced', async () => {
    const admin = await enrolledAdmin();
    await database.db.insert(recoveryCodes).values(
      ['abcd-efgh-jkmn', 'pqrs-tuvw-xyz2'].map((code) => ({
        userId: admin.id,
        codeHash: hashRecoveryCode(code),
      })),
    );
    const base = { userId: admin.id, sessionVersion: 1, ip: null };
    // codes of this step and the next: both stay within the drift allowed if a step ends meanwhile
    const now = Math.floor(Date.now() / 1000);
    const pending = await passwordStep(admin.email);
    expect((await checkSecondFactor(database.db, { ...base, pending, code: await codeAt(now) })).kind).toBe(
      'ok',
    );
    // the same pending sign-in with the next valid code: gone
    expect(await checkSecondFactor(database.db, { ...base, pending, code: await codeAt(now + 30) })).toEqual({
      kind: 'expired',
    });
    // a password step replaces an older pending sign-in
    const older = await passwordStep(admin.email);
    const newer = await passwordStep(admin.email);
    expect(
      await checkSecondFactor(database.db, { ...base, pending: older, code: await codeAt(now + 30) }),
    ).toEqual({
      kind: 'expired',
    });
    expect(
      await checkSecondFactor(database.db, { ...base, pending: 'forged', code: await codeAt(now + 30) }),
    ).toEqual({
      kind: 'expired',
    });
    expect(
      (await checkSecondFactor(database.db, { ...base, pending: newer, code: await codeAt(now + 30) })).kind,
    ).toBe('ok');
    // two requests racing with one pending sign-in and two valid codes: one wins
    const raced = await passwordStep(admin.email);
    const outcomes = await Promise.all([
      checkSecondFactor(database.db, { ...base, pending: raced, code: 'abcd-efgh-jkmn' }),
      checkSecondFactor(database.db, { ...base, pending: raced, code: 'pqrs-tuvw-xyz2' }),
    ]);
    expect(outcomes.filter((outcome) => outcome.kind === 'ok')).toHaveLength(1);
    const signIns = (await actions(admin.email)).filter((action) => action === 'auth.sign_in');
    expect(signIns).toHaveLength(3);
  });

  it('refuses a code older than one already used, and the step is kept in the database for every instance', async () => {
    const admin = await enrolledAdmin();
    const base = { userId: admin.id, sessionVersion: 1, ip: null };
    const now = Math.floor(Date.now() / 1000);
    expect(
      (
        await checkSecondFactor(database.db, {
          ...base,
          pending: await passwordStep(admin.email),
          code: await codeAt(now + 30),
        })
      ).kind,
    ).toBe('ok');
    // the code of the step before, still within the clock drift allowed: refused after a newer one
    expect(
      await checkSecondFactor(database.db, {
        ...base,
        pending: await passwordStep(admin.email),
        code: await codeAt(now),
      }),
    ).toEqual({ kind: 'failed' });
    const [row] = await database.db.select().from(users).where(eq(users.id, admin.id));
    expect(row?.totpLastStep).toBe(Math.floor((now + 30) / 30));
  });

  it('locks the second step after repeated wrong codes', async () => {
    const admin = await enrolledAdmin();
    let now = new Date('2030-03-01T10:00:00Z');
    const pending = await passwordStep(admin.email);
    const base = { userId: admin.id, sessionVersion: 1, ip: null, pending };
    for (let i = 0; i < 6; i++) {
      await checkSecondFactor(database.db, { ...base, code: '000000', now });
      now = seconds(now, 60);
    }
    const code = await generate({ secret: SECRET, guardrails: totpGuardrails });
    expect((await checkSecondFactor(database.db, { ...base, code, now })).kind).toBe('throttled');
  });

  it('enrols a second factor: pending secret, confirmed by a code, recovery codes stored hashed', async () => {
    const admin = await createUser(database.db, { role: 'admin', passwordHash });
    const actor = must(await loadActor(database.db, admin.id, 1));
    // an admin without a second factor can do nothing but enrol
    expect(await authoriseAdmin(database.db, actor, 'anything')).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
    expect((await startTotpEnrolment(database.db, actor)).ok).toBe(true);
    const [pending] = await database.db.select().from(users).where(eq(users.id, admin.id));
    expect(pending?.totpEnabledAt).toBeNull();
    expect((await confirmTotpEnrolment(database.db, actor, { code: '123456' })).ok).toBe(false);
    const confirmed = await confirmTotpEnrolment(database.db, actor, {
      code: await generate({ secret: must(must(pending).totpSecret) }),
    });
    if (!confirmed.ok) throw new Error(confirmed.message);
    expect(confirmed.value.recoveryCodes).toHaveLength(10);
    const stored = await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, admin.id));
    expect(stored.map((r) => r.codeHash)).toEqual(confirmed.value.recoveryCodes.map(hashRecoveryCode));
    expect(stored.some((r) => confirmed.value.recoveryCodes.includes(r.codeHash))).toBe(false);
    const enrolled = must(await loadActor(database.db, admin.id, 1));
    expect(await authoriseAdmin(database.db, enrolled, 'anything')).toMatchObject({
      ok: true,
      value: enrolled,
    });
  });

  it('[someone at an unlocked screen] cannot reuse the code that confirmed the enrolment, nor guess codes without end', async () => {
    const staff = await createUser(database.db, { passwordHash });
    const actor = must(await loadActor(database.db, staff.id, 1));
    expect((await startTotpEnrolment(database.db, actor, undefined, { locale: 'en' })).ok).toBe(true);
    const [pending] = await database.db.select().from(users).where(eq(users.id, staff.id));
    const code = await generate({ secret: must(pending?.totpSecret), guardrails: totpGuardrails });
    expect((await confirmTotpEnrolment(database.db, actor, { code }, { locale: 'en' })).ok).toBe(true);
    const enrolled = must(await loadActor(database.db, staff.id, 1));
    const [before] = await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, staff.id));
    // the code seen on the screen a moment ago renews nothing
    expect(
      inWords(await regenerateRecoveryCodes(database.db, enrolled, { code }, { locale: 'en' })),
    ).toMatchObject({
      kind: 'invalid',
      fieldErrors: { code: ['The code is wrong or has expired.'] },
    });
    const [after] = await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, staff.id));
    expect(after?.codeHash).toBe(before?.codeHash);
    // wrong guesses are slowed (then locked), on the counter the sign-in's second step uses: after
    // three, even the right code must wait
    for (let i = 0; i < 3; i++)
      expect(
        (await regenerateRecoveryCodes(database.db, enrolled, { code: '000000' }, { locale: 'en' })).ok,
      ).toBe(false);
    const fresh = await generate({
      secret: must(pending?.totpSecret),
      epoch: Date.now() / 1000 + 30,
      guardrails: totpGuardrails,
    });
    expect(
      inWords(await regenerateRecoveryCodes(database.db, enrolled, { code: fresh }, { locale: 'en' })),
    ).toMatchObject({
      kind: 'invalid',
      fieldErrors: { code: [expect.stringMatching(/^Too many failed attempts\. Wait \d+ seconds/)] },
    });
    expect(await actions(staff.email)).toEqual(
      expect.arrayContaining(['auth.totp_code_failed', 'auth.totp_code_throttled']),
    );
    const [unchanged] = await database.db
      .select()
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, staff.id));
    expect(unchanged?.codeHash).toBe(before?.codeHash);
  });
});

describe('tickets and sessions', () => {
  it('accepts only a signed, unexpired sign-in ticket for the current session version', async () => {
    const user = await createUser(database.db, { passwordHash });
    const ticket = createTicket(
      { purpose: 'sign-in', userId: user.id, sessionVersion: 1, method: 'password' },
      60,
    );
    const payload = must(readTicket(ticket, 'sign-in'));
    expect(await userForTicket(database.db, payload)).toMatchObject({ id: user.id });
    expect(readTicket(ticket, 'pending-second-factor')).toBeNull();
    expect(readTicket(`${ticket.split('.')[0]}.forged`, 'sign-in')).toBeNull();
    expect(readTicket(ticket, 'sign-in', Date.now() + 61_000)).toBeNull();
    const tampered = Buffer.from(JSON.stringify({ ...payload, userId: 1 })).toString('base64url');
    expect(readTicket(`${tampered}.${ticket.split('.')[1]}`, 'sign-in')).toBeNull();
  });

  it('[someone with an old session] a password change ends it; the new version is handed back for the session that changed it', async () => {
    const user = await createUser(database.db, { passwordHash });
    const actor = must(await loadActor(database.db, user.id, 1));
    const changed = await changePassword(database.db, actor, {
      current: PASSWORD,
      password: 'en helt ny og lang adgangskode',
      confirmation: 'en helt ny og lang adgangskode',
    });
    expect(changed).toEqual({ ok: true, value: { sessionVersion: 2 } });
    // every session of version 1 (the other browser, a stolen cookie) is gone
    expect(await loadActor(database.db, user.id, 1)).toBeNull();
    expect(await loadActor(database.db, user.id, 2)).not.toBeNull();
    // the ticket the changing session is re-issued with is good for the new version only
    const ticket = (version: number) => ({
      purpose: 'sign-in' as const,
      userId: user.id,
      sessionVersion: version,
      method: 'password' as const,
      expiresAt: Date.now() + 60_000,
    });
    expect(await userForTicket(database.db, ticket(2))).toMatchObject({ id: user.id, sessionVersion: 2 });
    expect(await userForTicket(database.db, ticket(1))).toBeNull();
    // a wrong current password changes nothing, the version included
    expect(
      (
        await changePassword(database.db, must(await loadActor(database.db, user.id, 2)), {
          current: 'wrong',
          password: 'en tredje lang adgangskode',
          confirmation: 'en tredje lang adgangskode',
        })
      ).ok,
    ).toBe(false);
    expect(await loadActor(database.db, user.id, 2)).not.toBeNull();
  });

  it('ends every session on "log out everywhere" and when the user is disabled', async () => {
    const user = await createUser(database.db, { passwordHash });
    const actor = await loadActor(database.db, user.id, 1);
    expect(actor).not.toBeNull();
    expect((await logOutEverywhere(database.db, actor)).ok).toBe(true);
    expect(await loadActor(database.db, user.id, 1)).toBeNull();
    expect(await loadActor(database.db, user.id, 2)).not.toBeNull();
    expect(
      await userForTicket(database.db, {
        purpose: 'sign-in',
        userId: user.id,
        sessionVersion: 1,
        method: 'password',
        expiresAt: Date.now() + 1000,
      }),
    ).toBeNull();
    await database.db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    expect(await loadActor(database.db, user.id, 2)).toBeNull();
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, user.id), eq(auditEvents.action, 'auth.logged_out_everywhere')));
    expect(events).toHaveLength(1);
  });
});
