// ?format=jsonstat read back by jsonstat-toolkit (the JSON-stat project's own reader): the cube
// it sees must have the sizes it declares, and its cells must be the publication's figures.
import JSONstat from 'jsonstat-toolkit';
import { describe, expect, it } from 'vitest';
import { JSONSTAT_MEASURES, NATIONAL_UNIT, toJsonStat } from '@/lib/publications/jsonstat';
import { samplePublication } from '../helpers/publication-fixture';

function read(publication = samplePublication()) {
  // through JSON text, as a client receives it
  const dataset = JSONstat(JSON.parse(JSON.stringify(toJsonStat(publication))));
  expect(dataset.class).toBe('dataset');
  return dataset;
}

describe('JSON-stat 2.0', () => {
  it('is a dataset whose declared size matches its dimensions and its values', () => {
    const publication = samplePublication();
    const dataset = read(publication);
    const { accounts } = publication.snapshot;
    expect(dataset.id).toEqual(['year', 'unit', 'indicator', 'measure']);
    expect(dataset.size).toEqual([
      1,
      accounts.organisations.length + 1,
      accounts.indicators.length,
      JSONSTAT_MEASURES.length,
    ]);
    expect(dataset.n).toBe(dataset.size.reduce((a: number, b: number) => a * b, 1));
    expect(dataset.value).toHaveLength(dataset.n);
    for (const [position, id] of dataset.id.entries()) {
      expect(dataset.Dimension(id).length).toBe(dataset.size[position]);
    }
    expect(dataset.role.time).toEqual(['year']);
  });

  it('holds the national figures and every organisation’s values', () => {
    const publication = samplePublication();
    const dataset = read(publication);
    const cell = (unit: string, indicator: string, measure: string) =>
      dataset.Data({ year: '2016', unit, indicator, measure }).value;
    expect(cell(NATIONAL_UNIT, 'participants', 'value')).toBe(150);
    expect(cell(NATIONAL_UNIT, 'participants', 'gross')).toBe(170);
    expect(cell(NATIONAL_UNIT, 'participants', 'under50')).toBe(100);
    expect(cell(NATIONAL_UNIT, 'innovation_projects', 'gross')).toBeNull();
    expect(cell(NATIONAL_UNIT, 'survey_new_knowledge', 'numerator')).toBe(56);
    expect(cell(NATIONAL_UNIT, 'survey_new_knowledge', 'value')).toBe(56);
    for (const organisation of publication.snapshot.accounts.organisations) {
      expect(cell(organisation.slug, 'participants', 'value')).toBe(organisation.values.participants);
      expect(cell(organisation.slug, 'public_funding', 'value')).toBe(organisation.values.public_funding);
    }
    expect(dataset.Dimension('indicator').Category('public_funding').unit).toMatchObject({ label: 'kr.' });
    expect(dataset.Dimension('unit').Category('at-netvaerk').label).toBe('=HYPERLINK("http://evil")');
  });

  it('marks a possibly double counted figure with status "e" and carries version, licence and notes', () => {
    const base = samplePublication();
    const indicators = base.snapshot.accounts.indicators.map((indicator) =>
      indicator.key === 'participants'
        ? { ...indicator, national: { ...indicator.national, possiblyDoubleCounted: true } }
        : indicator,
    );
    const publication = samplePublication({ indicators }, 2016, 2);
    const dataset = read(publication);
    expect(
      dataset.Data({ year: '2016', unit: NATIONAL_UNIT, indicator: 'participants', measure: 'value' }).status,
    ).toBe('e');
    expect(
      dataset.Data({ year: '2016', unit: NATIONAL_UNIT, indicator: 'new_ideas', measure: 'value' }).status,
    ).toBeNull();
    expect(dataset.extension).toMatchObject({ year: 2016, version: 2, licence: 'CC-BY-4.0' });
    expect(dataset.note.some((note: string) => note.includes('Version 2: Rettet'))).toBe(true);
    expect(dataset.link.license[0].href).toBe('https://creativecommons.org/licenses/by/4.0/');
  });
});
