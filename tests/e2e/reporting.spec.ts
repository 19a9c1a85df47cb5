// Staff reporting as a demo staff user (issue 4). Each test uses its own demo organisation so the
// tests do not see each other's changes. Demo 2017 states: see db/seed/demo.ts.
import { validCvrs } from '../helpers/cvr';
import { expect, staffOf, test } from './fixtures';
import { expectNoAxeViolations } from './helpers';
import { PortalForm } from './pages/portal-form';

const YEAR = 2017;
const INNOVATION_PROJECTS = 'Innovationsprojekter';

test('[staff] the portal shows my organisation, the open year, state, deadline and last year', async ({
  page,
  signIn,
}) => {
  await signIn(staffOf('maritimklyngen-hovedstaden'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indberetning');
  const card = page.getByTestId('portal-maritimklyngen-hovedstaden');
  await expect(card.getByTestId('state')).toHaveText('Indsendt');
  await expect(card).toContainText(/dage tilbage/);
  await expect(card).toContainText('Sidste års offentliggjorte tal (2016)');
  await expectNoAxeViolations(page);
  // submitted: read-only for staff
  await card.getByRole('link').click();
  const form = new PortalForm(page, 'maritimklyngen-hovedstaden');
  await expect(form.readOnlyNote).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gem kladde' })).toHaveCount(0);
  // read-only: the figures as text, nothing to type in
  await expect(page.getByRole('textbox', { name: INNOVATION_PROJECTS, exact: true })).toHaveCount(0);
  await expect(form.figure('innovation_projects')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('[staff] fill and save a draft, reload and see it, submit and see it read-only', async ({
  page,
  portalForm,
}) => {
  const form = await portalForm('energiklyngen-hovedstaden');
  await expect(form.state).toHaveText('Ikke påbegyndt');
  await expectNoAxeViolations(page);
  // last year's figures, so no change is big enough to need an explanation
  for (const key of ['participants', 'new_ideas', 'new_competences', 'new_products'])
    await form.fill({ [key]: await form.lastYear(key) });
  await form.labelled(INNOVATION_PROJECTS).fill('7');
  await form.saveDraft();
  await expect(form.summary).toContainText('Kladden er gemt.');
  await expect(form.state).toHaveText('Kladde');

  await page.reload();
  await expect(form.labelled(INNOVATION_PROJECTS)).toHaveValue('7');
  await expect(form.timeline).toContainText('Kladde gemt');

  await form.submit();
  await expect(form.state).toHaveText('Indsendt');
  await page.reload();
  await expect(form.readOnlyNote).toContainText('indsendt');
  await expect(form.figure('innovation_projects')).toHaveText('7');
  await expect(page.getByRole('textbox', { name: INNOVATION_PROJECTS, exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Indsend' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('[staff] upload a good company list and see the derived counts; download it back', async ({
  page,
  portalForm,
}) => {
  const slug = 'vandklyngen-hovedstaden';
  const form = await portalForm(slug);
  const cvrs = validCvrs(5, 4100000);
  const csv = `\uFEFFcvr;under_50;new_ideas;new_products\r\n${cvrs
    .map((cvr, index) => `${cvr};1;${index < 3 ? 1 : 0};${index === 0 ? 1 : 0}`)
    .join('\r\n')}\r\n`;
  await form.uploadCompanyList('virksomheder.csv', csv);
  await expect(form.uploadSummary).toContainText('5 virksomheder');
  await expect(form.derived('participants')).toHaveText('5');
  await expect(form.derived('new_ideas')).toHaveText('3');
  await expect(form.derived('new_products')).toHaveText('1');
  await expect(form.derived('dedicated')).toHaveText('0');
  await expect(form.companyList).toContainText('Nuværende liste: 5 virksomheder');
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
  portalForm,
}) => {
  const form = await portalForm('digitalklyngen-nordjylland');
  const before = await form.companyList.textContent();
  const cvrs = validCvrs(6, 4200000);
  const lines = ['cvr,new_ideas', ...cvrs.slice(0, 5).map((cvr) => `${cvr},1`), '12345678,0', `${cvrs[5]},0`];
  await form.uploadCompanyList('liste.csv', lines.join('\n'));
  await expect(form.uploadSummary).toContainText('Række 7');
  await expect(form.uploadSummary).toContainText('12345678');
  await expect(form.uploadSummary).toContainText('intet er ændret');
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(form.companyList).toHaveText(before ?? '');
  await expect(form.derived('participants')).toHaveCount(0);
});

test('[staff] new_ideas above participants: the message as you type and on save, nothing saved', async ({
  page,
  portalForm,
}) => {
  const form = await portalForm('designklyngen-syddanmark');
  await form.fill({ participants: 10, new_ideas: 11 });
  const message =
    'Virksomheder, der har udviklet nye idéer: kan ikke være større end Deltagende virksomheder (10). Ret et af tallene.';
  // inline, before saving
  await expect(form.errorOf('new_ideas')).toHaveText(message);
  await expect(form.field('new_ideas')).toHaveAttribute('aria-invalid', 'true');
  await form.saveDraft();
  await expect(form.summary).toContainText('Indberetningen er ikke gemt');
  await expect(form.summary.getByRole('link', { name: message })).toHaveAttribute('href', '#field-new_ideas');
  await expectNoAxeViolations(page);
  // the refused typing is kept for this person (issue 16), not saved into the report: back on the
  // form it is put back and said so, and discarding it shows the report as stored, empty
  await expect(form.keptStatus).toContainText('er bevaret kl.');
  await page.reload();
  await expect(form.state).toHaveText('Ikke påbegyndt');
  await expect(form.keptDraft).toBeVisible();
  await page.getByRole('button', { name: 'Kassér mine ikke-gemte tal' }).click();
  await expect(form.field('new_ideas')).toHaveValue('');
  await form.open();
  await expect(form.keptDraft).toHaveCount(0);
  await expect(form.field('new_ideas')).toHaveValue('');
});

test('[staff] without JavaScript the form still saves by a plain post, and refuses bad input', async ({
  browser,
  portalForm,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const form = await portalForm('biotekklyngen-midtjylland', { page });
  await form.fill({ participants: 10, new_ideas: 11 });
  await form.saveDraft();
  await expect(form.errorOf('new_ideas')).toContainText('kan ikke være større end');
  await expect(form.state).toHaveText('Ikke påbegyndt');
  await form.fill({ new_ideas: 4 });
  await form.saveDraft();
  await expect(page.getByText('Kladden er gemt.')).toBeVisible();
  await form.open();
  await expect(form.field('new_ideas')).toHaveValue('4');
  await context.close();
});

test('[staff] two tabs: the second save is refused and shows what changed', async ({
  browser,
  portalForm,
}) => {
  const slug = 'foedevareklyngen-syddanmark';
  const context = await browser.newContext();
  const first = await portalForm(slug, { page: await context.newPage() });
  const second = new PortalForm(await context.newPage(), slug);
  await second.open();

  await first.labelled(INNOVATION_PROJECTS).fill('3');
  await first.saveDraft();
  await expect(first.summary).toContainText('Kladden er gemt.');

  await second.labelled(INNOVATION_PROJECTS).fill('9');
  await second.saveDraft();
  await expect(second.summary).toContainText('ændret af en anden');
  await expect(second.page.getByTestId('conflict-changes')).toContainText(
    `${staffOf(slug)} ændrede Innovationsprojekter fra – til 3`,
  );
  await expectNoAxeViolations(second.page);
  // typing again and following the link at once, before the pause that keeps typing: the typing
  // is kept first and the link followed, with no question asked (a dialog would fail the test)
  second.page.on('dialog', (dialog) => {
    throw new Error(`asked: ${dialog.message()}`);
  });
  await second.labelled(INNOVATION_PROJECTS).fill('8');
  await second.page.getByRole('link', { name: 'Hent den nyeste udgave' }).click();
  await expect(second.labelled(INNOVATION_PROJECTS)).toHaveValue('3');
  await expect(second.page.getByTestId('kept-draft-conflicts')).toHaveText(
    'Innovationsprojekter: en anden har gemt 3 siden; det står i formularen. Du havde tastet 8.',
  );
  await expectNoAxeViolations(second.page);
  await context.close();
});

test('[staff] a returned report shows the remark; another organisation’s report is refused', async ({
  page,
  portalForm,
}) => {
  await portalForm('robotklyngen-syddanmark');
  await expect(page.getByTestId('returned-remark')).toContainText('innovationsprojekter');
  await expect(page.getByRole('button', { name: 'Indsend' })).toBeVisible();

  const foreign = new PortalForm(page, 'energiklyngen-sjaelland');
  const refused = await foreign.open();
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ingen adgang');
  await expect(foreign.labelled(INNOVATION_PROJECTS)).toHaveCount(0);
  await expectNoAxeViolations(page);
  const download = await page.request.get(`/api/portal/energiklyngen-sjaelland/${YEAR}/companies`);
  expect(download.status()).toBe(403);
});

test('[staff] the English form and a blank form for printing', async ({ page, signIn }) => {
  await signIn(staffOf('byggeklyngen-midtjylland'));
  await expect(page).toHaveURL(/\/portal$/);
  const form = new PortalForm(page, 'byggeklyngen-midtjylland', YEAR, 'en');
  await form.open();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('report for 2017');
  await expect(page.getByText(/^Last year: /).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await form.open('?blank=1');
  await expect(form.labelled('Innovation projects')).toHaveValue('');
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('link', { name: 'Back to the overview' })).toBeHidden();
});

test('[staff] a form posted for another organisation (edited hidden field) is refused, nothing saved', async ({
  page,
  portalForm,
}) => {
  const form = await portalForm('turismeklyngen-nordjylland');
  await form.labelled(INNOVATION_PROJECTS).fill('77');
  // point the form at an organisation this user is not a member of (after typing: React re-renders the field)
  await page.locator('form.submission-form input[name="orgSlug"]').evaluate((input) => {
    (input as HTMLInputElement).value = 'velfaerdsklyngen-nordjylland';
  });
  await form.saveDraft();
  await expect(form.summary).toContainText(
    'Du har ikke adgang til denne organisations indberetning; intet er gemt, og forsøget er registreret.',
  );
  await expectNoAxeViolations(page);

  // the other organisation's report is unchanged, seen by its own staff
  await page.context().clearCookies();
  const theirs = await portalForm('velfaerdsklyngen-nordjylland');
  await expect(theirs.labelled(INNOVATION_PROJECTS)).not.toHaveValue('77');
  await expect(theirs.timeline).not.toContainText('Kladde gemt');
});
