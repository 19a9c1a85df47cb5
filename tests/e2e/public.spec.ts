// The public site and the open-data API on the demo data: what a reader sees, in both languages.
import { must } from '../helpers/must';
import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers';

const PUBLIC_PAGES = [
  '/',
  '/regnskab',
  '/regnskab/2016',
  '/regnskab/2015',
  '/regnskab/2013',
  '/regnskab/2016/v/1',
  '/regnskab/2016/organisationer?sort=participants&dir=desc&q=a',
  '/klynger',
  '/klynger?kind=innovation_network&region=midtjylland',
  '/om',
  '/om/data',
];

async function firstOrganisationSlug(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/organisations');
  const organisations = (await response.json()) as { slug: string }[];
  return must(organisations[0]).slug;
}

test('the front page tells the 2016 accounts as the 2017 edition did, in Danish', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Klynger og netværk skaber resultater');
  const headline = page.getByTestId('headline');
  await expect(headline).toContainText('I 2016 deltog 16.500 virksomheder');
  await expect(headline).toContainText('udviklede 3.789 virksomheder nye ideer');
  await expect(headline).toContainText('4.832 virksomheder fik nye kompetencer');
  await expect(headline).toContainText('1.524 virksomheder udviklede nye produkter');
  await expect(page.getByTestId('organisation-counts')).toHaveText('29 klynger og 22 innovationsnetværk');
  // 3.789 of 16.500 = 23,0 %
  await expect(page.getByTestId('key-figures')).toContainText('23,0 % af de deltagende virksomheder');
  await expect(page.getByTestId('survey')).toContainText('%');
  const chart = page.getByRole('img', { name: /Udviklingen 2013–2016/ });
  await expect(chart).toBeVisible();
  // the series break of 2015 is marked in the chart and explained under it
  await expect(page.getByText(/Databrud 2015/)).toBeVisible();
});

test('the front page in English', async ({ page }) => {
  await page.goto('/en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Clusters and networks create results');
  const headline = page.getByTestId('headline');
  await expect(headline).toContainText('In 2016, 16,500 companies took part');
  await expect(headline).toContainText('3,789 companies developed new ideas');
  await expect(headline).toContainText('4,832 companies gained new competences');
  await expect(headline).toContainText('1,524 companies developed new products');
  await expect(page.getByTestId('key-figures')).toContainText('23.0% of participating companies');
  // absolute (SITE_URL) or relative: the Danish front page either way
  await expect(page.locator('link[rel="alternate"][hreflang="da"]')).toHaveAttribute(
    'href',
    /^(https?:\/\/[^/]+)?\/?$/,
  );
});

test('walk from the front page to a year, to an organisation and back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Læs hele regnskabet for 2016' }).click();
  await expect(page).toHaveURL(/\/regnskab\/2016$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Performanceregnskab 2016');
  await expect(page.getByTestId('national-participants')).toHaveText('16.500');
  const firstOrganisation = page
    .getByTestId('organisations-table')
    .locator('tbody tr')
    .first()
    .getByRole('link');
  const name = must(await firstOrganisation.textContent());
  await firstOrganisation.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByTestId('organisation-results')).toContainText('2016');
  await page.goBack();
  await expect(page).toHaveURL(/\/regnskab\/2016$/);
  await page.goForward();
  await page.getByRole('link', { name: /Tilbage til alle klynger og netværk/ }).click();
  await expect(page).toHaveURL(/\/klynger$/);
  await expect(page.getByTestId('organisation-count')).toHaveText('53 organisationer');
  await page.getByRole('link', { name: 'Forside' }).click();
  await expect(page.getByTestId('headline')).toBeVisible();
});

test('the CSV download holds the totals the page shows', async ({ page }) => {
  await page.goto('/regnskab/2016');
  const shown = {
    participants: await page.getByTestId('national-participants').textContent(),
    new_ideas: await page.getByTestId('national-new_ideas').textContent(),
    new_competences: await page.getByTestId('national-new_competences').textContent(),
    new_products: await page.getByTestId('national-new_products').textContent(),
  };
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV (Excel, semikolon)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('klyngeregnskab-2016-v1-da.csv');
  const text = fs.readFileSync(must(await download.path()), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = text
    .slice(1)
    .trim()
    .split('\r\n')
    .map((line) => line.split(';'));
  const header = must(rows[0]);
  const national = must(rows.find((row) => row[0] === 'Nationalt (netto)'));
  const column = (label: string) => header.indexOf(label);
  const fromCsv = (label: string) => Number(national[column(label)]).toLocaleString('da-DK');
  expect(fromCsv('Deltagende virksomheder')).toBe(shown.participants);
  expect(national[column('Deltagende virksomheder')]).toBe('16500');
  expect(header).toContain('Licens');
  expect(national.at(-1)).toContain('CC BY 4.0');
  // one row per organisation after the four national rows (net, gross, under 50, the double-counting
  // mark), and never a CVR number column
  expect(rows.length - 5).toBe(51);
  expect(must(rows[4])[0]).toBe('Nationalt, muligvis dobbelttælling (1 = ja, 0 = nej)');
  expect(header.join(';')).not.toMatch(/cvr/i);
  for (const [key, value] of Object.entries(shown)) {
    const label = await page.locator(`#indikator-${key} th`).textContent();
    expect(fromCsv(must(label).trim()), key).toBe(value);
  }
});

test('the organisation table sorts and searches without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/regnskab/2016');
  const table = page.getByTestId('organisations-table');
  await table.getByRole('link', { name: /^Deltagende virksomheder/ }).click();
  // the report itself is cached; sorting and searching happen on the table's own page
  await expect(page).toHaveURL(/\/regnskab\/2016\/organisationer\?sort=participants&dir=asc/);
  await table.getByRole('link', { name: /^Deltagende virksomheder/ }).click();
  await expect(page).toHaveURL(/sort=participants&dir=desc/);
  await expect(table.locator('thead th[aria-sort="descending"]')).toHaveCount(1);
  const figures = await table
    .locator('tbody tr')
    // runs in the page, where the test's own helpers (must) do not exist
    .evaluateAll((rows) =>
      rows.map((row) => Number((row.querySelectorAll('td')[2]?.textContent ?? 'NaN').replace(/\./g, ''))),
    );
  expect(figures.length).toBe(51);
  expect([...figures].sort((a, b) => b - a)).toEqual(figures);
  await page.getByLabel('Søg efter organisation eller fagområde').fill('Life science');
  await page.getByRole('button', { name: 'Søg' }).click();
  await expect(page).toHaveURL(/q=Life\+science/);
  await expect(page.getByRole('status').filter({ hasText: 'Viser' })).toContainText('af 51 organisationer');
  const fields = await table.locator('tbody tr td:first-of-type').allTextContents();
  expect(fields.length).toBeGreaterThan(0);
  expect(new Set(fields)).toEqual(new Set(['Life science']));
  // an earlier version's table keeps its version through sorting
  await page.goto('/regnskab/2016/v/1');
  await page
    .getByTestId('organisations-table')
    .getByRole('link', { name: /^Organisation/ })
    .click();
  // v1 is the latest in the demo, so no version is carried
  await expect(page).toHaveURL(/organisationer\?sort=name&dir=desc/);
  await context.close();
});

test('the catalogue filters by kind, field and region in the URL', async ({ page }) => {
  await page.goto('/klynger');
  await page.getByLabel('Type').selectOption('innovation_network');
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/kind=innovation_network/);
  await expect(page.getByTestId('organisation-count')).toHaveText('22 organisationer');
  await page.getByLabel('Region').selectOption('hovedstaden');
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/kind=innovation_network.*region=hovedstaden/);
  const kinds = await page.getByTestId('catalogue').locator('tbody tr td:nth-of-type(1)').allTextContents();
  expect(new Set(kinds)).toEqual(new Set(['Innovationsnetværk']));
  // a filter value that does not exist is ignored, not an error
  await page.goto('/klynger?kind=%3Cscript%3E');
  await expect(page.getByTestId('organisation-count')).toHaveText('53 organisationer');
});

test('the language switch keeps the reader on the same public page', async ({ page }) => {
  const slug = await firstOrganisationSlug(page);
  await page.goto(`/klynger/${slug}`);
  await page.getByRole('link', { name: 'Read this page in English' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/klynger/${slug}$`));
  await expect(page.getByRole('heading', { name: 'Results year by year' })).toBeVisible();
  await page.goto('/en/regnskab/2016');
  await page.getByRole('link', { name: 'Læs denne side på dansk' }).click();
  await expect(page).toHaveURL(/\/regnskab\/2016$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Performanceregnskab 2016');
});

test('earlier versions and unknown years', async ({ page }) => {
  await page.goto('/regnskab/2016');
  await expect(page.getByTestId('history')).toContainText('Version 1');
  expect(must(await page.goto('/regnskab/2016/v/9')).status()).toBe(404);
  expect(must(await page.goto('/regnskab/2017')).status()).toBe(404);
  expect(must(await page.goto('/klynger/findes-ikke')).status()).toBe(404);
  // 2013 was reported without company lists: the figures are marked as possibly double counted
  await page.goto('/regnskab/2013');
  await expect(page.getByText(/Muligvis dobbelttælling/)).toBeVisible();
});

test('the open-data API: contract, CSV, caching, CORS and 404s', async ({ request }) => {
  const list = await request.get('/api/v1/accounts');
  expect(list.status()).toBe(200);
  expect(list.headers()['access-control-allow-origin']).toBe('*');
  const years = (await list.json()) as { year: number; version: number; publishedAt: string }[];
  expect(years.map((y) => y.year)).toEqual([2016, 2015, 2014, 2013]);
  expect(Object.keys(must(years[0])).sort()).toEqual(['publishedAt', 'version', 'year']);

  const response = await request.get('/api/v1/accounts/2016');
  expect(response.headers()['content-type']).toContain('application/json');
  expect(response.headers()['cache-control']).toContain('public');
  expect(response.headers().link).toContain('creativecommons.org/licenses/by/4.0');
  const body = await response.json();
  expect(Object.keys(body).sort()).toEqual([
    'evidence',
    'indicators',
    'licence',
    'organisations',
    'publishedAt',
    'version',
    'year',
  ]);
  expect(body.licence).toContain('CC BY 4.0');
  const participants = body.indicators.find((i: { key: string }) => i.key === 'participants');
  expect(participants.national).toEqual({
    net: 16500,
    gross: expect.any(Number),
    under50: expect.any(Number),
    possiblyDoubleCounted: false,
  });
  expect(participants.label).toEqual({ da: 'Deltagende virksomheder', en: 'Participating companies' });
  const survey = body.indicators.find((i: { kind: string }) => i.kind === 'share');
  expect(Object.keys(survey.national).sort()).toEqual(['denominator', 'numerator']);
  expect(body.organisations).toHaveLength(51);
  expect(JSON.stringify(body)).not.toMatch(/cvr/i);

  const etag = must(response.headers().etag);
  const again = await request.get('/api/v1/accounts/2016', { headers: { 'If-None-Match': etag } });
  expect(again.status()).toBe(304);

  const csv = await request.get('/api/v1/accounts/2016?format=csv');
  expect(csv.headers()['content-type']).toContain('text/csv');
  const csvText = await csv.text();
  expect(csvText.startsWith('scope,slug,name,kind,field,region,participants')).toBe(true);
  expect(must(csvText.split('\r\n')[1]).split(',')[6]).toBe('16500');

  expect((await request.get('/api/v1/accounts/2016?version=1')).status()).toBe(200);
  expect((await request.get('/api/v1/accounts/2016?version=7')).status()).toBe(404);
  expect((await request.get('/api/v1/accounts/2017')).status()).toBe(404);
  expect((await request.get('/api/v1/accounts/abc')).status()).toBe(404);
  expect((await request.get('/api/v1/accounts/2016?format=xml')).status()).toBe(400);

  const preflight = await request.fetch('/api/v1/accounts/2016', { method: 'OPTIONS' });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()['access-control-allow-methods']).toContain('GET');

  const organisations = (await (await request.get('/api/v1/organisations')).json()) as Record<
    string,
    string
  >[];
  expect(organisations).toHaveLength(53);
  expect(Object.keys(must(organisations[0])).sort()).toEqual([
    'description',
    'field',
    'fieldLabel',
    'kind',
    'name',
    'region',
    'slug',
  ]);
  const one = await (await request.get(`/api/v1/organisations/${must(organisations[0]).slug}`)).json();
  expect(one.years.map((y: { year: number }) => y.year)).toContain(2016);
  expect(one.licence).toContain('CC BY 4.0');
  expect((await request.get('/api/v1/organisations/findes-ikke')).status()).toBe(404);
});

test('embeds render one chart alone', async ({ page }) => {
  await page.goto('/embed/da/trend');
  await expect(page.locator('header')).toHaveCount(0);
  await expect(page.getByRole('img', { name: /Udviklingen/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/embed/en/regnskab/2016/region');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('img', { name: /by region, 2016/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the XLSX download and the Open Graph image are served', async ({ request }) => {
  const xlsx = await request.get('/en/regnskab/2016/download/xlsx');
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-disposition']).toContain('klyngeregnskab-2016-v1-en.xlsx');
  const image = await request.get('/regnskab/2016/og-image');
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
});

for (const locale of ['da', 'en'] as const) {
  test(`axe finds nothing on any public page (${locale})`, async ({ page }) => {
    test.setTimeout(180_000);
    const slug = await firstOrganisationSlug(page);
    for (const path of [...PUBLIC_PAGES, `/klynger/${slug}`]) {
      const url = locale === 'en' ? (path === '/' ? '/en' : `/en${path}`) : path;
      await page.goto(url);
      await expect(page.locator('html'), url).toHaveAttribute('lang', locale);
      await expectNoAxeViolations(page);
    }
  });
}

test('the public pages read on a 390 px wide phone without sideways scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const slug = await firstOrganisationSlug(page);
  for (const path of [
    '/',
    '/regnskab',
    '/regnskab/2016',
    '/regnskab/2016/organisationer',
    '/klynger',
    `/klynger/${slug}`,
    '/om/data',
  ]) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(390);
  }
  await page.goto('/');
  await expect(page.getByTestId('headline')).toBeVisible();
  await context.close();
});

test('at 200 % zoom (a 1280 px screen seen as 640 px) nothing scrolls sideways', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  for (const path of ['/', '/regnskab/2016', '/klynger', '/om']) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(640);
  }
  await context.close();
});

test('the report and its table work by keyboard alone', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Gå til indhold' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await page.goto('/regnskab/2016/organisationer');
  const sortLink = page
    .getByTestId('organisations-table')
    .getByRole('link', { name: /^Deltagende virksomheder/ });
  for (
    let presses = 0;
    presses < 40 && !(await sortLink.evaluate((el) => el === document.activeElement));
    presses++
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(sortLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/sort=participants&dir=asc/);
  await page.getByLabel('Søg efter organisation eller fagområde').focus();
  await page.keyboard.type('klyngen');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=klyngen/);
});

test('the front page ships no client JavaScript of its own beyond the language switch', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.url());
  });
  await page.goto('/');
  const home = scripts.length;
  scripts.length = 0;
  await page.goto('/login');
  // the login form is a client component: the front page loads no more scripts than a page with one
  expect(home).toBeLessThanOrEqual(scripts.length);
});
