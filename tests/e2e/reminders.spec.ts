// Reminders that send themselves (issue 16, item 9), over HTTP on the test clock: the secretariat
// sets the days on /admin/paamindelser (a bad number is told and nothing is stored), the day comes,
// the reminder job runs as the day would (POST /api/test/clock answers once it has finished), the
// staff of every organisation that has not submitted get one mail in Danish and English, the page
// lists each, and the same day again sends nothing new. Runs in the test-clock server run
// (E2E_RELEASES=1), after the scheduled releases.
import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import { must } from '../helpers/must';
import { DEMO_ADMIN, expectNoAxeViolations, signIn } from './helpers';
import { decodeMail, openInbox } from './mail';
import { TEST_CLOCK_TOKEN } from './ports';

test.describe.configure({ mode: 'serial' });
test.skip(
  process.env.E2E_RELEASES !== '1',
  'moves the test clock: runs in the test-clock server run with E2E_RELEASES=1',
);

async function setClock(request: APIRequestContext, now: string | null) {
  const response = await request.post('/api/test/clock', {
    headers: { Authorization: `Bearer ${TEST_CLOCK_TOKEN}` },
    data: { now },
  });
  expect(response.status()).toBe(200);
  // the reminder job ran to its end at this time
  expect(await response.json()).toMatchObject({ now, reminderCheck: 'completed' });
}

/** A Danish calendar day moved by whole days. */
function addDays(day: string, days: number) {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** 2017's deadline and who has not handed in, from the secretariat's completeness export. */
async function roundOf(page: Page) {
  const csv = await (
    await page.request.get('/api/admin/exports/2017?kind=completeness&format=csv&locale=da')
  ).text();
  const [header, ...rows] = csv.slice(1).trim().split('\r\n');
  const columns = must(header).split(';');
  const cells = rows.map((row) => row.split(';'));
  const at = (name: string) => columns.indexOf(name);
  const ordinary = must(cells.find((row) => row[at('forlænget')] === 'nej'));
  return {
    deadline: must(ordinary[at('frist')]),
    pending: cells
      .filter((row) => row[at('forlænget')] === 'nej')
      .filter((row) => ['Ikke påbegyndt', 'Kladde', 'Sendt retur'].includes(must(row[at('status')])))
      .map((row) => must(row[at('slug')])),
  };
}

test('[admin] reminders go out by themselves the set days before the deadline, once each, in both languages', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, DEMO_ADMIN);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  const { deadline, pending } = await roundOf(page);
  expect(pending.length).toBeGreaterThan(0);
  // 10:00 UTC is 11:00 or 12:00 in Denmark: a working hour of the day
  const dayAt = (day: string) => `${day}T10:00:00.000Z`;

  // eight days before the deadline, with no reminders set: nothing happens
  await setClock(request, dayAt(addDays(deadline, -8)));

  await page.goto('/admin');
  await page
    .getByRole('navigation', { name: 'Sekretariatets menu' })
    .getByRole('link', { name: 'Påmindelser' })
    .click();
  await expect(page).toHaveURL(/\/admin\/paamindelser$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Automatiske påmindelser');
  await expect(page.getByTestId('reminder-setting')).toHaveText(
    'Automatiske påmindelser er slået fra: udfyld mindst ét af felterne for at slå dem til.',
  );
  await expect(page.getByTestId('reminders-sent')).toContainText('Ingen påmindelser er sendt endnu.');
  await expectNoAxeViolations(page);

  // bad numbers: told under the field, and nothing stored
  const form = page.locator('form#reminder-settings');
  await form.getByLabel('Dage før fristen (tom: ingen)').fill('syv');
  await form.getByLabel('Dage efter fristen (tom: ingen)').fill('0');
  await form.getByRole('button', { name: 'Gem indstillingen' }).click();
  await expect(form.getByRole('alert').first()).toBeVisible();
  await expect(form).toContainText('Skriv et helt antal dage fra 0 til 60, eller lad feltet stå tomt.');
  await expect(form).toContainText('Skriv et helt antal dage fra 1 til 60, eller lad feltet stå tomt.');
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.getByTestId('reminder-setting')).toContainText('slået fra');
  await expect(
    page.locator('form#reminder-settings').getByLabel('Dage før fristen (tom: ingen)'),
  ).toHaveValue('');

  // 7 days before and 3 after
  await form.getByLabel('Dage før fristen (tom: ingen)').fill('7');
  await form.getByLabel('Dage efter fristen (tom: ingen)').fill('3');
  await form.getByRole('button', { name: 'Gem indstillingen' }).click();
  await expect(form.getByRole('status')).toContainText('Indstillingen er gemt.');
  await page.reload();
  await expect(page.getByTestId('reminder-setting')).toHaveText(
    'Nu: 7 dage før fristen og 3 dage efter fristen.',
  );
  await expect(page.getByTestId('reminder-year-2017')).toBeVisible();

  // the day comes: one mail to each organisation's staff that has not submitted
  const inbox = await openInbox();
  try {
    await setClock(request, dayAt(addDays(deadline, -7)));
    const mails = inbox.waiting();
    const recipients = mails.flatMap((mail) => mail.to).sort();
    expect(recipients).toEqual(pending.map((slug) => `${slug}@example.org`).sort());
    const first = decodeMail(must(mails[0]));
    expect(first.body).toContain(
      'har endnu ikke indsendt sin indberetning til performanceregnskabet for 2017',
    );
    expect(first.body).toContain('has not yet submitted its report for the performance accounts for 2017');
    expect(first.body).toMatch(/http:\/\/[^/\s]+\/portal\/[a-z0-9-]+\/2017/);
    expect(first.body).toMatch(/http:\/\/[^/\s]+\/en\/portal\/[a-z0-9-]+\/2017/);

    await page.reload();
    const sent = page.getByTestId('reminders-sent');
    await expect(sent.locator('tbody tr')).toHaveCount(recipients.length);
    await expect(sent).toContainText('Før fristen');
    await expect(sent).not.toContainText('Ikke sendt');
    for (const email of recipients) await expect(sent).toContainText(email);
    await expectNoAxeViolations(page);

    // later the same day, and the next day: nothing more
    await setClock(request, `${addDays(deadline, -7)}T14:00:00.000Z`);
    await setClock(request, dayAt(addDays(deadline, -6)));
    expect(inbox.waiting()).toHaveLength(recipients.length);
    await page.reload();
    await expect(page.getByTestId('reminders-sent').locator('tbody tr')).toHaveCount(recipients.length);

    // the audit log says it happened, by the system
    await page.goto('/admin/log?action=round.remind_auto');
    await expect(page.getByTestId('audit-events')).toContainText('Automatisk påmindelse sendt');
    await expect(page.getByTestId('audit-events')).toContainText('Systemet');

    // in English
    await page.goto('/en/admin/paamindelser');
    await expect(page.getByTestId('reminder-setting')).toHaveText(
      'Now: 7 days before the deadline and 3 days after the deadline.',
    );
    await expect(page.getByTestId('reminders-sent')).toContainText('Before the deadline');
    await expectNoAxeViolations(page);
  } finally {
    // reminders off again and the clock back, for whatever runs next on this server
    await page.goto('/admin/paamindelser');
    const reset = page.locator('form#reminder-settings');
    await reset.getByLabel('Dage før fristen (tom: ingen)').fill('');
    await reset.getByLabel('Dage efter fristen (tom: ingen)').fill('');
    await reset.getByRole('button', { name: 'Gem indstillingen' }).click();
    await expect(reset.getByRole('status')).toContainText('Indstillingen er gemt.');
    await setClock(request, null);
    await inbox.close();
    await page.context().close();
  }
});
