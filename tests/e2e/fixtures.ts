// The journeys' building blocks as Playwright fixtures: `signIn` signs a person in through the
// real form (the demo admin with the second factor too), `portalForm` opens an organisation's
// entry form as its staff. A journey test then reads like the journey.
import { test as base, expect, type Page } from '@playwright/test';
import { signIn as signInThroughForm } from './helpers';
import { PortalForm } from './pages/portal-form';

export { expect };

/** The demo staff login of an organisation (every demo organisation has one). */
export const staffOf = (slug: string) => `${slug}@example.org`;

export interface Options {
  /**
   * The entry form asks before leaving with unsaved figures (beforeunload, and a confirm on links).
   * 'leave' (the default) answers yes, as a person who means to leave does, so a journey that
   * moves on is not held up; 'ask' leaves the dialogs to the test (tests/e2e/round-staff.spec.ts).
   */
  leaving: 'leave' | 'ask';
}

export interface Journeys {
  /** signs `email` in on `page` (default: the test's page) and waits for the landing page */
  signIn: (
    email: string,
    options?: { page?: Page; password?: string; locale?: 'da' | 'en' },
  ) => Promise<void>;
  /** signs the organisation's staff in and opens its entry form for the open year */
  portalForm: (slug: string, options?: { page?: Page }) => Promise<PortalForm>;
}

export const test = base.extend<Journeys & Options>({
  leaving: ['leave', { option: true }],
  page: async ({ page, leaving }, use) => {
    if (leaving === 'leave')
      page.on('dialog', (dialog) =>
        dialog.type() === 'beforeunload' || dialog.type() === 'confirm' ? dialog.accept() : dialog.dismiss(),
      );
    await use(page);
  },
  signIn: async ({ page }, use) => {
    await use((email, options = {}) =>
      signInThroughForm(options.page ?? page, email, options.password, options.locale),
    );
  },
  portalForm: async ({ page }, use) => {
    await use(async (slug, options = {}) => {
      const on = options.page ?? page;
      await signInThroughForm(on, staffOf(slug));
      await expect(on).toHaveURL(/\/portal$/);
      const form = new PortalForm(on, slug);
      await form.open();
      await expect(on.getByRole('heading', { level: 1 })).toContainText(String(form.year));
      return form;
    });
  },
});
