// The zip of a year and version read back with fflate, and the DCAT-AP-DK catalogue expanded by
// jsonld (the JSON-LD reference implementation) with no network: every term must resolve to the
// DCAT, Dublin Core, FOAF or vCard property it names, and each dataset carry the properties the
// profile asks for.
import { strFromU8, unzipSync } from 'fflate';
import jsonld from 'jsonld';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { SiteProfile } from '@/db/schema';
import { catalogDocument, datasetDocument } from '@/lib/catalog/dcat';
import { accountsCsvForApi, type PublicNames } from '@/lib/publications/open-data';
import { accountsZip, zipMetadata } from '@/lib/publications/zip';
import { samplePublication } from '../helpers/publication-fixture';
import { must } from '../helpers/must';

const ORIGIN = 'https://klyngeregnskab.example';
const profile = {
  publisherDa: 'Sekretariatet',
  publisherEn: 'The secretariat',
  publisherUrl: null,
  contactEmail: 'kontakt@example.org',
} as SiteProfile;

// the fields' English names, kept with the organisations (not in the frozen publication)
const NAMES: PublicNames = { fields: { 'Miljø og vand': 'Environment and water' }, organisations: {} };

describe('the zip of a year and version', () => {
  const publication = samplePublication({}, 2016, 2);
  const files = unzipSync(accountsZip(publication, ORIGIN, NAMES));

  it('holds the tables, the metadata and a README in both languages', () => {
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'accounts.csv',
      'breakdowns.csv',
      'metadata.json',
      'national.csv',
    ]);
    const readme = strFromU8(must(files['README.txt']));
    expect(readme).toContain('— Dansk —');
    expect(readme).toContain('— English —');
    expect(readme).toContain('version 2');
  });

  it('has metadata for every indicator with its definition and unit, the licence, version, dates and notes', () => {
    const metadata = JSON.parse(strFromU8(must(files['metadata.json'])));
    expect(metadata).toEqual(JSON.parse(JSON.stringify(zipMetadata(publication, ORIGIN))));
    expect(metadata).toMatchObject({
      year: 2016,
      version: 2,
      publishedAt: publication.publishedAt,
      licence: { id: 'CC-BY-4.0' },
    });
    expect(metadata.notes.changeNote).toBe('Rettet');
    expect(metadata.indicators.map((indicator: { key: string }) => indicator.key)).toEqual(
      [...publication.snapshot.accounts.indicators]
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((i) => i.key),
    );
    expect(
      metadata.indicators.find((indicator: { key: string }) => indicator.key === 'public_funding').unit,
    ).toEqual({ da: 'kr.', en: 'DKK' });
  });

  it('has national figures that are the publication’s, and formulas neutralised in names', () => {
    const national = Papa.parse<Record<string, string>>(strFromU8(must(files['national.csv'])), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(national.find((row) => row.indicator === 'participants')).toMatchObject({
      net: '150',
      gross: '170',
      under50: '100',
    });
    const accounts = strFromU8(must(files['accounts.csv']));
    expect(accounts).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('has the accounts CSV the API gives, English field names included', () => {
    const accounts = strFromU8(must(files['accounts.csv']));
    expect(accounts).toBe(accountsCsvForApi(publication, NAMES));
    const rows = Papa.parse<Record<string, string>>(accounts, { header: true, skipEmptyLines: true }).data;
    const water = rows.find((row) => row.field === 'Miljø og vand');
    expect(water?.field_en).toBe('Environment and water');
  });

  it('is the same bytes each time for the same version', () => {
    expect(
      Buffer.from(accountsZip(publication, ORIGIN, NAMES)).equals(
        Buffer.from(accountsZip(publication, ORIGIN, NAMES)),
      ),
    ).toBe(true);
  });
});

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const refuseNetwork = async (url: string) => {
  throw new Error(`the catalogue must not need ${url}`);
};

type Expanded = Record<string, unknown[]> & { '@id'?: string; '@type'?: string[] };

async function expand(document: object): Promise<Expanded[]> {
  // safe mode: a term without a mapping is an error, not silently dropped
  return (await jsonld.expand(
    document as never,
    { documentLoader: refuseNetwork as never, safe: true } as never,
  )) as Expanded[];
}

describe('the DCAT-AP-DK catalogue', () => {
  const latest = [samplePublication({}, 2016, 2), samplePublication({}, 2015, 1)];

  it('expands to a dcat:Catalog with its mandatory properties and a dataset per year', async () => {
    const [catalog] = await expand(catalogDocument(latest, ORIGIN, profile));
    expect(catalog?.['@type']).toEqual([`${DCAT}Catalog`]);
    for (const property of [`${DCT}title`, `${DCT}description`, `${DCT}publisher`, `${DCAT}dataset`]) {
      expect(catalog?.[property], property).toBeDefined();
    }
    expect(catalog?.[`${DCAT}dataset`]).toHaveLength(2);
    expect(catalog?.[`${DCT}publisher`]).toHaveLength(1);
  });

  it('gives each dataset title, description, publisher, contact, landing page, temporal coverage, frequency, dates, theme, language and distributions with licences', async () => {
    const [catalog] = await expand(catalogDocument(latest, ORIGIN, profile));
    for (const dataset of must(catalog)[`${DCAT}dataset`] as Expanded[]) {
      expect(dataset['@type']).toEqual([`${DCAT}Dataset`]);
      for (const property of [
        `${DCT}title`,
        `${DCT}description`,
        `${DCT}publisher`,
        `${DCAT}contactPoint`,
        `${DCAT}landingPage`,
        `${DCT}temporal`,
        `${DCT}accrualPeriodicity`,
        `${DCT}issued`,
        `${DCT}modified`,
        `${DCAT}theme`,
        `${DCT}language`,
        `${DCAT}distribution`,
      ]) {
        expect(dataset[property], property).toBeDefined();
      }
      expect(dataset[`${DCT}accrualPeriodicity`]).toEqual([
        { '@id': 'http://publications.europa.eu/resource/authority/frequency/ANNUAL' },
      ]);
      const contact = must((dataset[`${DCAT}contactPoint`] as Expanded[])[0]);
      expect(contact['http://www.w3.org/2006/vcard/ns#hasEmail']).toEqual([
        { '@id': 'mailto:kontakt@example.org' },
      ]);
      const distributions = dataset[`${DCAT}distribution`] as Expanded[];
      expect(distributions.length).toBeGreaterThanOrEqual(4);
      for (const distribution of distributions) {
        expect(distribution[`${DCT}license`]).toEqual([
          { '@id': 'https://creativecommons.org/licenses/by/4.0/' },
        ]);
        expect(distribution[`${DCAT}accessURL`]).toBeDefined();
        expect(distribution[`${DCT}format`]).toBeDefined();
      }
      const temporal = must((dataset[`${DCT}temporal`] as Expanded[])[0]);
      expect(temporal[`${DCAT}startDate`]).toBeDefined();
      expect(temporal[`${DCAT}endDate`]).toBeDefined();
    }
  });

  it('would refuse a term the context does not map (the checks above can fail)', async () => {
    await expect(
      expand({ ...catalogDocument(latest, ORIGIN, profile), unmappedTerm: 'x' }),
    ).rejects.toThrow();
  });

  it('builds every address from the configured origin', async () => {
    const text = JSON.stringify(catalogDocument(latest, ORIGIN, profile));
    const urls = text.match(/https?:\/\/[^"#?]+/g) ?? [];
    const own = urls.filter(
      (url) => !/w3\.org|purl\.org|xmlns\.com|europa\.eu|creativecommons\.org|iana\.org/.test(url),
    );
    expect(own.length).toBeGreaterThan(0);
    for (const url of own) expect(url.startsWith(ORIGIN)).toBe(true);
  });

  it('describes one year on its own for the year page', async () => {
    const [dataset] = await expand(datasetDocument(must(latest[0]), ORIGIN, profile));
    expect(dataset?.['@id']).toBe(`${ORIGIN}/regnskab/2016#datasaet`);
    expect(dataset?.['http://www.w3.org/2002/07/owl#versionInfo']).toEqual([{ '@value': '2' }]);
  });
});
