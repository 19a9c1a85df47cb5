// Hostile input to the functions that write: a clear typed refusal and a database exactly as it
// was (compared by databaseFingerprint). Feature actions are added here as they land.
import { must } from '../helpers/must';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { submissions } from '@/db/schema';
import { buildExport } from '@/lib/exports/exports';
import { publishYear } from '@/lib/publications/publish';
import { describeFailure } from '@/lib/actions/messages';
import { loadCompanyListForDownload } from '@/lib/submissions/queries';
import { saveSubmission, uploadCompanyList } from '@/lib/submissions/save';
import { type CompanyListRow, replaceCompanyList } from '@/lib/submissions/company-list-store';
import {
  changedTables,
  type DatabaseFingerprint,
  databaseFingerprint,
} from '../helpers/database-fingerprint';
import { staffActor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { hostileNumber, hostileString, wrongType } from '../helpers/hostile-input';
import { createOrganisation, createSubmission, createYear, validCvrs } from '../helpers/fixtures';

let database: TestDatabase;
let submissionId: number;
let before: DatabaseFingerprint;

const hostileYear = fc.oneof(hostileNumber, wrongType, fc.constantFrom(2021, 2022, 2099, 2021.5, '2021'));
const hostileText = hostileString;
/** Change notes a correction must refuse. */
const refusedNote = fc.oneof(
  fc.constantFrom('', '   ', '\t\n', null, undefined),
  fc.string().map((text) => `${text}\u0000`),
  fc.string().map((text) => `\uD800${text}`),
  fc.nat({ max: 2000 }).map((extra) => 'n'.repeat(4001 + extra)),
);

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  // 2021 closed with an organisation not yet settled, 2022 open, 2023 published once
  await createYear(db, 2021, 'closed');
  await createYear(db, 2022, 'open');
  await createYear(db, 2023, 'closed');
  const drafting = await createOrganisation(db, { activeTo: 2021 });
  await createSubmission(db, { organisationId: drafting.id, year: 2021, state: 'draft' });
  const approved = await createOrganisation(db, { activeFrom: 2023 });
  const submission = await createSubmission(db, {
    organisationId: approved.id,
    year: 2023,
    state: 'approved',
    companies: validCvrs(5).map((cvr) => ({ cvr })),
  });
  submissionId = submission.id;
  expect(await publishYear(db, { year: 2023, actorId: null })).toMatchObject({ ok: true });
  before = await databaseFingerprint(db);
});
afterAll(async () => {
  await database.destroy();
});

async function expectUnchanged() {
  const after = await databaseFingerprint(database.db);
  expect(changedTables(before, after)).toEqual([]);
}

describe('publishing with hostile input', () => {
  it('any year other than a publishable one: a typed refusal, nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileYear.filter((year) => year !== 2023),
        fc.option(hostileText, { nil: null }),
        async (year, changeNote) => {
          const result = await publishYear(database.db, {
            year: year as number,
            actorId: null,
            changeNote: changeNote as string | null,
          });
          expect(result.ok).toBe(false);
          if (!result.ok) expect(['invalid', 'conflict', 'not_found']).toContain(result.kind);
          await expectUnchanged();
        },
      ),
      { numRuns: 120 },
    );
  });

  it('a correction with an empty, over-long or unstorable note: invalid, nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(refusedNote, async (changeNote) => {
        const result = await publishYear(database.db, {
          year: 2023,
          actorId: null,
          changeNote: changeNote as string | null,
        });
        expect(result).toMatchObject({ ok: false, kind: 'invalid' });
        await expectUnchanged();
      }),
      { numRuns: 60 },
    );
  });
});

describe('the company list store with hostile rows', () => {
  const badCvr = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '0'.repeat(8),
      '1234567',
      '123456789',
      "1234567'",
      '12345678,9',
      '{1,2}',
      '1e7',
      '１２３４５６７８',
    ),
  );

  it('refuses a list with one bad CVR number before touching the stored list, even outside a transaction', async () => {
    const good: CompanyListRow[] = validCvrs(3, 5_000_000).map((cvr) => ({
      cvr,
      dedicated: false,
      under_50: false,
      new_ideas: false,
      new_competences: false,
      new_products: false,
    }));
    await fc.assert(
      fc.asyncProperty(
        badCvr.filter((cvr) => !/^[1-9]\d{7}$/.test(cvr)),
        fc.nat({ max: 3 }),
        async (cvr, at) => {
          const rows = [...good];
          rows.splice(at, 0, { ...must(good[0]), cvr });
          await expect(replaceCompanyList(database.db, submissionId, rows)).rejects.toThrow(/invalid CVR/);
          await expectUnchanged();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the staff save form with hostile fields', () => {
  it('any posted fields: a typed answer, never an exception; a refusal stores nothing', async () => {
    const { db } = database;
    await createYear(db, 2030, 'open', { opensOn: '2031-01-01', deadline: '2031-03-01' });
    const organisation = await createOrganisation(db);
    const actor = await staffActor(db, [organisation.id]);
    const keys = ['participants', 'new_ideas', 'innovation_projects', 'public_funding', 'survey_innovation'];
    const fieldName = fc.oneof(
      fc.constantFrom(...keys),
      fc.constantFrom(...keys).map((key) => `${key}_comment`),
      fc.constantFrom(...keys).map((key) => `${key}_denominator`),
      hostileString.map((text) => text.slice(0, 40)),
    );
    const value = fc.oneof(
      hostileString,
      fc.nat({ max: 2_000_000 }).map(String),
      fc.constantFrom('10', '1.000', '-5', '1e3'),
    );
    const fields = fc.oneof(
      fc.dictionary(fieldName, value, { maxKeys: 6 }),
      // a valid figure with a hostile comment: the comment is what reaches the database
      fc.tuple(fc.constantFrom(...keys), hostileString).map(([key, comment]) => ({
        [key]: '10',
        [`${key}_denominator`]: '20',
        [`${key}_comment`]: comment,
      })),
    );
    let version = 0;
    await fc.assert(
      fc.asyncProperty(
        fields,
        fc.constantFrom<'draft' | 'submit'>('draft', 'submit'),
        async (posted, intent) => {
          const baseline = await databaseFingerprint(db);
          const result = await saveSubmission(db, actor, {
            orgSlug: organisation.slug,
            year: 2030,
            version,
            intent,
            fields: posted,
            locale: 'da',
            now: new Date('2031-02-01T10:00:00Z'),
          });
          if (result.ok) {
            version = result.value.submission.version;
            // a submitted report is read-only: back to draft for the next run
            if (result.value.submission.state !== 'draft') {
              await db
                .update(submissions)
                .set({ state: 'draft' })
                .where(eq(submissions.id, result.value.submission.id));
            }
          } else {
            expect(['invalid', 'conflict']).toContain(result.kind);
            expect(changedTables(baseline, await databaseFingerprint(db))).toEqual([]);
          }
        },
      ),
      {
        numRuns: 80,
        examples: [
          [{ participants: '10', participants_comment: 'a\u0000b' }, 'draft'],
          [{ participants: '10', participants_comment: '\uD800' }, 'draft'],
          [{ participants: '10', participants_comment: '<script>alert(1)</script>' }, 'draft'],
          [
            { participants: '1e309', innovation_projects: 'NaN', public_funding: '99999999999999999999' },
            'draft',
          ],
        ],
      },
    );
  });
});

describe('a tampered year in the staff save, upload and download', () => {
  it('abc, Infinity, 2147483648, 2017.5, NaN or -1: not found, before any query — never a database error', async () => {
    const { db } = database;
    const organisation = await createOrganisation(db);
    const actor = await staffActor(db, [organisation.id]);
    const common = { orgSlug: organisation.slug, version: 0, locale: 'da' as const };
    for (const year of [
      Number('abc'),
      Number.POSITIVE_INFINITY,
      2_147_483_648,
      2017.5,
      Number.NaN,
      -1,
      0,
      99_999_999_999,
    ]) {
      const baseline = await databaseFingerprint(db);
      const saved = await saveSubmission(db, actor, {
        ...common,
        year,
        intent: 'draft',
        fields: { participants: '10' },
      });
      expect(saved, String(year)).toMatchObject({
        ok: false,
        kind: 'not_found',
        message: 'portal.messages.notFound',
      });
      expect(!saved.ok && describeFailure(saved, 'da').message).toBe('Indberetningen findes ikke.');
      const uploaded = await uploadCompanyList(db, actor, { ...common, year, csv: 'cvr\n12345674\n' });
      expect(uploaded, String(year)).toMatchObject({ ok: false, kind: 'not_found' });
      expect(await loadCompanyListForDownload(db, actor, { orgSlug: organisation.slug, year })).toMatchObject(
        {
          ok: false,
          kind: 'not_found',
        },
      );
      expect(changedTables(baseline, await databaseFingerprint(db))).toEqual([]);
    }
  });
});

describe('the company list upload with hostile files', () => {
  it('binary, huge, wide or malformed files: a typed refusal, nothing stored', async () => {
    const { db } = database;
    await createYear(db, 2031, 'open', { opensOn: '2032-01-01', deadline: '2032-03-01' });
    const organisation = await createOrganisation(db);
    const actor = await staffActor(db, [organisation.id]);
    const header = 'cvr;dedicated;under_50;new_ideas;new_competences;new_products';
    const file = fc.oneof(
      hostileString,
      fc.uint8Array({ maxLength: 4096 }).map((bytes) => new TextDecoder('utf-8').decode(bytes)),
      fc.constantFrom(
        `${header}\n${'x;'.repeat(100_000)}\n`,
        `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(';')}\n1;2\n`,
        `${header}\n${'1'.repeat(1_000_000)};1;0;0;0;0\n`,
        `${header}\n${'12345674;1;0;0;0;0\n'.repeat(20_001)}`,
        `${header}\n=cmd|' /c calc'!A1;1;0;0;0;0\n`,
        `${header}\n"unterminated;1;0;0;0;0\n`,
        '\u0000\u0001\u0002PK\u0003\u0004',
      ),
    );
    await fc.assert(
      fc.asyncProperty(file, async (csv) => {
        const baseline = await databaseFingerprint(db);
        const result = await uploadCompanyList(db, actor, {
          orgSlug: organisation.slug,
          year: 2031,
          version: 0,
          csv,
          filename: 'list.csv',
          locale: 'en',
          now: new Date('2032-02-01T10:00:00Z'),
        });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.kind).toBe('invalid');
        expect(changedTables(baseline, await databaseFingerprint(db))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});

describe('a refusal that records text from the request', () => {
  it('audits any attempted action text, NUL bytes and lone surrogates included, and answers forbidden', async () => {
    const { db } = database;
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.string({ unit: 'binary' })), async (what) => {
        expect(await buildExport(db, null, { year: 2016, kind: what, format: what })).toMatchObject({
          ok: false,
          kind: 'forbidden',
        });
      }),
      { numRuns: 30, examples: [['\u0000'], ['export\u0000kind'], ['\ud800'], ['x'.repeat(100_000)]] },
    );
    const events = await queryRows<{ after: { attempted: string } }>(
      db,
      sql`select after from audit_events where action = 'access.denied' order by id desc limit 1`,
    );
    expect(typeof events[0]?.after.attempted).toBe('string');
  });
});
