'use server';
// Thin server actions: resolve the actor, call the core function, revalidate, return state the
// form renders (with or without client JavaScript).
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { getActor } from '@/lib/auth/session';
import { withDatabaseAvailability } from '@/lib/database-unavailable';
import { isLocale, type Locale } from '@/lib/format';
import { submissionMessages } from './messages';
import { companyFileSizeProblem } from './rules';
import { describeCsvProblems, saveSubmission, uploadCompanyList } from './save';

export interface SubmissionFormState {
  status: 'idle' | 'saved' | 'submitted' | 'uploaded' | 'invalid' | 'conflict' | 'forbidden' | 'error';
  message?: string;
  fieldErrors?: Record<string, string[]>;
  conflictChanges?: string[];
  /** what the user posted, so a refused form shows it again */
  fields?: Record<string, string>;
  version?: number;
  rows?: number;
}

function common(formData: FormData) {
  const locale: Locale = isLocale(formData.get('locale')) ? (formData.get('locale') as Locale) : 'da';
  const orgSlug = String(formData.get('orgSlug') ?? '');
  const year = Number(formData.get('year'));
  const version = Number(formData.get('version'));
  return { locale, orgSlug, year, version: Number.isInteger(version) && version >= 0 ? version : -1 };
}

function revalidate(locale: Locale, orgSlug: string, year: number) {
  revalidatePath(`/${locale}/portal`);
  revalidatePath(`/${locale}/portal/${orgSlug}/${year}`);
}

export async function saveSubmissionAction(
  _previous: SubmissionFormState,
  formData: FormData,
): Promise<SubmissionFormState> {
  const { locale, orgSlug, year, version } = common(formData);
  const intent = formData.get('intent') === 'submit' ? 'submit' : 'draft';
  const fields: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (
      typeof value === 'string' &&
      !name.startsWith('$') &&
      !['locale', 'orgSlug', 'year', 'version', 'intent'].includes(name)
    )
      fields[name] = value;
  }
  const messages = submissionMessages(locale);
  // a lost database connection is the typed `unavailable` failure ("nothing was saved, try
  // again"), shown in the form with what the user typed, not an error page
  const result = await withDatabaseAvailability(locale, async () =>
    saveSubmission(await getDb(), await getActor(), {
      orgSlug,
      year,
      version,
      intent,
      fields,
      locale,
      messages,
    }),
  );
  if (result.ok) {
    revalidate(locale, orgSlug, year);
    return {
      status: intent === 'submit' ? 'submitted' : 'saved',
      version: result.value.submission.version,
      fields,
    };
  }
  switch (result.kind) {
    case 'invalid':
      return { status: 'invalid', message: result.message, fieldErrors: result.fieldErrors, fields, version };
    case 'conflict':
      return {
        status: 'conflict',
        message: result.message,
        conflictChanges: (result.details as { changes?: string[] } | undefined)?.changes ?? [],
        fields,
        version,
      };
    case 'forbidden':
      return { status: 'forbidden' };
    default:
      return { status: 'error', message: result.message, fields, version };
  }
}

export async function uploadCompanyListAction(
  _previous: SubmissionFormState,
  formData: FormData,
): Promise<SubmissionFormState> {
  const { locale, orgSlug, year, version } = common(formData);
  const messages = submissionMessages(locale);
  const file = formData.get('companies');
  if (!(file instanceof File) || file.size === 0)
    return {
      status: 'invalid',
      message: messages.text.noFile,
      fieldErrors: { companies: [messages.text.noFile] },
    };
  // refused by its size before the file is read into memory (the form checks it too, in the browser)
  const tooLarge = companyFileSizeProblem(file.size);
  if (tooLarge)
    return {
      status: 'invalid',
      message: messages.text.csvInvalid,
      fieldErrors: { companies: describeCsvProblems([tooLarge], messages, locale) },
    };
  const csv = new TextDecoder('utf-8').decode(await file.arrayBuffer());
  const result = await withDatabaseAvailability(locale, async () =>
    uploadCompanyList(await getDb(), await getActor(), {
      orgSlug,
      year,
      version,
      csv,
      filename: file.name,
      locale,
      messages,
    }),
  );
  if (result.ok) {
    revalidate(locale, orgSlug, year);
    return { status: 'uploaded', version: result.value.submission.version, rows: result.value.rows };
  }
  switch (result.kind) {
    case 'invalid':
      return { status: 'invalid', message: result.message, fieldErrors: result.fieldErrors };
    case 'conflict':
      return {
        status: 'conflict',
        message: result.message,
        conflictChanges: (result.details as { changes?: string[] } | undefined)?.changes ?? [],
      };
    case 'forbidden':
      return { status: 'forbidden' };
    default:
      return { status: 'error', message: result.message };
  }
}
