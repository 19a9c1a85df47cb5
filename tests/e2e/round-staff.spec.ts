// The reporting round as staff feel it (issue 16), end to end in Chromium against `next start`:
// work is not lost, derived figures are explained, the secretariat's questions reach staff and
// their answers reach the secretariat, read-only means readable, self-service (templates, Excel
// lists, receipts, colleagues), and a correction asks only what it changes. Each test uses its own
// demo organisation: innovation networks from the start of the list, and one regional network no
// other spec uses (other specs use the clusters and the networks at the end). Demo 2017 states:
// see db/seed/demo.ts.
import type { Browser, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { validCvrs } from '../helpers/cvr';
import { must } from '../helpers/must';
import { xlsxBomb } from '../helpers/xlsx-files';
import { expect, staffOf, test } from './fixtures';
import { DEMO_ADMIN, expectNoAxeViolations } from './helpers';
import { decodeMail, linkIn, openInbox } from './mail';
import { PortalForm } from './pages/portal-form';
import { ReviewPage } from './pages/review';

const YEAR = 2017;

async function adminPage(
  browser: Browser,
  signIn: (email: string, options: { page: Page }) => Promise<void>,
) {
  const page = await (await browser.newContext()).newPage();
  page.on('dialog', (dialog) => dialog.accept());
  await signIn(DEMO_ADMIN, { page });
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}

/** Explains every big change the form asks about that has no explanation yet (the demo drafts hold some). */
async function explainTheRest(page: Page, text: string) {
  for (const box of await page.locator('textarea[name$="_comment"]').all())
    if ((await box.inputValue()) === '') await box.fill(text);
}

test.describe('work is not lost', () => {
  test.use({ leaving: 'ask' });

  test('[staff] leaving with unsaved figures asks first; what was typed comes back, never over a newer save', async ({
    browser,
    page,
    portalForm,
    signIn,
  }) => {
    const slug = 'innovationsnetvaerk-for-foedevarer';
    const form = await portalForm(slug);
    await expect(form.keptStatus).toHaveText('Det, du taster, bevares løbende for dig, indtil du gemmer.');
    await form.fill({ participants: 150, innovation_projects: 6 });
    // kept once typing pauses
    await expect(form.keptStatus).toContainText('Det, du har tastet, er bevaret kl.');

    // a link away asks; staying keeps the form as it is
    const asked: { type: string; message: string }[] = [];
    page.once('dialog', (dialog) => {
      asked.push({ type: dialog.type(), message: dialog.message() });
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Tilbage til oversigten' }).click();
    expect(asked).toEqual([
      { type: 'confirm', message: expect.stringContaining('Du har tal, der ikke er gemt') },
    ]);
    await expect(page).toHaveURL(new RegExp(`/portal/${slug}/${YEAR}$`));
    await expect(form.field('participants')).toHaveValue('150');

    // reloading (or closing the tab) asks too, the browser's own way
    page.once('dialog', (unload) => {
      expect(unload.type()).toBe('beforeunload');
      void unload.accept();
    });
    await page.reload();
    // back: the typing is in the form again, said so, and not saved
    await expect(form.keptDraft).toContainText('Dine tal, der ikke blev gemt, er sat ind igen');
    await expect(form.field('participants')).toHaveValue('150');
    await expect(form.field('innovation_projects')).toHaveValue('6');
    await expect(form.state).toHaveText('Kladde');
    await expectNoAxeViolations(page);

    // meanwhile the secretariat saves another participants figure in the report
    const admin = await adminPage(browser, signIn);
    const theirs = new PortalForm(admin, slug);
    await theirs.open();
    await theirs.fill({ participants: 130 });
    await theirs.saveDraft();
    await expect(theirs.summary).toContainText('Kladden er gemt.');

    page.once('dialog', (unload) => void unload.accept());
    await page.reload();
    // their save stays; the typing that does not collide comes back; the collision is told
    await expect(form.field('participants')).toHaveValue('130');
    await expect(form.field('innovation_projects')).toHaveValue('6');
    await expect(page.getByTestId('kept-draft-conflicts')).toHaveText(
      'Deltagende virksomheder: en anden har gemt 130 siden; det står i formularen. Du havde tastet 150.',
    );

    // saving makes it the report; nothing is kept any more and leaving asks nothing
    await form.saveDraft();
    await expect(form.summary).toContainText('Kladden er gemt.');
    await page.getByRole('link', { name: 'Tilbage til oversigten' }).click();
    await expect(page).toHaveURL(/\/portal$/);
    await form.open();
    await expect(form.keptDraft).toHaveCount(0);
    await expect(form.field('innovation_projects')).toHaveValue('6');
    await admin.context().close();
  });

  test('[staff] discarding the kept typing shows the report as saved', async ({ page, portalForm }) => {
    const form = await portalForm('innovationsnetvaerk-for-digitalisering-og-ikt');
    const saved = await form.field('innovation_projects').inputValue();
    await form.fill({ innovation_projects: 99 });
    await expect(form.keptStatus).toContainText('er bevaret kl.');
    page.once('dialog', (unload) => void unload.accept());
    await page.reload();
    await expect(form.field('innovation_projects')).toHaveValue('99');
    await page.getByRole('button', { name: 'Kassér mine ikke-gemte tal' }).click();
    await expect(form.keptDraft).toHaveCount(0);
    await expect(form.field('innovation_projects')).toHaveValue(saved);
    await form.open();
    await expect(form.field('innovation_projects')).toHaveValue(saved);
  });
});

test('[staff] a figure from the company list far off last year asks for its explanation; the reviewer reads it (English)', async ({
  browser,
  page,
  signIn,
}) => {
  const slug = 'innovationsnetvaerk-for-transport-og-logistik';
  await signIn(staffOf(slug), { locale: 'en' });
  await expect(page).toHaveURL(/\/en\/portal$/);
  const form = new PortalForm(page, slug, YEAR, 'en');
  await form.open();
  for (const key of ['new_ideas', 'new_competences', 'new_products'])
    expect(await form.lastYear(key)).toBeGreaterThan(3);
  const lastParticipants = await form.lastYear('participants');
  expect(lastParticipants).toBeGreaterThan(20);
  // three companies where last year there were many: −90 % and more
  const cvrs = validCvrs(3, 6_100_000);
  await form.uploadCompanyList(
    'companies.csv',
    `cvr,new_ideas,new_competences,new_products\n${cvrs.map((cvr) => `${cvr},1,1,1`).join('\n')}\n`,
  );
  await expect(form.uploadSummary).toContainText('3 companies');
  await expect(form.derived('participants')).toHaveText('3');
  // the place for the explanation, beside the derived figure
  const explanation = page.getByLabel('Explanation of the change – Participating companies', { exact: true });
  await expect(explanation).toBeVisible();
  await expectNoAxeViolations(page);
  await form.submit();
  await expect(form.summary).toContainText('The report was not saved');
  await expect(page.locator('#error-participants_comment')).toContainText('differs by more than 50%');
  await expect(form.state).toHaveText('Draft');
  await expectNoAxeViolations(page);

  await page.locator('#field-participants_comment').fill('Counted from the CVR list this year.');
  await explainTheRest(page, 'Counted from the CVR list this year (other).');
  await form.submit();
  await expect(form.state).toHaveText('Submitted');

  const admin = await adminPage(browser, signIn);
  const review = new ReviewPage(admin, slug);
  await review.open();
  await expect(review.warnings).toContainText('Forklaring: Counted from the CVR list this year.');
  await expect(review.warnings).not.toContainText('Ingen forklaring givet.');
  await expectNoAxeViolations(admin);
  await admin.context().close();
});

test('[secretariat → staff] a flag’s question reaches staff on the portal and the form; their answer reaches the review', async ({
  browser,
  page,
  signIn,
}) => {
  const slug = 'innovationsnetvaerk-for-maritime-erhverv';
  const admin = await adminPage(browser, signIn);
  const review = new ReviewPage(admin, slug);
  await review.open();
  await review.flag('innovation_projects', 'Innovationsprojekter', 'Hvilke projekter? Send liste.');
  await expect(review.thread('innovation_projects')).toContainText('Hvilke projekter? Send liste.');
  await expect(review.thread('innovation_projects')).toContainText('venter på organisationens svar');

  await signIn(staffOf(slug));
  const card = page.getByTestId(`portal-${slug}`);
  await expect(card.getByTestId('open-questions')).toContainText(
    'Sekretariatet venter på svar på ét spørgsmål.',
  );
  await expectNoAxeViolations(page);
  await card.getByRole('link', { name: 'Læs og svar' }).click();
  const form = new PortalForm(page, slug);
  // beside the figure, and in the questions, on the read-only (submitted) report
  await expect(form.readOnlyNote).toBeVisible();
  await expect(form.question('innovation_projects')).toContainText(
    'Sekretariatet spørger: “Hvilke projekter? Send liste.”',
  );
  await expect(form.thread('innovation_projects')).toContainText('venter på jeres svar');
  await expectNoAxeViolations(page);
  await form.answer('innovation_projects', 'Projekt A, B og C. Listen er sendt med mail.');
  await expect(form.thread('innovation_projects')).toContainText(
    'Projekt A, B og C. Listen er sendt med mail.',
  );
  await expect(form.thread('innovation_projects')).toContainText('besvaret');
  await expect(form.timeline).toContainText('Svar til sekretariatet');

  await admin.reload();
  await expect(review.thread('innovation_projects')).toContainText(
    'Projekt A, B og C. Listen er sendt med mail.',
  );
  await expect(review.thread('innovation_projects')).toContainText('organisationen har svaret');
  await expect(review.thread('innovation_projects')).toContainText(staffOf(slug));
  await expectNoAxeViolations(admin);
  // answered, the portal asks nothing more of staff
  await page.goto('/portal');
  await expect(card.getByTestId('open-questions')).toHaveCount(0);

  // the secretariat writes back in the same thread: an empty message is refused and nothing is sent
  await review.thread('innovation_projects').getByRole('button', { name: 'Send besked' }).click();
  await expect(review.thread('innovation_projects')).toContainText('Skriv en besked.');
  await review.write('innovation_projects', 'Tak. Hvor mange af dem er nye i år?');
  await expect(admin.getByText('Beskeden er sendt til organisationen.')).toBeVisible();
  await expect(review.thread('innovation_projects')).toContainText('venter på organisationens svar');
  await form.open();
  await expect(form.thread('innovation_projects')).toContainText('Tak. Hvor mange af dem er nye i år?');
  await expect(form.thread('innovation_projects')).toContainText('venter på jeres svar');
  await expect(form.thread('innovation_projects').locator('li')).toHaveCount(3);

  // a return: the remark opens the thread about the whole report; the timeline says "returned"
  await review.returnWith('Ret venligst antallet af projekter.');
  await expect(admin.getByTestId('review-done')).toBeVisible();
  await form.open();
  await expect(form.thread('')).toContainText('Ret venligst antallet af projekter.');
  await expect(form.timeline.locator('li').last()).toContainText('Sendt retur');
  await expect(form.timeline).not.toContainText('Ændret');
  await admin.context().close();
});

test('[staff] without JavaScript a returned report’s remark is answered by a plain post, in English', async ({
  browser,
  signIn,
}) => {
  // returned in the demo data, with a remark from before the conversation was kept
  const slug = 'innovationsnetvaerk-for-miljoe-og-vand';
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(staffOf(slug), { page, locale: 'en' });
  await expect(page).toHaveURL(/\/en\/portal$/);
  await expect(page.getByTestId(`portal-${slug}`).getByTestId('open-questions')).toContainText(
    'The secretariat is waiting for an answer to one question.',
  );
  const form = new PortalForm(page, slug, YEAR, 'en');
  await form.open();
  await expect(form.thread('')).toContainText('innovationsprojekter');
  await form.thread('').getByRole('button', { name: 'Send answer' }).click();
  await expect(form.thread('')).toContainText('Write an answer.');
  await form.answer('', 'Corrected: 12 projects, not 40.');
  await expect(page.getByText('The answer has been sent to the secretariat.')).toBeVisible();
  await form.open();
  await expect(form.thread('')).toContainText('Corrected: 12 projects, not 40.');
  await expect(form.thread('')).toContainText('answered');
  await page.context().close();
});

test('[staff] the submitted report reads as the language writes it; a required explanation is not "optional"', async ({
  page,
  portalForm,
}) => {
  const slug = 'innovationsnetvaerk-for-turisme-og-oplevelser';
  const form = await portalForm(slug);
  for (const key of ['participants', 'new_ideas', 'new_competences', 'new_products'])
    await form.fill({ [key]: await form.lastYear(key) });
  const lastFunding = await form.lastYear('public_funding');
  expect(lastFunding).toBeGreaterThan(0);
  const funding = lastFunding * 3;
  await form.fill({ public_funding: funding });
  await page.getByLabel('Forklaring af ændringen – Offentligt tilskud').fill('Et nyt EU-projekt.');
  await explainTheRest(page, 'Se sekretariatets vejledning.');
  await form.submit();
  await expect(form.state).toHaveText('Indsendt');
  await page.reload();
  await expect(form.figure('public_funding')).toHaveText(`${funding.toLocaleString('da-DK')} kr.`);
  await expect(page.getByTestId('comment-public_funding')).toHaveText(
    'Forklaring af ændringen: Et nyt EU-projekt.',
  );
  await expect(page.getByText('Bemærkning (valgfri)')).toHaveCount(0);
  await expectNoAxeViolations(page);
  // the same in English
  await new PortalForm(page, slug, YEAR, 'en').open();
  await expect(form.figure('public_funding')).toHaveText(`DKK ${funding.toLocaleString('en-GB')}`);
  await expect(page.getByTestId('comment-public_funding')).toHaveText(
    'Explanation of the change: Et nyt EU-projekt.',
  );
  await expectNoAxeViolations(page);
});

test('[staff] templates beside the upload; an Excel list loads like a CSV, and a zip bomb is refused unread', async ({
  page,
  portalForm,
}) => {
  const slug = 'innovationsnetvaerk-for-sundhed-og-velfaerd';
  const form = await portalForm(slug);
  const templates = page.getByTestId('company-list-templates');
  const csv = await page.request.get(
    must(await templates.getByRole('link', { name: 'Hent skabelon (CSV)' }).getAttribute('href')),
  );
  expect(await csv.text()).toBe('\uFEFFcvr;dedicated;under_50;new_ideas;new_competences;new_products\r\n');
  const xlsxLink = await templates.getByRole('link', { name: 'Hent skabelon (Excel)' }).getAttribute('href');
  const template = await page.request.get(must(xlsxLink));
  expect(template.headers()['content-type']).toContain('spreadsheetml');

  // the template filled in Excel (here: exceljs) and uploaded as it is saved
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await template.body()) as unknown as ArrayBuffer);
  const cvrs = validCvrs(4, 6_200_000);
  for (const [index, cvr] of cvrs.entries()) must(book.worksheets[0]).addRow([cvr, 1, index % 2, 1, 0, 0]);
  await form.uploadCompanyList('virksomheder.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
  await expect(form.uploadSummary).toHaveText('Virksomhedslisten er indlæst: 4 virksomheder.');
  await expect(form.derived('participants')).toHaveText('4');
  await expect(form.derived('under_50')).toHaveText('2');
  await expect(form.derived('new_ideas')).toHaveText('4');
  await expectNoAxeViolations(page);

  // the file chooser offers Excel files, not only CSV
  await expect(page.getByLabel('CSV-fil med virksomheder eller Excel-fil (xlsx)')).toHaveAttribute(
    'accept',
    /\.xlsx/,
  );

  // a few hundred kilobytes that unpack to about 60 MB: refused by its size, nothing changes
  await form.uploadCompanyList('bomb.xlsx', xlsxBomb(1_000_000));
  await expect(form.uploadSummary).toContainText('mere end 32 MB udpakket');
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(form.companyList).toContainText('Nuværende liste: 4 virksomheder');
});

test('[staff] without JavaScript an Excel list with a bad CVR number is refused with its row; nothing is stored', async ({
  browser,
  portalForm,
}) => {
  const slug = 'innovationsnetvaerk-for-energi-og-klima-syddanmark';
  const form = await portalForm(slug, {
    page: await (await browser.newContext({ javaScriptEnabled: false })).newPage(),
  });
  await expect(form.companyList).toHaveText(
    'Der er ikke indlæst en virksomhedsliste; virksomhedstallene tastes i formularen.',
  );
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Virksomheder');
  sheet.addRow(['cvr', 'new_ideas']);
  sheet.addRow([Number(must(validCvrs(1, 6_300_000)[0])), 1]);
  sheet.addRow([12345678, 0]);
  await form.uploadCompanyList('forkert.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
  await expect(form.uploadSummary).toContainText('Række 3: CVR-nummeret 12345678 er ugyldigt');
  await expect(form.uploadSummary).toContainText('intet er ændret');
  // (axe needs JavaScript in the page: the refusal's summary is checked with it in the test above)
  await form.open();
  await expect(form.companyList).toHaveText(
    'Der er ikke indlæst en virksomhedsliste; virksomhedstallene tastes i formularen.',
  );
  await expect(form.derived('participants')).toHaveCount(0);
  await form.page.context().close();
});

test('[staff] submitting mails a receipt with the figures to the organisation’s staff', async ({
  portalForm,
}) => {
  // not started in 2017, and no other spec of this server run touches it (round-secretariat's
  // bulk import approves innovationsnetvaerk-for-produktion-og-robotter before this runs)
  const slug = 'logistikklyngen-syddanmark';
  const inbox = await openInbox();
  try {
    const form = await portalForm(slug);
    const figures: Record<string, number> = {};
    for (const key of ['participants', 'new_ideas', 'new_competences', 'new_products'])
      figures[key] = await form.lastYear(key);
    await form.fill(figures);
    await form.saveDraft();
    await expect(form.summary).toContainText('Kladden er gemt.');
    expect(inbox.waiting()).toEqual([]);
    await form.submit();
    await expect(form.state).toHaveText('Indsendt');
    const mail = await inbox.next();
    expect(mail.to).toEqual([staffOf(slug)]);
    const { contentType, body } = decodeMail(mail);
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('har indsendt indberetningen for Logistikklyngen Syddanmark');
    expect(body).toContain(
      `- Deltagende virksomheder: ${must(figures.participants).toLocaleString('da-DK')}`,
    );
    expect(linkIn(mail).pathname).toBe(`/portal/${slug}/${YEAR}`);
    await expect(form.timeline).toContainText('Kvittering sendt');
  } finally {
    await inbox.close();
  }
});

test('[staff] invite a colleague, who accepts and reports; the secretariat sees staff invitations', async ({
  browser,
  page,
  signIn,
}) => {
  const slug = 'innovationsnetvaerk-for-byggeri';
  const inbox = await openInbox();
  let link: URL;
  try {
    await signIn(staffOf(slug));
    const colleagues = page.getByTestId(`colleagues-${slug}`);
    await expect(colleagues).toContainText(staffOf(slug));
    await expectNoAxeViolations(page);
    await colleagues.getByLabel('Kollegaens e-mailadresse').fill(staffOf(slug));
    await colleagues.getByLabel('Kollegaens navn').fill('Samme Person');
    await colleagues.getByRole('button', { name: 'Send invitation' }).click();
    await expect(colleagues).toContainText('Der findes allerede en bruger med den e-mailadresse.');
    await expectNoAxeViolations(page);
    await colleagues.getByLabel('Kollegaens e-mailadresse').fill('ikke en adresse');
    await colleagues.getByRole('button', { name: 'Send invitation' }).click();
    await expect(colleagues).toContainText('Skriv en gyldig e-mailadresse.');
    // neither refusal created anyone, nor sent a mail
    await page.reload();
    await expect(colleagues).not.toContainText('Samme Person');
    await expect(colleagues).not.toContainText('ikke en adresse');
    expect(inbox.waiting()).toEqual([]);
    await colleagues.getByLabel('Kollegaens e-mailadresse').fill('ny.kollega@byggeri.example');
    await colleagues.getByLabel('Kollegaens navn').fill('Ny Kollega');
    await colleagues.getByRole('button', { name: 'Send invitation' }).click();
    await expect(colleagues).toContainText('ny.kollega@byggeri.example er inviteret.');
    const mail = await inbox.next();
    expect(mail.to).toEqual(['ny.kollega@byggeri.example']);
    link = linkIn(mail);
    await page.reload();
    await expect(colleagues).toContainText(
      'Ny Kollega (ny.kollega@byggeri.example) · inviteret, har ikke taget imod endnu',
    );
  } finally {
    await inbox.close();
  }

  const admin = await adminPage(browser, signIn);
  await admin.goto('/admin/brugere');
  const invitation = admin.getByTestId('staff-invitation-ny.kollega@byggeri.example');
  await expect(invitation).toContainText('Innovationsnetværk for byggeri');
  await expect(invitation).toContainText(staffOf(slug));
  await expectNoAxeViolations(admin);
  // the invited person's own page offers the revocation too
  await admin.getByRole('link', { name: 'ny.kollega@byggeri.example' }).click();
  await expect(admin.getByRole('button', { name: 'Tilbagekald invitationen' })).toBeVisible();
  await expectNoAxeViolations(admin);
  await admin.goto('/admin/brugere');

  // the colleague accepts through the invitation page every invitation uses, and reports
  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(link.pathname);
  await colleague.getByLabel('Ny adgangskode').fill('kollegaens lange adgangskode');
  await colleague.getByLabel('Gentag adgangskoden').fill('kollegaens lange adgangskode');
  await colleague.getByRole('button', { name: 'Gem adgangskode' }).click();
  await signIn('ny.kollega@byggeri.example', { page: colleague, password: 'kollegaens lange adgangskode' });
  await expect(colleague.getByTestId(`portal-${slug}`)).toBeVisible();
  await admin.reload();
  await expect(invitation).toHaveCount(0);
  await colleague.context().close();
  await admin.context().close();
});

test('[staff → secretariat] an invitation sent without JavaScript is seen and revoked; its link then fails', async ({
  browser,
  signIn,
}) => {
  const slug = 'innovationsnetvaerk-for-design-og-kreative-erhverv';
  const staff = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(staffOf(slug), { page: staff, locale: 'en' });
  await expect(staff).toHaveURL(/\/en\/portal$/);
  const colleagues = staff.getByTestId(`colleagues-${slug}`);
  await colleagues.getByLabel("Your colleague's email address").fill('revoke.me@design.example');
  await colleagues.getByLabel("Your colleague's name").fill('Revoke Me');
  await colleagues.getByRole('button', { name: 'Send invitation' }).click();
  // no mail server listens: the link is shown to pass on
  await expect(staff.getByText('revoke.me@design.example has been invited.')).toBeVisible();
  const shown = must(await staff.getByText(/\/invitation\//).textContent()).trim();
  const link = new URL(shown);

  const admin = await adminPage(browser, signIn);
  await admin.goto('/en/admin/brugere');
  const invitation = admin.getByTestId('staff-invitation-revoke.me@design.example');
  await expect(invitation).toContainText(staffOf(slug));
  await invitation.getByRole('button', { name: 'Revoke: revoke.me@design.example' }).click();
  await expect(admin.getByTestId('invitation-revoked')).toHaveText(
    'The invitation has been revoked; its link no longer works.',
  );
  await expect(invitation).toHaveCount(0);
  await expectNoAxeViolations(admin);

  await staff.goto(link.pathname);
  await expect(staff.getByTestId('link-invalid')).toBeVisible();
  await admin.context().close();
  await staff.context().close();
});

test('[staff] a correction of an approved report asks only about what it changes', async ({
  browser,
  page,
  portalForm,
  signIn,
}) => {
  const slug = 'innovationsnetvaerk-for-life-science';
  const form = await portalForm(slug);
  const last: Record<string, number> = {};
  for (const key of [
    'participants',
    'new_ideas',
    'new_competences',
    'new_products',
    'innovation_projects',
    'international_participants',
  ])
    last[key] = await form.lastYear(key);
  expect(last.innovation_projects).toBeGreaterThan(0);
  expect(last.international_participants).toBeGreaterThan(0);

  // the secretariat imports the year's figures (approved, no explanations), two of them far off last year
  const admin = await adminPage(browser, signIn);
  await admin.goto('/admin/import');
  const upload = admin.locator('form#import-check');
  await upload.getByLabel('År').selectOption(String(YEAR));
  const rows = Object.entries({
    ...last,
    innovation_projects: must(last.innovation_projects) * 4,
    international_participants: must(last.international_participants) * 4,
  }).map(([key, value]) => `${slug};${key};${value}`);
  await upload.getByLabel('Fil (CSV eller XLSX)').setInputFiles({
    name: 'tal.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`organisation;indicator;value\n${rows.join('\n')}\n`),
  });
  // checked first, then imported with one click (issue 16, item 10)
  await upload.getByRole('button', { name: 'Kontrollér filen' }).click();
  await admin.getByRole('button', { name: /^Importér/ }).click();
  await expect(admin.getByTestId('import-done')).toBeVisible();
  // and returns it for a correction
  const review = new ReviewPage(admin, slug);
  await review.open();
  await review.returnWith('Ret antallet af internationale deltagere.');
  await expect(admin.getByTestId('review-done')).toBeVisible();

  await form.open();
  await expect(form.state).toHaveText('Sendt retur');
  // the approved big changes are told, not asked about again
  await expect(page.locator('#hint-innovation_projects_comment')).toContainText(
    'det er det tal, sekretariatet godkendte',
  );
  await expect(page.getByLabel('Bemærkning (valgfri) – Innovationsprojekter')).toBeVisible();
  await expectNoAxeViolations(page);
  // the correction: a new big change, which is asked about, and only that one
  await form.fill({ international_participants: must(last.international_participants) * 3 });
  await form.submit();
  await expect(form.summary).toContainText('Indberetningen er ikke gemt');
  await expect(form.summary.getByRole('link')).toHaveCount(1);
  await expect(page.locator('#error-international_participants_comment')).toContainText(
    'afviger mere end 50 %',
  );
  await page
    .getByLabel('Forklaring af ændringen – Internationale deltagere')
    .fill('Vi talte danske deltagere med.');
  await form.submit();
  await expect(form.state).toHaveText('Indsendt');

  await review.open();
  await expect(review.warnings).toContainText('Uændret siden sekretariatet godkendte tallet');
  await expect(review.warnings).toContainText('Forklaring: Vi talte danske deltagere med.');
  await expectNoAxeViolations(admin);
  await admin.context().close();
});
