// Shared steps for end-to-end tests: sign in through the real form, check a page with axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

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
