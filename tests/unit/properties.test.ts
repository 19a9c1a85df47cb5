// Property-based tests (fast-check) over the pure functions that take input: random and hostile
// values give an answer or a clear refusal, never an exception or a wrong figure.
import { must } from '../helpers/must';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccountsInput,
  assembleAccounts,
  type CompanyRow,
  companyStatsFromLists,
  countCompanyList,
  type IndicatorDefinition,
  NATIONAL_SCOPE,
  type OrganisationInput,
  scopeKey,
} from '@/lib/accounts/rules';
import { isShareFigure, type TotalFigure } from '@/lib/accounts/types';
import { checkCvr, cvrCheckDigit, isValidCvr } from '@/lib/cvr';
import { describeDatabaseFailure, environmentProblems } from '@/lib/env';
import { formatDkk, formatInteger, formatPercent, formatShare, type Locale } from '@/lib/format';
import { textProblem } from '@/lib/validation/text';
import { hostileString } from '../helpers/hostile-input';

const localeArb = fc.constantFrom<Locale>('da', 'en');
const plain = (text: string) => text.replace(/\u00a0|\u202f/g, ' ');

const validCvrArb = fc
  .integer({ min: 1_000_000, max: 9_999_999 })
  .map((n) => String(n))
  .filter((seven) => cvrCheckDigit(seven) !== null)
  .map((seven) => `${seven}${cvrCheckDigit(seven)}`);

describe('CVR numbers', () => {
  it('never throws, and accepts only 8 digits without a leading 0 that pass modulus 11', () => {
    fc.assert(
      fc.property(hostileString, (input) => {
        const result = checkCvr(input);
        if (result.ok) {
          expect(result.cvr).toMatch(/^[1-9]\d{7}$/);
          const sum = [...result.cvr].reduce(
            (total, digit, i) => total + Number(digit) * must([2, 7, 6, 5, 4, 3, 2, 1][i]),
            0,
          );
          expect(sum % 11).toBe(0);
        } else {
          expect(['format', 'checksum']).toContain(result.problem);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every number built with its check digit, also with spaces in it', () => {
    fc.assert(
      fc.property(validCvrArb, fc.integer({ min: 1, max: 7 }), (cvr, at) => {
        expect(isValidCvr(cvr)).toBe(true);
        expect(checkCvr(`${cvr.slice(0, at)} ${cvr.slice(at)}`)).toEqual({ ok: true, cvr });
      }),
    );
  });

  it('refuses any single mistyped digit of a valid number', () => {
    fc.assert(
      fc.property(
        validCvrArb,
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        (cvr, at, shift) => {
          const digit = (Number(cvr[at]) + shift) % 10;
          const typo = `${cvr.slice(0, at)}${digit}${cvr.slice(at + 1)}`;
          expect(isValidCvr(typo)).toBe(false);
        },
      ),
    );
  });
});

// ── the accounts: invariants of the aggregation over random company lists ──
const indicator = (
  key: string,
  kind: IndicatorDefinition['kind'],
  participantFlag: string | null = null,
) => ({
  key,
  kind,
  groupKey: 'g',
  sortOrder: 0,
  parentKey: null,
  participantFlag,
  labelDa: key,
  labelEn: key,
  helpDa: '',
  helpEn: '',
});
const INDICATORS: IndicatorDefinition[] = [
  indicator('participants', 'companies'),
  indicator('under_50', 'companies', 'under_50'),
  indicator('dedicated', 'companies', 'dedicated'),
  indicator('new_ideas', 'companies', 'new_ideas'),
  indicator('new_products', 'companies', 'new_products'),
  indicator('projects', 'count'),
  indicator('survey', 'share'),
];
const COMPANY_KEYS = ['participants', 'under_50', 'dedicated', 'new_ideas', 'new_products'];

const companyRowArb = fc.record({
  // a small pool of numbers, so lists overlap
  cvr: fc.integer({ min: 0, max: 40 }).map((n) => String(10_000_000 + n)),
  dedicated: fc.boolean(),
  under_50: fc.boolean(),
  new_ideas: fc.boolean(),
  new_competences: fc.boolean(),
  new_products: fc.boolean(),
}) satisfies fc.Arbitrary<CompanyRow>;

const organisationArb = fc.record({
  kind: fc.constantFrom('cluster', 'innovation_network') as fc.Arbitrary<'cluster' | 'innovation_network'>,
  field: fc.constantFrom('Energi', 'Sundhed', 'Fødevarer'),
  region: fc.constantFrom('hovedstaden', 'midtjylland') as fc.Arbitrary<'hovedstaden' | 'midtjylland'>,
  list: fc.option(fc.array(companyRowArb, { maxLength: 30 }), { nil: null }),
  reportedParticipants: fc.nat({ max: 500 }),
  reportedUnder50: fc.nat({ max: 500 }),
  projects: fc.nat({ max: 1_000_000 }),
  survey: fc
    .nat({ max: 100 })
    .chain((denominator) => fc.nat({ max: denominator }).map((numerator) => ({ numerator, denominator }))),
});

type GeneratedOrganisation = typeof organisationArb extends fc.Arbitrary<infer T> ? T : never;

function accountsOf(generated: GeneratedOrganisation[]) {
  const organisations: OrganisationInput[] = generated.map((org, index) => ({
    slug: `org-${index}`,
    name: `Organisation ${index}`,
    kind: org.kind,
    field: org.field,
    region: org.region,
    hasCompanyList: org.list !== null,
    reported: {
      participants: org.reportedParticipants,
      under_50: Math.min(org.reportedUnder50, org.reportedParticipants),
      projects: org.projects,
      survey: org.survey,
    },
    listCounts: org.list ? countCompanyList(org.list) : undefined,
  }));
  const listsWhere = (predicate: (org: (typeof generated)[number]) => boolean) =>
    generated.filter((org) => org.list && predicate(org)).map((org) => must(org.list));
  const companyStats: AccountsInput['companyStats'] = {
    [NATIONAL_SCOPE]: companyStatsFromLists(listsWhere(() => true)),
  };
  for (const dimension of ['kind', 'field', 'region'] as const) {
    for (const group of new Set(generated.map((org) => org[dimension]))) {
      companyStats[scopeKey(dimension, group)] = companyStatsFromLists(
        listsWhere((org) => org[dimension] === group),
      );
    }
  }
  return assembleAccounts({
    year: 2020,
    edition: 2021,
    seriesBreak: null,
    indicators: INDICATORS,
    organisations,
    companyStats,
    excluded: [],
  });
}

describe('the accounts over random organisations and company lists', () => {
  const organisationsArb = fc.array(organisationArb, { minLength: 1, maxLength: 8 });

  it('net ≤ gross, overlap = gross − net, under-50 ≤ net, for the nation and every group', () => {
    fc.assert(
      fc.property(organisationsArb, (generated) => {
        const accounts = accountsOf(generated);
        const figures: TotalFigure[] = [];
        for (const entry of accounts.indicators)
          if (COMPANY_KEYS.includes(entry.key)) figures.push(entry.national as TotalFigure);
        for (const dimension of ['kind', 'field', 'region'] as const)
          for (const group of accounts.breakdowns[dimension])
            for (const key of COMPANY_KEYS) figures.push(group.values[key] as TotalFigure);
        for (const figure of figures) {
          expect(figure.net).toBeGreaterThanOrEqual(0);
          expect(figure.net).toBeLessThanOrEqual(must(figure.gross));
          expect(figure.overlap).toBe(must(figure.gross) - figure.net);
          if (figure.under50 !== undefined) expect(figure.under50).toBeLessThanOrEqual(figure.net);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a group never has more distinct companies than the nation; the groups of a dimension cover it', () => {
    fc.assert(
      fc.property(organisationsArb, (generated) => {
        const accounts = accountsOf(generated);
        const national = (key: string) =>
          must(accounts.indicators.find((entry) => entry.key === key)).national as TotalFigure;
        for (const dimension of ['kind', 'field', 'region'] as const) {
          const groups = accounts.breakdowns[dimension];
          expect(groups.reduce((total, group) => total + group.organisations, 0)).toBe(generated.length);
          for (const key of COMPANY_KEYS) {
            const nets = groups.map((group) => (group.values[key] as TotalFigure).net);
            for (const net of nets) expect(net).toBeLessThanOrEqual(national(key).net);
            // a company in two groups counts in both: the sum of the groups is at least the nation
            expect(nets.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(national(key).net);
            // gross is a plain sum, so it adds up exactly
            expect(
              groups.reduce((total, group) => total + must((group.values[key] as TotalFigure).gross), 0),
            ).toBe(national(key).gross);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts each listed company once, matching a plain set over the lists', () => {
    fc.assert(
      fc.property(organisationsArb, (generated) => {
        const accounts = accountsOf(generated);
        const listed = new Set(generated.flatMap((org) => org.list ?? []).map((row) => row.cvr));
        const reportedWithoutList = generated
          .filter((org) => org.list === null)
          .reduce((total, org) => total + org.reportedParticipants, 0);
        const participants = must(accounts.indicators.find((entry) => entry.key === 'participants'))
          .national as TotalFigure;
        expect(participants.net).toBe(listed.size + reportedWithoutList);
        expect(
          accounts.participation.one + accounts.participation.two + accounts.participation.threePlus,
        ).toBe(listed.size);
        expect(participants.possiblyDoubleCounted ?? false).toBe(generated.some((org) => org.list === null));
      }),
      { numRuns: 300 },
    );
  });

  it('adds shares as numerators over denominators, never above 100 %', () => {
    fc.assert(
      fc.property(organisationsArb, (generated) => {
        const survey = must(
          accountsOf(generated).indicators.find((entry) => entry.key === 'survey'),
        ).national;
        expect(isShareFigure(survey)).toBe(true);
        if (!isShareFigure(survey)) return;
        expect(survey.numerator).toBe(generated.reduce((total, org) => total + org.survey.numerator, 0));
        expect(survey.denominator).toBe(generated.reduce((total, org) => total + org.survey.denominator, 0));
        expect(survey.numerator).toBeLessThanOrEqual(survey.denominator);
      }),
      { numRuns: 200 },
    );
  });
});

describe('configuration', () => {
  const envArb = fc.dictionary(
    fc.constantFrom('DATABASE_URL', 'AUTH_SECRET', 'SMTP_URL', 'PORT', 'NODE_ENV', 'PGLITE_DIR'),
    hostileString,
  );

  it('never throws on any environment, and reports each problem as one line', () => {
    fc.assert(
      fc.property(envArb, (env) => {
        const problems = environmentProblems(env as NodeJS.ProcessEnv);
        for (const problem of problems) {
          expect(typeof problem).toBe('string');
          expect(problem.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts every well-formed PostgreSQL URL and port', () => {
    fc.assert(
      fc.property(
        fc.webSegment().filter((s) => s.length > 0),
        fc.integer({ min: 1, max: 65535 }),
        (name, port) => {
          const env = { DATABASE_URL: `postgres://u:p@db.example:${port}/${name}`, PORT: String(port) };
          expect(environmentProblems(env as unknown as NodeJS.ProcessEnv)).toEqual([]);
        },
      ),
    );
  });

  it('never puts the database password in the message about a failed connection', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{6,24}$/), (password) => {
        const env = {
          DATABASE_URL: `postgres://app:${password}@db.internal:5432/klynger`,
        } as unknown as NodeJS.ProcessEnv;
        const error = Object.assign(new Error('password authentication failed for user "app"'), {
          code: '28P01',
        });
        const line = describeDatabaseFailure(new Error('Failed query', { cause: error }), env);
        expect(line).not.toContain(password);
        expect(line).toContain('db.internal:5432/klynger');
      }),
    );
  });
});

describe('numbers per language', () => {
  const unformat = (text: string, locale: Locale) =>
    Number(
      plain(text)
        .replaceAll(locale === 'da' ? '.' : ',', '')
        .replace('−', '-'),
    );

  it('formatInteger round-trips every safe integer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        localeArb,
        (n, locale) => {
          expect(unformat(formatInteger(n, locale), locale)).toBe(n === 0 ? 0 : n);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('formatShare shows one decimal of the exact ratio, or a dash — never NaN or Infinity', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.nat()),
        fc.oneof(fc.double(), fc.nat()),
        localeArb,
        (numerator, denominator, locale) => {
          const text = plain(formatShare(numerator, denominator, locale));
          expect(text).not.toMatch(/NaN|∞|Infinity/);
          if (!(denominator > 0) || !Number.isFinite(numerator / denominator)) expect(text).toBe('–');
        },
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        localeArb,
        (a, b, locale) => {
          const [numerator, denominator] = a <= b ? [a, b] : [b, a];
          const text = plain(formatShare(numerator, denominator, locale));
          const digits = text.replace(/\s?%$/, '');
          const value = Number(locale === 'da' ? digits.replace(',', '.') : digits);
          expect(Math.abs(value - (100 * numerator) / denominator)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(text).toMatch(locale === 'da' ? /^\d{1,3},\d %$/ : /^\d{1,3}\.\d%$/);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('formatPercent and formatDkk never throw on any number', () => {
    fc.assert(
      fc.property(fc.double(), localeArb, (value, locale) => {
        expect(typeof formatPercent(value, locale)).toBe('string');
        expect(typeof formatDkk(value, locale)).toBe('string');
      }),
    );
  });
});

describe('storable text', () => {
  it('accepts ordinary text of any script within the limit, refuses NUL, control characters and lone surrogates', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        const problem = textProblem(text, 4000);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
        const hasControl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(text);
        const wellFormed = (text as string & { isWellFormed(): boolean }).isWellFormed();
        expect(problem === null).toBe(text.length <= 4000 && !hasControl && wellFormed);
      }),
      { numRuns: 2000 },
    );
    expect(textProblem('x'.repeat(4001), 4000)).toBe('too_long');
    expect(textProblem("Æblerød <b>&amp;</b> '; drop table x; --", 4000)).toBeNull();
  });
});
