// The review page's comparisons (issue 16, items 6 and 7): the company list itself — searched,
// set against last year's list and against the list as returned — the figures beside the
// returned version and last year's, and a return of a closed year that gives the organisation a
// new deadline in the same step, so its staff can correct the report.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportingYears, submissionSnapshots } from '@/db/schema';
import { describeFailure } from '@/lib/actions/messages';
import type { Actor } from '@/lib/auth/actor';
import { COMPANY_PAGE_SIZE } from '@/lib/review/compare';
import { getCompanyList, getSubmissionComparison } from '@/lib/review/comparison';
import { approveSubmission, returnSubmission } from '@/lib/review/mutations';
import { saveSubmission, uploadCompanyList } from '@/lib/submissions/save';
import { adminActor, staffActor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import {
  createOrganisation,
  createSubmission,
  createYear,
  validCvrs,
  submissionById,
} from '../helpers/fixtures';
import { must } from '../helpers/must';

let database: TestDatabase;
let admin: Actor;
let staff: Actor;
let outsider: Actor;
let submissionId: number;
let closedId: number;
const [A, B, C, D, E] = validCvrs(5, 3_300_000) as [string, string, string, string, string];
const many = validCvrs(COMPANY_PAGE_SIZE + 7, 4_400_000);

const csv = (rows: string[]) => `cvr;new_ideas;under_50\n${rows.join('\n')}\n`;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await createYear(db, 2019, 'published');
  await createYear(db, 2020, 'open', { opensOn: '2020-01-01', deadline: '2099-03-01' });
  const organisation = await createOrganisation(db, { slug: 'listed', name: 'Listed' });
  const closedOrganisation = await createOrganisation(db, { slug: 'late', name: 'Late' });
  await createYear(db, 2021, 'closed', { opensOn: '2021-01-01', deadline: '2022-03-01' });
  admin = await adminActor(db);
  staff = await staffActor(db, [organisation.id, closedOrganisation.id]);
  outsider = await staffActor(db, []);
  // last year: A, B (new ideas) and C
  await createSubmission(db, {
    organisationId: organisation.id,
    year: 2019,
    state: 'approved',
    values: { innovation_projects: 10 },
    companies: [{ cvr: A }, { cvr: B, newIdeas: true }, { cvr: C }],
  });
  // this year: B without new ideas now, C as before, D new; A is gone
  submissionId = (
    await createSubmission(db, {
      organisationId: organisation.id,
      year: 2020,
      state: 'submitted',
      values: { innovation_projects: 15 },
      companies: [{ cvr: B }, { cvr: C }, { cvr: D, under50: true }],
    })
  ).id;
  closedId = (
    await createSubmission(db, {
      organisationId: closedOrganisation.id,
      year: 2021,
      state: 'approved',
      values: { innovation_projects: 4 },
    })
  ).id;
});

afterAll(async () => {
  await database?.destroy();
});

describe('the company list on the review page', () => {
  it('shows the list with what is new, gone and changed since last year', async () => {
    const result = await getCompanyList(database.db, admin, { submissionId });
    if (!result.ok) throw new Error(result.message);
    const list = result.value;
    expect(list).toMatchObject({
      hasList: true,
      total: 3,
      base: 'last_year',
      counts: { added: 1, gone: 1, changed: 1, kept: 1 },
      matching: 3,
    });
    expect(list.rows.map((row) => [row.cvr, row.status])).toEqual(
      [
        [B, 'changed'],
        [C, 'kept'],
        [D, 'added'],
      ].sort(),
    );
    const changed = must(list.rows.find((row) => row.cvr === B));
    expect(changed.flags?.new_ideas).toBe(false);
    expect(changed.baseFlags?.new_ideas).toBe(true);
  });

  it('lists the companies gone since last year, with last year’s flags', async () => {
    const result = await getCompanyList(database.db, admin, { submissionId, view: 'gone' });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.rows).toEqual([
      { cvr: A, flags: null, baseFlags: expect.objectContaining({ new_ideas: false }), status: 'gone' },
    ]);
  });

  it('searches by the beginning of a CVR number and by flag; anything but digits finds nothing', async () => {
    const bySearch = await getCompanyList(database.db, admin, { submissionId, search: D.slice(0, 7) });
    expect(bySearch.ok && bySearch.value.rows.map((row) => row.cvr)).toEqual([D]);
    const spaced = await getCompanyList(database.db, admin, {
      submissionId,
      search: `${D.slice(0, 4)} ${D.slice(4)}`,
    });
    expect(spaced.ok && spaced.value.rows.map((row) => row.cvr)).toEqual([D]);
    const byFlag = await getCompanyList(database.db, admin, { submissionId, flag: 'under_50' });
    expect(byFlag.ok && byFlag.value.rows.map((row) => row.cvr)).toEqual([D]);
    for (const search of ["1' or '1'='1", 'abc', '%', '123456789']) {
      const refused = await getCompanyList(database.db, admin, { submissionId, search });
      expect(refused.ok && refused.value).toMatchObject({ searchInvalid: true, matching: 0, rows: [] });
    }
  });

  it('is refused to staff, the organisation’s own included, and to no one signed in', async () => {
    for (const actor of [staff, outsider, null]) {
      expect(await getCompanyList(database.db, actor, { submissionId })).toMatchObject({
        ok: false,
        kind: 'forbidden',
      });
      expect(await getSubmissionComparison(database.db, actor, submissionId)).toMatchObject({
        ok: false,
        kind: 'forbidden',
      });
    }
  });

  it('answers not found for a submission that does not exist', async () => {
    for (const id of [999_999, -1, 2 ** 31, Number.NaN]) {
      expect(await getCompanyList(database.db, admin, { submissionId: id })).toMatchObject({
        ok: false,
        kind: 'not_found',
      });
    }
  });
});

describe('after a return: what changed since', () => {
  it('before any return there is no earlier version to compare with', async () => {
    const result = await getSubmissionComparison(database.db, admin, submissionId);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.returned).toBeNull();
    const projects = must(result.value.rows.find((row) => row.key === 'innovation_projects'));
    expect(projects).toMatchObject({
      current: { value: 15 },
      lastYear: { value: 10 },
      changeFromLastYear: 0.5,
      changedSinceReturn: false,
    });
  });

  it('the returned version is kept; the resubmission shows each changed figure and company', async () => {
    const before = await submissionById(database.db, submissionId);
    const returned = await returnSubmission(database.db, admin, {
      submissionId,
      version: before.version,
      remark: 'Tjek listen',
    });
    expect(returned.ok).toBe(true);
    // staff correct: a new list (E added, D gone) and another count, then submit
    let current = await submissionById(database.db, submissionId);
    const upload = await uploadCompanyList(database.db, staff, {
      orgSlug: 'listed',
      year: 2020,
      version: current.version,
      csv: csv([`${B};0;0`, `${C};0;0`, `${E};1;0`]),
    });
    expect(upload.ok).toBe(true);
    current = await submissionById(database.db, submissionId);
    const saved = await saveSubmission(database.db, staff, {
      orgSlug: 'listed',
      year: 2020,
      version: current.version,
      intent: 'draft',
      fields: { innovation_projects: '12', new_competences: '0', new_products: '0' },
    });
    expect(saved.ok).toBe(true);

    const comparison = await getSubmissionComparison(database.db, admin, submissionId);
    if (!comparison.ok) throw new Error(comparison.message);
    expect(comparison.value.returned).toMatchObject({ version: before.version, fromState: 'submitted' });
    const row = (key: string) => must(comparison.value.rows.find((entry) => entry.key === key));
    expect(row('innovation_projects')).toMatchObject({
      current: { value: 12 },
      atReturn: { value: 15 },
      changedSinceReturn: true,
    });
    expect(row('new_ideas')).toMatchObject({ current: { value: 1 }, atReturn: { value: 0 } });
    expect(row('participants')).toMatchObject({ changedSinceReturn: false });

    const list = await getCompanyList(database.db, admin, { submissionId, base: 'returned' });
    if (!list.ok) throw new Error(list.message);
    expect(list.value).toMatchObject({
      base: 'returned',
      counts: { added: 1, gone: 1, kept: 2, changed: 0 },
    });
    const gone = await getCompanyList(database.db, admin, { submissionId, base: 'returned', view: 'gone' });
    expect(gone.ok && gone.value.rows.map((entry) => entry.cvr)).toEqual([D]);
  });

  it('pages through a long list', async () => {
    const organisation = await createOrganisation(database.db, { slug: 'long-list' });
    const long = await createSubmission(database.db, {
      organisationId: organisation.id,
      year: 2020,
      state: 'submitted',
      companies: many.map((cvr) => ({ cvr })),
    });
    const first = await getCompanyList(database.db, admin, { submissionId: long.id });
    const second = await getCompanyList(database.db, admin, { submissionId: long.id, page: 2 });
    const beyond = await getCompanyList(database.db, admin, { submissionId: long.id, page: 99 });
    if (!first.ok || !second.ok || !beyond.ok) throw new Error('refused');
    expect(first.value).toMatchObject({ base: null, matching: many.length, pageCount: 2 });
    expect(first.value.rows).toHaveLength(COMPANY_PAGE_SIZE);
    expect(second.value.rows.map((row) => row.cvr)).toEqual([...many].sort().slice(COMPANY_PAGE_SIZE));
    expect(beyond.value.filters.page).toBe(2);
  });
});

describe('a return of a closed year gives the organisation a new deadline', () => {
  it('without a new deadline it is refused under the field, and nothing changes', async () => {
    const before = await submissionById(database.db, closedId);
    const result = await returnSubmission(database.db, admin, {
      submissionId: closedId,
      version: before.version,
      remark: 'Ret antallet af projekter',
    });
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    expect(describeFailure(result as never, 'da').fieldErrors.deadline).toEqual([
      'Giv organisationen en ny frist: ellers kan den ikke rette indberetningen.',
    ]);
    expect(await submissionById(database.db, closedId)).toEqual(before);
    const snapshots = await database.db
      .select()
      .from(submissionSnapshots)
      .where(eq(submissionSnapshots.submissionId, closedId));
    expect(snapshots).toEqual([]);
  });

  it('a deadline in the past or not after the year’s is refused', async () => {
    const before = await submissionById(database.db, closedId);
    for (const [deadline, message] of [
      ['2000-01-01', 'Den nye frist må ikke ligge før i dag.'],
      ['2022-02-01', 'Den nye frist må ikke ligge før i dag.'],
      ['2031-02-30', undefined],
    ] as const) {
      const result = await returnSubmission(database.db, admin, {
        submissionId: closedId,
        version: before.version,
        remark: 'Ret antallet',
        deadline,
      });
      expect(result).toMatchObject({ ok: false, kind: 'invalid' });
      if (message) expect(describeFailure(result as never, 'da').fieldErrors.deadline).toEqual([message]);
    }
    expect(await submissionById(database.db, closedId)).toEqual(before);
  });

  it('with one, staff can correct and resubmit though the year is closed; others still cannot', async () => {
    const deadline = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const before = await submissionById(database.db, closedId);
    const result = await returnSubmission(database.db, admin, {
      submissionId: closedId,
      version: before.version,
      remark: 'Ret antallet af projekter',
      deadline,
    });
    expect(result.ok).toBe(true);
    const after = await submissionById(database.db, closedId);
    expect(after).toMatchObject({ state: 'returned', deadlineOverride: deadline });
    const [year] = await database.db.select().from(reportingYears).where(eq(reportingYears.year, 2021));
    expect(must(year).state).toBe('closed');

    const saved = await saveSubmission(database.db, staff, {
      orgSlug: 'late',
      year: 2021,
      version: after.version,
      intent: 'submit',
      fields: {
        innovation_projects: '5',
        participants: '3',
        new_ideas: '1',
        new_competences: '1',
        new_products: '0',
      },
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await submissionById(database.db, closedId)).toMatchObject({ state: 'submitted' });

    // another organisation of the closed year, without a deadline of its own, stays closed
    const other = await createOrganisation(database.db, { slug: 'other-late' });
    const otherStaff = await staffActor(database.db, [other.id]);
    const refused = await saveSubmission(database.db, otherStaff, {
      orgSlug: 'other-late',
      year: 2021,
      version: 0,
      intent: 'draft',
      fields: { innovation_projects: '1' },
    });
    expect(refused).toMatchObject({ ok: false, kind: 'invalid', message: 'portal.messages.closed' });

    const approved = await approveSubmission(database.db, admin, {
      submissionId: closedId,
      version: (await submissionById(database.db, closedId)).version,
    });
    expect(approved.ok).toBe(true);
  });

  it('in an open year before the deadline a return needs no new deadline', async () => {
    const comparison = await getSubmissionComparison(database.db, admin, submissionId);
    expect(comparison.ok && comparison.value.returnNeedsDeadline).toBe(false);
    const closed = await getSubmissionComparison(database.db, admin, closedId);
    expect(closed.ok && closed.value.returnNeedsDeadline).toBe(false);
  });
});
