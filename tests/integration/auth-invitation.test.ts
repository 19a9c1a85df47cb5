// Invitations and password resets end to end in lib/: the mail is received by a real SMTP server
// (the `smtp-server` package on 127.0.0.1), the link in it is followed, and the password set.
import { must } from '../helpers/must';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, authTokens, memberships, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import { checkPassword } from '@/lib/auth/credentials';
import { requestPasswordReset, setPasswordWithToken } from '@/lib/auth/password-reset';
import { peekToken } from '@/lib/auth/tokens';
import { invitePerson, resendInvitation } from '@/lib/users/mutations';
import { siteOrigin } from '@/lib/site-url';
import { hashPassword } from '@/lib/users/password';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createUser } from '../helpers/fixtures';
import { inWords } from '../helpers/in-words';
import { type Inbox, linkIn, openInbox } from '../helpers/smtp-server';

let database: TestDatabase;
let inbox: Inbox;
const nextMail = () => inbox.next();

beforeAll(async () => {
  database = await createTestDatabase();
  inbox = await openInbox();
  process.env.SMTP_URL = inbox.url;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await inbox.close();
  await database?.destroy();
});

async function admin() {
  const user = await createUser(database.db, {
    role: 'admin',
    totpSecret: 'JBSWY3DPEHPK3PXP',
    totpEnabledAt: new Date(),
  });
  return must(await loadActor(database.db, user.id, 1));
}

describe('invitation through real SMTP', () => {
  it('mails a one-time link that sets a password of at least 12 uncommon characters, once', async () => {
    const organisation = await createOrganisation(database.db);
    // the link is built on the configured origin (lib/site-url.ts), whatever the request said
    vi.stubEnv('SITE_URL', 'https://klyngeregnskab.example');
    const result = await invitePerson(
      database.db,
      await admin(),
      {
        email: 'New.Person@Example.org',
        name: 'Ny Person',
        role: 'staff',
        organisationIds: [organisation.id],
      },
      { locale: 'da' },
    );
    vi.unstubAllEnvs();
    if (!result.ok) throw new Error(result.message);
    expect(result.value.delivered).toBe(true);

    const mail = await nextMail();
    expect(mail.to).toEqual(['new.person@example.org']);
    expect(mail.raw).toContain('Subject: Invitation til Klyngeregnskab');
    // plain text only: no HTML part that stored text could turn into markup
    expect(mail.raw).toMatch(/Content-Type: text\/plain/i);
    expect(mail.raw).not.toMatch(/text\/html/i);
    const link = linkIn(mail);
    expect(link.toString()).toBe(result.value.link);
    expect(link.origin).toBe('https://klyngeregnskab.example');
    const [, , token] = link.pathname.split('/');
    expect(link.pathname).toBe(`/invitation/${token}`);

    // only the hash is stored, valid for 7 days
    const [stored] = await database.db
      .select()
      .from(authTokens)
      .where(eq(authTokens.userId, result.value.userId));
    expect(stored?.tokenHash).not.toContain(must(token));
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const days = (must(stored).expiresAt.getTime() - must(stored).createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 2);
    // following the link: the page finds who it is for
    expect(await peekToken(database.db, token, 'invitation')).toMatchObject({
      email: 'new.person@example.org',
    });
    expect(await peekToken(database.db, token, 'password_reset')).toBeNull();

    const attempt = (password: string, confirmation = password) =>
      setPasswordWithToken(
        database.db,
        null,
        { token: must(token), password, confirmation, purpose: 'invitation' },
        { locale: 'en' },
      ).then((result) => inWords(result));
    const passwordOf = async () =>
      must((await database.db.select().from(users).where(eq(users.id, result.value.userId)))[0]).passwordHash;

    expect(await attempt('short-pass')).toMatchObject({
      kind: 'invalid',
      fieldErrors: { password: ['The password must be at least 12 characters.'] },
    });
    expect(await attempt('Password1234')).toMatchObject({
      kind: 'invalid',
      fieldErrors: { password: ['The password is too common. Choose one that is harder to guess.'] },
    });
    expect(await attempt('new.person-secret')).toMatchObject({
      fieldErrors: { password: [expect.stringContaining('email')] },
    });
    expect(await attempt('lilla elefant på cykel', 'lilla elefant på cykeL')).toMatchObject({
      fieldErrors: { confirmation: ['The two passwords are not the same.'] },
    });
    expect(await passwordOf()).toBeNull();

    expect((await attempt('lilla elefant på cykel')).ok).toBe(true);
    expect(await passwordOf()).not.toBeNull();
    // only an argon2id hash is stored, never the password
    expect(await passwordOf()).toMatch(/^\$argon2id\$/);
    expect(await passwordOf()).not.toContain('lilla elefant');
    // single use
    expect(await attempt('en anden lang sætning')).toMatchObject({ kind: 'not_found' });
    expect(
      await checkPassword(database.db, {
        email: 'new.person@example.org',
        password: 'lilla elefant på cykel',
        ip: null,
      }),
    ).toMatchObject({
      kind: 'ok',
    });
    expect(
      await database.db.select().from(memberships).where(eq(memberships.userId, result.value.userId)),
    ).toEqual([expect.objectContaining({ organisationId: organisation.id })]);
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(result.value.userId)));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.invited', 'user.invitation_accepted']),
    );
  });

  it('refuses an expired link', async () => {
    const result = await invitePerson(database.db, await admin(), {
      email: 'late@example.org',
      name: 'Sen',
      role: 'staff',
      organisationIds: [(await createOrganisation(database.db)).id],
    });
    if (!result.ok) throw new Error(result.message);
    await nextMail();
    const token = must(result.value.link.split('/').pop());
    const eightDays = new Date(Date.now() + 8 * 86_400_000);
    expect(await peekToken(database.db, token, 'invitation', eightDays)).toBeNull();
    expect(await peekToken(database.db, token, 'invitation')).not.toBeNull();
  });

  it('refuses staff, and an admin without a second factor, and stores nothing', async () => {
    const organisation = await createOrganisation(database.db);
    const staff = await createUser(database.db, { organisationIds: [organisation.id] });
    const staffActor = await loadActor(database.db, staff.id, 1);
    const unenrolled = await createUser(database.db, { role: 'admin' });
    for (const actor of [staffActor, await loadActor(database.db, unenrolled.id, 1), null]) {
      const result = await invitePerson(database.db, actor, {
        email: 'sneaky@example.org',
        name: 'X',
        role: 'admin',
      });
      expect(result).toMatchObject({ ok: false, kind: 'forbidden' });
    }
    expect(await database.db.select().from(users).where(eq(users.email, 'sneaky@example.org'))).toEqual([]);
    const denied = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'access.denied'));
    expect(denied.filter((e) => (e.after as { attempted: string }).attempted === 'user.invite')).toHaveLength(
      3,
    );
  });

  it('rejects bad input with a message per field, and a taken email', async () => {
    const actor = await admin();
    const bad = inWords(
      await invitePerson(
        database.db,
        actor,
        { email: 'not-an-email', name: ' ', role: 'boss' as 'admin' },
        { locale: 'en' },
      ),
    );
    expect(bad).toMatchObject({
      kind: 'invalid',
      fieldErrors: {
        email: ['Enter a valid email address.'],
        name: ["Enter the person's name."],
        role: ['Choose a role.'],
      },
    });
    const existing = await createUser(database.db);
    expect(
      await invitePerson(database.db, actor, {
        email: existing.email.toUpperCase(),
        name: 'X',
        role: 'staff',
        organisationIds: [(await createOrganisation(database.db)).id],
      }),
    ).toMatchObject({
      kind: 'conflict',
    });
    expect(
      await invitePerson(database.db, actor, {
        email: 'ghost-org@example.org',
        name: 'X',
        role: 'staff',
        organisationIds: [999999],
      }),
    ).toMatchObject({
      kind: 'invalid',
    });
  });
});

describe('a new invitation link', () => {
  it('replaces the old link for someone who has not accepted yet, and is refused once they have', async () => {
    const actor = await admin();
    const first = await invitePerson(database.db, actor, {
      email: 'again@example.org',
      name: 'Igen',
      role: 'staff',
      organisationIds: [(await createOrganisation(database.db)).id],
    });
    if (!first.ok) throw new Error(first.message);
    await nextMail();
    const second = await resendInvitation(database.db, actor, { userId: first.value.userId });
    if (!second.ok) throw new Error(second.message);
    expect(linkIn(await nextMail()).toString()).toBe(second.value.link);
    const oldToken = must(first.value.link.split('/').pop());
    const newToken = must(second.value.link.split('/').pop());
    expect(await peekToken(database.db, oldToken, 'invitation')).toBeNull();
    const accepted = await setPasswordWithToken(database.db, null, {
      token: newToken,
      password: 'en rigtig god adgangskode',
      confirmation: 'en rigtig god adgangskode',
      purpose: 'invitation',
    });
    expect(accepted.ok).toBe(true);
    expect(await resendInvitation(database.db, actor, { userId: first.value.userId })).toMatchObject({
      kind: 'conflict',
    });
    expect(await resendInvitation(database.db, null, { userId: first.value.userId })).toMatchObject({
      kind: 'forbidden',
    });
  });
});

describe('password reset through real SMTP', () => {
  it('mails a link that replaces the password and ends every session; unknown emails get the same answer', async () => {
    const user = await createUser(database.db, { passwordHash: await hashPassword('gammel adgangskode 1') });
    expect(await requestPasswordReset(database.db, null, { email: 'unknown@example.org' })).toEqual({
      ok: true,
      value: { link: null },
    });
    const requested = await requestPasswordReset(
      database.db,
      null,
      { email: user.email },
      { locale: 'en', ip: '10.1.1.1' },
    );
    expect(requested.ok).toBe(true);
    const mail = await nextMail();
    expect(mail.to).toEqual([user.email]);
    const link = linkIn(mail);
    expect(link.origin).toBe(siteOrigin());
    expect(link.pathname).toMatch(/^\/en\/login\/nulstil\/[A-Za-z0-9_-]{43}$/);
    const token = must(link.pathname.split('/').pop());
    expect(await peekToken(database.db, token, 'invitation')).toBeNull();
    const set = await setPasswordWithToken(database.db, null, {
      token,
      password: 'ny og meget bedre adgangskode',
      confirmation: 'ny og meget bedre adgangskode',
      purpose: 'password_reset',
    });
    expect(set.ok).toBe(true);
    expect(
      (await checkPassword(database.db, { email: user.email, password: 'gammel adgangskode 1', ip: null }))
        .kind,
    ).toBe('failed');
    expect(
      (
        await checkPassword(database.db, {
          email: user.email,
          password: 'ny og meget bedre adgangskode',
          ip: null,
        })
      ).kind,
    ).toBe('ok');
    expect(await loadActor(database.db, user.id, 1)).toBeNull();
    expect(inbox.waiting()).toEqual([]);
  });
});
