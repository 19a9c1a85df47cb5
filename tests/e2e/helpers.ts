// Shared steps for end-to-end tests: sign in through the real form (tests/e2e/fixtures.ts and
// pages/ hold the journeys' fixtures and page objects), check a page with axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { createGuardrails, generate } from 'otplib';
import { SignInPage } from './pages/sign-in';
import { freshTotpStep } from '../helpers/totp-steps';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_ADMIN = 'admin@example.org';
export const DEMO_ADMIN_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

/** Signs in through the real form; the demo admin enters the second factor's code too. */
export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  locale: 'da' | 'en' = 'da',
) {
  const form = new SignInPage(page, locale);
  await form.open();
  await form.signInWith(email, password);
  // the demo admin has a second factor: the form asks for the code in a second step
  if (email === DEMO_ADMIN) await form.enterCode(await freshTotpCode(DEMO_ADMIN_TOTP_SECRET));
}

/** The current six-digit code for a base32 secret (10-byte demo secrets allowed). */
export function totpCode(secret: string, epochSeconds = Math.floor(Date.now() / 1000)): Promise<string> {
  return generate({ secret, epoch: epochSeconds, guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }) });
}

// The server accepts each TOTP time step once per user (a code cannot be replayed) and one step of
// drift either way. So that several sign-ins of one user within 30 seconds each get a fresh code,
// use the earliest step after the last one used that stays accepted while it is typed
// (tests/helpers/totp-steps.ts); wait for the next step only when none is left.
export async function freshTotpCode(secret: string): Promise<string> {
  return totpCode(secret, (await freshTotpStep(secret)) * 30 + 15);
}

export async function enterTotpCode(page: Page, secret: string, locale: 'da' | 'en' = 'da') {
  await new SignInPage(page, locale).enterCode(await freshTotpCode(secret));
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
