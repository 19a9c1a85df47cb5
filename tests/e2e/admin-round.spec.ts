// A whole reporting round on a fresh demo database, driven by the secretariat through /admin.
// Until the staff portal (issue 4) is merged, the staff's steps (submit, resubmit after a
// return) are written straight to the database in setup steps; this needs the PostgreSQL
// server of E2E_DATABASE_URL, since PGlite allows only the web server's own process.
import { and, eq, sql } from 'drizzle-orm';
import { expect, type Page, test } from '@playwright/test';
import { type DatabaseHandle, openDatabase } from '@/db/client';
import { indicators, organisations, submissions, submissionValues } from '@/db/schema';
import { replaceCompanyList } from '@/lib/submissions/company-list-store';
import { DEMO_ADMIN, DEMO_PASSWORD, expectNoAxeViolations, signIn } from './helpers';
import { linkIn, openInbox } from './mail';

const databaseUrl = process.env.E2E_DATABASE_URL;
test.describe.configure({ mode: 'serial' });
// It publishes a new latest year, which changes the front page other specs read: it runs in its
// own server run (scripts/test.sh starts one with E2E_ADMIN_ROUND=1 on a throwaway PostgreSQL).
test.skip(
  !databaseUrl || process.env.E2E_ADMIN_ROUND !== '1',
  'needs E2E_DATABASE_URL and E2E_ADMIN_ROUND=1 (staff steps are written to the database until the portal lands)',
);

const YEAR = 2018;
let handle: DatabaseHandle;
let first: { id: number; slug: string; name: string };
let second: { id: number; slug: string; name: string };

// valid CVR numbers (modulus 11), far from the demo pool
function cvrs(count: number, start: number): string[] {
  const weights = [2, 7, 6, 5, 4, 3, 2];
  const result: string[] = [];
  for (let n = start; result.length < count; n++) {
    const digits = String(n);
    const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) result.push(`${digits}${check}`);
  }
  return result;
}
const [C1, C2, C3, C4, C5] = cvrs(5, 9_100_000);
const company = (cvr: string, flags: Partial<Record<'new_ideas' | 'under_50', boolean>> = {}) => ({
  cvr,
  dedicated: false,
  under_50: flags.under_50 ?? false,
  new_ideas: flags.new_ideas ?? false,
  new_competences: false,
  new_products: false,
});

/** What staff do in the portal: hand in the report with its company list. */
async function staffSubmits(organisationId: number, list: string[]) {
  const { db } = handle;
  await db.transaction(async (tx) => {
    let [row] = await tx
      .select()
      .from(submissions)
      .where(and(eq(submissions.organisationId, organisationId), eq(submissions.year, YEAR)));
    if (!row) {
      [row] = await tx.insert(submissions).values({ organisationId, year: YEAR }).returning();
    }
    await replaceCompanyList(
      tx,
      row!.id,
      list.map((cvr, index) => company(cvr, { new_ideas: index === 0, under_50: index % 2 === 0 })),
    );
    const [projects] = await tx.select().from(indicators).where(eq(indicators.key, 'innovation_projects'));
    await tx
      .insert(submissionValues)
      .values({ submissionId: row!.id, indicatorId: projects!.id, value: list.length })
      .onConflictDoUpdate({
        target: [submissionValues.submissionId, submissionValues.indicatorId],
        set: { value: list.length },
      });
    await tx
      .update(submissions)
      .set({
        state: 'submitted',
        hasCompanyList: true,
        submittedAt: new Date(),
        updatedAt: new Date(),
        version: sql`${submissions.version} + 1`,
      })
      .where(eq(submissions.id, row!.id));
  });
}

async function signInAsAdmin(page: Page) {
  // the shared helper; it answers the TOTP second step once sign-in asks for it (issue 3)
  await signIn(page, DEMO_ADMIN);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
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

test.beforeAll(async () => {
  handle = await openDatabase({ kind: 'postgres', url: databaseUrl! });
  const rows = await handle.db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
    .from(organisations)
    .where(
      sql`${organisations.activeFrom} <= ${YEAR} and (${organisations.activeTo} is null or ${organisations.activeTo} >= ${YEAR})`,
    )
    .orderBy(organisations.name)
    .limit(2);
  [first, second] = rows as [typeof first, typeof second];
});

test.afterAll(async () => {
  await handle?.close();
});

test('the secretariat runs a whole round: open, review, exclude, publish, correct', async ({ page }) => {
  test.setTimeout(240_000);
  await signInAsAdmin(page);

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

  // staff of two organisations submit; the second shares company C2 with the first
  await staffSubmits(first.id, [C1!, C2!, C3!]);
  await staffSubmits(second.id, [C2!, C4!]);

  await page.goto(`/admin?year=${YEAR}`);
  await expect(page.getByTestId(`round-${first.slug}`)).toContainText('Indsendt');
  await expect(page.getByTestId('state-counts')).toContainText('Indsendt: 2');

  // the first is returned with a remark (an empty remark is refused first)
  await openReview(page, first.slug);
  await expect(page.getByTestId('value-participants')).toContainText('3');
  await submitForm(page, 'return', 'Send retur med bemærkning');
  await expect(page.locator('form#return').getByRole('alert')).toContainText(
    'Skriv en bemærkning til organisationen.',
  );
  await page
    .locator('form#return')
    .getByLabel('Bemærkning til organisationen')
    .fill('Tjek listen over virksomheder.');
  await submitForm(page, 'return', 'Send retur med bemærkning');
  await expect(page.getByTestId('review-done')).toHaveText('Indberetningen er sendt retur.');
  await expect(page.getByTestId('review-state')).toContainText('Sendt retur');

  // a value is flagged for follow-up and listed on the round overview
  await openReview(page, second.slug);
  const flag = page.locator('form#flag-innovation_projects');
  await flag.getByLabel(/^Note til markering af/).fill('Ring og spørg til listen');
  await flag.getByRole('button', { name: 'Markér' }).click();
  await expect(page.getByTestId('value-innovation_projects')).toContainText(
    'Markeret: Ring og spørg til listen',
  );
  await page.goto(`/admin?year=${YEAR}`);
  await expect(page.getByRole('region', { name: 'Markerede værdier' })).toContainText(second.name);

  // staff resubmit; both are approved
  await staffSubmits(first.id, [C1!, C2!, C3!]);
  for (const organisation of [first, second]) {
    await openReview(page, organisation.slug);
    await submitForm(page, 'approve', 'Godkend');
    await expect(page.getByTestId('review-done')).toHaveText('Indberetningen er godkendt.');
    await expect(page.getByTestId('review-state')).toContainText('Godkendt');
  }

  // live accounts, not yet published: 4 distinct companies, 5 counted by the organisations
  await page.goto(`/admin/regnskab?year=${YEAR}`);
  await expect(page.getByTestId('not-published')).toBeVisible();
  await expect(page.getByTestId('net-participants')).toHaveText('4');
  await expect(page.getByTestId('gross-participants')).toHaveText('5');

  // publishing is refused while organisations are unsettled and the year is open
  await submitForm(page, 'publish', 'Offentliggør version 1');
  await expect(page.locator('form#publish').getByRole('alert')).toContainText('stadig åbent');

  // the others are excluded with a reason, the year is closed, and published
  const rest = page.locator('form#exclude-rest');
  await rest.getByLabel('Begrundelse').fill('Indberettede ikke for 2018 (testrunde).');
  await rest.getByRole('button', { name: 'Udelad resten' }).click();
  await expect(rest.getByRole('status')).toContainText('organisationer er udeladt');
  await page.goto('/admin/aar');
  await submitForm(page, `close-${YEAR}`, 'Luk for indberetning');
  await expect(page.getByTestId(`year-${YEAR}`)).toContainText('Lukket');
  await page.goto(`/admin/regnskab?year=${YEAR}`);
  await submitForm(page, 'publish', 'Offentliggør version 1');
  await expect(page.locator('form#publish').getByRole('status')).toHaveText('Version 1 er offentliggjort.');

  // the public front page shows exactly the published figures
  await expect(async () => {
    await page.goto('/');
    await expect(page.getByTestId('headline')).toContainText('I 2018 deltog 4 virksomheder', {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
  const api = await page.request.get(`/api/v1/accounts/${YEAR}`);
  if (api.status() !== 404 || (await api.text()).includes('participants')) {
    // the open-data API (issue 6) once it is merged
    const body = await api.json();
    const participants = body.indicators.find(
      (indicator: { key: string }) => indicator.key === 'participants',
    );
    expect(participants.national).toMatchObject({ net: 4, gross: 5 });
  }

  // a correction: reopen with a reason, the second organisation adds a company, version 2
  await page.goto('/admin/aar');
  const reopen = page.locator(`form#reopen-${YEAR}`);
  await reopen.getByLabel('Begrundelse for genåbning').fill('Manglende virksomhed hos anden organisation.');
  await reopen.getByRole('button', { name: 'Genåbn' }).click();
  await expect(page.getByTestId(`year-${YEAR}`)).toContainText('Åben');
  await openReview(page, second.slug);
  await page
    .locator('form#return')
    .getByLabel('Bemærkning til organisationen')
    .fill('Tilføj den manglende virksomhed.');
  await submitForm(page, 'return', 'Send retur med bemærkning');
  await expect(page.getByTestId('review-done')).toHaveText('Indberetningen er sendt retur.');
  await staffSubmits(second.id, [C2!, C4!, C5!]);
  await openReview(page, second.slug);
  await expect(page.getByRole('heading', { name: 'Ændret siden godkendelsen' })).toBeVisible();
  await submitForm(page, 'approve', 'Godkend');
  await expect(page.getByTestId('review-done')).toHaveText('Indberetningen er godkendt.');
  await page.goto('/admin/aar');
  await submitForm(page, `close-${YEAR}`, 'Luk for indberetning');
  await expect(page.getByTestId(`year-${YEAR}`)).toContainText('Lukket');

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

  await expect(async () => {
    await page.goto('/');
    await expect(page.getByTestId('headline')).toContainText('I 2018 deltog 5 virksomheder', {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });

  // both versions stay downloadable, each with its own figures
  await page.goto(`/admin/regnskab?year=${YEAR}`);
  await expect(page.getByTestId('versions')).toContainText('En virksomhed manglede i en liste.');
  for (const [version, net, gross] of [
    [1, 4, 5],
    [2, 5, 6],
  ] as const) {
    const response = await page.request.get(
      `/api/admin/exports/${YEAR}?kind=accounts&format=csv&version=${version}`,
    );
    expect(response.status()).toBe(200);
    const csv = await response.text();
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(`${YEAR};participants;Deltagende virksomheder;companies;${net};${gross};`);
    for (const cvr of [C1, C2, C3, C4, C5]) expect(csv).not.toContain(cvr!);
    const xlsx = await page.request.get(
      `/api/admin/exports/${YEAR}?kind=accounts&format=xlsx&version=${version}`,
    );
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  }
});

test('every secretariat page passes axe, and staff are refused', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  const [submission] = await handle.db
    .select({ id: submissions.id })
    .from(submissions)
    .where(eq(submissions.year, YEAR))
    .limit(1);
  const paths = [
    `/admin?year=${YEAR}`,
    `/admin/indberetning/${submission!.id}`,
    `/admin/regnskab?year=${YEAR}`,
    '/admin/aar',
    '/admin/organisationer',
    `/admin/organisationer/${first.id}`,
    '/admin/brugere',
    '/admin/brugere/1',
    '/admin/indikatorer',
    '/admin/indikatorer/1',
    '/admin/import',
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

  // bulk import: a dry run lists every problem by row, and nothing is stored
  const before = await handle.db.select({ n: sql<number>`count(*)::int` }).from(submissions);
  await page.goto('/admin/import');
  const upload = page.locator('form#import');
  await upload.getByLabel('År').selectOption('2017');
  await upload.getByLabel('Fil (CSV eller XLSX)').setInputFiles({
    name: 'tal.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `\uFEFForganisation;indicator;value\n${first.slug};innovation_projects;12\nnowhere;innovation_projects;3\n${first.slug};no_such;1\n`,
    ),
  });
  await upload.getByLabel('Handling').selectOption('run');
  await upload.getByRole('button', { name: 'Importér' }).click();
  await expect(upload.getByRole('alert')).toContainText('2 problemer – intet er importeret.');
  await expect(upload.getByTestId('import-lines')).toContainText('Række 3: ukendt organisation »nowhere«');
  await expect(upload.getByTestId('import-lines')).toContainText(
    'Række 4: ukendt indikator »no_such« for året',
  );
  await expectNoAxeViolations(page);
  expect(await handle.db.select({ n: sql<number>`count(*)::int` }).from(submissions)).toEqual(before);

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
    expect(mail).toMatch(/To: .*ny\.medarbejder@example\.org/);
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
