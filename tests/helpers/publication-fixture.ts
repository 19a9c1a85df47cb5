// A small publication built in memory, for unit tests of the open-data shaping.
import type { AccountIndicator, NationalAccounts } from '@/lib/accounts/types';
import type { Publication } from '@/lib/publications/types';

function indicator(
  partial: Partial<AccountIndicator> & Pick<AccountIndicator, 'key' | 'kind' | 'national'>,
): AccountIndicator {
  return {
    groupKey: partial.kind === 'share' ? 'survey' : 'companies',
    sortOrder: 0,
    parentKey: null,
    measure: null,
    label: { da: `${partial.key} da`, en: `${partial.key} en` },
    help: { da: '', en: '' },
    ...partial,
  };
}

export function samplePublication(
  overrides: Partial<NationalAccounts> = {},
  year = 2016,
  version = 1,
): Publication {
  const accounts: NationalAccounts = {
    year,
    edition: year + 1,
    organisationCounts: { total: 2, cluster: 1, innovation_network: 1 },
    indicators: [
      indicator({
        key: 'participants',
        kind: 'companies',
        sortOrder: 10,
        measure: 'all',
        label: { da: 'Deltagende virksomheder', en: 'Participating companies' },
        national: { net: 150, gross: 170, overlap: 20, under50: 100 },
      }),
      indicator({
        key: 'new_ideas',
        kind: 'companies',
        sortOrder: 20,
        parentKey: 'participants',
        measure: 'new_ideas',
        national: { net: 40, gross: 45, overlap: 5, under50: 30 },
      }),
      indicator({
        key: 'innovation_projects',
        kind: 'count',
        sortOrder: 30,
        groupKey: 'activities',
        national: { net: 12 },
      }),
      indicator({
        key: 'public_funding',
        kind: 'amount_dkk',
        sortOrder: 40,
        groupKey: 'resources',
        national: { net: 1_500_000 },
      }),
      indicator({
        key: 'survey_new_knowledge',
        kind: 'share',
        sortOrder: 50,
        national: { numerator: 56, denominator: 100 },
      }),
    ],
    breakdowns: { kind: [], field: [], region: [] },
    organisations: [
      {
        slug: 'vand-klyngen',
        name: 'Vandklyngen',
        kind: 'cluster',
        field: 'Miljø og vand',
        region: 'syddanmark',
        hasCompanyList: true,
        values: {
          participants: 100,
          new_ideas: 30,
          innovation_projects: 7,
          public_funding: 1_000_000,
          survey_new_knowledge: { numerator: 30, denominator: 60 },
        },
      },
      {
        slug: 'at-netvaerk',
        name: '=HYPERLINK("http://evil")',
        kind: 'innovation_network',
        field: 'Byggeri',
        region: 'hovedstaden',
        hasCompanyList: true,
        values: {
          participants: 70,
          new_ideas: 15,
          innovation_projects: 5,
          public_funding: 500_000,
          survey_new_knowledge: { numerator: 26, denominator: 40 },
        },
      },
    ],
    participation: { one: 130, two: 20, threePlus: 0 },
    excluded: [],
    seriesBreak: null,
    ...overrides,
  };
  const publishedAt = `${year + 1}-03-01T10:00:00.000Z`;
  return {
    year,
    version,
    publishedAt,
    changeNote: version > 1 ? 'Rettet' : null,
    snapshot: {
      accounts,
      methodology: { da: 'Metode.\n\nAndet afsnit.', en: 'Method.\n\nSecond paragraph.' },
    },
    history: Array.from({ length: version }, (_, i) => ({
      year,
      version: i + 1,
      publishedAt,
      changeNote: i ? 'Rettet' : null,
    })),
  };
}
