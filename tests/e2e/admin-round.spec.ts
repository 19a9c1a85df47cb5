// A whole reporting round on a fresh demo database, as people do it in Chromium: the secretariat
// opens a year in /admin; staff of two organisations fill in the portal form, upload their company
// lists (one company in both) and submit; one is returned, fixed and resubmitted; both are approved,
// the rest excluded with a reason, and the year published. The open-data API and the front page
// then show exactly the expected net and gross figures; a correction publishes version 2 on the
// running server, and version 1 stays downloadable.
import { must } from '../helpers/must';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { demoOrganisations } from '../../db/seed/demo-data';
import { validCvrs } from '../helpers/cvr';
import { DEMO_ADMIN, DEMO_PASSWORD, expectNoAxeViolations, signIn } from './helpers';
import { linkIn, openInbox } from './mail';

test.describe.configure({ mode: 'serial' });
// It publishes a newer year than 2016, which changes what the front page and other specs read: it
// runs in its own server run (scripts/test.sh starts one with E2E_ADMIN_ROUND=1).
test.skip(
  process.env.E2E_ADMIN_ROUND !== '1',
  'publishes a new latest year: runs in its own server run with E2E_ADMIN_ROUND=1',
);

const YEAR = 2018;
// two organisations active in the new year; the demo seed has no submissions for it
const activeOrganisations = demoOrganisations().filter(
  (organisation) =>
    organisation.activeFrom <= YEAR && (organisation.activeTo === null || organisation.activeTo >= YEAR),
);
const first = must(activeOrganisations[0]);
const second = must(activeOrganisations[1]);

const [C1, C2, C3, C4, C5] = validCvrs(5, 9_100_000) as [string, string, string, string, string];

type Company = { cvr: string; newIdeas?: boolean; under50?: boolean };
/** A company list as Danish Excel saves it: BOM, semicolons, CRLF. */
function companyCsv(companies: Company[]): Buffer {
  const lines = companies.map(
    (company) => `${company.cvr};${company.under50 ? 1 : 0};${company.newIdeas ? 1 : 0}`,
  );
  return Buffer.from(`\uFEFFcvr;under_50;new_ideas\r\n${lines.join('\r\n')}\r\n`, 'utf8');
}

// The lists. C2 takes part in both organisations, and both say it developed new ideas.
// The first organisation's first list forgets that C2 developed new ideas; the secretariat returns it.
const FIRST_WRONG: Company[] = [{ cvr: C1, newIdeas: true, under50: true }, { cvr: C2 }, { cvr: C3 }];
const FIRST_FIXED: Company[] = [
  { cvr: C1, newIdeas: true, under50: true },
  { cvr: C2, newIdeas: true },
  { cvr: C3 },
];
const SECOND: Company[] = [{ cvr: C2, newIdeas: true, under50: true }, { cvr: C4 }];
// the correction: the second organisation had left out C5, which developed new ideas
const SECOND_CORRECTED: Company[] = [...SECOND, { cvr: C5, newIdeas: true }];

// What the approved lists add up to. Net: distinct companies; gross: the sum of each organisation's count.
const VERSION_1 = {
  participants: { net: 4, gross: 5 }, // C1 C2 C3 C4; 3 + 2
  new_ideas: { net: 2, gross: 3 }, // C1 C2; 2 + 1
};
const VERSION_2 = {
  participants: { net: 5, gross: 6 }, // + C5; 3 + 3
  new_ideas: { net: 3, gross: 4 }, // + C5; 2 + 2
};

async function signInAsAdmin(page: Page) {
  // the shared helper answers the TOTP second step
  await signIn(page, DEMO_ADMIN);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A member of staff of one organisation, signed in in their own browser. */
async function staffPage(browser: Browser, slug: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, `${slug}@example.org`, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/portal$/);
  return page;
}

async function openReport(staff: Page, slug: string) {
  await staff.goto(`/portal/${slug}/${YEAR}`);
  await expect(staff.getByRole('heading', { level: 1 })).toContainText(`indberetning for ${YEAR}`);
}

async function uploadCompanies(staff: Page, companies: Company[]) {
  await staff.getByLabel('CSV-fil med virksomheder').setInputFiles({
    name: 'virksomheder.csv',
    mimeType: 'text/csv',
    buffer: companyCsv(companies),
  });
  await staff.getByRole('button', { name: 'Indlæs virksomhedsliste' }).click();
  await expect(staff.getByTestId('upload-summary')).toHaveText(
    `Virksomhedslisten er indlæst: ${companies.length} virksomheder.`,
  );
  // the company figures now come from the list
  await expect(staff.getByTestId('derived-participants')).toHaveText(String(companies.length));
  await expect(staff.getByTestId('derived-new_ideas')).toHaveText(
    String(companies.filter((company) => company.newIdeas).length),
  );
}

async function submitReport(staff: Page) {
  await staff.getByRole('button', { name: 'Indsend' }).click();
  await expect(staff.getByTestId('form-summary')).toHaveText('Indberetningen er indsendt til sekretariatet.');
  await expect(staff.getByTestId('submission-state')).toHaveText('Indsendt');
  // read-only until the secretariat acts
  await staff.reload();
  await expect(staff.getByTestId('read-only-note')).toBeVisible();
  await expect(staff.getByRole('button', { name: 'Indsend' })).toHaveCount(0);
}

/** What staff do the first time: the figures they type, the company list, a draft, submit. */
async function staffReports(staff: Page, slug: string, companies: Company[], projects: string) {
  await openReport(staff, slug);
  await expect(staff.getByTestId('submission-state')).toHaveText('Ikke påbegyndt');
  await staff.getByLabel('Innovationsprojekter', { exact: true }).fill(projects);
  // submitting before the required company figures are there is refused, and nothing is stored
  await staff.getByRole('button', { name: 'Indsend' }).click();
  const summary = staff.getByTestId('form-summary');
  await expect(summary).toContainText('Indberetningen er ikke gemt');
  await expect(
    summary.getByRole('link', { name: /^Deltagende virksomheder: skal udfyldes/ }),
  ).toHaveAttribute('href', '#field-participants');
  await expect(staff.getByTestId('submission-state')).toHaveText('Ikke påbegyndt');

  await uploadCompanies(staff, companies);
  await staff.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(staff.getByTestId('form-summary')).toHaveText('Kladden er gemt.');
  await expect(staff.getByTestId('submission-state')).toHaveText('Kladde');
  await staff.reload();
  await expect(staff.getByLabel('Innovationsprojekter', { exact: true })).toHaveValue(projects);
  await expect(staff.getByTestId('company-list-summary')).toContainText(
    `Nuværende liste: ${companies.length} virksomheder.`,
  );
  await submitReport(staff);
}

/** After a return: the remark is there, the report is editable again; a new list, resubmit. */
async function staffFixesAndResubmits(staff: Page, slug: string, remark: string, companies: Company[]) {
  await openReport(staff, slug);
  await expect(staff.getByTestId('submission-state')).toHaveText('Sendt retur');
  await expect(staff.getByTestId('returned-remark')).toContainText(remark);
  await uploadCompanies(staff, companies);
  await submitReport(staff);
}

async function submitForm(page: Page, formId: string, button: string | RegExp) {
  const form = page.locator(`form#${formId}`);
  await form.getByRole('button', { name: button }).click();
  return form;
}

async function openReview(page: Page, slug: string) {
  await page.goto(`/admin?year=${YEAR}`);
  await page.getByTestId(`round-${slug}`).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(String(YEAR));
}

type Figures = typeof VERSION_1;

/** The open-data API answers these figures for the year (the latest version, or `version`). */
async function expectApiFigures(page: Page, figures: Figures, version: number, latest: boolean) {
  const response = await page.request.get(`/api/v1/accounts/${YEAR}${latest ? '' : `?version=${version}`}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    year: number;
    version: number;
    indicators: { key: string; national: { net: number; gross?: number } }[];
  };
  expect(body.year).toBe(YEAR);
  expect(body.version).toBe(version);
  const national = (key: string) => body.indicators.find((indicator) => indicator.key === key)?.national;
  expect(national('participants')).toMatchObject(figures.participants);
  expect(national('new_ideas')).toMatchObject(figures.new_ideas);
}

/** The front page tells the new year's net figures. */
async function expectHeadline(page: Page, figures: Figures) {
  await page.goto('/');
  const headline = page.getByTestId('headline');
  await expect(headline).toContainText(`I ${YEAR} deltog ${figures.participants.net} virksomheder`);
  await expect(headline).toContainText(`Heraf udviklede ${figures.new_ideas.net} virksomheder nye ideer`);
}

test('a whole round: the secretariat opens a year, staff report in the portal, publish, correct', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await signInAsAdmin(page);

  // before the round: the year is not published, the front page tells 2016
  expect((await page.request.get(`/api/v1/accounts/${YEAR}`)).status()).toBe(404);
  await page.goto('/');
  await expect(page.getByTestId('headline')).toContainText('I 2016 deltog 16.500 virksomheder');

  // the secretariat opens a new year
  await page.goto('/admin/aar');
  const today = new Date().toISOString().slice(0, 10);
  const deadline = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const create = page.locator('form#create-year-form');
  await create.getByLabel('År').fill(String(YEAR));
  await create.getByLabel('Åbner').fill(deadline);
  await create.getByLabel('Frist').fill(today);
  await create.getByRole('button', { name: 'Opret år' }).click();
  // a deadline before the opening date is refused under the field, nothing is created
  await expect(create.getByRole('alert')).toContainText('Fristen skal ligge efter åbningsdatoen.');
  await expect(page.getByTestId(`year-${YEAR}`)).toHaveCount(0);
  await create.getByLabel('Åbner').fill(today);
  await create.getByLabel('Frist').fill(deadline);
  await create.getByRole('button', { name: 'Opret år' }).click();
  await expect(create.getByRole('status')).toHaveText('Året er oprettet.');
  await expect(page.getByTestId(`year-${YEAR}`)).toContainText('Åben');

  // staff of two organisations report in the portal; the second shares company C2 with the first
  const firstStaff = await staffPage(browser, first.slug);
  // the new year is on the staff's overview
  await expect(
    firstStaff.getByRole('link', { name: `Åbn indberetningen for ${first.name} ${YEAR}` }),
  ).toBeVisible();
  await staffReports(firstStaff, first.slug, FIRST_WRONG, '3');
  const secondStaff = await staffPage(browser, second.slug);
  await staffReports(secondStaff, second.slug, SECOND, '2');
  // staff cannot open the other organisation's report
  expect((await secondStaff.goto(`/portal/${first.slug}/${YEAR}`))?.status()).toBe(403);

  await page.goto(`/admin?year=${YEAR}`);
  await expect(page.getByTestId(`round-${first.slug}`)).toContainText('Indsendt');
  await expect(page.getByTestId(`round-${second.slug}`)).toContainText('Indsendt');
  await expect(page.getByTestId('state-counts')).toContainText('Indsendt: 2');

  // the first is returned with a remark (an empty remark is refused first)
  await openReview(page, first.slug);
  await expect(page.getByTestId('value-participants')).toContainText('3');
  await expect(page.getByTestId('value-new_ideas')).toContainText('1');
  await expect(page.getByTestId('value-innovation_projects')).toContainText('3');
  await submitForm(page, 'return', 'Send retur med bemærkning');
  await expect(page.locator('form#return').getByRole('alert')).toContainText(
    'Skriv en bemærkning til organisationen.',
  );
  const remark = `Virksomheden ${C2} har også udviklet nye idéer ifølge jeres egen opgørelse.`;
  await page.locator('form#return').getByLabel('Bemærkning til organisationen').fill(remark);
  await submitForm(page, 'return', 'Send retur med bemærkning');
  await expect(page.getByTestId('review-done')).toHaveText('Indberetningen er sendt retur.');
  await expect(page.getByTestId('review-state')).toContainText('Sendt retur');

  // a value is flagged for follow-up and listed on the round overview
  await openReview(page, second.slug);
  const flag = page.locator('form#flag-innovation_projects');
  await flag.getByLabel(/^Note til markering af/).fill('Ring og spørg til projekterne');
  await flag.getByRole('button', { name: 'Markér' }).click();
  await expect(page.getByTestId('value-innovation_projects')).toContainText(
    'Markeret: Ring og spørg til projekterne',
  );
  await page.goto(`/admin?year=${YEAR}`);
  await expect(page.getByRole('region', { name: 'Markerede værdier' })).toContainText(second.name);

  // the first organisation's staff see the remark, fix the list and resubmit; both are approved
  await staffFixesAndResubmits(firstStaff, first.slug, remark, FIRST_FIXED);
  await openReview(page, first.slug);
  await expect(page.getByTestId('value-new_ideas')).toContainText('2');
  for (const organisation of [first, second]) {
    await openReview(page, organisation.slug);
    await submitForm(page, 'approve', 'Godkend');
    await expect(page.getByTestId('review-done')).toHaveText('Indberetningen er godkendt.');
    await expect(page.getByTestId('review-state')).toContainText('Godkendt');
  }
  // an approved report is read-only for staff
  await openReport(firstStaff, first.slug);
  await expect(firstStaff.getByTestId('submission-state')).toHaveText('Godkendt');
  await expect(firstStaff.getByTestId('read-only-note')).toBeVisible();

  // live accounts, not yet published: 4 distinct companies, 5 counted by the organisations
  await page.goto(`/admin/regnskab?year=${YEAR}`);
  await expect(page.getByTestId('not-published')).toBeVisible();
  await expect(page.getByTestId('net-participants')).toHaveText(String(VERSION_1.participants.net));
  await expect(page.getByTestId('gross-participants')).toHaveText(String(VERSION_1.participants.gross));

  // publishing is refused while organisations are unsettled and the year is open
  await submitForm(page, 'publish', 'Offentliggør version 1');
  await expect(page.locator('form#publish').getByRole('alert')).toContainText('stadig åbent');

  // the others are excluded with a reason, the year is closed, and published
  const rest = page.locator('form#exclude-rest');
  await rest.getByLabel('Begrundelse').fill(`Indberettede ikke for ${YEAR} (testrunde).`);
  await rest.getByRole('button', { name: 'Udelad resten' }).click();
  await expect(rest.getByRole('status')).toContainText('organisationer er udeladt');
  await page.goto('/admin/aar');
  await submitForm(page, `close-${YEAR}`, 'Luk for indberetning');
  await expect(page.getByTestId(`year-${YEAR}`)).toContainText('Lukket');
  await page.goto(`/admin/regnskab?year=${YEAR}`);
  await submitForm(page, 'publish', 'Offentliggør version 1');
  await expect(page.locator('form#publish').getByRole('status')).toHaveText('Version 1 er offentliggjort.');

  // the open-data API and the front page show exactly the published figures, at once
  await expectApiFigures(page, VERSION_1, 1, true);
  await expectHeadline(page, VERSION_1);

  // a correction: reopen with a reason, the second organisation adds a company, version 2
  await page.goto('/admin/aar');
  const reopen = page.locator(`form#reopen-${YEAR}`);
  await reopen.getByLabel('Begrundelse for genåbning').fill('Manglende virksomhed hos anden organisation.');
  await reopen.getByRole('button', { name: 'Genåbn' }).click();
  await expect(page.getByTestId(`year-${YEAR}`)).toContainText('Åben');
  await openReview(page, second.slug);
  const correctionRemark = 'Tilføj den manglende virksomhed.';
  await page.locator('form#return').getByLabel('Bemærkning til organisationen').fill(correctionRemark);
  await submitForm(page, 'return', 'Send retur med bemærkning');
  await expect(page.getByTestId('review-done')).toHaveText('Indberetningen er sendt retur.');
  await staffFixesAndResubmits(secondStaff, second.slug, correctionRemark, SECOND_CORRECTED);
  await openReview(page, second.slug);
  await expect(page.getByRole('heading', { name: 'Ændret siden godkendelsen' })).toBeVisible();
  await submitForm(page, 'approve', 'Godkend');
  await expect(page.getByTestId('review-done')).toHaveText('Indberetningen er godkendt.');
  await page.goto('/admin/aar');
  await submitForm(page, `close-${YEAR}`, 'Luk for indberetning');
  await expect(page.getByTestId(`year-${YEAR}`)).toContainText('Lukket');

  // while the correction is not published, the public still reads version 1
  await expectApiFigures(page, VERSION_1, 1, true);

  await page.goto(`/admin/regnskab?year=${YEAR}`);
  await submitForm(page, 'publish', 'Offentliggør rettelse (version 2)');
  await expect(page.locator('form#publish').getByRole('alert')).toContainText(
    'En rettelse skal have en begrundelse.',
  );
  await page
    .locator('form#publish')
    .getByLabel('Begrundelse for rettelsen')
    .fill('En virksomhed manglede i en liste.');
  await submitForm(page, 'publish', 'Offentliggør rettelse (version 2)');
  await expect(page.locator('form#publish').getByRole('status')).toHaveText('Version 2 er offentliggjort.');

  // the running server answers the correction at once; version 1 still answers the old figures
  await expectApiFigures(page, VERSION_2, 2, true);
  await expectApiFigures(page, VERSION_2, 2, false);
  await expectApiFigures(page, VERSION_1, 1, false);
  await expectHeadline(page, VERSION_2);

  // both versions stay downloadable, each with its own figures, and no CVR number leaks
  await page.goto(`/admin/regnskab?year=${YEAR}`);
  await expect(page.getByTestId('versions')).toContainText('En virksomhed manglede i en liste.');
  for (const [version, figures] of [
    [1, VERSION_1],
    [2, VERSION_2],
  ] as const) {
    const { net, gross } = figures.participants;
    const response = await page.request.get(
      `/api/admin/exports/${YEAR}?kind=accounts&format=csv&version=${version}`,
    );
    expect(response.status()).toBe(200);
    const csv = await response.text();
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(`${YEAR};participants;Deltagende virksomheder;Virksomheder;${net};${gross};`);
    for (const cvr of [C1, C2, C3, C4, C5]) expect(csv).not.toContain(cvr);
    const xlsx = await page.request.get(
      `/api/admin/exports/${YEAR}?kind=accounts&format=xlsx&version=${version}`,
    );
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    const open = await page.request.get(`/api/v1/accounts/${YEAR}?version=${version}&format=csv`);
    expect(open.status()).toBe(200);
    for (const cvr of [C1, C2, C3, C4, C5]) expect(await open.text()).not.toContain(cvr);
  }

  await firstStaff.context().close();
  await secondStaff.context().close();
});

test('every secretariat page passes axe, and staff are refused', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  // the first organisation's report of the round, reached as the secretariat reaches it
  await page.goto(`/admin?year=${YEAR}`);
  await page.getByTestId(`round-${first.slug}`).getByRole('link').click();
  await expect(page).toHaveURL(/\/admin\/indberetning\/\d+$/);
  const reviewPath = new URL(page.url()).pathname;
  await page.goto('/admin/organisationer');
  await page.getByRole('link', { name: first.name, exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/organisationer\/\d+$/);
  const organisationPath = new URL(page.url()).pathname;
  const paths = [
    `/admin?year=${YEAR}`,
    reviewPath,
    `/admin/regnskab?year=${YEAR}`,
    '/admin/aar',
    '/admin/organisationer',
    organisationPath,
    '/admin/brugere',
    '/admin/brugere/1',
    '/admin/indikatorer',
    '/admin/indikatorer/1',
    '/admin/import',
    '/admin/evidens?year=2016',
    '/en/admin/evidens?year=2016',
    '/admin/log?action=year.',
    '/en/admin',
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  }

  // a form's error summary and field errors pass axe too
  await page.goto('/admin/organisationer');
  const form = page.locator('form#create-organisation-form');
  await form.getByLabel('Kort navn (slug)').fill('Ikke gyldig!');
  await form.getByRole('button', { name: 'Opret' }).click();
  await expect(form.getByRole('alert')).toContainText('Brug små bogstaver, tal og bindestreg.');
  await expectNoAxeViolations(page);

  // bulk import: the check lists every problem by row, and nothing is stored: the organisation's
  // 2017 row on the round overview (state, last change) and the counts are as before
  const round2017 = async () => {
    await page.goto('/admin?year=2017');
    return [
      await page.getByTestId(`round-${first.slug}`).textContent(),
      await page.getByTestId('state-counts').textContent(),
    ];
  };
  const before = await round2017();
  await page.goto('/admin/import');
  const upload = page.locator('form#import-check');
  await upload.getByLabel('År').selectOption('2017');
  await upload.getByLabel('Fil (CSV eller XLSX)').setInputFiles({
    name: 'tal.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `\uFEFForganisation;indicator;value\n${first.slug};innovation_projects;12\nnowhere;innovation_projects;3\n${first.slug};no_such;1\n`,
    ),
  });
  await upload.getByRole('button', { name: 'Kontrollér filen' }).click();
  await expect(upload.getByRole('alert')).toContainText('2 problemer – intet er importeret.');
  await expect(upload.getByTestId('import-check-lines')).toContainText(
    'Række 3: ukendt organisation »nowhere«',
  );
  await expect(upload.getByTestId('import-check-lines')).toContainText(
    'Række 4: ukendt indikator »no_such« for året',
  );
  await expectNoAxeViolations(page);
  expect(await round2017()).toEqual(before);

  // a person is invited with a membership and shows as invited
  await page.goto('/admin/brugere');
  const invite = page.locator('form#invite');
  await invite.getByLabel('E-mailadresse').fill('ny.medarbejder@example.org');
  await invite.getByLabel('Navn').fill('Ny Medarbejder');
  await invite.getByLabel(first.name, { exact: true }).check();
  // the one-time link goes out by mail (the app's SMTP_URL points at this inbox)
  const inbox = await openInbox();
  try {
    await invite.getByRole('button', { name: 'Invitér' }).click();
    await expect(invite.getByRole('status')).toHaveText('Personen er oprettet.');
    await expect(invite.getByTestId('invite-lines')).toHaveText(
      'Invitationen er sendt med mail til ny.medarbejder@example.org.',
    );
    const mail = await inbox.next();
    expect(mail.to).toEqual(['ny.medarbejder@example.org']);
    expect(mail.raw).toMatch(/To: .*ny\.medarbejder@example\.org/);
    expect(linkIn(mail).pathname).toMatch(/^\/invitation\/[\w-]{20,}$/);
  } finally {
    await inbox.close();
  }
  await expect(page.getByRole('row', { name: /ny.medarbejder@example.org/ })).toContainText('Inviteret');

  // without a mail server the link is shown to copy: the inbox is closed now, so sending fails
  await invite.getByLabel('E-mailadresse').fill('uden.mail@example.org');
  await invite.getByLabel('Navn').fill('Uden Mail');
  await invite.getByLabel(first.name, { exact: true }).check();
  await invite.getByRole('button', { name: 'Invitér' }).click();
  await expect(invite.getByRole('status')).toHaveText('Personen er oprettet.');
  await expect(invite.getByTestId('invite-lines')).toContainText('Kopiér dette engangslink');
  await expect(invite.getByTestId('invite-lines')).toContainText(/\/invitation\/[\w-]{20,}/);

  // a staff member needs an organisation; nothing is stored
  await invite.getByLabel('E-mailadresse').fill('uden.organisation@example.org');
  await invite.getByLabel('Navn').fill('Uden Organisation');
  await invite.getByLabel(first.name, { exact: true }).uncheck();
  await invite.getByRole('button', { name: 'Invitér' }).click();
  await expect(invite.getByRole('alert')).toContainText('Vælg mindst én organisation til en medarbejder.');
  await expect(page.getByRole('row', { name: /uden.organisation@example.org/ })).toHaveCount(0);

  // staff see no secretariat pages and cannot download exports
  // axe needs a page of its own context
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, `${first.slug}@example.org`, DEMO_PASSWORD);
  await staff.waitForURL((url) => !url.pathname.startsWith('/login'));
  await staff.goto('/admin');
  await expect(staff.getByText('Kun sekretariatet har adgang til disse sider.')).toBeVisible();
  expect((await staff.request.get('/admin')).status()).toBe(403);
  await expectNoAxeViolations(staff);
  const refused = await staff.request.get(`/api/admin/exports/${YEAR}?kind=overlap&format=csv`);
  expect(refused.status()).toBe(403);
  await staffContext.close();
});
