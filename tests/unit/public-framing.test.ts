// The public pages' figures that are written from the data: the framing sentence's rounding, the
// participation table's coverage, the breakdowns' sums, the evidence figures and the embed code.
import { describe, expect, it } from 'vitest';
import { embedSnippet } from '@/components/public/embed-code';
import { formatEvidenceFigure } from '@/lib/evidence/format';
import {
  breakdownSum,
  participationCoverage,
  parseVersion,
  roundedFraming,
  searchAndSortOrganisations,
} from '@/lib/publications/view';
import { siteOrigin } from '@/lib/site-url';
import { samplePublication } from '../helpers/publication-fixture';

describe('roundedFraming: "over 50 … about 16,500 companies a year"', () => {
  it('rounds organisations down to tens and says "over" only when that dropped some', () => {
    expect(roundedFraming(51, 16_500)).toEqual({ over: true, organisations: 50, participants: 16_500 });
    expect(roundedFraming(50, 16_500)).toMatchObject({ over: false, organisations: 50 });
    expect(roundedFraming(59, 15_240)).toEqual({ over: true, organisations: 50, participants: 15_200 });
    // few organisations are counted exactly
    expect(roundedFraming(7, 830)).toEqual({ over: false, organisations: 7, participants: 830 });
  });
  it('rounds participants to hundreds, or tens below a thousand', () => {
    expect(roundedFraming(51, 16_551).participants).toBe(16_600);
    expect(roundedFraming(51, 984).participants).toBe(980);
  });
});

describe('participationCoverage', () => {
  it('is known and complete when every organisation listed its companies', () => {
    expect(participationCoverage(samplePublication().snapshot.accounts)).toEqual({
      listed: 2,
      total: 2,
      known: true,
      complete: true,
    });
  });
  it('is unknown when no organisation did, partial when some did', () => {
    const accounts = samplePublication().snapshot.accounts;
    const none = {
      ...accounts,
      organisations: accounts.organisations.map((o) => ({ ...o, hasCompanyList: false })),
    };
    expect(participationCoverage(none)).toMatchObject({ listed: 0, known: false, complete: false });
    const some = {
      ...accounts,
      organisations: accounts.organisations.map((o, i) => ({ ...o, hasCompanyList: i === 0 })),
    };
    expect(participationCoverage(some)).toMatchObject({ listed: 1, total: 2, known: true, complete: false });
  });
});

describe('breakdownSum', () => {
  it('adds a figure over one breakdown beside the national figure', () => {
    const accounts = samplePublication({
      breakdowns: {
        kind: [
          { group: 'cluster', organisations: 1, values: { participants: { net: 100 } } },
          { group: 'innovation_network', organisations: 1, values: { participants: { net: 70 } } },
        ],
        field: [],
        region: [],
      },
    }).snapshot.accounts;
    expect(breakdownSum(accounts, 'kind', 'participants')).toEqual({ sum: 170, national: 150 });
    expect(breakdownSum(accounts, 'field', 'participants')).toEqual({ sum: 0, national: 150 });
  });
});

describe('the organisation table in English', () => {
  const names = {
    fields: { 'Miljø og vand': 'Environment and water', Byggeri: 'Construction' },
    organisations: {},
  };
  const organisations = samplePublication().snapshot.accounts.organisations;
  it('finds an organisation by its field in English and sorts by the English name', () => {
    const found = searchAndSortOrganisations(
      organisations,
      { q: 'environment', sort: 'name', dir: 'asc' },
      'en',
      names,
    );
    expect(found.map((o) => o.slug)).toEqual(['vand-klyngen']);
    const sorted = searchAndSortOrganisations(
      organisations,
      { q: '', sort: 'field', dir: 'asc' },
      'en',
      names,
    );
    // Construction before Environment (in Danish, Byggeri before Miljø too, but by the English names here)
    expect(sorted.map((o) => o.field)).toEqual(['Byggeri', 'Miljø og vand']);
  });
});

describe('formatEvidenceFigure', () => {
  it('writes the figure and its unit the way each language does', () => {
    expect(formatEvidenceFigure(4, 'times', 'da')).toBe('4 gange');
    expect(formatEvidenceFigure(4, 'times', 'en')).toBe('4 times');
    expect(formatEvidenceFigure(3.6, 'percentage_points', 'da')).toBe('3,6 procentpoint');
    expect(formatEvidenceFigure(3.6, 'percentage_points', 'en')).toBe('3.6 percentage points');
    expect(formatEvidenceFigure(1, 'percentage_points', 'en')).toBe('1 percentage point');
    expect(formatEvidenceFigure(56, 'percent', 'da')).toBe('56\u00a0%');
    expect(formatEvidenceFigure(56, 'percent', 'en')).toBe('56%');
    expect(formatEvidenceFigure(888, 'count', 'da')).toBe('888');
    expect(formatEvidenceFigure(16_500, 'count', 'da')).toBe('16.500');
    expect(formatEvidenceFigure(null, null, 'da')).toBeNull();
  });
});

describe('the embed code', () => {
  it('is an iframe with the address, a title and a size, with the title escaped', () => {
    const code = embedSnippet(
      'https://example.org/embed/da/trend/2016/1',
      'Udviklingen "2013–2016" <b>',
      680,
      520,
    );
    expect(code).toBe(
      '<iframe src="https://example.org/embed/da/trend/2016/1" title="Udviklingen &quot;2013–2016&quot; &lt;b&gt;" width="680" height="520" style="border:0;max-width:100%" loading="lazy"></iframe>',
    );
  });
  it('takes the configured origin, never a request header', () => {
    expect(siteOrigin({ SITE_URL: 'https://klynger.example.dk/sti' })).toBe('https://klynger.example.dk');
    expect(siteOrigin({ AUTH_URL: 'https://auth.example.dk/api/auth' })).toBe('https://auth.example.dk');
    expect(siteOrigin({ SITE_URL: 'not a url', AUTH_URL: 'https://b.example.dk' })).toBe(
      'https://b.example.dk',
    );
    expect(siteOrigin({ PORT: '4600' })).toBe('http://localhost:4600');
  });
  it('ties the embed to a version: only a positive number without leading zeros', () => {
    expect(parseVersion('1')).toBe(1);
    expect(parseVersion('12')).toBe(12);
    for (const bad of ['0', '01', '-1', '1.5', 'x', '12345']) expect(parseVersion(bad)).toBeNull();
  });
});
