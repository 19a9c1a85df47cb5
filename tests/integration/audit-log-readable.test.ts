// An audit log a person can read (issue 16, item 11): each event's action, record and changes in
// words in the reader's language, filtered by Danish calendar day, page by page, and the same as
// a CSV in each language — with the codes and JSON a machine reads in their own columns.
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { exportAuditLog } from '@/lib/audit/export';
import { AUDIT_PAGE_SIZE, getAuditLogPage } from '@/lib/audit/queries';
import { returnSubmission } from '@/lib/review/mutations';
import { adminActor, staffActor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createSubmission, createYear } from '../helpers/fixtures';
import { must } from '../helpers/must';

let database: TestDatabase;
let admin: Actor;
let staff: Actor;
let organisationId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await createYear(db, 2023, 'open', { opensOn: '2023-01-01', deadline: '2099-03-01' });
  const organisation = await createOrganisation(db, { slug: 'readable', name: 'Læsbar Klynge' });
  organisationId = organisation.id;
  admin = await adminActor(db);
  staff = await staffActor(db, [organisation.id]);
  const submission = await createSubmission(db, {
    organisationId: organisation.id,
    year: 2023,
    state: 'submitted',
    values: { innovation_projects: 3 },
  });
  const returned = await returnSubmission(db, admin, {
    submissionId: submission.id,
    version: submission.version,
    remark: 'Tjek projekterne',
    deadline: '2099-04-01',
  });
  if (!returned.ok) throw new Error(returned.message);
  // two events either side of Danish midnight on 1 July 2024 (22:00 UTC)
  await db.insert(auditEvents).values([
    {
      at: new Date('2024-06-30T21:59:00Z'),
      actorEmail: 'early@example.org',
      action: 'year.deadline',
      entityType: 'reporting_year',
      entityId: '2023',
      before: { deadline: '2024-03-01' },
      after: { deadline: '2024-03-15' },
    },
    {
      at: new Date('2024-06-30T22:01:00Z'),
      actorEmail: 'late@example.org',
      action: 'year.deadline',
      entityType: 'reporting_year',
      entityId: '2023',
      before: { deadline: '2024-03-15' },
      after: { deadline: '2024-04-01' },
    },
  ]);
});

afterAll(async () => {
  await database?.destroy();
});

const page = (query: Record<string, string>, locale: 'da' | 'en' = 'da', actor = admin) =>
  getAuditLogPage(database.db, actor, { query, locale });

describe('the audit log in words', () => {
  it('tells a return as “Sendt retur” with its changes, not JSON', async () => {
    const result = await page({ action: 'submission.return' });
    if (!result.ok) throw new Error(result.message);
    const [event] = result.value.events;
    expect(event).toMatchObject({
      actionText: 'Sendt retur',
      entityText: 'Indberetning',
      organisation: 'Læsbar Klynge',
    });
    expect(must(event).changes).toEqual(
      expect.arrayContaining([
        { field: 'Status', before: 'Indsendt', after: 'Sendt retur' },
        { field: 'Bemærkning', before: '–', after: 'Tjek projekterne' },
        { field: 'Organisationens frist', before: '–', after: '1. april 2099' },
      ]),
    );
    const english = await page({ action: 'submission.return' }, 'en');
    expect(english.ok && must(english.value.events[0]).changes).toEqual(
      expect.arrayContaining([{ field: 'State', before: 'Submitted', after: 'Returned' }]),
    );
  });

  it('filters by Danish calendar day: 1 July starts at Danish midnight', async () => {
    const july = await page({ action: 'year.deadline', from: '2024-07-01', to: '2024-07-01' });
    expect(july.ok && july.value.events.map((event) => event.actorEmail)).toEqual(['late@example.org']);
    const june = await page({ action: 'year.deadline', from: '2024-06-30', to: '2024-06-30' });
    expect(june.ok && june.value.events.map((event) => event.actorEmail)).toEqual(['early@example.org']);
  });

  it('a date that is no day is not used, and said so; an action group filters by its prefix', async () => {
    const result = await page({ from: '2024-02-30', action: 'year.' });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.invalidDates).toEqual(['2024-02-30']);
    expect(result.value.events.every((event) => event.action.startsWith('year.'))).toBe(true);
    expect(result.value.events.length).toBeGreaterThanOrEqual(2);
  });

  it('pages through the events, the newest first', async () => {
    await database.db.insert(auditEvents).values(
      Array.from({ length: AUDIT_PAGE_SIZE + 3 }, (_, index) => ({
        actorEmail: 'bulk@example.org',
        action: 'organisation.update',
        entityType: 'organisation',
        entityId: String(organisationId),
        after: { name: `Navn ${index}` },
      })),
    );
    const first = await page({ user: 'bulk@example.org' });
    const second = await page({ user: 'bulk@example.org', page: '2' });
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(first.value.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.value.hasMore).toBe(true);
    expect(second.value.events).toHaveLength(3);
    expect(second.value.hasMore).toBe(false);
    expect(must(first.value.events[0]).id).toBeGreaterThan(must(second.value.events[0]).id);
  });

  it('is refused to staff and to no one signed in, and the refusal is logged', async () => {
    for (const actor of [staff, null]) {
      expect(await page({}, 'da', actor as Actor)).toMatchObject({ ok: false, kind: 'forbidden' });
      expect(await exportAuditLog(database.db, actor, { query: {}, locale: 'da' })).toMatchObject({
        ok: false,
        kind: 'forbidden',
      });
    }
  });
});

describe('the CSV export', () => {
  it('in Danish: Danish labels, Danish time, semicolons for Danish Excel; codes in their own columns', async () => {
    const result = await exportAuditLog(database.db, admin, {
      query: { action: 'year.deadline' },
      locale: 'da',
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.filename).toMatch(/^klyngeregnskab-revisionslog-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(result.value.body.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = Papa.parse<string[]>(result.value.body.slice(1), {
      delimiter: ';',
    }).data.filter((row) => row.length > 1);
    expect(header).toEqual([
      'tidspunkt (dansk tid)',
      'bruger',
      'handling',
      'handlingskode',
      'post',
      'post-id',
      'organisation',
      'ændringer',
      'før (JSON)',
      'efter (JSON)',
    ]);
    const late = must(rows.find((row) => row[1] === 'late@example.org'));
    expect(late.slice(0, 8)).toEqual([
      '2024-07-01 00:01',
      'late@example.org',
      'Årets frist ændret',
      'year.deadline',
      'År',
      '2023',
      '',
      'Frist: 15. marts 2024 → 1. april 2024',
    ]);
    expect(JSON.parse(must(late[9]))).toEqual({ deadline: '2024-04-01' });
  });

  it('in English: English labels, commas for English Excel, the same Danish times', async () => {
    const result = await exportAuditLog(database.db, admin, {
      query: { action: 'year.deadline', user: 'late@example.org' },
      locale: 'en',
    });
    if (!result.ok) throw new Error(result.message);
    const [header, row] = Papa.parse<string[]>(result.value.body.slice(1), { delimiter: ',' }).data;
    expect(must(header)[0]).toBe('time (Danish time)');
    expect(must(row).slice(0, 8)).toEqual([
      '2024-07-01 00:01',
      'late@example.org',
      "Year's deadline changed",
      'year.deadline',
      'Year',
      '2023',
      '',
      'Deadline: 15 March 2024 → 1 April 2024',
    ]);
  });
});
