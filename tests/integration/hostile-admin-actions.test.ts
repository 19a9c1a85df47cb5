// Hostile input to every core function behind the secretariat's server actions
// (lib/<feature>/actions.ts) and its export route and audit-log page: random and hostile values for each
// field (NaN, 1e309, huge and negative numbers, NUL bytes, broken Unicode, 1 MB strings, SQL and
// markup, wrong types, missing and extra fields). Every call gives a typed Result — never an
// exception — and a refusal leaves every table exactly as it was (databaseFingerprint before and
// after). A field drawn from a "refused" arbitrary must make the whole call a refusal.
import { must } from '../helpers/must';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import {
  addIndicator,
  deleteIndicator,
  retireIndicator,
  updateIndicatorTexts,
} from '@/lib/indicators/mutations';
import {
  createOrganisation,
  setOrganisationActiveTo,
  updateOrganisation,
} from '@/lib/organisations/mutations';
import { getOrganisation } from '@/lib/organisations/queries';
import { publishAccounts } from '@/lib/publications/mutations';
import {
  approveSubmission,
  bulkApproveWithoutWarnings,
  extendDeadline,
  flagValue,
  returnSubmission,
  sendReminders,
} from '@/lib/review/mutations';
import { getReview, getRoundOverview } from '@/lib/review/queries';
import { changeUser, invitePerson } from '@/lib/users/mutations';
import {
  changeYear,
  createReportingYear,
  excludeOrganisation,
  includeOrganisation,
} from '@/lib/years/mutations';
import { listAuditEvents } from '@/lib/audit/queries';
import type { Actor } from '@/lib/auth/actor';
import { dryRunImport, runImport } from '@/lib/bulk-import/import';
import { parseImportFile, type ImportRow } from '@/lib/bulk-import/parse';
import { buildExport } from '@/lib/exports/exports';
import { adminActor } from '../helpers/actors';
import { changedTables, databaseFingerprint } from '../helpers/database-fingerprint';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import {
  createOrganisation as makeOrganisation,
  createSubmission,
  createUser,
  createYear,
} from '../helpers/fixtures';
import { hostileNumber, hostileString, wrongType } from '../helpers/hostile-input';

let database: TestDatabase;
let db: Database;
let admin: Actor;
let organisationId: number;
let submittedId: number;
let staffUserId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  admin = await adminActor(db);
  await createYear(db, 2029, 'closed');
  await createYear(db, 2030, 'open');
  // open throughout: no property changes it, so publishing it is always refused
  await createYear(db, 2031, 'open');
  const organisation = await makeOrganisation(db, { activeFrom: 2020 });
  organisationId = organisation.id;
  await createSubmission(db, { organisationId, year: 2029, state: 'approved', values: { participants: 10 } });
  submittedId = (
    await createSubmission(db, {
      organisationId,
      year: 2030,
      state: 'submitted',
      values: { participants: 12, new_ideas: 3 },
    })
  ).id;
  staffUserId = (await createUser(db, { organisationIds: [organisationId] })).id;
});
afterAll(async () => {
  await database.destroy();
});

// ---- a field is either plausible (may be accepted) or refused (the call must be refused) ----

interface Drawn<T> {
  value: T;
  refused: boolean;
}
interface Spec {
  ok: fc.Arbitrary<unknown>;
  bad?: fc.Arbitrary<unknown>;
}
/** A field: plausible values (which may be accepted) and refused ones (which must be refused). */
const field = (ok: fc.Arbitrary<unknown>, bad?: fc.Arbitrary<unknown>): Spec => ({ ok, bad });
/** One value on its own: plausible or refused. */
const drawn = (spec: Spec): fc.Arbitrary<Drawn<unknown>> =>
  spec.bad
    ? fc.oneof(
        spec.ok.map((value) => ({ value, refused: false })),
        spec.bad.map((value) => ({ value, refused: true })),
      )
    : spec.ok.map((value) => ({ value, refused: false }));

/**
 * A whole input: every field plausible except none, one or two refused ones (so each refusal is
 * seen on its own, not hidden behind another), plus up to two extra fields with hostile values.
 */
function form(
  specs: Record<string, Spec>,
): fc.Arbitrary<{ input: Record<string, unknown>; refused: boolean }> {
  const names = Object.keys(specs);
  const refusable = names.filter((name) => must(specs[name]).bad);
  return fc
    .tuple(
      fc.record(Object.fromEntries(names.map((name) => [name, must(specs[name]).ok]))),
      fc.record(Object.fromEntries(refusable.map((name) => [name, must(must(specs[name]).bad)]))),
      fc.subarray(refusable, { maxLength: Math.min(2, refusable.length) }),
      fc.dictionary(
        fc.string({ maxLength: 12 }).filter((key) => !names.includes(key) && key !== '__proto__'),
        fc.oneof(hostileString, hostileNumber, wrongType),
        { maxKeys: 2 },
      ),
    )
    .map(([good, bad, chosen, extra]) => {
      const input: Record<string, unknown> = { ...extra };
      for (const name of names) {
        const value = chosen.includes(name) ? bad[name] : good[name];
        if (value !== MISSING) input[name] = value;
      }
      return { input, refused: chosen.length > 0 };
    });
}
/** A change of an unknown kind, or no change object at all. */
const unknownChange = fc
  .oneof(
    fc.oneof(hostileString, wrongType).map((kind) => ({ kind }) as unknown),
    wrongType,
  )
  .map((input) => ({ input: input as Record<string, unknown>, refused: true }));
/** A field left out of the input altogether. */
const MISSING = Symbol('missing');
const missing = fc.constant(MISSING);

// ---- hostile values per kind of field ----

const INT4_MAX = 2_147_483_647;
/** Not a usable id or year: NaN, infinities, fractions, out of the database's int range, wrong types. */
const badInteger = fc.oneof(
  fc.constantFrom<unknown>(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number('1e309'),
    1.5,
    -0.5,
    2 ** 31,
    2 ** 53 + 1,
    -(2 ** 31) - 1,
    Number.MAX_VALUE,
    'abc',
    '1; drop table users',
    null,
    undefined,
    {},
    [],
    Symbol.for('x').description ?? 'x',
  ),
  fc.double({ noInteger: true }),
  fc.bigInt({ min: 2n ** 31n }).map((value) => Number(value)),
  fc.bigInt({ max: -(2n ** 31n) - 1n }).map((value) => Number(value)),
);
/** Not a positive id (all of badInteger, plus zero and negatives). */
const badId = fc.oneof(badInteger, fc.integer({ max: 0 }));
/** Text the database cannot store or the forms must not accept: NUL, control characters, lone surrogates, 1 MB. */
const unstorableText = fc.oneof(
  fc.string({ maxLength: 20 }).map((text) => `${text}\u0000`),
  fc.string({ maxLength: 20 }).map((text) => `a\u0000${text}`),
  fc.string({ maxLength: 20 }).map((text) => `${text}\u0007`),
  fc.string({ maxLength: 20 }).map((text) => `\uD800${text}`),
  fc.string({ maxLength: 20 }).map((text) => `${text}\uDC00`),
  fc.constant('x'.repeat(1_000_000)),
  fc.constantFrom<unknown>({}, [], ['a'], 42, true, Number.NaN),
);
/** Required text refused: unstorable, empty, blank or absent. */
const badRequiredText = fc.oneof(
  unstorableText,
  fc.constantFrom<unknown>('', '   ', '\n\t', null, undefined),
);
const nastyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "'; drop table submissions; --",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '=HYPERLINK("http://evil")',
    'Ærø Å ø — 中文 😀',
  ),
);
const badDate = fc.oneof(
  fc.constantFrom<unknown>(
    '2031-02-30',
    '2031-13-01',
    '2031-00-10',
    '9999-99-99',
    '0000-00-00',
    '2031-1-1',
    '٢٠٣١-٠١-٠١',
    '2031-01-01\u0000',
    '2031-01-01T00:00',
    '',
    'NaN',
    Number.NaN,
    Number('1e309'),
    null,
    {},
    [],
  ),
  fc.string({ maxLength: 12 }).filter((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text)),
);
const someDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

// ---- the check every call goes through ----

const KINDS = ['invalid', 'forbidden', 'conflict', 'not_found'];

function expectTyped(result: unknown): asserts result is { ok: boolean; kind?: string; message?: string } {
  expect(result).toBeTypeOf('object');
  const value = result as { ok?: unknown; kind?: unknown; message?: unknown };
  expect(typeof value.ok).toBe('boolean');
  if (value.ok === false) {
    expect(KINDS).toContain(value.kind);
    expect(typeof value.message).toBe('string');
  }
}

/** Runs one call: typed, refused when it must be, and a refusal changes nothing. */
async function probe(mustRefuse: boolean, call: () => Promise<unknown>) {
  const baseline = await databaseFingerprint(db);
  const result = await call();
  expectTyped(result);
  if (mustRefuse) expect(result.ok, JSON.stringify(result).slice(0, 200)).toBe(false);
  if (!result.ok) expect(changedTables(baseline, await databaseFingerprint(db))).toEqual([]);
  return result;
}

const RUNS = { numRuns: 40 };
const as = <T>(value: unknown) => value as T;

describe('review (lib/review/mutations.ts)', () => {
  it('approve and return: bad ids, versions and remarks are refused, nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        form({
          submissionId: field(fc.constantFrom(submittedId, 999_999), badId),
          version: field(fc.integer({ min: 50, max: INT4_MAX }), badId),
          remark: field(nastyText, badRequiredText),
        }),
        fc.boolean(),
        async ({ input }, approve) => {
          // no run has the submission's version (1): every call is refused
          await probe(true, () =>
            approve ? approveSubmission(db, admin, as(input)) : returnSubmission(db, admin, as(input)),
          );
        },
      ),
      RUNS,
    );
  });

  it('flag a value: bad ids, keys and notes are refused, nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        form({
          submissionId: field(fc.constantFrom(submittedId, 999_999), badId),
          indicatorKey: field(fc.constantFrom('participants', 'nope'), unstorableText),
          flagged: field(fc.boolean(), fc.constantFrom<unknown>('yes', 1, null, {}, Number.NaN)),
          note: field(fc.oneof(nastyText, fc.constant(null)), unstorableText),
        }),
        async ({ input, refused }) => {
          await probe(refused, () => flagValue(db, admin, as(input)));
        },
      ),
      RUNS,
    );
  });

  it('bulk approve, extend a deadline: bad years, ids and dates are refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        form({
          year: field(fc.constantFrom(2029, 2031, 1900), badInteger),
          organisationId: field(fc.constantFrom(organisationId, 888_888), badId),
          // an empty deadline (any falsy value) removes the extension: not a refusal here
          deadline: field(someDate, badDate.filter(Boolean)),
        }),
        fc.boolean(),
        async ({ input, refused }, bulk) => {
          if (bulk)
            await probe(refusedIds(input, ['year']), () => bulkApproveWithoutWarnings(db, admin, as(input)));
          else await probe(refused, () => extendDeadline(db, admin, as(input)));
        },
      ),
      RUNS,
    );
  });
});

/** Whether one of `names` holds a refused integer (for the functions that read only some fields). */
function refusedIds(input: Record<string, unknown>, names = ['submissionId', 'version']): boolean {
  return names.some((name) => {
    const value = input[name];
    return !(typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= INT4_MAX);
  });
}

describe('years, exclusions and publishing (lib/years/mutations.ts, lib/publications/mutations.ts)', () => {
  it('create a year: bad years and dates are refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        form({
          year: field(
            fc.integer({ min: 2000, max: 2100 }),
            fc.oneof(badInteger, fc.constantFrom(1999, 2101, -1)),
          ),
          opensOn: field(someDate, badDate),
          deadline: field(someDate, badDate),
        }),
        async ({ input, refused }) => {
          await probe(refused, () => createReportingYear(db, admin, as(input)));
        },
      ),
      RUNS,
    );
  });

  it('change a year: bad years, changes, deadlines and reasons are refused', async () => {
    const change = fc.oneof(
      form({ kind: field(fc.constant('deadline')), deadline: field(someDate, badDate) }),
      form({ kind: field(fc.constant('reopen')), reason: field(nastyText, badRequiredText) }),
      form({ kind: field(fc.constantFrom('open', 'close')) }),
      unknownChange,
    );
    await fc.assert(
      fc.asyncProperty(
        drawn(field(fc.constantFrom(2029, 2030, 2145), badInteger)),
        change,
        async (year, change) => {
          await probe(year.refused || change.refused, () =>
            changeYear(db, admin, as({ year: year.value, change: change.input })),
          );
        },
      ),
      RUNS,
    );
  });

  it('exclude and include an organisation: bad years, ids and reasons are refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        form({
          year: field(fc.constantFrom(2030, 2144), badInteger),
          organisationId: field(fc.constantFrom(organisationId, 777_777), badId),
          reason: field(nastyText, badRequiredText),
        }),
        fc.boolean(),
        async ({ input, refused }, exclude) => {
          if (exclude) await probe(refused, () => excludeOrganisation(db, admin, as(input)));
          else
            await probe(refusedIds(input, ['year', 'organisationId']), () =>
              includeOrganisation(db, admin, as(input)),
            );
        },
      ),
      RUNS,
    );
  });

  it('publish: bad years and change notes are refused (2031 stays open: refused too)', async () => {
    await fc.assert(
      fc.asyncProperty(
        form({
          year: field(fc.constantFrom(2031, 2146), badInteger),
          changeNote: field(fc.oneof(nastyText, fc.constant(null)), unstorableText),
        }),
        async ({ input, refused }) => {
          await probe(refused || input.year === 2031, () => publishAccounts(db, admin, as(input)));
        },
      ),
      RUNS,
    );
  });

  it('the round overview and reminders: bad years are refused', async () => {
    await fc.assert(
      fc.asyncProperty(drawn(field(fc.constantFrom(2147, 2148), badInteger)), async (year) => {
        await probe(true, () => getRoundOverview(db, admin, as({ year: year.value })));
        await probe(true, () => sendReminders(db, admin, as({ year: year.value })));
      }),
      RUNS,
    );
  });
});

describe('organisations (lib/organisations/mutations.ts)', () => {
  const organisationForm = form({
    slug: field(
      fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,5})?$/),
      fc.oneof(badRequiredText, fc.constantFrom('A B', 'ÆØÅ', 'a--b', 'x'.repeat(81))),
    ),
    name: field(nastyText, fc.oneof(badRequiredText, fc.constant('n'.repeat(201)))),
    kind: field(fc.constantFrom('cluster', 'innovation_network'), fc.oneof(hostileString, wrongType)),
    field: field(nastyText, badRequiredText),
    fieldEn: field(nastyText, badRequiredText),
    // both or neither: one alone is refused, which a plausible draw may be
    description: field(fc.oneof(fc.constant(''), nastyText), unstorableText),
    descriptionEn: field(fc.oneof(fc.constant(''), nastyText), unstorableText),
    region: field(fc.constantFrom('hovedstaden', 'nordjylland'), fc.oneof(hostileString, wrongType)),
    website: field(
      fc.constantFrom('', 'https://example.org', 'http://x.dk/a?b=<c>'),
      fc.oneof(fc.constantFrom('javascript:alert(1)', 'not a url', 'http://a\u0000b'), unstorableText),
    ),
    activeFrom: field(
      fc.integer({ min: 2000, max: 2100 }),
      fc.oneof(badInteger, fc.constantFrom(1999, 2101)),
    ),
  });

  it('create and update: any bad field is refused, nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        organisationForm,
        drawn(field(fc.constantFrom(organisationId, 666_666), badId)),
        fc.boolean(),
        async ({ input, refused }, id, create) => {
          if (create) await probe(refused, () => createOrganisation(db, admin, input));
          else
            await probe(refused || id.refused, () =>
              updateOrganisation(db, admin, as({ ...input, id: id.value })),
            );
        },
      ),
      RUNS,
    );
  });

  it('markup and SQL in names are accepted and stored exactly as typed (inert, not interpreted)', async () => {
    const name = `<script>alert(1)</script>'); drop table organisations; -- ${'Æ'.repeat(3)}`;
    const created = await createOrganisation(db, admin, {
      slug: 'markup-and-sql',
      name,
      kind: 'cluster',
      field: '=HYPERLINK("http://evil")',
      fieldEn: '=HYPERLINK("http://evil-en")',
      region: 'hovedstaden',
      website: '',
      activeFrom: '2020',
    });
    expect(created.ok).toBe(true);
    const stored = await getOrganisation(db, admin, (created as { value: { id: number } }).value.id);
    expect(stored).toMatchObject({ ok: true, value: { name, field: '=HYPERLINK("http://evil")' } });
  });

  it('deactivate: bad ids and years are refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        form({
          id: field(fc.constantFrom(organisationId, 555_555), badId),
          lastYear: field(
            fc.constantFrom(null, 2019, 2100, 2035),
            badInteger.filter((value) => value != null),
          ),
        }),
        async ({ input, refused }) => {
          await probe(refused, () => setOrganisationActiveTo(db, admin, as(input)));
        },
      ),
      RUNS,
    );
  });
});

describe('users (lib/users/mutations.ts)', () => {
  it('invite: bad emails, names, roles and organisations are refused, nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        form({
          email: field(
            fc.oneof(fc.emailAddress(), fc.constantFrom('a@example.org', 'A@EXAMPLE.ORG')),
            fc.oneof(badRequiredText, fc.constantFrom('no-at', 'a@b@c', '<a@b.dk>', "x'--@b.dk\u0000")),
          ),
          name: field(nastyText, fc.oneof(badRequiredText, fc.constant('n'.repeat(201)))),
          role: field(fc.constantFrom('admin', 'staff'), fc.oneof(hostileString, wrongType)),
          organisationIds: field(
            fc.constantFrom([], [String(organisationId)], [organisationId]),
            fc.oneof(
              fc.array(
                badId.map((value) => value as unknown),
                { minLength: 1, maxLength: 3 },
              ),
              fc.constantFrom<unknown>('1', {}, [String(INT4_MAX)], Array(101).fill(organisationId)),
            ),
          ),
        }),
        async ({ input, refused }) => {
          await probe(refused, () => invitePerson(db, admin, as(input), { locale: 'en' }));
        },
      ),
      RUNS,
    );
  });

  it('change a user: bad ids, changes, roles and memberships are refused', async () => {
    const change = fc.oneof(
      form({
        kind: field(fc.constant('role')),
        role: field(fc.constantFrom('admin', 'staff'), hostileString),
      }),
      form({
        kind: field(fc.constant('memberships')),
        organisationIds: field(
          fc.constantFrom([organisationId], []),
          fc.oneof(fc.array(badId, { minLength: 1, maxLength: 3 }), fc.constantFrom<unknown>(null, {}, 'x')),
        ),
      }),
      form({ kind: field(fc.constantFrom('enable', 'logout_everywhere')) }),
      unknownChange,
    );
    await fc.assert(
      fc.asyncProperty(
        drawn(field(fc.constantFrom(staffUserId, 444_444), badId)),
        change,
        async (userId, change) => {
          await probe(userId.refused || change.refused, () =>
            changeUser(db, admin, as({ userId: userId.value, change: change.input })),
          );
        },
      ),
      RUNS,
    );
  });
});

describe('indicators (lib/indicators/mutations.ts)', () => {
  const texts = {
    labelDa: field(nastyText, fc.oneof(badRequiredText, fc.constant('l'.repeat(201)))),
    labelEn: field(nastyText, fc.oneof(badRequiredText, fc.constant('l'.repeat(201)))),
    helpDa: field(fc.oneof(nastyText, missing), fc.oneof(unstorableText, fc.constant('h'.repeat(2001)))),
    helpEn: field(fc.oneof(nastyText, missing), fc.oneof(unstorableText, fc.constant('h'.repeat(2001)))),
  };

  it('add: bad keys, kinds, groups, years and texts are refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        form({
          ...texts,
          key: field(
            fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/),
            fc.oneof(badRequiredText, fc.constantFrom('Key', '1a', 'a-b', "a'; --")),
          ),
          kind: field(fc.constantFrom('count', 'share'), fc.oneof(hostileString, wrongType)),
          groupKey: field(fc.constantFrom('activities', 'survey'), fc.oneof(hostileString, wrongType)),
          year: field(fc.constantFrom(2030, 2149), badInteger),
        }),
        async ({ input, refused }) => {
          await probe(refused, () => addIndicator(db, admin, input));
        },
      ),
      RUNS,
    );
  });

  it('edit texts, retire, delete: bad ids and texts are refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        form({ ...texts, id: field(fc.integer({ min: 100_000, max: INT4_MAX }), badId) }),
        fc.constantFrom('update', 'retire', 'delete'),
        async ({ input, refused }, what) => {
          if (what === 'update') await probe(refused, () => updateIndicatorTexts(db, admin, as(input)));
          // an id that is a plausible number but no indicator: not_found
          else if (what === 'retire')
            await probe(true, () => retireIndicator(db, admin, as({ id: input.id })));
          else await probe(true, () => deleteIndicator(db, admin, as({ id: input.id })));
        },
      ),
      RUNS,
    );
  });
});

describe('bulk import (lib/bulk-import)', () => {
  const cell = fc.oneof(
    hostileString.map((text) => text.slice(0, 2000)),
    fc.constantFrom('participants', '10', '1.000', '-5', '1e309'),
  );
  const rows = fc.array(
    fc.record({
      row: fc.oneof(fc.integer({ min: 2, max: 100 }), hostileNumber),
      organisation: fc.oneof(cell, fc.constant('')),
      indicator: cell,
      value: cell,
      denominator: fc.oneof(cell, fc.constant('')),
    }),
    { minLength: 1, maxLength: 5 },
  );

  it('dry run and import of hostile rows: typed, and the import stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        rows,
        drawn(field(fc.constantFrom(2030, 2150), badInteger)),
        async (importRows, year) => {
          const plan = await probe(year.refused, () =>
            dryRunImport(db, admin, as({ year: year.value, rows: importRows as ImportRow[] })),
          );
          if (plan.ok) {
            const problems = (plan as unknown as { value: { problems: unknown[] } }).value.problems;
            // an import without problems may store; with problems it must not
            await probe(problems.length > 0, () =>
              runImport(db, admin, as({ year: year.value, rows: importRows as ImportRow[] })),
            );
          } else {
            await probe(true, () =>
              runImport(db, admin, as({ year: year.value, rows: importRows as ImportRow[] })),
            );
          }
        },
      ),
      RUNS,
    );
  });

  it('parsing a hostile file: a typed answer, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileString.map((text) => new TextEncoder().encode(`organisation;indicator;value\n${text}`)),
          fc.uint8Array({ maxLength: 4096 }),
        ),
        fc.constantFrom('data.csv', 'data.xlsx', 'data.exe', ''),
        async (bytes, name) => {
          const parsed = await parseImportFile(
            name,
            bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
          );
          expect(typeof parsed.ok).toBe('boolean');
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('reads that take input: the export route and the audit log', () => {
  it('exports: any year, kind, format and version gives a typed answer, stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        form({
          year: field(fc.constantFrom(2029, 2030, 1999), badInteger),
          kind: field(
            fc.constantFrom('accounts', 'organisations', 'completeness', 'overlap'),
            fc.oneof(hostileString, wrongType),
          ),
          format: field(fc.constantFrom('csv', 'xlsx'), fc.oneof(hostileString, wrongType)),
          version: field(
            fc.oneof(missing, fc.constantFrom(1, 5)),
            fc.oneof(
              badInteger.filter((value) => value != null && value !== 0),
              fc.integer({ max: -1 }),
            ),
          ),
        }),
        async ({ input, refused }) => {
          await probe(refused, () => buildExport(db, admin, as(input)));
        },
      ),
      RUNS,
    );
  });

  it('pages read by an id from the URL (review, organisation): a bad id is not found', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(badId, fc.integer({ min: 1_000_000, max: INT4_MAX })), async (id) => {
        await probe(true, () => getReview(db, admin, as(id)));
        await probe(true, () => getOrganisation(db, admin, as(id)));
      }),
      RUNS,
    );
  });

  it('the audit log: any filters give a typed answer', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            user: fc.oneof(hostileString, fc.constantFrom('99999999999', '12', admin.email)),
            organisationId: fc.oneof(hostileNumber, wrongType),
            action: fc.oneof(hostileString, fc.constantFrom('submission.', '%', '_')),
            from: fc.oneof(badDate, someDate),
            to: fc.oneof(badDate, someDate),
            limit: fc.oneof(hostileNumber, wrongType),
            offset: fc.oneof(hostileNumber, wrongType),
          },
          { requiredKeys: [] },
        ),
        async (filters) => {
          await probe(false, () => listAuditEvents(db, admin, as(filters)));
        },
      ),
      RUNS,
    );
  });
});
