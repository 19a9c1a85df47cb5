// Sign-in in the data access layer: one answer for wrong email and wrong password, database-backed
// throttling (slowed, then locked, across "restarts"), the second factor, tickets, and the actor
// re-read on every request (disabled users and "log out everywhere").
import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, loginThrottles, recoveryCodes, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import { checkPassword, checkSecondFactor, userForTicket } from '@/lib/auth/credentials';
import { checkAdmin } from '@/lib/auth/permissions';
import { EMAIL_POLICY } from '@/lib/auth/throttle-rules';
import { createTicket, readTicket } from '@/lib/auth/ticket';
import { hashRecoveryCode, totpGuardrails } from '@/lib/auth/totp';
import { confirmTotpEnrolment, logOutEverywhere, startTotpEnrolment } from '@/lib/users/account';
import { hashPassword } from '@/lib/users/password';
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
  it('asks for the code after the password, accepts a current TOTP code and a recovery code once', async () => {
    const admin = await createUser(database.db, {
      role: 'admin',
      passwordHash,
      totpSecret: SECRET,
      totpEnabledAt: new Date(),
    });
    await database.db
      .insert(recoveryCodes)
      .values({ userId: admin.id, codeHash: hashRecoveryCode('abcd-efgh-jkmn') });
    const first = await checkPassword(database.db, { email: admin.email, password: PASSWORD, ip: null });
    expect(first.kind).toBe('second_factor');
    // no sign-in is recorded until the second factor
    expect(await actions(admin.email)).toEqual([]);
    const base = { userId: admin.id, sessionVersion: 1, ip: null };
    expect(await checkSecondFactor(database.db, { ...base, code: '000000' })).toEqual({ kind: 'failed' });
    const code = await generate({ secret: SECRET, guardrails: totpGuardrails });
    expect(await checkSecondFactor(database.db, { ...base, code })).toMatchObject({
      kind: 'ok',
      method: 'password+totp',
    });
    // the same code a second time (someone who watched it typed) is refused
    expect(await checkSecondFactor(database.db, { ...base, code })).toEqual({ kind: 'failed' });
    expect(await checkSecondFactor(database.db, { ...base, code: 'ABCD EFGH JKMN' })).toMatchObject({
      kind: 'ok',
      method: 'password+recovery',
    });
    expect(await checkSecondFactor(database.db, { ...base, code: 'abcd-efgh-jkmn' })).toEqual({
      kind: 'failed',
    });
    expect(await actions(admin.email)).toEqual([
      'auth.second_factor_failed',
      'auth.sign_in',
      'auth.second_factor_failed',
      'auth.sign_in',
      'auth.second_factor_failed',
    ]);
  });

  it('locks the second step after repeated wrong codes', async () => {
    const admin = await createUser(database.db, {
      role: 'admin',
      passwordHash,
      totpSecret: SECRET,
      totpEnabledAt: new Date(),
    });
    let now = new Date('2030-03-01T10:00:00Z');
    const base = { userId: admin.id, sessionVersion: 1, ip: null };
    for (let i = 0; i < 6; i++) {
      await checkSecondFactor(database.db, { ...base, code: '000000', now });
      now = seconds(now, 60);
    }
    const code = await generate({ secret: SECRET, guardrails: totpGuardrails });
    expect((await checkSecondFactor(database.db, { ...base, code, now })).kind).toBe('throttled');
  });

  it('enrols a second factor: pending secret, confirmed by a code, recovery codes stored hashed', async () => {
    const admin = await createUser(database.db, { role: 'admin', passwordHash });
    const actor = (await loadActor(database.db, admin.id, 1))!;
    // an admin without a second factor can do nothing but enrol
    expect(await checkAdmin(database.db, actor, 'anything')).toMatchObject({ kind: 'forbidden' });
    expect((await startTotpEnrolment(database.db, actor)).ok).toBe(true);
    const [pending] = await database.db.select().from(users).where(eq(users.id, admin.id));
    expect(pending?.totpEnabledAt).toBeNull();
    expect((await confirmTotpEnrolment(database.db, actor, { code: '123456' })).ok).toBe(false);
    const confirmed = await confirmTotpEnrolment(database.db, actor, {
      code: await generate({ secret: pending!.totpSecret! }),
    });
    if (!confirmed.ok) throw new Error(confirmed.message);
    expect(confirmed.value.recoveryCodes).toHaveLength(10);
    const stored = await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, admin.id));
    expect(stored.map((r) => r.codeHash)).toEqual(confirmed.value.recoveryCodes.map(hashRecoveryCode));
    expect(stored.some((r) => confirmed.value.recoveryCodes.includes(r.codeHash))).toBe(false);
    const enrolled = (await loadActor(database.db, admin.id, 1))!;
    expect(await checkAdmin(database.db, enrolled, 'anything')).toBeNull();
  });
});

describe('tickets and sessions', () => {
  it('accepts only a signed, unexpired sign-in ticket for the current session version', async () => {
    const user = await createUser(database.db, { passwordHash });
    const ticket = createTicket(
      { purpose: 'sign-in', userId: user.id, sessionVersion: 1, method: 'password' },
      60,
    );
    const payload = readTicket(ticket, 'sign-in')!;
    expect(await userForTicket(database.db, payload)).toMatchObject({ id: user.id });
    expect(readTicket(ticket, 'pending-second-factor')).toBeNull();
    expect(readTicket(`${ticket.split('.')[0]}.forged`, 'sign-in')).toBeNull();
    expect(readTicket(ticket, 'sign-in', Date.now() + 61_000)).toBeNull();
    const tampered = Buffer.from(JSON.stringify({ ...payload, userId: 1 })).toString('base64url');
    expect(readTicket(`${tampered}.${ticket.split('.')[1]}`, 'sign-in')).toBeNull();
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
