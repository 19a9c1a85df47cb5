'use server';
// The portal's forms (lib/submissions/save.ts through lib/actions/form.ts): the figures, and the
// company list. Both work with or without JavaScript in the browser.
import { revalidatePath } from 'next/cache';
import { type Done, type FormFields, formAction } from '@/lib/actions/form';
import type { Locale } from '@/lib/format';
import { invalid } from '@/lib/result';
import { discardKeptDraft, keepDraft } from './kept-drafts';
import { companyFileSizeProblem, isZipArchive } from './rules';
import { csvProblemMessages, saveSubmission, uploadCompanyList } from './save';

export interface SubmissionData {
  outcome: 'saved' | 'submitted' | 'uploaded';
  /** the submission's version now: the form posts it with the next change */
  version: number;
  /** companies on the list just loaded */
  rows?: number;
}

/** The fields every portal form posts besides its own: whose report, which year, at which version. */
const REFERENCE = ['locale', 'orgSlug', 'year', 'version'] as const;

function reference(fields: FormFields, locale: Locale) {
  const { orgSlug, year, version } = fields;
  return { orgSlug, year, version, locale };
}

function refresh(_value: unknown, fields: FormFields, locale: Locale) {
  revalidatePath(`/${locale}/portal`);
  revalidatePath(`/${locale}/portal/${fields.orgSlug}/${fields.year}`);
}

export const saveSubmissionAction = formAction(saveSubmission, {
  input: (fields, locale) => {
    const typed: Record<string, string> = {};
    for (const [name, value] of Object.entries(fields))
      if (typeof value === 'string' && !(REFERENCE as readonly string[]).includes(name) && name !== 'intent')
        typed[name] = value;
    return { ...reference(fields, locale), intent: fields.intent, fields: typed };
  },
  refresh,
  // the typed figures stay in the form, as saved
  keepValues: true,
  done: ({ submission }, { fields }): Done<SubmissionData> => ({
    data: { outcome: fields.intent === 'submit' ? 'submitted' : 'saved', version: submission.version },
  }),
});

export const uploadCompanyListAction = formAction(uploadCompanyList, {
  input: async (fields, locale) => {
    const file = fields.companies;
    if (!(file instanceof File) || file.size === 0)
      return invalid('portal.messages.noFile', { companies: ['portal.messages.noFile'] });
    // refused by its size before the file is read into memory (the form checks it too, in the browser)
    const tooLarge = companyFileSizeProblem(file.size);
    if (tooLarge)
      return invalid('portal.messages.csvInvalid', { companies: csvProblemMessages([tooLarge], locale) });
    const bytes = new Uint8Array(await file.arrayBuffer());
    // an Excel workbook is a ZIP archive: read as one, whatever its name says (and a CSV as text)
    const content = isZipArchive(bytes) ? { xlsx: bytes } : { csv: new TextDecoder('utf-8').decode(bytes) };
    return { ...reference(fields, locale), ...content, filename: file.name };
  },
  refresh,
  done: ({ submission, rows }): Done<SubmissionData> => ({
    data: { outcome: 'uploaded', version: submission.version, rows },
  }),
});

/** A form field holding JSON (the kept draft's fields, posted by the form's script). */
function jsonField(value: FormFields[string] | undefined): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** Posted by the entry form while its user types (with JavaScript): nothing on the page changes. */
export const keepDraftAction = formAction(keepDraft, {
  input: (fields, locale) => ({
    ...reference(fields, locale),
    typed: jsonField(fields.typed),
    opened: jsonField(fields.opened),
  }),
});

/** Throws the kept draft away; the form then shows the report as saved. */
export const discardKeptDraftAction = formAction(discardKeptDraft, { refresh });
