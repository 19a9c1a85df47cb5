// The holes of issue 12, each attacked over HTTP against `next start` as the probe did, and each
// now refused — with the server healthy after every test: the same process listening, /api/health
// answering, and its peak resident memory within bounds. Uploads that expand or stall are sent
// while /api/health is asked again and again: it must keep answering during them.
// It runs in its own server run (scripts/test.sh, E2E_SECURITY=1): it judges the server's memory,
// changes passwords and, last of all, gets the test machine's own address throttled.
import {
  expect,
  type Page,
  type APIRequestContext,
  request as playwrightRequest,
  test,
} from '@playwright/test';
import { demoOrganisations } from '@/db/seed/demo-data';
import { xlsxBomb, xlsxOf } from '../helpers/xlsx-files';
import { formFields, postForm, withFields } from './form-post';
import { DEMO_ADMIN, DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD, freshTotpCode, signIn } from './helpers';
import { linkIn, openInbox } from './mail';
import { E2E_PORT } from './ports';
import { pidListeningOn, resetPeakMemory, residentMemory } from './server-process';
import { must } from '../helpers/must';

test.describe.configure({ mode: 'serial' });
test.skip(
  process.env.E2E_SECURITY !== '1',
  'judges memory and throttles the test address: runs in its own server run with E2E_SECURITY=1',
);

const organisations = demoOrganisations();
const staffOf = (index: number) => must(organisations[index]);
const staffEmail = (index: number) => `${staffOf(index).slug}@example.org`;
const YEAR = 2017;
// The server starts at about 410 MiB (the embedded database holds the demo data) and creeps up by
// 20-30 MiB per test as pages compile and V8 keeps the heap it grew; the cap is for the run as a
// whole, far below the heap limit. Each attack's own cost is judged by the growth limit.
const MEMORY_LIMIT_MIB = 768;
const MEMORY_GROWTH_LIMIT_MIB = 200;
/** The holes stalled every request for 20 s and 44 s; a healthy server answers health in milliseconds. */
const STALL_MS = 2_000;
const EVIL = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

let serverPid: number;
let residentAtStartMiB: number;

test.beforeAll(() => {
  const pid = pidListeningOn(E2E_PORT);
  if (pid === null) throw new Error(`no process listens on port ${E2E_PORT}`);
  serverPid = pid;
});

// each attack is judged by what it costs: the peak is reset before it and read after it
test.beforeEach(() => {
  residentAtStartMiB = residentMemory(serverPid).rssMiB;
  if (!resetPeakMemory(serverPid)) throw new Error(`cannot reset the peak memory of process ${serverPid}`);
});

test.afterEach(async ({ request }) => {
  // the same process still listens (no crash, no restart), answers, and stayed within its memory
  expect(pidListeningOn(E2E_PORT)).toBe(serverPid);
  expect((await request.get('/api/health')).status()).toBe(200);
  const { rssMiB, peakMiB } = residentMemory(serverPid);
  test.info().annotations.push({
    type: 'server memory',
    description: `resident ${rssMiB.toFixed(0)} MiB, peak ${peakMiB.toFixed(0)} MiB (at the start: ${residentAtStartMiB.toFixed(0)} MiB)`,
  });
  expect(peakMiB).toBeLessThan(MEMORY_LIMIT_MIB);
  expect(peakMiB - residentAtStartMiB).toBeLessThan(MEMORY_GROWTH_LIMIT_MIB);
});

/** Runs the work while asking /api/health again and again; every answer, and whether it came in the meantime. */
async function healthDuring<T>(request: APIRequestContext, work: Promise<T>) {
  let done = false;
  const finished = work.finally(() => {
    done = true;
  });
  const answers: { status: number; ms: number; during: boolean }[] = [];
  while (!done) {
    const started = performance.now();
    const answer = await request.get('/api/health', { timeout: 60_000 });
    answers.push({ status: answer.status(), ms: performance.now() - started, during: !done });
  }
  return { result: await finished, answers };
}

function expectHealthyThroughout(answers: { status: number; ms: number; during: boolean }[]) {
  expect(answers.filter((answer) => answer.during).length).toBeGreaterThan(0);
  expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
  expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(STALL_MS);
}

/** A context without JavaScript, signed in: its forms are what a plain form post sends. */
async function signedInWithoutScripts(browser: import('@playwright/test').Browser, email: string) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL(email === DEMO_ADMIN ? /\/admin$/ : /\/portal$/);
  return { context, page };
}

const textOf = async (response: { text(): Promise<string> }) =>
  (await response.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('[attacker] a reset link mailed for someone else points at the configured site, whatever Host the post named', async ({
  browser,
  baseURL,
}) => {
  const site = new URL(must(baseURL)).origin;
  const inbox = await openInbox();
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/login/glemt');
    await page.getByLabel('E-mailadresse').fill(staffEmail(3));
    const fields = await formFields(page.locator('form').filter({ has: page.getByLabel('E-mailadresse') }));
    const answer = await postForm(context.request, '/login/glemt', fields, { headers: EVIL });
    expect(answer.status()).toBe(200);
    expect(await textOf(answer)).toContain('Hvis e-mailadressen er kendt');
    const link = linkIn(await inbox.next());
    expect(link.origin).toBe(site);
    expect(link.pathname).toMatch(/^\/login\/nulstil\/[A-Za-z0-9_-]{43}$/);
    await context.close();
  } finally {
    await inbox.close();
  }
});

test('[attacker] canonical, hreflang, og:image and redirects name the configured site, not the Host sent', async ({
  request,
  baseURL,
}) => {
  const site = new URL(must(baseURL)).origin;
  // a page rendered for this very request (an organisation no other test opens) and one from the cache
  for (const path of [`/en/klynger/${staffOf(20).slug}`, '/regnskab/2016']) {
    const html = await (await request.get(path, { headers: EVIL })).text();
    const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
    expect(canonical, path).toBe(`${site}${path}`);
    const alternates = [...html.matchAll(/<link rel="alternate" hrefLang="[^"]+" href="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(alternates.length, path).toBeGreaterThan(0);
    for (const href of alternates) expect(href?.startsWith(`${site}/`) || href === site, href).toBe(true);
    expect(html).not.toContain('evil.example');
  }
  const year = await (await request.get('/regnskab/2016', { headers: EVIL })).text();
  expect(year.match(/<meta property="og:image" content="([^"]+)"/)?.[1]).toBe(
    `${site}/regnskab/2016/og-image`,
  );
  // the sign-in redirect of the portal and the refused cross-site /logout
  const portal = await request.get('/portal', { headers: EVIL, maxRedirects: 0 });
  // Next writes a redirect to the server's own origin as a path: either way, never the Host sent
  expect([`${site}/login?callbackUrl=%2Fportal`, '/login?callbackUrl=%2Fportal']).toContain(
    portal.headers().location,
  );
  const logout = await request.get('/en/logout', {
    headers: { ...EVIL, 'sec-fetch-site': 'cross-site' },
    maxRedirects: 0,
  });
  expect(logout.status()).toBe(303);
  expect(logout.headers().location).toBe(`${site}/en/konto`);
});

test('[anyone] the reset form answers before the mail is sent, so a known address takes no longer than an unknown one', async ({
  browser,
}) => {
  // a mail server that does not accept the mail until told to: a reset that sent before answering
  // would not answer at all
  const inbox = await openInbox({ hold: true });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/en/login/glemt');
    await page.getByLabel('Email address').fill(staffEmail(4));
    const fields = await formFields(page.locator('form').filter({ has: page.getByLabel('Email address') }));
    const known = await postForm(context.request, '/en/login/glemt', fields);
    expect(await textOf(known)).toContain('If the email address is known');
    const unknown = await postForm(
      context.request,
      '/en/login/glemt',
      withFields(fields, { email: 'nobody-at-all@example.org' }),
    );
    expect(await textOf(unknown)).toContain('If the email address is known');
    // the mail for the known address is on its way after the answer
    const mail = inbox.next();
    await expect.poll(() => inbox.held()).toBe(1);
    inbox.release();
    expect(linkIn(await mail).pathname).toMatch(/^\/en\/login\/nulstil\//);
    await context.close();
  } finally {
    inbox.release();
    await inbox.close();
  }
});

test('[attacker] a server action posted with a malformed or another site’s Origin gets 400/403, never 500', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/login/glemt');
  await page.getByLabel('E-mailadresse').fill(staffEmail(5));
  const fields = await formFields(page.locator('form').filter({ has: page.getByLabel('E-mailadresse') }));
  const withOrigin = (origin: string, extra: Record<string, string> = {}) =>
    postForm(context.request, '/login/glemt', fields, { headers: { origin, ...extra } });
  for (const origin of ['not a url', 'http://', 'javascript:alert(1)', 'http://[::1']) {
    const answer = await withOrigin(origin);
    expect(answer.status(), origin).toBe(400);
    expect(await textOf(answer)).toContain('ugyldig Origin');
  }
  // as a fetch from the app's own JavaScript would send it, from another site
  const foreign = await withOrigin('https://evil.example', { 'next-action': 'x' });
  expect(foreign.status()).toBe(403);
  expect(await textOf(foreign)).toContain('sendt fra et andet websted');
  expect((await withOrigin(new URL(must(baseURL)).origin)).status()).toBe(200);
  await context.close();
});

test('[staff] a tampered year in the save and upload actions and the company-list download is a message or a 404, never a 500', async ({
  browser,
}) => {
  const { context, page } = await signedInWithoutScripts(browser, staffEmail(6));
  const report = `/portal/${staffOf(6).slug}/${YEAR}`;
  await page.goto(report);
  const save = await formFields(
    page.locator('form').filter({ has: page.locator('input[name="participants"]') }),
  );
  const upload = await formFields(
    page.locator('form').filter({ has: page.locator('input[name="companies"]') }),
  );
  const csv = {
    field: 'companies',
    name: 'liste.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('cvr\n12345674\n'),
  };
  const figures = async () =>
    (await formFields(page.locator('form.submission-form'))).filter(([name]) => !name.startsWith('$'));
  const before = await figures();
  for (const year of ['abc', 'Infinity', '2147483648', '2017.5', '-1', '']) {
    const saved = await postForm(
      context.request,
      report,
      withFields(save, { year, innovation_projects: '7' }),
    );
    expect(saved.status(), `save ${year}`).toBe(200);
    expect(await textOf(saved), `save ${year}`).toContain('Indberetningen findes ikke.');
    const uploaded = await postForm(context.request, report, withFields(upload, { year }), { files: [csv] });
    expect(uploaded.status(), `upload ${year}`).toBe(200);
    expect(await textOf(uploaded), `upload ${year}`).toContain('Indberetningen findes ikke.');
  }
  for (const year of ['abc', '2017.5', '99999999999', 'Infinity', '1e3'])
    expect(
      (await context.request.get(`/api/portal/${staffOf(6).slug}/${year}/companies`)).status(),
      year,
    ).toBe(404);
  expect((await context.request.get(`/api/portal/${staffOf(6).slug}/${YEAR}/companies`)).status()).toBe(200);
  // nothing was saved by any of them
  await page.goto(report);
  expect(await figures()).toEqual(before);
  await context.close();
});

test('[anyone] the link-preview image exists only for published years; any other address is a 404', async ({
  request,
}) => {
  for (const path of [
    '/regnskab/Gratis%20penge/og-image',
    '/regnskab/2017/og-image',
    '/en/regnskab/1999/og-image',
    '/regnskab/20161/og-image',
  ]) {
    const answer = await request.get(path);
    expect(answer.status(), path).toBe(404);
    expect(answer.headers()['content-type'], path).not.toContain('image');
  }
  const image = await request.get('/regnskab/2016/og-image');
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
  expect((await image.body()).subarray(1, 4).toString()).toBe('PNG');
  // drawn once: the second answer is the same picture
  expect((await (await request.get('/regnskab/2016/og-image')).body()).equals(await image.body())).toBe(true);
});

test('[anyone, staff] the bulk import refuses a caller who is not the secretariat before it reads the file', async ({
  browser,
  baseURL,
}) => {
  const admin = await signedInWithoutScripts(browser, DEMO_ADMIN);
  await admin.page.goto('/admin/import');
  const fields = await formFields(admin.page.locator('form#import-check'));
  const file = {
    field: 'file',
    name: 'tal.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: xlsxBomb(),
  };
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const staff = await signedInWithoutScripts(browser, staffEmail(7));
  for (const [who, request] of [
    ['anonymous', anonymous],
    ['staff', staff.context.request],
  ] as const) {
    const answer = await postForm(request, '/admin/import', fields, { files: [file] });
    const text = await textOf(answer);
    expect(text, who).not.toContain('Filen har problemer');
    expect(text, who).not.toContain('pakkes ud');
    if (who === 'staff') expect(text).toContain('Du har ikke adgang til dette.');
  }
  await anonymous.dispose();
  await staff.context.close();
  await admin.context.close();
});

test('[secretariat] an XLSX that unpacks to a million rows is refused at once, while the server keeps answering', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { context, page } = await signedInWithoutScripts(browser, DEMO_ADMIN);
  await page.goto('/admin/import');
  const fields = await formFields(page.locator('form#import-check'));
  const xlsx = (buffer: Buffer) => ({
    field: 'file',
    name: 'tal.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  const bomb = xlsxBomb();
  // a few hundred kilobytes: the probe's was 348 KB
  expect(bomb.length).toBeLessThan(400_000);
  // and two that lie in their headers: a few hundred bytes, and just under the limit
  const liars = [xlsxBomb(1_000_000, { declare: 400 }), xlsxBomb(1_000_000, { declare: 30 * 1024 * 1024 })];
  const { result, answers } = await healthDuring(
    request,
    Promise.all(
      [bomb, ...liars, bomb, ...liars].map((buffer) =>
        postForm(context.request, '/admin/import', fields, { files: [xlsx(buffer)] }),
      ),
    ),
  );
  const refusals = await Promise.all(result.map(textOf));
  for (const [index, text] of refusals.entries()) {
    expect(result[index]?.status()).toBe(200);
    expect(text).toContain(
      index % 3 === 0
        ? 'regnearket fylder mere end 32 MB, når det pakkes ud'
        : 'filen er ikke en gyldig XLSX-fil',
    );
  }
  expectHealthyThroughout(answers);
  // 60,000 honest rows: too many, said so
  const rows = await postForm(context.request, '/admin/import', fields, {
    files: [xlsx(xlsxBomb(60_000))],
  });
  expect(await textOf(rows)).toContain('filen har flere end 50.000 rækker');
  // and a real workbook still goes through (a dry run: nothing is written)
  const good = await postForm(context.request, '/admin/import', withFields(fields, { year: '2016' }), {
    files: [
      xlsx(
        xlsxOf([
          ['organisation', 'indicator', 'value'],
          [staffOf(8).slug, 'innovation_projects', 3],
        ]),
      ),
    ],
  });
  // a clean check writes nothing yet: it leads to the preview of what the import would write
  // (issue 16, item 10)
  expect(good.status()).toBe(303);
  const preview = await page.goto(must(good.headers().location));
  expect(await textOf(must(preview))).toContain('Importen skriver 1 tal for 1 organisation for 2016.');
  await context.close();
});

test('[staff] a 1.6 MB company list of short lines is refused without stalling anyone', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const { context, page } = await signedInWithoutScripts(browser, staffEmail(9));
  const report = `/portal/${staffOf(9).slug}/${YEAR}`;
  await page.goto(report);
  const fields = await formFields(
    page.locator('form').filter({ has: page.locator('input[name="companies"]') }),
  );
  const lines = {
    field: 'companies',
    name: 'liste.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`cvr\n${'1\n'.repeat(800_000)}`),
  };
  expect(lines.buffer.length).toBeGreaterThan(1_600_000);
  const { result, answers } = await healthDuring(
    request,
    Promise.all([0, 1, 2].map(() => postForm(context.request, report, fields, { files: [lines] }))),
  );
  for (const answer of result) {
    expect(answer.status()).toBe(200);
    expect(await textOf(answer)).toContain(
      'Filen har 800.000 rækker; højst 20.000 virksomheder kan indlæses.',
    );
  }
  expectHealthyThroughout(answers);
  await context.close();
});

test('[staff] changing the password ends the other sessions and keeps this one', async ({ browser }) => {
  const email = staffEmail(10);
  const here = await (await browser.newContext()).newPage();
  const there = await (await browser.newContext()).newPage();
  await signIn(here, email);
  await signIn(there, email);
  await expect(here).toHaveURL(/\/portal$/);
  await expect(there).toHaveURL(/\/portal$/);
  await here.goto('/konto');
  await here.getByLabel('Nuværende adgangskode').fill(DEMO_PASSWORD);
  await here.getByLabel('Ny adgangskode').fill('en helt ny og lang adgangskode');
  await here.getByLabel('Gentag den nye adgangskode').fill('en helt ny og lang adgangskode');
  await here.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(here.getByText('Din adgangskode er skiftet')).toBeVisible();
  // this device carries on
  await here.goto('/portal');
  await expect(here).toHaveURL(/\/portal$/);
  await here.goto('/konto');
  await expect(here).toHaveURL(/\/konto$/);
  // the other is signed out
  await there.goto('/portal');
  await expect(there).toHaveURL(/\/login\?callbackUrl=/);
  await here.context().close();
  await there.context().close();
});

test('[attacker] a copy of the pending second-factor cookie works once; two sign-ins get two session tokens', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('E-mailadresse').fill(DEMO_ADMIN);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  const codeField = page.getByLabel('Kode fra din godkendelsesapp');
  await expect(codeField).toBeVisible();
  const secondStep = await formFields(page.locator('form').filter({ has: codeField }));
  const pending = must(
    (await context.cookies()).find((cookie) => cookie.name === 'kr-pending-second-factor'),
  );
  expect(pending).toBeDefined();
  await codeField.fill(await freshTotpCode(DEMO_ADMIN_TOTP_SECRET));
  await page.getByRole('button', { name: 'Bekræft' }).click();
  await page.waitForURL(/\/admin$/);
  const firstToken = (await context.cookies()).find(
    (cookie) => cookie.name === 'authjs.session-token',
  )?.value;

  // the copy, with a fresh valid code, from elsewhere
  const attacker = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `${pending.name}=${pending.value}` },
  });
  const replay = await postForm(
    attacker,
    '/login',
    withFields(secondStep, { code: await freshTotpCode(DEMO_ADMIN_TOTP_SECRET) }),
  );
  expect(await textOf(replay)).toContain('Det tog for lang tid. Log ind igen.');
  expect(replay.headers()['set-cookie'] ?? '').not.toContain('authjs.session-token=ey');
  await attacker.dispose();

  // a second sign-in of the same person within the minute: another token
  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await signIn(secondPage, DEMO_ADMIN);
  await secondPage.waitForURL(/\/admin$/);
  const secondToken = (await second.cookies()).find(
    (cookie) => cookie.name === 'authjs.session-token',
  )?.value;
  expect(secondToken).not.toBe(firstToken);
  await second.close();
  await context.close();
});

// last: it gets this machine's address (every test's) throttled for the rest of the run
test('[attacker] the sign-in throttle counts the socket’s address, whatever X-Forwarded-For claims', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page: Page = await context.newPage();
  await page.goto('/login');
  const fields = await formFields(page.locator('form').filter({ has: page.getByLabel('Adgangskode') }));
  const answers: string[] = [];
  // the probe: each failure from a "different" address and for a different email, so neither the
  // per-email counter nor a per-claimed-address counter ever fills up
  for (let n = 1; n <= 24; n++) {
    const answer = await postForm(
      context.request,
      '/login',
      withFields(fields, { email: `probe-${n}@example.org`, password: 'wrong password' }),
      { headers: { 'x-forwarded-for': `203.0.113.${n}`, 'x-real-ip': `203.0.113.${n}` } },
    );
    answers.push(await textOf(answer));
  }
  const throttled = answers.filter((text) => text.includes('For mange forkerte forsøg'));
  expect(throttled.length).toBeGreaterThan(0);
  // the first twenty are plain failures: the address's counter only slows down after those
  expect(
    answers.slice(0, 20).every((text) => text.includes('E-mailadressen eller adgangskoden er forkert')),
  ).toBe(true);
  await context.close();
});
