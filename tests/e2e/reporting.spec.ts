// Staff reporting as a demo staff user (issue 4). Each test uses its own demo organisation so the
// tests do not see each other's changes. Demo 2017 states: see db/seed/demo.ts.
import { expect, type Page, test } from '@playwright/test';
import { cvrCheckDigit } from '../../lib/cvr';
import { expectNoAxeViolations, signIn } from './helpers';

const YEAR = 2017;
const formUrl = (slug: string) => `/portal/${slug}/${YEAR}`;
const staff = (slug: string) => `${slug}@example.org`;

function validCvrs(count: number, start: number): string[] {
  const result: string[] = [];
  for (let n = start; result.length < count; n++) {
    const digit = cvrCheckDigit(String(n));
    if (digit !== null) result.push(`${n}${digit}`);
  }
  return result;
}

/** Last year's published figure printed beside a field ("Sidste år: 1.234"). */
async function lastYear(page: Page, key: string): Promise<number> {
  const text = (await page.locator(`#last-${key}`).textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

async function openForm(page: Page, slug: string) {
  await signIn(page, staff(slug));
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(formUrl(slug));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(String(YEAR));
}

test('[staff] the portal shows my organisation, the open year, state, deadline and last year', async ({
  page,
}) => {
  await signIn(page, staff('maritimklyngen-hovedstaden'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indberetning');
  const card = page.getByTestId('portal-maritimklyngen-hovedstaden');
  await expect(card.getByTestId('state')).toHaveText('Indsendt');
  await expect(card).toContainText(/dage tilbage/);
  await expect(card).toContainText('Sidste års offentliggjorte tal (2016)');
  await expectNoAxeViolations(page);
  // submitted: read-only for staff
  await card.getByRole('link').click();
  await expect(page.getByTestId('read-only-note')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gem kladde' })).toHaveCount(0);
  await expect(page.getByLabel('Innovationsprojekter', { exact: true })).not.toBeEditable();
  await expectNoAxeViolations(page);
});

test('[staff] fill and save a draft, reload and see it, submit and see it read-only', async ({ page }) => {
  const slug = 'energiklyngen-hovedstaden';
  await openForm(page, slug);
  await expect(page.getByTestId('submission-state')).toHaveText('Ikke påbegyndt');
  await expectNoAxeViolations(page);
  // last year's figures, so no change is big enough to need an explanation
  for (const key of ['participants', 'new_ideas', 'new_competences', 'new_products'])
    await page.locator(`#field-${key}`).fill(String(await lastYear(page, key)));
  await page.getByLabel('Innovationsprojekter', { exact: true }).fill('7');
  await page.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(page.getByTestId('form-summary')).toContainText('Kladden er gemt.');
  await expect(page.getByTestId('submission-state')).toHaveText('Kladde');

  await page.reload();
  await expect(page.getByLabel('Innovationsprojekter', { exact: true })).toHaveValue('7');
  await expect(page.getByTestId('timeline')).toContainText('Kladde gemt');

  await page.getByRole('button', { name: 'Indsend' }).click();
  await expect(page.getByTestId('submission-state')).toHaveText('Indsendt');
  await page.reload();
  await expect(page.getByTestId('read-only-note')).toContainText('indsendt');
  await expect(page.getByLabel('Innovationsprojekter', { exact: true })).toHaveValue('7');
  await expect(page.getByLabel('Innovationsprojekter', { exact: true })).not.toBeEditable();
  await expect(page.getByRole('button', { name: 'Indsend' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('[staff] upload a good company list and see the derived counts; download it back', async ({ page }) => {
  const slug = 'vandklyngen-hovedstaden';
  await openForm(page, slug);
  const cvrs = validCvrs(5, 4100000);
  const csv = `\uFEFFcvr;under_50;new_ideas;new_products\r\n${cvrs
    .map((cvr, index) => `${cvr};1;${index < 3 ? 1 : 0};${index === 0 ? 1 : 0}`)
    .join('\r\n')}\r\n`;
  await page.getByLabel('CSV-fil med virksomheder').setInputFiles({
    name: 'virksomheder.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: 'Indlæs virksomhedsliste' }).click();
  await expect(page.getByTestId('upload-summary')).toContainText('5 virksomheder');
  await expect(page.getByTestId('derived-participants')).toHaveText('5');
  await expect(page.getByTestId('derived-new_ideas')).toHaveText('3');
  await expect(page.getByTestId('derived-new_products')).toHaveText('1');
  await expect(page.getByTestId('derived-dedicated')).toHaveText('0');
  await expect(page.getByTestId('company-list-summary')).toContainText('Nuværende liste: 5 virksomheder');
  await expectNoAxeViolations(page);

  const download = await page.request.get(`/api/portal/${slug}/${YEAR}/companies`);
  expect(download.status()).toBe(200);
  const text = await download.text();
  expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
    'cvr,dedicated,under_50,new_ideas,new_competences,new_products',
  );
  expect(text).toContain(`${cvrs[0]},0,1,1,0,1`);
});

test('[staff] a list with a bad CVR on row 7 is refused with the row and nothing changes', async ({
  page,
}) => {
  const slug = 'digitalklyngen-nordjylland';
  await openForm(page, slug);
  const before = await page.getByTestId('company-list-summary').textContent();
  const cvrs = validCvrs(6, 4200000);
  const lines = ['cvr,new_ideas', ...cvrs.slice(0, 5).map((cvr) => `${cvr},1`), '12345678,0', `${cvrs[5]},0`];
  await page.getByLabel('CSV-fil med virksomheder').setInputFiles({
    name: 'liste.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n'), 'utf8'),
  });
  await page.getByRole('button', { name: 'Indlæs virksomhedsliste' }).click();
  const summary = page.getByTestId('upload-summary');
  await expect(summary).toContainText('Række 7');
  await expect(summary).toContainText('12345678');
  await expect(summary).toContainText('intet er ændret');
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.getByTestId('company-list-summary')).toHaveText(before ?? '');
  await expect(page.getByTestId('derived-participants')).toHaveCount(0);
});

test('[staff] new_ideas above participants: the message as you type and on save, nothing saved', async ({
  page,
}) => {
  const slug = 'designklyngen-syddanmark';
  await openForm(page, slug);
  await page.locator('#field-participants').fill('10');
  await page.locator('#field-new_ideas').fill('11');
  const message =
    'Virksomheder, der har udviklet nye idéer: kan ikke være større end Deltagende virksomheder (10). Ret et af tallene.';
  // inline, before saving
  await expect(page.locator('#error-new_ideas')).toHaveText(message);
  await expect(page.locator('#field-new_ideas')).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Gem kladde' }).click();
  const alert = page.getByTestId('form-summary');
  await expect(alert).toContainText('Indberetningen er ikke gemt');
  await expect(alert.getByRole('link', { name: message })).toHaveAttribute('href', '#field-new_ideas');
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.getByTestId('submission-state')).toHaveText('Ikke påbegyndt');
  await expect(page.locator('#field-new_ideas')).toHaveValue('');
});

test('[staff] without JavaScript the form still saves by a plain post, and refuses bad input', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const slug = 'biotekklyngen-midtjylland';
  await openForm(page, slug);
  await page.locator('#field-participants').fill('10');
  await page.locator('#field-new_ideas').fill('11');
  await page.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(page.locator('#error-new_ideas')).toContainText('kan ikke være større end');
  await expect(page.getByTestId('submission-state')).toHaveText('Ikke påbegyndt');
  await page.locator('#field-new_ideas').fill('4');
  await page.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(page.getByText('Kladden er gemt.')).toBeVisible();
  await page.goto(formUrl(slug));
  await expect(page.locator('#field-new_ideas')).toHaveValue('4');
  await context.close();
});

test('[staff] two tabs: the second save is refused and shows what changed', async ({ browser }) => {
  const slug = 'foedevareklyngen-syddanmark';
  const context = await browser.newContext();
  const first = await context.newPage();
  await openForm(first, slug);
  const second = await context.newPage();
  await second.goto(formUrl(slug));

  await first.getByLabel('Innovationsprojekter', { exact: true }).fill('3');
  await first.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(first.getByTestId('form-summary')).toContainText('Kladden er gemt.');

  await second.getByLabel('Innovationsprojekter', { exact: true }).fill('9');
  await second.getByRole('button', { name: 'Gem kladde' }).click();
  const alert = second.getByTestId('form-summary');
  await expect(alert).toContainText('ændret af en anden');
  await expect(second.getByTestId('conflict-changes')).toContainText(
    `${staff(slug)} ændrede Innovationsprojekter fra – til 3`,
  );
  await expectNoAxeViolations(second);
  await second.getByRole('link', { name: 'Hent den nyeste udgave' }).click();
  await expect(second.getByLabel('Innovationsprojekter', { exact: true })).toHaveValue('3');
  await context.close();
});

test('[staff] a returned report shows the remark; another organisation’s report is refused', async ({
  page,
}) => {
  await openForm(page, 'robotklyngen-syddanmark');
  await expect(page.getByTestId('returned-remark')).toContainText('innovationsprojekter');
  await expect(page.getByRole('button', { name: 'Indsend' })).toBeVisible();

  const refused = await page.goto(formUrl('energiklyngen-sjaelland'));
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ingen adgang');
  await expect(page.getByLabel('Innovationsprojekter', { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page);
  const download = await page.request.get(`/api/portal/energiklyngen-sjaelland/${YEAR}/companies`);
  expect(download.status()).toBe(403);
});

test('[staff] the English form and a blank form for printing', async ({ page }) => {
  await signIn(page, staff('byggeklyngen-midtjylland'));
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto(`/en${formUrl('byggeklyngen-midtjylland')}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('report for 2017');
  await expect(page.getByText(/^Last year: /).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`/en${formUrl('byggeklyngen-midtjylland')}?blank=1`);
  await expect(page.getByLabel('Innovation projects', { exact: true })).toHaveValue('');
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('link', { name: 'Back to the overview' })).toBeHidden();
});

test('[staff] a form posted for another organisation (edited hidden field) is refused, nothing saved', async ({
  page,
}) => {
  await openForm(page, 'turismeklyngen-nordjylland');
  await page.getByLabel('Innovationsprojekter', { exact: true }).fill('77');
  // point the form at an organisation this user is not a member of (after typing: React re-renders the field)
  await page.locator('form.submission-form input[name="orgSlug"]').evaluate((input) => {
    (input as HTMLInputElement).value = 'velfaerdsklyngen-nordjylland';
  });
  await page.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(page.getByTestId('form-summary')).toContainText(
    'Du har ikke adgang til denne organisations indberetning; intet er gemt, og forsøget er registreret.',
  );
  await expectNoAxeViolations(page);

  // the other organisation's report is unchanged, seen by its own staff
  await page.context().clearCookies();
  await openForm(page, 'velfaerdsklyngen-nordjylland');
  await expect(page.getByLabel('Innovationsprojekter', { exact: true })).not.toHaveValue('77');
  await expect(page.getByTestId('timeline')).not.toContainText('Kladde gemt');
});
