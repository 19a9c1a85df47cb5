// The secretariat's review page of one submission, as the secretariat uses it: flag a value with a
// note, return with a remark, read the conversation and write in it.
import { expect, type Locator, type Page } from '@playwright/test';

const TEXT = {
  da: {
    flag: 'Markér',
    note: (label: string) => `Note til markering af ${label}`,
    remark: 'Bemærkning til organisationen',
    return: 'Send retur med bemærkning',
    write: 'Besked til organisationen',
    send: 'Send besked',
  },
  en: {
    flag: 'Flag',
    note: (label: string) => `Note flagging ${label}`,
    remark: 'Remark to the organisation',
    return: 'Return with a remark',
    write: 'Message to the organisation',
    send: 'Send message',
  },
} as const;

export class ReviewPage {
  readonly text: (typeof TEXT)['da' | 'en'];

  constructor(
    readonly page: Page,
    readonly slug: string,
    readonly year = 2017,
    readonly locale: 'da' | 'en' = 'da',
  ) {
    this.text = TEXT[locale];
  }

  /** From the round overview, the organisation's row's link. */
  async open() {
    await this.page.goto(`${this.locale === 'en' ? '/en' : ''}/admin?year=${this.year}`);
    await this.page.getByTestId(`round-${this.slug}`).getByRole('link').first().click();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(String(this.year));
  }

  async flag(key: string, label: string, note: string) {
    const form = this.page.locator(`form#flag-${key}`);
    await form.getByLabel(this.text.note(label)).fill(note);
    await form.getByRole('button', { name: this.text.flag }).click();
  }

  async returnWith(remark: string) {
    const form = this.page.locator('form#return');
    await form.getByLabel(this.text.remark).fill(remark);
    await form.getByRole('button', { name: this.text.return }).click();
  }

  /** A thread of the conversation: a value's (by key) or the report's as a whole (''). */
  thread(key: string): Locator {
    return this.page.getByTestId(`thread-${key || 'submission'}`);
  }

  async write(key: string, text: string) {
    const thread = this.thread(key);
    await thread.getByLabel(new RegExp(`^${this.text.write}`)).fill(text);
    await thread.getByRole('button', { name: this.text.send }).click();
  }

  get warnings(): Locator {
    return this.page.getByTestId('warnings');
  }
}
