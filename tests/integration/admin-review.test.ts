import { must } from '../helpers/must';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, submissions, submissionValues, yearExclusions } from '@/db/schema';
import {
  approveSubmission,
  bulkApproveWithoutWarnings,
  extendDeadline,
  flagValue,
  returnSubmission,
  sendReminders,
} from '@/lib/review/mutations';
import { getReview, getRoundOverview, listFlaggedValues } from '@/lib/review/queries';
import type { Actor } from '@/lib/auth/actor';
import { adminActor, staffActor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { openInbox } from '../helpers/smtp-server';
import {
  createOrganisation,
  createSubmission,
  createUser,
  createYear,
  validCvrs,
  submissionById,
} from '../helpers/fixtures';

let database: TestDatabase;
let admin: Actor;
let staff: Actor;
const ids: Record<string, number> = {};
const orgs: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await createYear(db, 2019, 'published');
  await createYear(db, 2020, 'open', { deadline: '2021-03-01' });
  for (const slug of ['calm', 'jumpy', 'listed', 'idle', 'gone']) {
    orgs[slug] = (await createOrganisation(db, { slug, name: slug.toUpperCase() })).id;
  }
  await createUser(db, { email: 'idle-staff@example.org', organisationIds: [must(orgs.idle)] });
  admin = await adminActor(db);
  staff = await staffActor(db, [must(orgs.calm)]);
  // last year, approved: calm 100 → 110 (no warning), jumpy 100 → 300 (warning)
  await createSubmission(db, {
    organisationId: must(orgs.calm),
    year: 2019,
    state: 'approved',
    values: { innovation_projects: 100 },
  });
  await createSubmission(db, {
    organisationId: must(orgs.jumpy),
    year: 2019,
    state: 'approved',
    values: { innovation_projects: 100 },
  });
  ids.calm = (
    await createSubmission(db, {
      organisationId: must(orgs.calm),
      year: 2020,
      state: 'submitted',
      values: { innovation_projects: 110 },
    })
  ).id;
  ids.jumpy = (
    await createSubmission(db, {
      organisationId: must(orgs.jumpy),
      year: 2020,
      state: 'submitted',
      values: { innovation_projects: 300 },
    })
  ).id;
  await db
    .update(submissionValues)
    .set({ comment: 'Nyt EU-projekt' })
    .where(eq(submissionValues.submissionId, must(ids.jumpy)));
  const [a, b] = validCvrs(2);
  ids.listed = (
    await createSubmission(db, {
      organisationId: must(orgs.listed),
      year: 2020,
      state: 'submitted',
      companies: [{ cvr: must(a), newIdeas: true }, { cvr: must(b) }],
    })
  ).id;
  await db.insert(yearExclusions).values({ year: 2020, organisationId: must(orgs.gone), reason: 'Lukket' });
});

afterAll(async () => {
  await database.destroy();
});

describe('review', () => {
  it('[staff] cannot read a review, approve, return, flag or bulk-approve, and each refusal is audited', async () => {
    const { db } = database;
    const before = await submissionById(database.db, must(ids.calm));
    expect(await getReview(db, staff, must(ids.calm))).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(
      await approveSubmission(db, staff, { submissionId: must(ids.calm), version: before.version }),
    ).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(
      await returnSubmission(db, staff, {
        submissionId: must(ids.calm),
        version: before.version,
        remark: 'x',
      }),
    ).toMatchObject({ kind: 'forbidden' });
    expect(
      await flagValue(db, staff, {
        submissionId: must(ids.calm),
        indicatorKey: 'innovation_projects',
        flagged: true,
      }),
    ).toMatchObject({ kind: 'forbidden' });
    expect(await bulkApproveWithoutWarnings(db, staff, { year: 2020 })).toMatchObject({ kind: 'forbidden' });
    expect(
      await extendDeadline(db, staff, {
        organisationId: must(orgs.calm),
        year: 2020,
        deadline: '2021-04-01',
      }),
    ).toMatchObject({ kind: 'forbidden' });
    expect(await getRoundOverview(db, null, { year: 2020 })).toMatchObject({ kind: 'forbidden' });
    expect(await submissionById(database.db, must(ids.calm))).toEqual(before);
    const denied = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'access.denied'), eq(auditEvents.actorId, staff.userId)));
    expect(denied.length).toBe(6);
  });

  it('shows the submission beside last year with the big changes and their explanations on top', async () => {
    const review = await getReview(database.db, admin, must(ids.jumpy));
    if (!review.ok) throw new Error(review.message);
    expect(review.value.warnings).toEqual([
      { key: 'innovation_projects', last: 100, current: 300, change: 2, explanation: 'Nyt EU-projekt' },
    ]);
    const row = must(review.value.rows.find((entry) => entry.key === 'innovation_projects'));
    expect(row.current?.value).toBe(300);
    expect(row.lastYear?.value).toBe(100);
    expect(review.value.changesSinceApproval).toBeNull();
  });

  it('derives company figures from the list for review', async () => {
    const review = await getReview(database.db, admin, must(ids.listed));
    if (!review.ok) throw new Error(review.message);
    expect(must(review.value.rows.find((entry) => entry.key === 'participants')).current?.value).toBe(2);
    expect(must(review.value.rows.find((entry) => entry.key === 'new_ideas')).current?.value).toBe(1);
  });

  it('returns with a remark staff see; an empty remark is refused and changes nothing', async () => {
    const { db } = database;
    const before = await submissionById(database.db, must(ids.jumpy));
    const empty = await returnSubmission(db, admin, {
      submissionId: must(ids.jumpy),
      version: before.version,
      remark: '   ',
    });
    expect(empty).toMatchObject({
      ok: false,
      kind: 'invalid',
      fieldErrors: { remark: ['admin.errors.remark_required'] },
    });
    expect(await submissionById(database.db, must(ids.jumpy))).toEqual(before);
    // the year's deadline has passed: the return gives the organisation a new one (issue 16)
    const result = await returnSubmission(db, admin, {
      submissionId: must(ids.jumpy),
      version: before.version,
      remark: ' Forklar stigningen ',
      deadline: '2099-03-01',
    });
    expect(result).toMatchObject({ ok: true, value: { state: 'returned', version: before.version + 1 } });
    const after = await submissionById(database.db, must(ids.jumpy));
    expect(after).toMatchObject({
      state: 'returned',
      remark: 'Forklar stigningen',
      reviewedBy: admin.userId,
    });
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'submission.return'));
    expect(event).toMatchObject({
      before: { state: 'submitted' },
      after: { state: 'returned', remark: 'Forklar stigningen' },
    });
  });

  it('refuses a stale version (no lost update) and a transition from the wrong state', async () => {
    const { db } = database;
    const current = await submissionById(database.db, must(ids.jumpy));
    expect(
      await approveSubmission(db, admin, { submissionId: must(ids.jumpy), version: current.version - 1 }),
    ).toMatchObject({ kind: 'conflict', message: 'admin.errors.stale_version' });
    expect(
      await approveSubmission(db, admin, { submissionId: must(ids.jumpy), version: current.version }),
    ).toMatchObject({ kind: 'conflict', message: 'admin.errors.wrong_state' });
    expect(await submissionById(database.db, must(ids.jumpy))).toEqual(current);
  });

  it('bulk-approves only the submitted ones without warnings', async () => {
    const { db } = database;
    await db
      .update(submissions)
      .set({ state: 'submitted' })
      .where(eq(submissions.id, must(ids.jumpy)));
    const result = await bulkApproveWithoutWarnings(db, admin, { year: 2020 });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.approved.sort()).toEqual([must(ids.calm), must(ids.listed)].sort());
    expect(result.value.skipped).toEqual([must(ids.jumpy)]);
    expect((await submissionById(database.db, must(ids.calm))).state).toBe('approved');
    expect((await submissionById(database.db, must(ids.jumpy))).state).toBe('submitted');
  });

  it('approves, then shows what changed since approval', async () => {
    const { db } = database;
    const current = await submissionById(database.db, must(ids.jumpy));
    expect(
      await approveSubmission(db, admin, { submissionId: must(ids.jumpy), version: current.version }),
    ).toMatchObject({ ok: true });
    await db
      .update(submissionValues)
      .set({ value: 250 })
      .where(eq(submissionValues.submissionId, must(ids.jumpy)));
    const review = await getReview(db, admin, must(ids.jumpy));
    if (!review.ok) throw new Error(review.message);
    expect(review.value.changesSinceApproval).toEqual([
      {
        key: 'innovation_projects',
        before: { value: 300, denominator: null },
        after: { value: 250, denominator: null },
      },
    ]);
  });

  it('flags single values and lists every flagged value of the year', async () => {
    const { db } = database;
    expect(
      await flagValue(db, admin, {
        submissionId: must(ids.calm),
        indicatorKey: 'innovation_projects',
        flagged: true,
        note: 'Tjek tallet',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await flagValue(db, admin, {
        submissionId: must(ids.calm),
        indicatorKey: 'no_such_key',
        flagged: true,
      }),
    ).toMatchObject({ kind: 'not_found' });
    const flagged = await listFlaggedValues(db, admin, { year: 2020 });
    expect(flagged).toMatchObject({
      ok: true,
      value: [{ slug: 'calm', key: 'innovation_projects', value: 110, note: 'Tjek tallet' }],
    });
    await flagValue(db, admin, {
      submissionId: must(ids.calm),
      indicatorKey: 'innovation_projects',
      flagged: false,
    });
    expect(await listFlaggedValues(db, admin, { year: 2020 })).toMatchObject({ ok: true, value: [] });
  });

  it('extends the deadline for one organisation only, and refuses one not later than the year', async () => {
    const { db } = database;
    expect(
      await extendDeadline(db, admin, {
        organisationId: must(orgs.idle),
        year: 2020,
        deadline: '2021-02-01',
      }),
    ).toMatchObject({
      kind: 'invalid',
      fieldErrors: { deadline: ['admin.errors.deadline_not_later'] },
    });
    expect(
      await extendDeadline(db, admin, {
        organisationId: must(orgs.idle),
        year: 2020,
        deadline: '2021-04-15',
      }),
    ).toMatchObject({ ok: true });
    const overview = await getRoundOverview(db, admin, { year: 2020, today: '2021-03-10' });
    if (!overview.ok) throw new Error(overview.message);
    const idle = must(overview.value.rows.find((row) => row.slug === 'idle'));
    expect(idle).toMatchObject({ deadline: '2021-04-15', extended: true, late: false, state: 'draft' });
    expect(overview.value.rows.find((row) => row.slug === 'calm')).toMatchObject({
      deadline: '2021-03-01',
      extended: false,
    });
  });
});

describe('round overview', () => {
  it('counts states, marks late ones and excluded ones, filters by the URL filters', async () => {
    const { db } = database;
    const overview = await getRoundOverview(db, admin, { year: 2020, today: '2021-05-01' });
    if (!overview.ok) throw new Error(overview.message);
    expect(overview.value.counts).toMatchObject({ approved: 3, excluded: 1, draft: 1, not_started: 0 });
    expect(must(overview.value.rows.find((row) => row.slug === 'idle')).late).toBe(true);
    expect(overview.value.rows.find((row) => row.slug === 'gone')).toMatchObject({
      state: 'excluded',
      late: false,
      exclusionReason: 'Lukket',
    });
    const filtered = await getRoundOverview(db, admin, { year: 2020, filters: { state: 'approved' } });
    expect(filtered.ok && filtered.value.rows.map((row) => row.slug).sort()).toEqual([
      'calm',
      'jumpy',
      'listed',
    ]);
    const none = await getRoundOverview(db, admin, { year: 2020, filters: { region: 'nordjylland' } });
    expect(none.ok && none.value.rows).toEqual([]);
  });

  it('reminds the staff of organisations that have not submitted (logged without SMTP_URL)', async () => {
    const result = await sendReminders(database.db, admin, { year: 2020 }, { config: { NODE_ENV: 'test' } });
    expect(result).toMatchObject({
      ok: true,
      value: { sent: [{ email: 'idle-staff@example.org', organisation: 'IDLE', delivery: 'logged' }] },
    });
    expect(
      await sendReminders(database.db, staff, { year: 2020 }, { config: { NODE_ENV: 'test' } }),
    ).toMatchObject({
      kind: 'forbidden',
    });
  });

  it('sends the reminder through SMTP (the one mail path) when SMTP_URL is set', async () => {
    const inbox = await openInbox();
    try {
      const env = {
        NODE_ENV: 'test' as const,
        SMTP_URL: inbox.url,
        SITE_URL: 'https://klynge.example',
      };
      const result = await sendReminders(database.db, admin, { year: 2020 }, { config: env });
      expect(result).toMatchObject({
        ok: true,
        value: { sent: [{ email: 'idle-staff@example.org', organisation: 'IDLE', delivery: 'smtp' }] },
      });
      // sendMail resolves after the server accepted the message
      expect(inbox.waiting().map((mail) => mail.to)).toEqual([['idle-staff@example.org']]);
      const body = (await inbox.next()).raw.replace(/=\r?\n/g, '');
      expect(body).toContain('https://klynge.example/portal');
      expect(body).toContain('IDLE');
      // in both languages, each with its own link, as the automatic reminders
      expect(body).toContain('has not yet submitted its report');
      expect(body).toContain('https://klynge.example/en/portal');
    } finally {
      await inbox.close();
    }
  });
});
