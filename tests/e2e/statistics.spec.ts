// The statistics office's public side on the demo data, through next start: the documentation of
// every published year in both languages with its generated parts matching the open data, the
// year page's citation and embedded DCAT JSON-LD (allowed by the page's CSP), the zip, JSON-stat,
// the catalogue, the revisions, and the accessibility statement linked from every page's footer.
import JSONstat from 'jsonstat-toolkit';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers';
import { must } from '../helpers/must';

const PUBLISHED = [2013, 2014, 2015, 2016];

test('every published year has its documentation in Danish and English, matching its data', async ({
  page,
  request,
}) => {
  for (const year of PUBLISHED) {
    const data = (await (await request.get(`/api/v1/accounts/${year}`)).json()) as {
      indicators: { key: string; label: { da: string; en: string } }[];
      organisations: unknown[];
    };
    for (const locale of ['da', 'en'] as const) {
      await page.goto(`${locale === 'en' ? '/en' : ''}/regnskab/${year}/dokumentation`);
      await expect(page.locator('h1')).toContainText(String(year));
      const terms = page.getByTestId('doc-indicators').locator('dt');
      await expect(terms).toHaveCount(data.indicators.length);
      for (const indicator of data.indicators) {
        await expect(page.getByTestId('doc-indicators')).toContainText(indicator.label[locale]);
      }
      await expect(page.getByTestId('doc-content')).toContainText(`${data.organisations.length}`);
      await expect(page.getByTestId('doc-text-content')).not.toBeEmpty();
      await expect(page.getByTestId('doc-timeliness')).toContainText(
        locale === 'en' ? 'as announced' : 'som annonceret',
      );
    }
  }
  await expectNoAxeViolations(page);
});

test('the year page cites the version and embeds its dataset as JSON-LD the CSP allows', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  await page.goto('/regnskab/2016');
  await expect(page.getByTestId('citation')).toContainText('Performanceregnskab 2016, version 1');
  await expect(page.getByTestId('citation')).toContainText('/regnskab/2016/v/1');
  await expect(page.getByTestId('retrieved')).not.toBeEmpty();
  const json = await page.locator('script[type="application/ld+json"]').textContent();
  const dataset = JSON.parse(must(json));
  expect(dataset).toMatchObject({ '@type': 'dcat:Dataset', 'owl:versionInfo': '1' });
  expect(dataset['@id']).toMatch(/\/regnskab\/2016#datasaet$/);
  expect(violations).toEqual([]);
  await expectNoAxeViolations(page);
});

test('the zip, JSON-stat and the catalogue are what they say', async ({ request }) => {
  const zip = await request.get('/regnskab/2016/download/zip?version=1');
  expect(zip.status()).toBe(200);
  expect(zip.headers()['content-type']).toBe('application/zip');
  const files = unzipSync(new Uint8Array(await zip.body()));
  expect(Object.keys(files).sort()).toEqual([
    'README.txt',
    'accounts.csv',
    'breakdowns.csv',
    'metadata.json',
    'national.csv',
  ]);
  expect(JSON.parse(strFromU8(must(files['metadata.json'])))).toMatchObject({ year: 2016, version: 1 });
  // the English download's accounts.csv is the API's CSV, the fields' English names included
  const english = unzipSync(
    new Uint8Array(await (await request.get('/en/regnskab/2016/download/zip?version=1')).body()),
  );
  const apiCsv = await (await request.get('/api/v1/accounts/2016?format=csv&version=1')).text();
  expect(strFromU8(must(english['accounts.csv']))).toBe(apiCsv);
  const [header, ...rows] = Papa.parse<string[]>(apiCsv, { skipEmptyLines: true }).data;
  const [field, fieldEn] = [must(header).indexOf('field'), must(header).indexOf('field_en')];
  expect(fieldEn).toBeGreaterThan(-1);
  expect(rows.some((row) => row[field] && row[fieldEn] && row[field] !== row[fieldEn])).toBe(true);

  const json = (await (await request.get('/api/v1/accounts/2016')).json()) as {
    indicators: { key: string; national: { net?: number } }[];
  };
  const dataset = JSONstat(await (await request.get('/api/v1/accounts/2016?format=jsonstat')).json());
  expect(dataset.class).toBe('dataset');
  const participants = must(json.indicators.find((indicator) => indicator.key === 'participants'));
  expect(
    dataset.Data({ year: '2016', unit: 'national', indicator: 'participants', measure: 'value' }).value,
  ).toBe(participants.national.net);
  expect(participants.national.net).toBe(16_500);

  const catalog = await request.get('/api/v1/catalog');
  expect(catalog.headers()['content-type']).toContain('application/ld+json');
  const document = (await catalog.json()) as { 'dcat:dataset': { '@id': string }[] };
  expect(document['dcat:dataset'].map((entry) => entry['@id'].match(/(\d{4})#/)?.[1]).sort()).toEqual(
    PUBLISHED.map(String),
  );
});

test('the revision policy, the revisions and the release calendar are public', async ({ page }) => {
  await page.goto('/om');
  await expect(page.getByTestId('revision-policy')).toContainText('ny version');
  await page.goto('/regnskab/revisioner');
  await expect(page.locator('h1')).toHaveText('Revisioner');
  await expectNoAxeViolations(page);
  await page.goto('/en/udgivelser');
  await expect(page.getByTestId('past-releases')).toContainText('Performance accounts 2016');
});

test('every page links to the accessibility statement, which has the required headings', async ({ page }) => {
  for (const [path, name, href] of [
    ['/', 'Tilgængelighedserklæring', '/was'],
    ['/regnskab/2016', 'Tilgængelighedserklæring', '/was'],
    ['/login', 'Tilgængelighedserklæring', '/was'],
    ['/en/regnskab/2016/dokumentation', 'Accessibility statement', '/en/was'],
  ] as const) {
    await page.goto(path);
    await expect(page.locator('footer').getByRole('link', { name })).toHaveAttribute('href', href);
  }
  await page.goto('/was');
  for (const heading of [
    'Overholdelsesstatus',
    'Ikke-tilgængeligt indhold',
    'Udarbejdelse af denne tilgængelighedserklæring',
    'Feedback og kontaktoplysninger',
    'Håndhævelsesprocedure',
  ]) {
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  }
  await expect(page.getByTestId('was-status')).toContainText('delvist');
  await expectNoAxeViolations(page);
  // the English statement at the English address, its footer pointing to itself
  await page.goto('/en/was');
  await expect(page.locator('h1')).toHaveText('Accessibility statement');
  await expect(page.getByRole('heading', { name: 'Compliance status' })).toBeVisible();
  await expect(page.getByTestId('was-status')).toContainText('partially');
  await expect(page.locator('footer').getByRole('link', { name: 'Accessibility statement' })).toHaveAttribute(
    'href',
    '/en/was',
  );
  await expectNoAxeViolations(page);
});
