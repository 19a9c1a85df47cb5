import { must } from '../helpers/must';
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

const row = (cvr: string, flags: Partial<Omit<CompanyRow, 'cvr'>> = {}): CompanyRow => ({
  cvr,
  dedicated: false,
  under_50: false,
  new_ideas: false,
  new_competences: false,
  new_products: false,
  ...flags,
});

const indicator = (
  key: string,
  kind: IndicatorDefinition['kind'],
  participantFlag: string | null = null,
): IndicatorDefinition => ({
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

describe('distinct companies over several lists', () => {
  it('counts a company once and ORs its flags across organisations', () => {
    const stats = companyStatsFromLists([
      [row('1', { new_ideas: true }), row('2')],
      [row('1', { under_50: true }), row('3', { new_ideas: true })],
      [row('1')],
    ]);
    expect(stats.counts).toMatchObject({ all: 3, new_ideas: 2, under_50: 1 });
    // company 1 has new ideas (first list) and is under 50 (second list)
    expect(stats.under50).toMatchObject({ all: 1, new_ideas: 1 });
    expect(stats.participation).toEqual({ one: 2, two: 0, threePlus: 1 });
  });

  it('counts a company listed twice in one list once, and as one organisation', () => {
    const own = countCompanyList([row('1'), row('1', { new_products: true })]);
    expect(own.counts).toMatchObject({ all: 1, new_products: 1 });
    expect(companyStatsFromLists([[row('1'), row('1')]]).participation).toEqual({
      one: 1,
      two: 0,
      threePlus: 0,
    });
  });
});

describe('assembling the accounts', () => {
  const listA = [row('1', { new_ideas: true, under_50: true }), row('2')];
  const listB = [row('1'), row('3', { under_50: true })];
  const organisations: OrganisationInput[] = [
    {
      slug: 'a',
      name: 'Å-klyngen',
      kind: 'cluster',
      field: 'Energi',
      region: 'hovedstaden',
      hasCompanyList: true,
      reported: { projects: 2, survey: { numerator: 1, denominator: 4 } },
      listCounts: countCompanyList(listA),
    },
    {
      slug: 'b',
      name: 'B-netværket',
      kind: 'innovation_network',
      field: 'Sundhed',
      region: 'hovedstaden',
      hasCompanyList: true,
      reported: { projects: 3, survey: { numerator: 3, denominator: 4 } },
      listCounts: countCompanyList(listB),
    },
  ];
  const input: AccountsInput = {
    year: 2020,
    edition: 2021,
    seriesBreak: null,
    indicators: [
      indicator('participants', 'companies'),
      indicator('new_ideas', 'companies', 'new_ideas'),
      indicator('projects', 'count'),
      indicator('survey', 'share'),
    ],
    organisations,
    companyStats: {
      [NATIONAL_SCOPE]: companyStatsFromLists([listA, listB]),
      [scopeKey('kind', 'cluster')]: companyStatsFromLists([listA]),
      [scopeKey('kind', 'innovation_network')]: companyStatsFromLists([listB]),
      [scopeKey('region', 'hovedstaden')]: companyStatsFromLists([listA, listB]),
      [scopeKey('field', 'Energi')]: companyStatsFromLists([listA]),
      [scopeKey('field', 'Sundhed')]: companyStatsFromLists([listB]),
    },
    excluded: [],
  };
  const accounts = assembleAccounts(input);
  const national = (key: string) => must(accounts.indicators.find((entry) => entry.key === key)).national;

  it('gives net, gross, overlap and the under-50 split for company indicators', () => {
    expect(national('participants')).toEqual({ net: 3, gross: 4, overlap: 1, under50: 2 });
    expect(national('new_ideas')).toEqual({ net: 1, gross: 1, overlap: 0, under50: 1 });
  });

  it('sums counts and adds shares as numerators over denominators', () => {
    expect(national('projects')).toEqual({ net: 5 });
    // 1/4 and 3/4: 4/8 = 50 %, which here equals the average — the next case tells them apart
    expect(national('survey')).toEqual({ numerator: 4, denominator: 8 });
  });

  it('never averages percentages', () => {
    const skewed = assembleAccounts({
      ...input,
      organisations: [
        { ...must(organisations[0]), reported: { survey: { numerator: 1, denominator: 10 } } },
        { ...must(organisations[1]), reported: { survey: { numerator: 90, denominator: 100 } } },
      ],
    });
    // 91/110 ≈ 82.7 %, not (10 % + 90 %) / 2 = 50 %
    expect(must(skewed.indicators.find((entry) => entry.key === 'survey')).national).toEqual({
      numerator: 91,
      denominator: 110,
    });
  });

  it('breaks down by kind, field and region, sorted, and counts organisations', () => {
    expect(accounts.breakdowns.kind.map((group) => [group.group, group.organisations])).toEqual([
      ['cluster', 1],
      ['innovation_network', 1],
    ]);
    expect(must(accounts.breakdowns.region[0]).values.participants).toEqual({
      net: 3,
      gross: 4,
      overlap: 1,
      under50: 2,
    });
    expect(accounts.organisationCounts).toEqual({ total: 2, cluster: 1, innovation_network: 1 });
  });

  it('sorts organisations by Danish alphabet (Å last)', () => {
    expect(accounts.organisations.map((organisation) => organisation.slug)).toEqual(['b', 'a']);
    expect(must(accounts.organisations[1]).values).toEqual({
      participants: 2,
      new_ideas: 1,
      projects: 2,
      survey: { numerator: 1, denominator: 4 },
    });
  });
});
