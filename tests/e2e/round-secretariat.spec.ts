// The reporting round as the secretariat feels it (issue 16, items 6, 7, 10–13), in Chromium
// against `next start` on the demo data: the review page with the company list and the
// comparisons, a return of a closed year with a new deadline, the bulk import in one click, the
// audit log in words, exports in one language, and every page at 390 px. Each test uses its own
// demo organisation, none that another spec uses.
import type { Browser, Page } from '@playwright/test';
import { must } from '../helpers/must';
import { expect, staffOf, test } from './fixtures';
import { expectNoAxeViolations, signIn, DEMO_ADMIN } from './helpers';
import { PortalForm } from './pages/portal-form';

/** 2016 approved with a company list, 2015 too (the list is set against it) */
const LISTED = 'innovationsnetvaerk-for-life-science';
/** 2017 submitted: returned, corrected by its staff, reviewed again */
const RETURNED = 'innovationsnetvaerk-for-turisme-og-oplevelser-sjaelland';
/** 2015 approved, in a published year: returned with a new deadline */
const CLOSED = 'innovationsnetvaerk-for-byggeri';
/** no 2017 report: its figure comes in by bulk import */
const IMPORTED = 'innovationsnetvaerk-for-produktion-og-robotter';

async function adminPage(browser: Browser, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 800 },
  });
  const page = await context.newPage();
  await signIn(page, DEMO_ADMIN);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

/** The review page of an organisation's report, reached from the round overview as people do. */
async function openReview(page: Page, slug: string, year: number, locale: 'da' | 'en' = 'da') {
  await page.goto(`${locale === 'en' ? '/en' : ''}/admin?year=${year}`);
  await page.getByTestId(`round-${slug}`).getByRole('link').click();
  await expect(page).toHaveURL(/\/admin\/indberetning\/\d+/);
  return new URL(page.url()).pathname;
}

/**
 * Submits the staff form as staff do: the demo's figures may move more than 50 % from last year,
 * and the form refuses until such a change is explained; then exactly the explanations it asks
 * for are given (any other would show on the review page as changed since the return).
 */
async function submitExplained(form: PortalForm): Promise<string[]> {
  await form.submit();
  const asked = form.page.locator('[name$="_comment"][aria-invalid="true"]');
  await expect(form.state.filter({ hasText: /^Indsendt$/ }).or(asked.first())).toBeVisible();
  // the names first: a field that gets its explanation is no longer marked
  const names = await asked.evaluateAll((fields) => fields.map((field) => field.getAttribute('name') ?? ''));
  for (const name of names)
    await form.page.locator(`[name="${name}"]`).fill('Forklaret af sekretariatets test.');
  if (names.length > 0) await form.submit();
  await expect(form.state).toHaveText('Indsendt');
  return names.map((name) => name.replace(/_comment$/, ''));
}

/** The page is no wider than the window: it never scrolls sideways (only tables do, inside their region). */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(widths.document).toBeLessThanOrEqual(widths.viewport);
}

/** Every table sits in a labelled region the keyboard can reach. */
async function expectTablesInRegions(page: Page) {
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('main table')]
      .filter((table) => {
        const region = table.closest('section.table-scroll');
        return !region?.getAttribute('aria-label') || region?.getAttribute('tabindex') !== '0';
      })
      .map((table) => table.getAttribute('data-testid') ?? table.outerHTML.slice(0, 80)),
  );
  expect(unlabelled).toEqual([]);
}

test('[admin] the review page shows the company list: searched, and new and gone since last year', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await adminPage(browser);
  const path = await openReview(page, LISTED, 2016);
  const list = page.getByTestId('company-list');
  await expect(list.getByRole('heading', { name: 'Virksomhedslisten' })).toBeVisible();
  await expect(list.getByTestId('company-total')).toHaveText('593 virksomheder på listen.');
  await expect(list.getByTestId('company-against')).toContainText('I forhold til listen for 2015:');
  await expect(list.getByTestId('company-matching')).toHaveText('593 virksomheder passer på søgningen.');
  await expect(list.getByTestId('company-page')).toHaveText('Side 1 af 12');
  await expectNoAxeViolations(page);

  // the companies new since 2015: every row says so
  await list.getByLabel('Vis', { exact: true }).selectOption('added');
  await list.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/companyView=added/);
  const statuses = await page
    .getByTestId('company-rows')
    .locator('tbody tr td:nth-child(2)')
    .allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['Ny']));

  // search by the beginning of a CVR number: only those rows
  await list.getByLabel('Vis', { exact: true }).selectOption('all');
  const firstCvr = must(await page.getByTestId('company-rows').locator('tbody th').first().textContent());
  await list.getByLabel('CVR-nummer').fill(firstCvr.slice(0, 6));
  await list.getByRole('button', { name: 'Vis' }).click();
  const found = await page.getByTestId('company-rows').locator('tbody th').allTextContents();
  expect(found).toContain(firstCvr);
  for (const cvr of found) expect(cvr.startsWith(firstCvr.slice(0, 6))).toBe(true);

  // anything but digits is told, and finds nothing
  await list.getByLabel('CVR-nummer').fill('abc');
  await list.getByRole('button', { name: 'Vis' }).click();
  await expect(list.getByRole('alert')).toHaveText(
    'Et CVR-nummer består af cifre. Skriv hele nummeret eller begyndelsen af det.',
  );
  await expect(list.getByTestId('company-matching')).toHaveText('Ingen virksomheder passer på søgningen.');
  await expectNoAxeViolations(page);

  // the same in English, and without JavaScript (a GET form and links)
  const plain = await adminPage(browser, { javaScriptEnabled: false });
  await plain.goto(`/en${path}`);
  const english = plain.getByTestId('company-list');
  await expect(english.getByRole('heading', { name: 'Company list' })).toBeVisible();
  await expect(english.getByTestId('company-total')).toHaveText('593 companies on the list.');
  await english.getByLabel('Show', { exact: true }).selectOption('gone');
  await english.getByRole('button', { name: 'Show' }).click();
  await expect(plain).toHaveURL(/companyView=gone/);
  const gone = await plain.getByTestId('company-rows').locator('tbody tr td:nth-child(2)').allTextContents();
  expect(gone.length).toBeGreaterThan(0);
  expect(new Set(gone)).toEqual(new Set(['Gone']));
  await english.getByRole('link', { name: 'Next page' }).click();
  await expect(plain).toHaveURL(/companyPage=2/);
  await expect(english.getByTestId('company-page')).toContainText('Page 2 of');
  // axe needs scripts in the page: the English page is checked with JavaScript on
  await page.goto(plain.url());
  await expectNoAxeViolations(page);
  await plain.context().close();
  await page.context().close();
});

test('[admin] a returned report, corrected and resubmitted, shows what changed since the return', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await adminPage(browser);
  await openReview(page, RETURNED, 2017);
  await expect(page.getByTestId('never-returned')).toBeVisible();
  const returnForm = page.locator('form#return');
  // an open year before its deadline: the new deadline is optional
  await expect(returnForm.getByLabel(/^Ny frist for .* \(valgfri\)$/)).toBeVisible();
  await returnForm.getByLabel('Bemærkning til organisationen').fill('Tjek antallet af projekter.');
  await returnForm.getByRole('button', { name: 'Send retur med bemærkning' }).click();
  await expect(page.getByTestId('review-done')).toHaveText('Indberetningen er sendt retur.');

  // staff correct one figure and submit again
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, staffOf(RETURNED));
  await expect(staff).toHaveURL(/\/portal$/);
  const form = new PortalForm(staff, RETURNED);
  await form.open();
  await expect(form.state).toHaveText('Sendt retur');
  const projects = form.labelled('Innovationsprojekter');
  const before = Number(await projects.inputValue());
  await projects.fill(String(before + 1));
  const explained = await submitExplained(form);
  await staff.context().close();

  // what changed since the return: the figure, and every explanation the form asked for
  await openReview(page, RETURNED, 2017);
  const changed = new Set(['innovation_projects', ...explained]);
  await expect(page.getByTestId('changed-since-return')).toContainText(
    `${changed.size} tal er ændret siden returneringen:`,
  );
  await expect(page.getByTestId('changed-since-return')).toContainText('Innovationsprojekter');
  // the figure is marked changed, an explanation given only now is marked as that
  await expect(page.getByTestId('compare-innovation_projects')).toContainText('Ændret');
  for (const key of explained)
    if (key !== 'innovation_projects')
      await expect(page.getByTestId(`compare-${key}`)).toContainText('Forklaring ændret');
  const row = page.getByTestId('compare-innovation_projects');
  await expect(row.locator('td').nth(0)).toHaveText(String(before + 1));
  await expect(row.locator('td').nth(1)).toHaveText(String(before));
  // and what was left alone is said to be unchanged
  const untouched = await page
    .getByTestId('comparison-table')
    .locator('[data-testid^="compare-"]')
    .evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('data-testid')?.slice('compare-'.length) ?? ''),
    );
  const left = untouched.filter((key) => !changed.has(key));
  expect(left.length).toBeGreaterThan(0);
  for (const key of left) await expect(page.getByTestId(`compare-${key}`)).toContainText('Uændret');
  await expectNoAxeViolations(page);
  await page.context().close();
});

test('[admin] a return of a published year asks for a new deadline in the same step; staff can correct', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // the secretariat's side without JavaScript: the form posts and answers by itself
  const page = await adminPage(browser, { javaScriptEnabled: false });
  await openReview(page, CLOSED, 2015);
  const returnForm = page.locator('form#return');
  const deadline = returnForm.getByLabel(/^Ny frist for [^(]*$/);
  await expect(deadline).toBeVisible();
  await expect(returnForm).toContainText('uden en ny frist kan organisationen ikke rette indberetningen');
  await returnForm.getByLabel('Bemærkning til organisationen').fill('Ret antallet af projekter.');
  await returnForm.getByRole('button', { name: 'Send retur med bemærkning' }).click();
  await expect(page.locator('form#return').getByRole('alert')).toContainText(
    'Giv organisationen en ny frist: ellers kan den ikke rette indberetningen.',
  );
  await expect(page.getByTestId('review-state')).toContainText('Godkendt');

  // a deadline already gone is refused the same way, and nothing is returned
  const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
  await page.locator('form#return').getByLabel('Bemærkning til organisationen').fill('Ret antallet.');
  await page
    .locator('form#return')
    .getByLabel(/^Ny frist for [^(]*$/)
    .fill(yesterday);
  await page.locator('form#return').getByRole('button', { name: 'Send retur med bemærkning' }).click();
  await expect(page.locator('form#return').getByRole('alert')).toContainText(
    'Den nye frist må ikke ligge før i dag.',
  );
  await openReview(page, CLOSED, 2015);
  await expect(page.getByTestId('review-state')).toContainText('Godkendt');

  const newDeadline = new Date(Date.now() + 14 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await page
    .locator('form#return')
    .getByLabel('Bemærkning til organisationen')
    .fill('Ret antallet af projekter.');
  await page
    .locator('form#return')
    .getByLabel(/^Ny frist for [^(]*$/)
    .fill(newDeadline);
  await page.locator('form#return').getByRole('button', { name: 'Send retur med bemærkning' }).click();
  await expect(page.getByTestId('review-done')).toHaveText('Indberetningen er sendt retur.');
  await expect(page.getByTestId('review-state')).toContainText('Sendt retur');
  // axe needs scripts in the page: the review page as it now stands, with JavaScript on
  const scripted = await adminPage(browser);
  await scripted.goto(page.url());
  await expect(scripted.getByTestId('review-state')).toContainText('Sendt retur');
  await expectNoAxeViolations(scripted);
  await scripted.context().close();

  // staff are not told "the year is closed": they correct and resubmit
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, staffOf(CLOSED));
  await expect(staff).toHaveURL(/\/portal$/);
  const form = new PortalForm(staff, CLOSED, 2015);
  await form.open();
  await expect(form.state).toHaveText('Sendt retur');
  await expect(staff.getByText(/Året er lukket/)).toHaveCount(0);
  await expectNoAxeViolations(staff);
  await submitExplained(form);
  await staff.context().close();

  // approved again: the published year is settled as before
  await openReview(page, CLOSED, 2015);
  await page.locator('form#approve').getByRole('button', { name: 'Godkend' }).click();
  await expect(page.getByTestId('review-done')).toHaveText('Indberetningen er godkendt.');
  await page.context().close();
});

test('[admin] bulk import: check the file, see what will be written, import it with one click (no JavaScript)', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await adminPage(browser, { javaScriptEnabled: false });
  await page.goto('/en/admin/import');
  const check = page.locator('form#import-check');
  await check.getByLabel('Year').selectOption('2017');
  await check.getByLabel('File (CSV or XLSX)').setInputFiles({
    name: 'figures.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `organisation;indicator;value\nnowhere;innovation_projects;3\n${IMPORTED};no_such;1\n`,
    ),
  });
  await check.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.locator('form#import-check').getByRole('alert')).toContainText(
    '2 problems – nothing was imported.',
  );
  await expect(page.getByTestId('import-check-lines')).toContainText('Row 2: unknown organisation “nowhere”');
  // nothing was stored: the organisation still has no report for 2017
  await page.goto('/admin?year=2017');
  await expect(page.getByTestId(`round-${IMPORTED}`)).toContainText('Ikke påbegyndt');

  await page.goto('/admin/import');
  const again = page.locator('form#import-check');
  await again.getByLabel('År').selectOption('2017');
  await again.getByLabel('Fil (CSV eller XLSX)').setInputFiles({
    name: 'tal.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFForganisation;indicator;value\n${IMPORTED};innovation_projects;7\n`),
  });
  await again.getByRole('button', { name: 'Kontrollér filen' }).click();
  // the preview: what will be written, beside what is there; the file is not picked again
  await expect(page).toHaveURL(/\/admin\/import\?upload=[\w-]{32}$/);
  await expect(page.getByTestId('import-summary')).toHaveText(
    'Importen skriver 1 tal for 1 organisation for 2017. Hver organisations indberetning for 2017 står derefter som godkendt.',
  );
  await expect(page.getByTestId('import-values')).toContainText('Innovationsprojekter');
  await expect(page.getByTestId('import-organisations')).toContainText('Ingen indberetning');
  // axe needs scripts in the page: the same preview, the same secretariat member, with JavaScript on
  const scripted = await adminPage(browser);
  await scripted.goto(page.url());
  await expect(scripted.getByRole('button', { name: 'Importér 1 tal for 1 organisation' })).toBeVisible();
  await expectNoAxeViolations(scripted);
  await scripted.context().close();
  await page.getByRole('button', { name: 'Importér 1 tal for 1 organisation' }).click();
  await expect(page.getByTestId('import-done')).toContainText('1 tal for 1 organisation.');
  await expect(page.getByRole('button', { name: /^Importér/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('import-done')).toBeVisible();

  // the organisation's report is approved with the figure
  await openReview(page, IMPORTED, 2017);
  await expect(page.getByTestId('review-state')).toContainText('Godkendt');
  await expect(page.getByTestId('value-innovation_projects')).toContainText('7');
  await page.context().close();
});

test('[admin] the audit log says what happened in words, filters, and downloads as CSV in either language', async ({
  browser,
}) => {
  const page = await adminPage(browser);
  await page.goto('/admin/log');
  const filters = page.getByRole('form', { name: 'Filtrér loggen' });
  await filters.getByLabel('Handling').selectOption({ label: 'Sendt retur' });
  await filters.getByRole('button', { name: 'Filtrér' }).click();
  await expect(page).toHaveURL(/action=submission\.return/);
  const events = page.getByTestId('audit-events');
  await expect(events).toContainText('Sendt retur');
  await expect(events.getByTestId('audit-changes').first()).toContainText('Status: ');
  await expect(events).toContainText(/Status: (Indsendt|Godkendt) → Sendt retur/);
  await expect(events).not.toContainText('{"');
  await expectNoAxeViolations(page);

  // a date the log cannot read is said so, and the filter is not used (nothing hidden silently)
  await page.goto('/admin/log?action=submission.return&from=2017-02-30');
  await expect(page.getByRole('status').filter({ hasText: '2017-02-30' })).toHaveText(
    'Datoen »2017-02-30« forstås ikke; filtret er ikke brugt.',
  );
  await expect(page.getByTestId('audit-events')).toContainText('Sendt retur');
  await expectNoAxeViolations(page);

  const csv = await page.request.get(must(await page.getByTestId('audit-csv').getAttribute('href')));
  expect(csv.status()).toBe(200);
  const danish = await csv.text();
  expect(danish.charCodeAt(0)).toBe(0xfeff);
  expect(danish.split('\r\n')[0]).toBe(
    '\uFEFFtidspunkt (dansk tid);bruger;handling;handlingskode;post;post-id;organisation;ændringer;før (JSON);efter (JSON)',
  );
  expect(danish).toContain(';Sendt retur;submission.return;Indberetning;');

  await page.goto('/en/admin/log?action=submission.return');
  await expect(page.getByTestId('audit-events')).toContainText(/State: (Submitted|Approved) → Returned/);
  const english = await page.request.get(must(await page.getByTestId('audit-csv').getAttribute('href')));
  expect((await english.text()).split('\r\n')[0]).toBe(
    '\uFEFFtime (Danish time),user,action,action code,record,record id,organisation,changes,before (JSON),after (JSON)',
  );
  await expectNoAxeViolations(page);
  await page.context().close();
});

test('[admin] the exports speak one language: Danish words and Danish time, or English', async ({
  browser,
}) => {
  const page = await adminPage(browser);
  const danish = await (
    await page.request.get('/api/admin/exports/2016?kind=completeness&format=csv&locale=da')
  ).text();
  const [header, ...rows] = danish.slice(1).trim().split('\r\n');
  expect(header).toBe(
    'år;slug;organisation;status;frist;forlænget;indsendt (dansk tid);for sent;udeladt, begrundelse',
  );
  const listed = must(rows.find((row) => row.includes(`;${LISTED};`))).split(';');
  expect(listed[3]).toBe('Godkendt');
  expect(listed[6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  expect(['ja', 'nej']).toContain(listed[7]);
  for (const code of ['approved', 'submitted', 'cluster', 'innovation_network'])
    expect(danish).not.toMatch(new RegExp(`[;,]${code}[;,\\r]`));
  const english = await (
    await page.request.get('/api/admin/exports/2016?kind=organisations&format=csv&locale=en')
  ).text();
  expect(english.slice(1).split('\r\n')[0]).toMatch(
    /^year,slug,name,kind,field,region,company list,Participating companies,/,
  );
  expect(english).toContain(',Innovation network,');
  expect(english).not.toContain(',innovation_network,');
  await page.context().close();
});

test('[admin] the secretariat’s pages at 390 px: nothing scrolls sideways, tables scroll in a labelled region', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const page = await adminPage(browser, { width: 390 });
  const review = await openReview(page, LISTED, 2016);
  for (const path of [
    '/admin',
    '/admin?year=2017',
    '/admin/regnskab',
    review,
    '/admin/log',
    '/admin/import',
    '/admin/paamindelser',
    '/admin/aar',
    '/admin/organisationer',
    '/admin/brugere',
    '/admin/indikatorer',
    '/en/admin',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectTablesInRegions(page);
    await expectNoAxeViolations(page);
  }
  // the round overview's table: reachable by keyboard, its deadline column there to scroll to
  await page.goto('/admin?year=2017');
  const region = page.getByRole('region', { name: 'Indberetningsrunden 2017' });
  await region.focus();
  await expect(region).toBeFocused();
  await expect(region.getByRole('columnheader', { name: 'Frist' })).toBeAttached();
  // and on a small laptop too
  await page.setViewportSize({ width: 1024, height: 640 });
  for (const path of ['/admin', '/admin/regnskab', review, '/admin/log']) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
  }
  await page.context().close();
});
