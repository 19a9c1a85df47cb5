// The sign-in page as a person uses it: email and password, then — for a second factor — the code.
import type { Locator, Page } from '@playwright/test';

const TEXT = {
  da: {
    path: '/login',
    email: 'E-mailadresse',
    password: 'Adgangskode',
    submit: 'Log ind',
    code: 'Kode fra din godkendelsesapp',
    verify: 'Bekræft',
  },
  en: {
    path: '/en/login',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    code: 'Code from your authenticator app',
    verify: 'Verify',
  },
} as const;

export class SignInPage {
  readonly text: (typeof TEXT)['da' | 'en'];

  constructor(
    readonly page: Page,
    readonly locale: 'da' | 'en' = 'da',
  ) {
    this.text = TEXT[locale];
  }

  async open() {
    await this.page.goto(this.text.path);
  }

  get email(): Locator {
    return this.page.getByLabel(this.text.email);
  }

  get password(): Locator {
    return this.page.getByLabel(this.text.password);
  }

  get code(): Locator {
    return this.page.getByLabel(this.text.code);
  }

  /** The error summary at the top of the form. */
  get problems(): Locator {
    return this.page.getByRole('alert');
  }

  /** Types the email and password and signs in (the second step, if any, is `enterCode`). */
  async signInWith(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.page.getByRole('button', { name: this.text.submit }).click();
  }

  async enterCode(code: string) {
    await this.code.fill(code);
    await this.page.getByRole('button', { name: this.text.verify }).click();
  }
}
