// Shared steps for end-to-end tests: sign in through the real form, check a page with axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { createGuardrails, generate } from 'otplib';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_ADMIN = 'admin@example.org';
export const DEMO_ADMIN_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  locale: 'da' | 'en' = 'da',
) {
  await page.goto(locale === 'en' ? '/en/login' : '/login');
  await page.getByLabel(locale === 'en' ? 'Email address' : 'E-mailadresse').fill(email);
  await page.getByLabel(locale === 'en' ? 'Password' : 'Adgangskode').fill(password);
  await page.getByRole('button', { name: locale === 'en' ? 'Sign in' : 'Log ind' }).click();
  // the demo admin has a second factor: the form asks for the code in a second step
  if (email === DEMO_ADMIN) await enterTotpCode(page, DEMO_ADMIN_TOTP_SECRET, locale);
}

/** The current six-digit code for a base32 secret (10-byte demo secrets allowed). */
export function totpCode(secret: string, epochSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  return generate({ secret, epoch: epochSeconds, guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
}

// The server accepts each TOTP time step once per user (a code cannot be replayed) and one step of
// drift either way. So that several sign-ins of one user within 30 seconds each get a fresh code,
// use the earliest still-accepted step after the last one used; wait for the next step only when
// all three have been used.
const lastStepUsed = new Map<string, number>();
export async function freshTotpCode(secret: string): Promise<string> {
  for (;;) {
    const step = Math.floor(Date.now() / 30_000);
    const candidate = Math.max(step - 1, (lastStepUsed.get(secret) ?? -Infinity) + 1);
    if (candidate <= step + 1) {
      lastStepUsed.set(secret, candidate);
      return totpCode(secret, candidate * 30 + 15);
    }
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * 30_000 - Date.now() + 50));
  }
}

export async function enterTotpCode(page: Page, secret: string, locale: 'da' | 'en' = 'da') {
  const field = page.getByLabel(
    locale === 'en' ? 'Code from your authenticator app' : 'Kode fra din godkendelsesapp',
  );
  await field.fill(await freshTotpCode(secret));
  await page.getByRole('button', { name: locale === 'en' ? 'Verify' : 'Bekræft' }).click();
}

/** The session cookie of a page's browser context, as a Cookie header. */
export async function cookieHeader(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** Fails with the list of WCAG 2.1 A/AA violations axe finds on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
  expect(summary).toEqual([]);
}
