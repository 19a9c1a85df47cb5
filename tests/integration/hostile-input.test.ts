// Hostile input to the functions that write: a clear typed refusal and a database exactly as it
// was (compared by databaseFingerprint). Feature actions are added here as they land.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishYear } from '@/lib/publications/publish';
import { type CompanyListRow, replaceCompanyList } from '@/lib/submissions/company-list-store';
import {
  changedTables,
  type DatabaseFingerprint,
  databaseFingerprint,
} from '../helpers/database-fingerprint';
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
          rows.splice(at, 0, { ...good[0]!, cvr });
          await expect(replaceCompanyList(database.db, submissionId, rows)).rejects.toThrow(/invalid CVR/);
          await expectUnchanged();
        },
      ),
      { numRuns: 60 },
    );
  });
});
