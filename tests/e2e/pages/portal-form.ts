// The portal's entry form for one organisation and year, as staff use it: the figures, the
// company list, saving and submitting, and what the page says back.
import type { Locator, Page } from '@playwright/test';

export class PortalForm {
  constructor(
    readonly page: Page,
    readonly slug: string,
    readonly year = 2017,
    readonly locale: 'da' | 'en' = 'da',
  ) {}

  get path(): string {
    return `${this.locale === 'en' ? '/en' : ''}/portal/${this.slug}/${this.year}`;
  }

  async open(query = '') {
    return this.page.goto(`${this.path}${query}`);
  }

  /** An indicator's number field, by its key (`participants`, `new_ideas` …). */
  field(key: string): Locator {
    return this.page.locator(`#field-${key}`);
  }

  /** A figure as the read-only report shows it, formatted ("2.400.000 kr."). */
  figure(key: string): Locator {
    return this.page.getByTestId(`figure-${key}`);
  }

  /** The error shown under an indicator's field. */
  errorOf(key: string): Locator {
    return this.page.locator(`#error-${key}`);
  }

  /** A field by its label, the way a person finds it. */
  labelled(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Last year's published figure printed beside a field ("Sidste år: 1.234"). */
  async lastYear(key: string): Promise<number> {
    const text = (await this.page.locator(`#last-${key}`).textContent()) ?? '';
    return Number(text.replace(/\D/g, ''));
  }

  async fill(figures: Record<string, string | number>) {
    for (const [key, value] of Object.entries(figures)) await this.field(key).fill(String(value));
  }

  async saveDraft() {
    await this.page.getByRole('button', { name: this.locale === 'en' ? 'Save draft' : 'Gem kladde' }).click();
  }

  async submit() {
    await this.page.getByRole('button', { name: this.locale === 'en' ? 'Submit' : 'Indsend' }).click();
  }

  /** What the form says after a save: saved, submitted, or the problems. */
  get summary(): Locator {
    return this.page.getByTestId('form-summary');
  }

  get state(): Locator {
    return this.page.getByTestId('submission-state');
  }

  get readOnlyNote(): Locator {
    return this.page.getByTestId('read-only-note');
  }

  get timeline(): Locator {
    return this.page.getByTestId('timeline');
  }

  /** Picks a company list (its name and text) and loads it. */
  async uploadCompanyList(name: string, content: string | Buffer) {
    await this.page
      .getByLabel(this.locale === 'en' ? 'CSV file of companies' : 'CSV-fil med virksomheder')
      .setInputFiles({
        name,
        mimeType: name.endsWith('.xlsx')
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv',
        buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
      });
    await this.page
      .getByRole('button', { name: this.locale === 'en' ? 'Load company list' : 'Indlæs virksomhedsliste' })
      .click();
  }

  /** What the upload says back. */
  get uploadSummary(): Locator {
    return this.page.getByTestId('upload-summary');
  }

  /** The current list's summary above the upload. */
  get companyList(): Locator {
    return this.page.getByTestId('company-list-summary');
  }

  /** The secretariat's thread about a value (by key) or the report as a whole (''). */
  thread(key: string): Locator {
    return this.page.getByTestId(`thread-${key || 'submission'}`);
  }

  /** Answers the secretariat in a thread. */
  async answer(key: string, text: string) {
    const thread = this.thread(key);
    await thread.getByLabel(new RegExp(`^${this.locale === 'en' ? 'Your answer' : 'Jeres svar'}`)).fill(text);
    await thread.getByRole('button', { name: this.locale === 'en' ? 'Send answer' : 'Send svar' }).click();
  }

  /** The secretariat's open question beside a value's field. */
  question(key: string): Locator {
    return this.page.getByTestId(`question-${key}`);
  }

  /** The notice of unsaved typing put back into the form. */
  get keptDraft(): Locator {
    return this.page.getByTestId('kept-draft');
  }

  /** Whether what is typed is kept (beside the buttons). */
  get keptStatus(): Locator {
    return this.page.getByTestId('kept-status');
  }

  /** A company figure computed from the list. */
  derived(key: string): Locator {
    return this.page.getByTestId(`derived-${key}`);
  }
}
