// Issue 14 on the demo data: everything the seed tells, exactly, in both languages; the open-data
// mark for possibly double-counted figures; unknown shown as unknown; the reader's edges (404 pages,
// embed code, historic publication dates).
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, signIn, DEMO_ADMIN } from './helpers';
import { must } from '../helpers/must';

const NBSP = '\u00a0';

async function organisationSlug(page: Page, field: string): Promise<string> {
  const organisations = (await (await page.request.get('/api/v1/organisations')).json()) as {
    slug: string;
    field: string;
  }[];
  return must(organisations.find((organisation) => organisation.field === field)).slug;
}

test.describe('the seed, exactly', () => {
  test('the front page tells the survey shares, the framing and the evidence, in Danish', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByTestId('framing')).toHaveText(
      'Danmark har over 50 innovative netværk og klynger inden for hver deres fagområde, som hjælper ca. 16.500 virksomheder om året.',
    );
    const survey = page.getByTestId('survey');
    for (const share of ['56', '55', '40']) await expect(survey).toContainText(`${share}${NBSP}%`);
    const evidence = page.getByTestId('evidence').locator('li');
    // the seed's order: the survey's source, then the two econometric findings
    await expect(evidence).toHaveCount(3);
    await expect(evidence.nth(0)).toContainText(
      'Effekter af virksomheders deltagelse i klynger og innovationsnetværk',
    );
    await expect(evidence.nth(1)).toContainText('4 gange');
    await expect(evidence.nth(1)).toContainText('så stor sandsynlighed for at blive innovative');
    await expect(evidence.nth(2)).toContainText('3,6 procentpoint');
    await expect(evidence.nth(2)).toContainText('højere produktivitetsvækst');
    await expect(
      evidence.nth(2).getByRole('link', { name: /The Short-run Impact on Total Factor Productivity Growth/ }),
    ).toHaveAttribute('href', /^https:\/\/ufm\.dk\//);
    await expect(evidence.nth(2)).toContainText('Styrelsen for Forskning og Innovation, 2014');
  });

  test('the front page and /om in English', async ({ page }) => {
    await page.goto('/en');
    await expect(page.getByTestId('framing')).toHaveText(
      'Denmark has over 50 innovative networks and clusters, each in its own field, helping about 16,500 companies a year.',
    );
    for (const share of ['56%', '55%', '40%']) await expect(page.getByTestId('survey')).toContainText(share);
    const evidence = page.getByTestId('evidence').locator('li');
    await expect(evidence.nth(1)).toContainText('4 times');
    await expect(evidence.nth(1)).toContainText('the likelihood of becoming innovative');
    await expect(evidence.nth(2)).toContainText('3.6 percentage points');
    await page.goto('/en/om');
    await expect(page.getByTestId('framing')).toContainText('over 50');
    const about = page.getByTestId('evidence').locator('li');
    await expect(about).toHaveCount(3);
    await expect(about.nth(2)).toContainText('3.6 percentage points');
    await page.goto('/om');
    await expect(page.getByTestId('evidence').locator('li').nth(1)).toContainText('4 gange');
  });

  test('the year page shows the survey at one decimal as 56,0 %, 55,0 % and 40,0 %', async ({ page }) => {
    await page.goto('/regnskab/2016');
    const survey = page.getByTestId('tabel-survey');
    for (const share of ['56,0', '55,0', '40,0']) await expect(survey).toContainText(`${share}${NBSP}%`);
    await expect(page.getByTestId('national-participants')).toHaveText('16.500');
  });

  test('the demo years were published at historic dates, one each', async ({ page }) => {
    await page.goto('/regnskab');
    const dates = await page.getByTestId('years-table').locator('tbody tr td:last-child').allTextContents();
    expect(dates).toEqual(['24. maj 2017', '30. maj 2016', '29. maj 2015', '28. maj 2014']);
  });
});

test.describe('unknown is not zero, overlapping groups say so', () => {
  test('2013, reported without company lists: the participation table says – and why', async ({ page }) => {
    await page.goto('/regnskab/2013');
    for (const key of ['one', 'two', 'threePlus'])
      await expect(page.getByTestId(`participation-${key}`).locator('td')).toHaveText('–');
    await expect(page.getByTestId('participation-note')).toContainText('– betyder ukendt');
    await page.goto('/en/regnskab/2014');
    await expect(page.getByTestId('participation-one').locator('td')).toHaveText('–');
    await expect(page.getByTestId('participation-note')).toContainText('– means not known');
    // with company lists the figures are known and there is no note
    await page.goto('/regnskab/2016');
    await expect(page.getByTestId('participation-one').locator('td')).not.toHaveText('–');
    await expect(page.getByTestId('participation-note')).toHaveCount(0);
  });

  test('each breakdown of 2016 says its groups overlap, with both sums, in both languages', async ({
    page,
  }) => {
    await page.goto('/regnskab/2016');
    const notes = page.getByTestId('breakdown-overlap');
    await expect(notes).toHaveCount(3);
    for (const note of await notes.all()) await expect(note).toContainText('mens landstallet er 16.500');
    // the sum in the note is the sum of the table above it (clusters + networks)
    const kindTable = page.locator('section[aria-labelledby="fordeling-kind"] table.figure-table');
    const figures = await kindTable
      .locator('tbody tr')
      // runs in the page, where the test's own helpers (must) do not exist
      .evaluateAll((rows) =>
        rows.map((row) => Number((row.querySelectorAll('td')[1]?.textContent ?? 'NaN').replace(/\./g, ''))),
      );
    const sum = figures.reduce((a, b) => a + b, 0);
    expect(sum).toBeGreaterThan(16_500);
    await expect(notes.first()).toContainText(sum.toLocaleString('da-DK'));
    await page.goto('/en/regnskab/2016');
    await expect(page.getByTestId('breakdown-overlap').first()).toContainText(
      'while the national figure is 16,500',
    );
  });
});

test.describe('possibly double counted, in the open data', () => {
  test('2013: the JSON, the API CSV, the download CSV and the XLSX all carry the mark', async ({ page }) => {
    const json = await (await page.request.get('/api/v1/accounts/2013')).json();
    for (const indicator of json.indicators.filter((i: { kind: string }) => i.kind === 'companies'))
      expect(indicator.national.possiblyDoubleCounted, indicator.key).toBe(true);
    const csv = (await (await page.request.get('/api/v1/accounts/2013?format=csv')).text()).split('\r\n');
    const header = must(csv[0]).split(',');
    const marks = must(csv.find((line) => line.startsWith('national_possibly_double_counted,'))).split(',');
    expect(marks[header.indexOf('participants')]).toBe('1');

    await page.goto('/regnskab/2013');
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSV (Excel, semikolon)' }).click();
    const download = fs
      .readFileSync(must(await (await downloading).path()), 'utf8')
      .slice(1)
      .split('\r\n');
    const labels = must(download[0]).split(';');
    const row = must(download.find((line) => line.startsWith('Nationalt, muligvis dobbelttælling'))).split(
      ';',
    );
    expect(row[labels.indexOf('Deltagende virksomheder')]).toBe('1');

    const xlsx = await page.request.get('/en/regnskab/2013/download/xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const national = must(workbook.getWorksheet('National'));
    expect(national.getRow(1).getCell(7).value).toBe('Possibly double counted');
    expect(national.getRow(2).getCell(7).value).toBe('Yes');
    // 2016 counted from company lists: nothing marked
    const json2016 = await (await page.request.get('/api/v1/accounts/2016')).json();
    expect(json2016.indicators[0].national.possiblyDoubleCounted).toBe(false);
  });
});

test.describe('every name in English on the English pages', () => {
  test('the year page, its table, its chart and the catalogue use the English field names', async ({
    page,
  }) => {
    await page.goto('/en/regnskab/2016');
    const fieldTable = page.locator('section[aria-labelledby="fordeling-field"] table.figure-table');
    await expect(fieldTable).toContainText('Energy and climate');
    await expect(fieldTable).not.toContainText('Energi og klima');
    await expect(page.locator('#figur-field svg')).toContainText('Energy and climate');
    await expect(page.getByTestId('organisations-table')).toContainText('Health and welfare');
    await expect(page.getByTestId('organisations-table')).not.toContainText('Sundhed og velfærd');
    await page.goto('/en/klynger');
    await expect(
      page.getByLabel('Field').locator('option', { hasText: 'Environment and water' }),
    ).toHaveCount(1);
    await expect(page.getByTestId('catalogue')).toContainText('Digitalisation and ICT');
    await expect(page.getByTestId('catalogue')).not.toContainText('Digitalisering og IKT');
    // the filter still works by the field, whatever its language
    await page.getByLabel('Field').selectOption({ label: 'Environment and water' });
    await page.getByRole('button', { name: 'Show' }).click();
    // the filter is a GET form: read the rows of the page it leads to, not the one it leaves
    await expect(page).toHaveURL(/[?&]field=/);
    await expect(page.getByTestId('catalogue')).not.toContainText('Energy and climate');
    const fields = await page
      .getByTestId('catalogue')
      .locator('tbody tr td:nth-of-type(2)')
      .allTextContents();
    expect(new Set(fields)).toEqual(new Set(['Environment and water']));
    // and the Danish pages keep the Danish names
    await page.goto('/regnskab/2016');
    await expect(page.locator('section[aria-labelledby="fordeling-field"] table.figure-table')).toContainText(
      'Energi og klima',
    );
  });

  test('a cluster page, the embeds, the CSV, the XLSX and the API give the English forms', async ({
    page,
  }) => {
    const slug = await organisationSlug(page, 'Miljø og vand');
    await page.goto(`/en/klynger/${slug}`);
    await expect(page.getByTestId('organisation-field')).toHaveText('Environment and water');
    await expect(page.getByTestId('organisation-description')).toHaveText(
      /^A synthetic demo .* in environment and water\.$/,
    );
    await page.goto(`/klynger/${slug}`);
    await expect(page.getByTestId('organisation-description')).toHaveText(
      /^Syntetisk demo.* inden for miljø og vand\.$/,
    );

    await page.goto('/embed/en/regnskab/2016/v/1/field');
    await expect(page.getByRole('img', { name: /by field, 2016/ })).toContainText('Environment and water');
    await expectNoAxeViolations(page);

    const csv = await (await page.request.get('/en/regnskab/2016/download/csv')).text();
    expect(csv).toContain(';Environment and water;');
    expect(csv).not.toContain('Miljø og vand');
    const xlsx = await page.request.get('/en/regnskab/2016/download/xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const fields: unknown[] = [];
    must(workbook.getWorksheet('Organisations')).eachRow((row) => fields.push(row.getCell(5).value));
    expect(fields).toContain('Environment and water');
    expect(fields).not.toContain('Miljø og vand');

    const json = await (await page.request.get('/api/v1/accounts/2016')).json();
    const organisation = json.organisations.find((o: { slug: string }) => o.slug === slug);
    expect(organisation).toMatchObject({
      field: 'Miljø og vand',
      fieldLabel: { da: 'Miljø og vand', en: 'Environment and water' },
      description: { da: expect.stringMatching(/^Syntetisk/), en: expect.stringMatching(/^A synthetic/) },
    });
    const apiCsv = (await (await page.request.get('/api/v1/accounts/2016?format=csv')).text()).split('\r\n');
    expect(apiCsv[0]).toContain(',field_en,licence');
    expect(apiCsv.find((line) => line.includes(`,${slug},`))).toContain(',Environment and water,');
  });
});

test.describe('the reader’s edges', () => {
  const missing: [string, 'da' | 'en', RegExp][] = [
    ['/regnskab/2017', 'da', /^Regnskabet findes ikke$/],
    ['/en/regnskab/2017', 'en', /^These accounts do not exist$/],
    ['/regnskab/2016/v/9', 'da', /^Regnskabet findes ikke$/],
    ['/klynger/findes-ikke', 'da', /^Organisationen findes ikke$/],
    ['/en/klynger/findes-ikke', 'en', /^Organisation not found$/],
    ['/findes/ikke', 'da', /^Siden findes ikke$/],
    ['/en/no/such/page', 'en', /^Page not found$/],
  ];
  for (const [path, locale, heading] of missing) {
    test(`${path} answers 404 with the site's own page in ${locale}, axe clean`, async ({ page }) => {
      const response = await page.goto(path);
      expect(must(response).status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      // in the site's frame: its header, menu and footer
      await expect(
        page.getByRole('navigation', { name: locale === 'da' ? 'Hovedmenu' : 'Main menu' }),
      ).toBeVisible();
      await expect(page.locator('footer')).toBeVisible();
      await expect(page).toHaveTitle(locale === 'da' ? /Klyngeregnskab$/ : /Cluster Accounts$/);
      await expectNoAxeViolations(page);
    });
  }

  test('a year not published lists the published ones to go to', async ({ page }) => {
    await page.goto('/regnskab/2017');
    const years = page.getByTestId('published-years');
    await expect(years.getByRole('link')).toHaveText([
      '2016 (version 1)',
      '2015 (version 1)',
      '2014 (version 1)',
      '2013 (version 1)',
    ]);
    await years.getByRole('link', { name: '2016 (version 1)' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Performanceregnskab 2016');
  });

  test('"Indlejr figuren" gives embed code tied to the year and version, and the code works', async ({
    page,
  }) => {
    await page.goto('/regnskab/2016');
    const embed = page.getByTestId('figur-region-embed');
    await embed.getByText('Indlejr figuren Deltagende virksomheder fordelt på region, 2016').click();
    const code = await embed.getByLabel('Kode til indlejring').inputValue();
    expect(code).toMatch(
      /^<iframe src="https?:\/\/[^"/]+\/embed\/da\/regnskab\/2016\/v\/1\/region" title="Deltagende virksomheder fordelt på region, 2016" width="680" height="\d+" style="border:0;max-width:100%" loading="lazy"><\/iframe>$/,
    );
    await expectNoAxeViolations(page);
    const src = new URL(must(must(code.match(/src="([^"]+)"/))[1]));
    await page.goto(src.pathname);
    await expect(page.getByRole('img', { name: /fordelt på region, 2016/ })).toBeVisible();
    await expect(page.getByText(/Performanceregnskab 2016, Version 1/)).toBeVisible();

    // the trend on the front page: tied to the 2016 publication's version 1
    await page.goto('/');
    const trend = page.getByTestId('trend-embed');
    await trend.getByText(/^Indlejr figuren Udviklingen 2013–2016$/).click();
    const trendCode = await trend.getByLabel('Kode til indlejring').inputValue();
    expect(trendCode).toMatch(/src="https?:\/\/[^"/]+\/embed\/da\/trend\/2016\/1"/);
    expect(trendCode).toMatch(/title="Udviklingen 2013–2016" width="\d+" height="\d+"/);
    await page.goto(new URL(must(must(trendCode.match(/src="([^"]+)"/))[1])).pathname);
    await expect(page.getByRole('img', { name: /Udviklingen 2013–2016/ })).toBeVisible();
    await expectNoAxeViolations(page);
    expect(must(await page.goto('/embed/da/trend/2016/9')).status()).toBe(404);
  });
});

test.describe('the secretariat', () => {
  test('the live change of an open year with nothing approved says so instead of −100 %', async ({
    page,
  }) => {
    await signIn(page, DEMO_ADMIN);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto('/admin/regnskab?year=2017');
    await expect(page.getByTestId('live-comparison')).toContainText('Foreløbigt: 0 af');
    await expect(page.getByTestId('live-comparison')).toContainText(
      'Ingen godkendte organisationer kan sammenlignes med 2016',
    );
    await expect(page.getByTestId('change-participants')).toHaveText('–');
    await expect(page.getByTestId('live-accounts')).not.toContainText('−100');
    // 2013 from counts only: participation unknown, not 0
    await page.goto('/admin/regnskab?year=2013');
    await expect(page.getByTestId('participation')).not.toContainText('0 i 1 organisation');
    await expect(page.getByTestId('participation-note')).toContainText('– betyder ukendt');
    await expectNoAxeViolations(page);
  });

  test('an evidence statement edited in the admin shows only with a correction; English field names are kept there', async ({
    page,
  }) => {
    await signIn(page, DEMO_ADMIN);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto('/admin/evidens?year=2016');
    await expect(page.getByTestId('evidence-status')).toContainText('som i den offentliggjorte version 1');
    const statement = page.getByTestId('evidence-productivity_growth');
    const form = statement.locator('form').first();
    await expect(form.getByLabel('Tal', { exact: true })).toHaveValue('3.6');
    // a bad figure: the error under the field, nothing saved
    await form.getByLabel('Tal', { exact: true }).fill('mange');
    await form.getByRole('button', { name: 'Gem udsagn' }).click();
    await expect(form.getByRole('alert')).toContainText('Skriv et tal, fx 3,6.');
    await expectNoAxeViolations(page);
    await form.getByLabel('Tal', { exact: true }).fill('3,7');
    await form.getByRole('button', { name: 'Gem udsagn' }).click();
    await expect(form.getByRole('status')).toHaveText('Udsagnet er gemt.');
    await page.reload();
    await expect(page.getByTestId('evidence-status')).toContainText('ændret siden version 1');
    // the public still reads what version 1 froze
    await page.goto('/');
    await expect(page.getByTestId('evidence')).toContainText('3,6 procentpoint');
    // back as it was
    await page.goto('/admin/evidens?year=2016');
    const again = page.getByTestId('evidence-productivity_growth').locator('form').first();
    await again.getByLabel('Tal', { exact: true }).fill('3.6');
    await again.getByRole('button', { name: 'Gem udsagn' }).click();
    await expect(again.getByRole('status')).toHaveText('Udsagnet er gemt.');

    await page.goto('/admin/organisationer');
    await expect(page.locator('table')).toContainText('Energy and climate');
  });
});

test.describe('each page names itself and its twin in the other language', () => {
  const TAGLINE = {
    da: 'Performanceregnskab for klynger og innovationsnetværk',
    en: 'Performance accounts of Danish clusters and innovation networks',
  };
  // [path, Danish title, English title, whether it has a description]
  const pages: [string, string, string, boolean][] = [
    ['/regnskab', 'Regnskaber', 'Accounts', true],
    ['/om', 'Om regnskabet', 'About the accounts', true],
    ['/om/data', 'Åbne data og API', 'Open data and API', true],
    ['/udgivelser', 'Udgivelseskalender', 'Release calendar', true],
    ['/regnskab/revisioner', 'Revisioner', 'Revisions', false],
    ['/was', 'Tilgængelighedserklæring', 'Accessibility statement', false],
  ];
  const ending = (path: string) => new RegExp(`^(https?://[^/]+)?${path.replaceAll('/', '\\/')}$`);
  for (const [path, da, en, described] of pages) {
    test(`${path}: title, description, canonical and hreflang in both languages`, async ({ page }) => {
      for (const [locale, title, site] of [
        ['da', da, 'Klyngeregnskab'],
        ['en', en, 'Cluster Accounts'],
      ] as const) {
        const here = locale === 'da' ? path : `/en${path}`;
        await page.goto(here);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
        await expect(page).toHaveTitle(`${title} · ${site}`);
        await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', ending(here));
        await expect(page.locator('link[rel="alternate"][hreflang="da"]')).toHaveAttribute(
          'href',
          ending(path),
        );
        await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
          'href',
          ending(`/en${path}`),
        );
        // its own description, or the site's tagline
        const description = page.locator('meta[name="description"]');
        await expect(description).toHaveCount(1);
        const tagline = TAGLINE[locale];
        if (described) await expect(description).not.toHaveAttribute('content', tagline);
        else await expect(description).toHaveAttribute('content', tagline);
      }
    });
  }
});
