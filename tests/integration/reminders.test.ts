// Automatic reminders (issue 16, item 9) against a real database: the secretariat's setting
// (validated, audited, nothing stored when refused), the reminders due on a Danish day sent once
// each to the staff of organisations that have not handed in — also when two runs race — in one
// mail in Danish and English, what was sent listed for the secretariat, and the job through the
// app's job runner on the test clock.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, reminderMails, reminderSettings, submissions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { setTestClock } from '@/lib/clock';
import { jobConnectionFor } from '@/lib/jobs/connection';
import { handle } from '@/lib/jobs/job';
import type { AppJobContext } from '@/lib/jobs/registry';
import { JobRunner } from '@/lib/jobs/runner';
import { sendDueRemindersJob } from '@/lib/reminders/jobs';
import { reminderMail } from '@/lib/reminders/mail';
import { getRemindersPage } from '@/lib/reminders/queries';
import { runSendDueReminders, sendDueReminders } from '@/lib/reminders/send-due';
import { configureReminders, readReminderSettings } from '@/lib/reminders/settings';
import { adminActor, staffActor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createSubmission, createUser, createYear } from '../helpers/fixtures';
import { must } from '../helpers/must';
import { decodeMail, type Inbox, openInbox } from '../helpers/smtp-server';

let database: TestDatabase;
let admin: Actor;
let staff: Actor;
let inbox: Inbox;
let config: NodeJS.ProcessEnv;
const orgs: Record<string, number> = {};

/** 09:00 Danish time (winter, UTC+1) on a day. */
const at = (day: string) => new Date(`${day}T08:00:00.000Z`);

/** The mails arrived and not taken yet, taken. */
async function takeMails() {
  const count = inbox.waiting().length;
  const mails = [];
  for (let index = 0; index < count; index++) mails.push(await inbox.next());
  return mails;
}

async function reminderRows() {
  return database.db.select().from(reminderMails).orderBy(reminderMails.id);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  inbox = await openInbox();
  config = { NODE_ENV: 'test', SMTP_URL: inbox.url, SITE_URL: 'https://klynge.example' };
  await createYear(db, 2026, 'open', { deadline: '2027-03-15' });
  await createYear(db, 2025, 'published', { deadline: '2026-03-15' });
  for (const slug of ['quiet', 'drafty', 'done', 'extended'])
    orgs[slug] = (await createOrganisation(db, { slug, name: slug.toUpperCase() })).id;
  await createUser(db, {
    email: 'quiet@example.org',
    name: 'Quiet One',
    organisationIds: [must(orgs.quiet)],
  });
  await createUser(db, {
    email: 'quiet-gone@example.org',
    disabled: true,
    organisationIds: [must(orgs.quiet)],
  });
  await createUser(db, { email: 'drafty@example.org', organisationIds: [must(orgs.drafty)] });
  await createUser(db, { email: 'done@example.org', organisationIds: [must(orgs.done)] });
  await createUser(db, { email: 'extended@example.org', organisationIds: [must(orgs.extended)] });
  await createSubmission(db, { organisationId: must(orgs.drafty), year: 2026, state: 'draft' });
  await createSubmission(db, { organisationId: must(orgs.done), year: 2026, state: 'submitted' });
  const extended = await createSubmission(db, { organisationId: must(orgs.extended), year: 2026 });
  await db.update(submissions).set({ deadlineOverride: '2027-04-15' }).where(eq(submissions.id, extended.id));
  admin = await adminActor(db);
  // staff of the organisation that submitted: never reminded
  staff = await staffActor(db, [must(orgs.done)]);
});

afterAll(async () => {
  await inbox.close();
  await database.destroy();
});

describe('the setting', () => {
  it('starts with no reminders, and then none is sent', async () => {
    expect(await readReminderSettings(database.db)).toEqual({ daysBefore: null, daysAfter: null });
    expect(await sendDueReminders(database.db, { now: at('2027-03-14'), config })).toEqual([]);
    expect(await reminderRows()).toEqual([]);
  });

  it('[staff] refused, and bad numbers refused with what is wrong: nothing stored, nothing audited', async () => {
    expect(await configureReminders(database.db, staff, { daysBefore: '7', daysAfter: '3' })).toMatchObject({
      kind: 'forbidden',
    });
    for (const daysBefore of ['abc', '61', '-1', '1.5', '1e3'])
      expect(await configureReminders(database.db, admin, { daysBefore, daysAfter: '' })).toMatchObject({
        kind: 'invalid',
        fieldErrors: { daysBefore: ['reminders.errors.days_before_invalid'] },
      });
    // the deadline day is still in time: "0 days after" is no day at all
    expect(await configureReminders(database.db, admin, { daysBefore: '', daysAfter: '0' })).toMatchObject({
      kind: 'invalid',
      fieldErrors: { daysAfter: ['reminders.errors.days_after_invalid'] },
    });
    expect(await readReminderSettings(database.db)).toEqual({ daysBefore: null, daysAfter: null });
    const audited = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'round.remind_settings'));
    expect(audited).toEqual([]);
  });

  it('is changed by the secretariat and audited with before and after', async () => {
    expect(await configureReminders(database.db, admin, { daysBefore: ' 7 ', daysAfter: '3' })).toMatchObject(
      {
        ok: true,
      },
    );
    expect(await readReminderSettings(database.db)).toEqual({ daysBefore: 7, daysAfter: 3 });
    const [event] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'round.remind_settings'));
    expect(event).toMatchObject({
      actorId: admin.userId,
      before: { daysBefore: null, daysAfter: null },
      after: { daysBefore: 7, daysAfter: 3 },
    });
    const [row] = await database.db.select().from(reminderSettings);
    expect(row?.updatedBy).toBe(admin.userId);
  });
});

describe('the reminders due', () => {
  it('sends nothing the day before the first reminder day', async () => {
    expect(await sendDueReminders(database.db, { now: at('2027-03-07'), config })).toEqual([]);
    expect(inbox.waiting()).toEqual([]);
  });

  it('reminds the staff who have not handed in, 7 days before their deadline, once', async () => {
    const sent = await sendDueReminders(database.db, { now: at('2027-03-08'), config });
    expect(sent.map((entry) => [entry.email, entry.kind, entry.deadline, entry.delivery])).toEqual([
      ['drafty@example.org', 'before', '2027-03-15', 'smtp'],
      ['quiet@example.org', 'before', '2027-03-15', 'smtp'],
    ]);
    // not the disabled person, not the organisation that submitted, not the one with a later deadline
    expect(inbox.waiting().map((mail) => mail.to)).toEqual([['drafty@example.org'], ['quiet@example.org']]);
    await takeMails();
    // the same day again, and a later day before the deadline: nothing new
    expect(await sendDueReminders(database.db, { now: at('2027-03-08'), config })).toEqual([]);
    expect(await sendDueReminders(database.db, { now: at('2027-03-15'), config })).toEqual([]);
    expect(inbox.waiting()).toEqual([]);
    const rows = await reminderRows();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ delivery: 'smtp', kind: 'before' });
    const [audit] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'round.remind_auto'));
    expect(audit).toMatchObject({
      actorId: null,
      entityType: 'reporting_year',
      entityId: '2026',
      after: { recipients: ['drafty@example.org', 'quiet@example.org'], remindedBefore: 2, remindedAfter: 0 },
    });
  });

  it('after the deadline: the late ones get the after-reminder from its day on, in both languages', async () => {
    expect(await sendDueReminders(database.db, { now: at('2027-03-17'), config })).toEqual([]);
    const sent = await sendDueReminders(database.db, { now: at('2027-03-18'), config });
    expect(sent.map((entry) => [entry.email, entry.kind])).toEqual([
      ['drafty@example.org', 'after'],
      ['quiet@example.org', 'after'],
    ]);
    const mails = await takeMails();
    const quiet = must(mails.find((mail) => mail.to.includes('quiet@example.org')));
    const { body } = decodeMail(quiet);
    expect(body).toContain('Kære Quiet One');
    expect(body).toContain(
      'Fristen for QUIETs indberetning til performanceregnskabet for 2026 var 15. marts 2027',
    );
    expect(body).toContain('https://klynge.example/portal/quiet/2026');
    expect(body).toContain('Dear Quiet One');
    expect(body).toContain('The deadline for QUIET’s report'.replace('’', "'"));
    expect(body).toContain('15 March 2027');
    expect(body).toContain('https://klynge.example/en/portal/quiet/2026');
  });

  it('sends each reminder once when two runs race for it', async () => {
    // the organisation with its own deadline (15 April) is due on 8 April
    const [first, second] = await Promise.all([
      sendDueReminders(database.db, { now: at('2027-04-08'), config }),
      sendDueReminders(database.db, { now: at('2027-04-08'), config }),
    ]);
    expect([...must(first), ...must(second)].map((entry) => entry.email)).toEqual(['extended@example.org']);
    expect(inbox.waiting().map((mail) => mail.to)).toEqual([['extended@example.org']]);
    await takeMails();
    const rows = (await reminderRows()).filter((row) => row.email === 'extended@example.org');
    expect(rows).toHaveLength(1);
    expect(await sendDueReminders(database.db, { now: at('2027-05-01'), config })).toEqual(
      // the extended organisation's after-reminder (15 April + 3 days) is still to come: it comes now
      [expect.objectContaining({ email: 'extended@example.org', kind: 'after' })],
    );
    await takeMails();
  });

  it('an extended deadline earns reminders of its own; without a mail server they are logged, and said so', async () => {
    const drafty = must(
      (
        await database.db
          .select()
          .from(submissions)
          .where(eq(submissions.organisationId, must(orgs.drafty)))
      )[0],
    );
    await database.db
      .update(submissions)
      .set({ deadlineOverride: '2027-06-01' })
      .where(eq(submissions.id, drafty.id));
    const sent = await sendDueReminders(database.db, { now: at('2027-05-25'), config: { NODE_ENV: 'test' } });
    expect(sent).toEqual([
      expect.objectContaining({
        email: 'drafty@example.org',
        kind: 'before',
        deadline: '2027-06-01',
        delivery: 'logged',
      }),
    ]);
    expect(inbox.waiting()).toEqual([]);
  });

  it('the mail says the same in Danish and English, subject included', () => {
    const mail = reminderMail(
      {
        to: 'a@example.org',
        name: 'A',
        organisation: 'North',
        slug: 'north',
        year: 2026,
        deadline: '2027-03-15',
        kind: 'before',
      },
      { NODE_ENV: 'test', SITE_URL: 'https://klynge.example' },
    );
    expect(mail.subject).toBe(
      'Påmindelse: indberetning til performanceregnskabet 2026 / Reminder: your report for the performance accounts 2026',
    );
    expect(mail.text).toContain('Fristen er 15. marts 2027.');
    expect(mail.text).toContain('The deadline is 15 March 2027.');
  });
});

describe('what the secretariat sees', () => {
  it('lists every reminder with its delivery, filtered by year; [staff] refused', async () => {
    const page = await getRemindersPage(database.db, admin, { year: '2026' });
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    expect(page.value.settings).toEqual({ daysBefore: 7, daysAfter: 3 });
    expect(page.value.openYears).toEqual([
      { year: 2026, deadline: '2027-03-15', before: '2027-03-08', after: '2027-03-18' },
    ]);
    expect(page.value.reminders).toHaveLength(7);
    expect(page.value.reminders[0]).toMatchObject({
      email: 'drafty@example.org',
      delivery: 'logged',
      kind: 'before',
    });
    const other = await getRemindersPage(database.db, admin, { year: '2025' });
    expect(other.ok && other.value.reminders).toEqual([]);
    expect(await getRemindersPage(database.db, staff, {})).toMatchObject({ kind: 'forbidden' });
  });
});

describe('the job', () => {
  it('runs through the job runner on the app clock and sends what is due, once', async () => {
    process.env.KLYNGE_TEST_CLOCK_TOKEN = 'reminders-test';
    const saved = { SMTP_URL: process.env.SMTP_URL, SITE_URL: process.env.SITE_URL };
    process.env.SMTP_URL = inbox.url;
    process.env.SITE_URL = 'https://klynge.example';
    const runner = new JobRunner<AppJobContext>({
      connection: jobConnectionFor(database),
      jobs: [handle(sendDueRemindersJob, runSendDueReminders)],
      context: { db: database.db },
    });
    try {
      await runner.start();
      // the drafty organisation's extended deadline (1 June) passed 3 days ago
      setTestClock(at('2027-06-04'));
      const id = must(await runner.send(sendDueRemindersJob, {}));
      expect(await runner.finished(sendDueRemindersJob, id)).toBe('completed');
      expect((await takeMails()).map((mail) => mail.to)).toEqual([['drafty@example.org']]);
      const again = must(await runner.send(sendDueRemindersJob, {}));
      expect(await runner.finished(sendDueRemindersJob, again)).toBe('completed');
      expect(inbox.waiting()).toEqual([]);
    } finally {
      setTestClock(null);
      await runner.stop();
      delete process.env.KLYNGE_TEST_CLOCK_TOKEN;
      for (const [name, value] of Object.entries(saved))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
  });
});
