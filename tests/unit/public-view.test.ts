import { must } from '../helpers/must';
import { describe, expect, it } from 'vitest';
import { localePath } from '@/i18n/paths';
import {
  alternatesFor,
  parseTableQuery,
  searchAndSortOrganisations,
  shareOfParticipants,
  sortHref,
  trendOf,
} from '@/lib/publications/view';
import { samplePublication } from '../helpers/publication-fixture';

const columns = ['name', 'field', 'region', 'participants', 'new_ideas'] as const;

describe('paths', () => {
  it('puts English under /en and keeps Danish unprefixed', () => {
    expect(localePath('da', '/')).toBe('/');
    expect(localePath('en', '/')).toBe('/en');
    expect(localePath('da', '/regnskab/2016')).toBe('/regnskab/2016');
    expect(localePath('en', '/regnskab/2016')).toBe('/en/regnskab/2016');
    expect(alternatesFor('en', '/klynger').languages).toEqual({
      da: '/klynger',
      en: '/en/klynger',
      'x-default': '/klynger',
    });
  });
});

describe('organisation table', () => {
  const organisations = samplePublication().snapshot.accounts.organisations;

  it('falls back to safe defaults for unknown parameters', () => {
    expect(parseTableQuery({ sort: 'evil', dir: 'sideways', q: ['  vand ', 'x'] }, columns)).toEqual({
      q: 'vand',
      sort: 'name',
      dir: 'asc',
    });
  });

  it('sorts by a figure both ways and searches by name or field', () => {
    const down = searchAndSortOrganisations(
      organisations,
      { q: '', sort: 'participants', dir: 'desc' },
      'da',
    );
    expect(down.map((o) => o.slug)).toEqual(['vand-klyngen', 'at-netvaerk']);
    const up = searchAndSortOrganisations(organisations, { q: '', sort: 'participants', dir: 'asc' }, 'da');
    expect(up.map((o) => o.slug)).toEqual(['at-netvaerk', 'vand-klyngen']);
    expect(
      searchAndSortOrganisations(organisations, { q: 'BYGGERI', sort: 'name', dir: 'asc' }, 'da').map(
        (o) => o.slug,
      ),
    ).toEqual(['at-netvaerk']);
    expect(
      searchAndSortOrganisations(organisations, { q: 'nothing', sort: 'name', dir: 'asc' }, 'da'),
    ).toEqual([]);
  });

  it('a sort link flips the direction of the active column and keeps the search', () => {
    expect(sortHref('/regnskab/2016', { q: 'vand', sort: 'participants', dir: 'asc' }, 'participants')).toBe(
      '/regnskab/2016?q=vand&sort=participants&dir=desc#organisationer',
    );
    expect(
      sortHref(
        '/regnskab/2016/organisationer',
        { q: '', sort: 'name', dir: 'asc' },
        'name',
        'organisationer',
        1,
      ),
    ).toBe('/regnskab/2016/organisationer?version=1&sort=name&dir=desc#organisationer');
    expect(sortHref('/regnskab/2016', { q: '', sort: 'name', dir: 'asc' }, 'participants')).toBe(
      '/regnskab/2016?sort=participants&dir=asc#organisationer',
    );
  });
});

describe('figures', () => {
  it('computes an outcome as a share of participants', () => {
    expect(shareOfParticipants(samplePublication().snapshot.accounts, 'new_ideas')).toBeCloseTo(40 / 150);
  });

  it('builds the trend with series breaks', () => {
    const series = [
      samplePublication({}, 2014),
      samplePublication({ seriesBreak: { da: 'Ny metode', en: 'New method' } }, 2015),
      samplePublication({}, 2016),
    ];
    const trend = trendOf(series, ['participants'], 'en');
    expect(trend.years).toEqual([2014, 2015, 2016]);
    expect(trend.breakYears).toEqual([2015]);
    expect(must(trend.lines[0]).label).toBe('Participating companies');
    expect(must(trend.lines[0]).values.map((v) => v.value)).toEqual([150, 150, 150]);
  });
});
