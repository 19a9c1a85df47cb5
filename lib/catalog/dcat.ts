// The data catalogue in DCAT-AP-DK 2.0 (Digitaliseringsstyrelsen's profile of DCAT-AP 2.0) as
// JSON-LD: the catalogue, one dataset per published year (its latest version), and a
// distribution per format, each with its licence. The context is inline, so a harvester needs
// nothing but this document. EU vocabularies for language, frequency, theme and file type. Pure.
import 'server-only';
import type { SiteProfile } from '@/db/schema';
import { LICENCE } from '@/lib/publications/methodology';
import type { Publication } from '@/lib/publications/types';

const EU = 'http://publications.europa.eu/resource/authority';

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  adms: 'http://www.w3.org/ns/adms#',
  dcatap: 'http://data.europa.eu/r5r/',
} as const;

type Node = Record<string, unknown>;
const text = (da: string, en: string) => [
  { '@value': da, '@language': 'da' },
  { '@value': en, '@language': 'en' },
];
const id = (iri: string) => ({ '@id': iri });
const dateTime = (iso: string) => ({ '@value': iso, '@type': 'xsd:dateTime' });
const date = (iso: string) => ({ '@value': iso, '@type': 'xsd:date' });

function publisherNode(origin: string, profile: SiteProfile | null): Node {
  return {
    '@id': profile?.publisherUrl ?? `${origin}/#udgiver`,
    '@type': 'foaf:Agent',
    'foaf:name': profile
      ? text(profile.publisherDa, profile.publisherEn)
      : text('Klyngeregnskab', 'Klyngeregnskab'),
  };
}

function contactNode(profile: SiteProfile | null): Node | null {
  if (!profile) return null;
  return {
    '@type': 'vcard:Organization',
    'vcard:fn': profile.publisherDa,
    'vcard:hasEmail': id(`mailto:${profile.contactEmail}`),
  };
}

function distribution(
  iri: string,
  title: [string, string],
  download: string,
  format: string,
  mediaType: string,
  modified: string,
): Node {
  return {
    '@id': iri,
    '@type': 'dcat:Distribution',
    'dct:title': text(...title),
    'dcat:accessURL': id(download),
    'dcat:downloadURL': id(download),
    'dct:format': id(`${EU}/file-type/${format}`),
    'dcat:mediaType': id(`https://www.iana.org/assignments/media-types/${mediaType}`),
    'dct:license': id(LICENCE.url),
    'dct:modified': dateTime(modified),
  };
}

export function datasetNode(publication: Publication, origin: string, profile: SiteProfile | null): Node {
  const { year, version } = publication;
  const page = `${origin}/regnskab/${year}`;
  const first = publication.history[0]?.publishedAt ?? publication.publishedAt;
  const api = `${origin}/api/v1/accounts/${year}`;
  const contact = contactNode(profile);
  return {
    '@id': `${page}#datasaet`,
    '@type': 'dcat:Dataset',
    'dct:identifier': `${page}#datasaet`,
    'dct:title': text(
      `Performanceregnskab for klynger og innovationsnetværk ${year}`,
      `Performance accounts of clusters and innovation networks ${year}`,
    ),
    'dct:description': text(
      `Hvad klyngernes og innovationsnetværkenes aktiviteter i ${year} betød for de deltagende virksomheder: deltagere, nye idéer, kompetencer og produkter netto for dobbelttælling, aktiviteter, ressourcer og virksomhedsundersøgelsens andele. Version ${version}.`,
      `What the activities of the clusters and innovation networks in ${year} did for the companies taking part: participants, new ideas, competences and products net of double counting, activities, resources and the company survey's shares. Version ${version}.`,
    ),
    'dct:publisher': publisherNode(origin, profile),
    ...(contact ? { 'dcat:contactPoint': contact } : {}),
    'dcat:landingPage': id(page),
    'foaf:page': id(`${page}/dokumentation`),
    'dct:temporal': {
      '@type': 'dct:PeriodOfTime',
      'dcat:startDate': date(`${year}-01-01`),
      'dcat:endDate': date(`${year}-12-31`),
    },
    'dct:spatial': id(`${EU}/country/DNK`),
    'dct:accrualPeriodicity': id(`${EU}/frequency/ANNUAL`),
    'dct:issued': dateTime(first),
    'dct:modified': dateTime(publication.publishedAt),
    'dcat:theme': [id(`${EU}/data-theme/ECON`), id(`${EU}/data-theme/TECH`)],
    'dct:language': [id(`${EU}/language/DAN`), id(`${EU}/language/ENG`)],
    'dcat:keyword': text('klynger', 'clusters'),
    'owl:versionInfo': String(version),
    'adms:versionNotes': publication.changeNote
      ? text(publication.changeNote, publication.changeNote)
      : undefined,
    'dct:accessRights': id(`${EU}/access-right/PUBLIC`),
    'dcat:distribution': [
      distribution(
        `${api}#json`,
        ['Regnskabet som JSON', 'The accounts as JSON'],
        api,
        'JSON',
        'application/json',
        publication.publishedAt,
      ),
      distribution(
        `${api}#csv`,
        ['Regnskabet som CSV', 'The accounts as CSV'],
        `${api}?format=csv`,
        'CSV',
        'text/csv',
        publication.publishedAt,
      ),
      distribution(
        `${api}#jsonstat`,
        ['Regnskabet som JSON-stat 2.0', 'The accounts as JSON-stat 2.0'],
        `${api}?format=jsonstat`,
        'JSON',
        'application/json',
        publication.publishedAt,
      ),
      distribution(
        `${page}/download/zip#zip`,
        ['Tabeller med metadata og vejledning (zip)', 'Tables with metadata and guide (zip)'],
        `${page}/download/zip`,
        'ZIP',
        'application/zip',
        publication.publishedAt,
      ),
    ],
  };
}

function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function catalogDocument(latest: Publication[], origin: string, profile: SiteProfile | null) {
  const modified = latest
    .map((publication) => publication.publishedAt)
    .sort()
    .at(-1);
  return withoutUndefined({
    '@context': DCAT_CONTEXT,
    '@id': `${origin}/api/v1/catalog`,
    '@type': 'dcat:Catalog',
    'dct:title': text('Klyngeregnskab: datakatalog', 'Klyngeregnskab: data catalogue'),
    'dct:description': text(
      'De offentliggjorte performanceregnskaber for Danmarks klynger og innovationsnetværk, ét datasæt pr. aktivitetsår.',
      'The published performance accounts of Denmark’s clusters and innovation networks, one dataset per activity year.',
    ),
    'dct:publisher': publisherNode(origin, profile),
    'foaf:homepage': id(`${origin}/`),
    'dct:language': [id(`${EU}/language/DAN`), id(`${EU}/language/ENG`)],
    'dct:license': id(LICENCE.url),
    ...(modified ? { 'dct:modified': dateTime(modified) } : {}),
    'dcat:dataset': latest.map((publication) => datasetNode(publication, origin, profile)),
  });
}

/** One year's dataset on its own, for the year page's embedded JSON-LD. */
export function datasetDocument(publication: Publication, origin: string, profile: SiteProfile | null) {
  return withoutUndefined({ '@context': DCAT_CONTEXT, ...datasetNode(publication, origin, profile) });
}
