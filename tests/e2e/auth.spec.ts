// Signing in and out through the real forms in Chromium, the second factor, account pages with
// axe, the security headers, and a server action replayed with a cookie from before sign-out.
import { must } from '../helpers/must';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { demoOrganisations } from '@/db/seed/demo-data';
import {
  cookieHeader,
  DEMO_ADMIN,
  DEMO_ADMIN_TOTP_SECRET,
  DEMO_PASSWORD,
  enterTotpCode,
  expectNoAxeViolations,
  freshTotpCode,
  signIn,
} from './helpers';
import { linkIn, openInbox } from './mail';
import { SignInPage } from './pages/sign-in';

// organisations from the end of the list: other specs use the first ones, and these tests change
// their users (a second factor enrolled, sessions ended)
const organisations = demoOrganisations();
const staff = (index: number) => `${must(organisations[organisations.length - 1 - index]).slug}@example.org`;

test('the demo admin signs in with a TOTP code in a second step, and signs out', async ({ page }) => {
  await page.goto('/konto');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fkonto$/);
  await expectNoAxeViolations(page);
  const signIn = new SignInPage(page);
  await signIn.signInWith(DEMO_ADMIN, DEMO_PASSWORD);
  await expect(signIn.code).toBeVisible();
  await expectNoAxeViolations(page);

  // a wrong code is refused with the message under the field
  await signIn.enterCode('000000');
  await expect(page.locator('#code-error')).toHaveText('Koden er forkert eller udløbet.');
  await expect(signIn.code).toHaveAttribute('aria-describedby', 'code-hint code-error');
  await expectNoAxeViolations(page);

  await signIn.enterCode(await freshTotpCode(DEMO_ADMIN_TOTP_SECRET));
  await expect(page).toHaveURL(/\/konto$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Min konto');
  await expect(page.getByText('Totrinsbekræftelse er slået til.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Log ud på denne enhed' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/konto');
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
});

test('a wrong password and an unknown email get the same answer, linked from the summary', async ({
  page,
}) => {
  const signIn = new SignInPage(page, 'en');
  for (const email of [staff(1), 'nobody@example.org']) {
    await signIn.open();
    await signIn.signInWith(email, 'wrong-password');
    await expect(page.locator('#email-error')).toHaveText('The email address or password is wrong.');
    await expect(signIn.problems.getByRole('link')).toHaveAttribute('href', '#email');
  }
  await expectNoAxeViolations(page);
});

test('staff enrol an authenticator: QR code, confirmation code, recovery codes', async ({ page }) => {
  await signIn(page, staff(2));
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto('/en/konto');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByRole('img', { name: 'QR code for the authenticator app' })).toBeVisible();
  const secret = must(await page.getByTestId('totp-secret').textContent()).trim();
  await expectNoAxeViolations(page);
  await page.getByLabel('Code from the authenticator app').fill('123456');
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await expect(page.locator('#totp-code-error')).toHaveText('The code is wrong or has expired.');
  await page.getByLabel('Code from the authenticator app').fill(await freshTotpCode(secret));
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  await expectNoAxeViolations(page);

  // from now on this staff member is asked for a code too
  await page.goto('/logout');
  await signIn(page, staff(2));
  await enterTotpCode(page, secret);
  await expect(page).toHaveURL(/\/portal$/);
});

test('the password pages: asking for a reset link, and a link that does not work', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Har du glemt din adgangskode?' }).click();
  await expect(page).toHaveURL(/\/login\/glemt$/);
  await expectNoAxeViolations(page);
  await page.getByLabel('E-mailadresse').fill('not an email');
  await page.getByRole('button', { name: 'Send link' }).click();
  await expect(page.locator('#reset-email-error')).toHaveText('Skriv en gyldig e-mailadresse.');
  await expectNoAxeViolations(page);
  await page.getByLabel('E-mailadresse').fill(staff(3));
  await page.getByRole('button', { name: 'Send link' }).click();
  await expect(page.getByRole('status')).toContainText('Hvis e-mailadressen er kendt');

  await page.goto('/invitation/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  await expect(page.getByTestId('link-invalid')).toHaveText(
    'Linket er ugyldigt, allerede brugt eller udløbet.',
  );
  await expectNoAxeViolations(page);
  await page.goto('/en/login/nulstil/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  await expect(page.getByTestId('link-invalid')).toHaveText('The link is invalid, already used or expired.');
  await expectNoAxeViolations(page);
});

test('a server action replayed with the cookie from before sign-out changes nothing', async ({
  page,
  baseURL,
}) => {
  const email = staff(4);
  await signIn(page, email);
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto('/konto');
  // capture the change-password post without letting it through
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
  await page.route('**/konto', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    captured = {
      url: route.request().url(),
      headers: await route.request().allHeaders(),
      body: must(route.request().postDataBuffer()),
    };
    await route.abort();
  });
  await page.getByLabel('Nuværende adgangskode').fill(DEMO_PASSWORD);
  await page.getByLabel('Ny adgangskode').fill('en helt ny og lang adgangskode');
  await page.getByLabel('Gentag den nye adgangskode').fill('en helt ny og lang adgangskode');
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect.poll(() => captured !== null).toBe(true);
  const oldCookie = await cookieHeader(page);
  await page.unroute('**/konto');
  await page.goto('/logout');

  const attacker = await playwrightRequest.newContext({ baseURL });
  // set in the route handler above, which TypeScript's flow analysis does not see
  const request = must(captured as { url: string; headers: Record<string, string>; body: Buffer } | null);
  const { host: _host, 'content-length': _length, cookie: _cookie, ...headers } = request.headers;
  const replay = await attacker.post(request.url, {
    headers: { ...headers, cookie: oldCookie },
    data: request.body,
    maxRedirects: 0,
  });
  expect(await replay.text()).not.toContain('Din adgangskode er skiftet');
  await attacker.dispose();
  // the old password still works, the new one does not
  await signIn(page, email, 'en helt ny og lang adgangskode');
  await expect(page.locator('#email-error')).toBeVisible();
  await signIn(page, email);
  await expect(page).toHaveURL(/\/portal$/);
});

test('another site cannot sign a user out: /logout from a cross-site request changes nothing', async ({
  page,
  baseURL,
}) => {
  await signIn(page, staff(4));
  await expect(page).toHaveURL(/\/portal$/);
  // what an <img src="https://…/logout"> on another site sends, with the user's cookie
  const crossSite = await page.request.get('/logout', {
    headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-dest': 'image' },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(303);
  // sent to the account page on the configured origin (SITE_URL), not to the server's own address
  expect(crossSite.headers().location).toBe(`${new URL(must(baseURL)).origin}/konto`);
  await page.goto('/konto');
  await expect(page).toHaveURL(/\/konto$/);
  await expect(page.getByRole('link', { name: 'Log ud' })).toBeVisible();
  // the person's own click on the link does sign out
  await page.getByRole('link', { name: 'Log ud' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/konto');
  await expect(page).toHaveURL(/\/login/);
});

test('security headers: a nonce on every page — per request, or per render for the cached public pages', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      violations.push(message.text());
  });
  const login = await page.goto('/login');
  const loginPolicy = must(must(login).headers()['content-security-policy']);
  expect(loginPolicy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(loginPolicy).toContain("frame-ancestors 'none'");
  expect(must(login).headers()['x-content-type-options']).toBe('nosniff');
  expect(must(login).headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(must(login).headers()['x-frame-options']).toBe('DENY');
  // every script of the page carries that request's nonce (browsers hide it from the DOM, so read the HTML)
  const raw = await page.request.get('/login');
  const nonce = must(must(must(raw.headers()['content-security-policy']).match(/'nonce-([^']+)'/))[1]);
  expect(loginPolicy).not.toContain(nonce);
  const scripts = (await raw.text()).match(/<script[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  // and the page hydrates under the policy: the form answers in place, without a reload
  await page.getByLabel('E-mailadresse').fill('x@example.org');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.locator('#password-error')).toHaveText('Skriv både e-mailadresse og adgangskode.');

  // public pages are rendered once and cached: their policy names the nonce the cached HTML was
  // rendered with (lib/request-hooks.ts), the same on every request, and no script runs inline
  // without it — no 'unsafe-inline'
  for (const path of ['/', '/en/regnskab/2016', '/klynger', '/embed/da/trend']) {
    // twice: from the cache the second time (or a fresh render, when the first one expired it)
    for (const answer of [await page.request.get(path), await page.request.get(path)]) {
      const policy = must(answer.headers()['content-security-policy']);
      expect(policy, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      const pageNonce = policy.match(/script-src 'self' 'nonce-([^']+)' 'strict-dynamic'/)?.[1];
      expect(pageNonce, path).toBeTruthy();
      // a JSON-LD data block is never executed, so the policy does not govern it and it needs no nonce
      const tags = ((await answer.text()).match(/<script[^>]*>/g) ?? []).filter(
        (tag) => !tag.includes('type="application/ld+json"'),
      );
      expect(tags.length, path).toBeGreaterThan(0);
      expect(
        tags.filter((tag) => !tag.includes(`nonce="${pageNonce}"`)),
        path,
      ).toEqual([]);
    }
  }
  // a client that sends its own policy does not choose the nonce a page is rendered with
  const chosen = await page.request.get('/en/om', {
    headers: { 'content-security-policy': "script-src 'nonce-chosenbytheclient'" },
  });
  expect(await chosen.text()).not.toContain('chosenbytheclient');
  // and the public pages hydrate under it: a link is followed by the client router, not a reload
  const home = await page.goto('/');
  expect(must(home).headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await page.evaluate(() => {
    (window as unknown as { stayed: boolean }).stayed = true;
  });
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Om regnskabet' })
    .click();
  await expect(page).toHaveURL(/\/om$/);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(violations).toEqual([]);
});

test('a password reset mailed through SMTP: follow the link, a common password is refused, a good one works', async ({
  page,
}) => {
  const email = staff(5);
  const inbox = await openInbox();
  try {
    await page.goto('/en/login/glemt');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send link' }).click();
    await expect(page.getByRole('status')).toContainText('If the email address is known');
    const link = linkIn(await inbox.next());
    expect(link.pathname).toMatch(/^\/en\/login\/nulstil\/[A-Za-z0-9_-]{43}$/);

    await page.goto(link.pathname);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
    await page.getByLabel('New password').fill('qwertyuiop123');
    await page.getByLabel('Repeat the password').fill('qwertyuiop123');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page.locator('#set-password-password-error')).toHaveText(
      'The password is too common. Choose one that is harder to guess.',
    );
    await expect(page.getByLabel('New password')).toHaveAttribute(
      'aria-describedby',
      'set-password-password-hint set-password-password-error',
    );
    await expectNoAxeViolations(page);
    await page.getByLabel('New password').fill('syv søde sommerfugle');
    await page.getByLabel('Repeat the password').fill('syv søde sommerfugle');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page).toHaveURL(/\/en\/login\?passwordSet=1$/);
    await expect(page.getByRole('status')).toHaveText('Your password is saved. Sign in with it now.');

    // the link worked once
    await page.goto(link.pathname);
    await expect(page.getByTestId('link-invalid')).toBeVisible();
    await signIn(page, email, 'syv søde sommerfugle');
    await expect(page).toHaveURL(/\/portal$/);
  } finally {
    await inbox.close();
  }
});

test('"sign out everywhere" (a stateful form since it can report a database outage) ends every session', async ({
  browser,
}) => {
  const email = staff(6);
  const first = await browser.newContext();
  const second = await browser.newContext();
  const here = await first.newPage();
  const there = await second.newPage();
  await signIn(here, email);
  await signIn(there, email);
  await here.goto('/konto');
  await expectNoAxeViolations(here);
  await here.getByRole('button', { name: 'Log ud overalt' }).click();
  await expect(here).toHaveURL(/\/login$/);
  await there.goto('/konto');
  await expect(there).toHaveURL(/\/login\?callbackUrl=/);
  await first.close();
  await second.close();
});
