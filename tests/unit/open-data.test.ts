import { must } from '../helpers/must';
import { describe, expect, it } from 'vitest';
import { xlsxCell } from '@/lib/csv/safe-cell';
import { EXCEL_DA, RFC4180, toCsv } from '@/lib/csv/write';
import {
  accountsCsvForApi,
  accountsCsvForDownload,
  accountsTable,
  filterOrganisations,
  organisationDetailCsv,
  toOpenAccountsYear,
  toOrganisationDetail,
  toOrganisationDirectory,
  fieldTextOf,
  type PublicNames,
  toPublicationList,
} from '@/lib/publications/open-data';
import { samplePublication } from '../helpers/publication-fixture';

const NAMES: PublicNames = {
  fields: { 'Miljø og vand': 'Environment and water' },
  organisations: {
    'vand-klyngen': {
      website: 'https://vand.dk',
      description: { da: 'Klyngen for vand.', en: 'The water cluster.' },
    },
  },
};

describe('toOpenAccountsYear', () => {
  const open = toOpenAccountsYear(samplePublication(), NAMES);

  it('has exactly the contract keys', () => {
    expect(Object.keys(open).sort()).toEqual(
      ['evidence', 'indicators', 'licence', 'organisations', 'publishedAt', 'version', 'year'].sort(),
    );
    expect(open.evidence).toEqual([]);
    expect(open.licence).toContain('CC BY 4.0');
    expect(open).toMatchObject({ year: 2016, version: 1, publishedAt: '2017-03-01T10:00:00.000Z' });
  });

  it('gives company indicators net, gross, under50 and the double-counting mark, other kinds net only, shares as a fraction', () => {
    const byKey = Object.fromEntries(open.indicators.map((i) => [i.key, i]));
    expect(byKey.participants).toEqual({
      key: 'participants',
      kind: 'companies',
      label: { da: 'Deltagende virksomheder', en: 'Participating companies' },
      national: { net: 150, gross: 170, under50: 100, possiblyDoubleCounted: false },
    });
    expect(must(byKey.innovation_projects).national).toEqual({ net: 12 });
    expect(must(byKey.public_funding).national).toEqual({ net: 1_500_000 });
    expect(must(byKey.survey_new_knowledge).national).toEqual({ numerator: 56, denominator: 100 });
  });

  it('keeps indicators in catalogue order and organisations by name, with the contract keys only', () => {
    expect(open.indicators.map((i) => i.key)).toEqual([
      'participants',
      'new_ideas',
      'innovation_projects',
      'public_funding',
      'survey_new_knowledge',
    ]);
    for (const organisation of open.organisations) {
      expect(Object.keys(organisation).sort()).toEqual(
        ['description', 'field', 'fieldLabel', 'kind', 'name', 'region', 'slug', 'values'].sort(),
      );
    }
    expect(open.organisations.find((o) => o.slug === 'vand-klyngen')).toMatchObject({
      field: 'Miljø og vand',
      fieldLabel: { da: 'Miljø og vand', en: 'Environment and water' },
      description: { da: 'Klyngen for vand.', en: 'The water cluster.' },
    });
    // no English form kept: the Danish name stands in, and no description is null, not invented
    expect(open.organisations.find((o) => o.slug === 'at-netvaerk')).toMatchObject({
      fieldLabel: { da: 'Byggeri', en: 'Byggeri' },
      description: { da: null, en: null },
    });
    expect(must(open.organisations.find((o) => o.slug === 'vand-klyngen')).values).toEqual({
      participants: 100,
      new_ideas: 30,
      innovation_projects: 7,
      public_funding: 1_000_000,
      survey_new_knowledge: { numerator: 30, denominator: 60 },
    });
  });

  it('never carries a company list or the internal flags', () => {
    const text = JSON.stringify(open);
    expect(text).not.toMatch(/cvr|hasCompanyList/i);
  });

  it('marks a company figure that may count a company twice, and only company figures', () => {
    const publication = samplePublication();
    const participants = must(publication.snapshot.accounts.indicators[0]);
    participants.national = { ...participants.national, possiblyDoubleCounted: true };
    const marked = toOpenAccountsYear(publication);
    expect(must(marked.indicators[0]).national).toMatchObject({ possiblyDoubleCounted: true });
    expect(must(marked.indicators[1]).national).toMatchObject({ possiblyDoubleCounted: false });
    expect(must(marked.indicators.find((i) => i.kind === 'count')).national).toEqual({ net: 12 });
  });

  it('carries the frozen evidence statements in their order', () => {
    const publication = samplePublication();
    publication.snapshot.evidence = [
      {
        key: 'b_second',
        value: 4,
        unit: 'times',
        text: { da: 'to', en: 'two' },
        source: { title: 'T', publisher: 'P', year: 2014, url: null },
      },
      {
        key: 'a_first',
        value: null,
        unit: null,
        text: { da: 'en', en: 'one' },
        source: { title: 'S', publisher: 'Q', year: null, url: 'https://example.org' },
      },
    ];
    expect(toOpenAccountsYear(publication).evidence.map((e) => e.key)).toEqual(['b_second', 'a_first']);
    expect(toOpenAccountsYear(publication).evidence[1]).toEqual(publication.snapshot.evidence[1]);
  });
});

describe('fieldTextOf', () => {
  it('gives the English form on English pages, the Danish name marked as Danish where none is kept', () => {
    expect(fieldTextOf(NAMES, 'Miljø og vand', 'en')).toEqual({
      text: 'Environment and water',
      lang: undefined,
    });
    expect(fieldTextOf(NAMES, 'Miljø og vand', 'da')).toEqual({ text: 'Miljø og vand', lang: undefined });
    expect(fieldTextOf(NAMES, 'Byggeri', 'en')).toEqual({ text: 'Byggeri', lang: 'da' });
  });
});

describe('toPublicationList', () => {
  it('lists year, version and date, newest year first', () => {
    const list = toPublicationList([
      { year: 2014, version: 1, publishedAt: 'a', changeNote: null },
      { year: 2016, version: 2, publishedAt: 'b', changeNote: 'x' },
    ]);
    expect(list).toEqual([
      { year: 2016, version: 2, publishedAt: 'b' },
      { year: 2014, version: 1, publishedAt: 'a' },
    ]);
  });
});

describe('organisations', () => {
  const series = [samplePublication({}, 2015), samplePublication({}, 2016)];
  it('builds the directory from the published years', () => {
    const directory = toOrganisationDirectory(series, NAMES);
    expect(directory.map((o) => o.slug).sort()).toEqual(['at-netvaerk', 'vand-klyngen']);
    expect(Object.keys(must(directory[0])).sort()).toEqual(
      ['description', 'field', 'fieldLabel', 'kind', 'name', 'region', 'slug'].sort(),
    );
  });
  it('gives one organisation year by year, or null when unknown', () => {
    const detail = toOrganisationDetail(series, 'vand-klyngen', NAMES);
    expect(detail?.years.map((y) => [y.year, y.values.participants])).toEqual([
      [2015, 100],
      [2016, 100],
    ]);
    expect(detail?.website).toBe('https://vand.dk');
    expect(detail?.description).toEqual({ da: 'Klyngen for vand.', en: 'The water cluster.' });
    expect(detail?.licence).toContain('CC BY 4.0');
    expect(toOrganisationDetail(series, 'nobody')).toBeNull();
  });
  it('filters by kind, field and region together', () => {
    const directory = toOrganisationDirectory(series);
    expect(filterOrganisations(directory, { kind: 'cluster' }).map((o) => o.slug)).toEqual(['vand-klyngen']);
    expect(filterOrganisations(directory, { region: 'hovedstaden', kind: 'cluster' })).toEqual([]);
    expect(filterOrganisations(directory, { field: 'Byggeri' }).map((o) => o.slug)).toEqual(['at-netvaerk']);
    expect(filterOrganisations(directory, {})).toHaveLength(2);
  });
});

describe('CSV', () => {
  it('neutralises text cells that a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(xlsxCell(bad)).toBe(`'${bad}`);
    expect(xlsxCell('Vandklyngen')).toBe('Vandklyngen');
    expect(xlsxCell(-5)).toBe(-5);
    expect(xlsxCell(null)).toBeNull();
  });

  it('quotes delimiters, quotes and line breaks', () => {
    expect(toCsv(['a;b', 'c"d', 'e\nf', 1], [], { ...EXCEL_DA, bom: false })).toBe(
      '"a;b";"c""d";"e\nf";1\r\n',
    );
    expect(toCsv(['a,b'], [], RFC4180)).toBe('"a,b"\r\n');
  });

  it('the API CSV is comma-separated without BOM, with machine headers, national rows first', () => {
    const csv = accountsCsvForApi(samplePublication());
    expect(csv.startsWith('scope,slug,name')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain(
      'survey_new_knowledge_numerator,survey_new_knowledge_denominator,field_en,licence',
    );
    expect(must(lines[1]).split(',').slice(0, 7)).toEqual(['national_net', '', '', '', '', '', '150']);
    expect(must(lines[2]).split(',')[6]).toBe('170');
    expect(must(lines[3]).split(',')[6]).toBe('100');
    // the double-counting mark: 0 for each company figure, empty for the others
    const header = must(lines[0]).split(',');
    const marks = must(lines[4]).split(',');
    expect(marks[0]).toBe('national_possibly_double_counted');
    expect(marks[header.indexOf('participants')]).toBe('0');
    expect(marks[header.indexOf('new_ideas')]).toBe('0');
    expect(marks[header.indexOf('innovation_projects')]).toBe('');
    expect(lines).toHaveLength(7);
    expect(csv).toContain('CC BY 4.0');
    // the hostile organisation name is neutralised and quoted
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('the human CSV is semicolon-separated with a BOM and labels in the language', () => {
    const csv = accountsCsvForDownload(samplePublication(), 'da');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(must(lines[0]).split(';').slice(0, 7)).toEqual([
      'Opgørelse',
      'Id',
      'Organisation',
      'Type',
      'Fagområde',
      'Region',
      'Deltagende virksomheder',
    ]);
    expect(must(lines[1]).split(';')[0]).toBe('Nationalt (netto)');
    expect(must(lines[1]).split(';')[6]).toBe('150');
    expect(must(lines[4]).split(';')[0]).toBe('Nationalt, muligvis dobbelttælling (1 = ja, 0 = nej)');
    const english = accountsCsvForDownload(samplePublication(), 'en', NAMES);
    expect(english).toContain('National (net)');
    expect(english).toContain('Participating companies');
    expect(english).toContain('National, possibly double counted (1 = yes, 0 = no)');
    // the field in English in the English file, in Danish in the Danish one
    expect(english).toContain(';Environment and water;');
    expect(english).not.toContain('Miljø og vand');
    expect(accountsCsvForDownload(samplePublication(), 'da', NAMES)).toContain(';Miljø og vand;');
  });

  it('the API CSV carries the Danish field and its English form in a column of its own', () => {
    const table = accountsTable(samplePublication(), null, NAMES);
    const header = must(table[0]);
    const vand = must(table.find((row) => row[1] === 'vand-klyngen'));
    expect(vand[header.indexOf('field')]).toBe('Miljø og vand');
    expect(vand[header.indexOf('field_en')]).toBe('Environment and water');
  });

  it('puts shares in two columns and leaves gross empty where it does not apply', () => {
    const table = accountsTable(samplePublication(), null);
    const header = must(table[0]);
    const gross = must(table[2]);
    expect(gross[header.indexOf('innovation_projects')]).toBeNull();
    expect(must(table[1])[header.indexOf('survey_new_knowledge_numerator')]).toBe(56);
    expect(must(table[1])[header.indexOf('survey_new_knowledge_denominator')]).toBe(100);
    const vand = must(table.find((row) => row[1] === 'vand-klyngen'));
    expect(vand[header.indexOf('survey_new_knowledge_denominator')]).toBe(60);
  });

  it('the organisation CSV has one row per year', () => {
    const detail = must(
      toOrganisationDetail([samplePublication({}, 2015), samplePublication({}, 2016)], 'vand-klyngen'),
    );
    const lines = organisationDetailCsv(detail).trim().split('\r\n');
    expect(lines[0]).toContain('slug,year,version,participants');
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(['2015', '2016']);
  });
});
