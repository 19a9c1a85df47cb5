import 'server-only';
// From a kit action (lib/actions/define.ts) to the server action a form posts to:
//   read the form's language and fields (text, repeated names as lists, files),
//   resolve the database and the signed-in actor of this request,
//   run the action — a database that is gone becomes "nothing was saved, try again" —,
//   revalidate what it changed, and answer the one FormState (lib/actions/form-state.ts) in words.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { clientIp, formLocale } from '@/lib/auth/request';
import { getActor } from '@/lib/auth/session';
import { withDatabaseAvailability } from '@/lib/database-unavailable';
import type { Locale } from '@/lib/format';
import type { Failure, Message, Result } from '@/lib/result';
import type { Action } from './define';
import type { FormAction, FormState } from './form-state';
import { failureState, translateMessage } from './messages';

/** A posted form: each field's text, the texts of a repeated name (or a declared list), files. */
export type FormFields = Record<string, string | string[] | File>;

export function readForm(formData: FormData, lists: readonly string[] = []): FormFields {
  const fields: FormFields = {};
  for (const name of new Set(formData.keys())) {
    // Next's own fields ($ACTION_ID_…) are not the form's
    if (name.startsWith('$')) continue;
    const all = formData.getAll(name);
    const texts = all.filter((value): value is string => typeof value === 'string');
    const file = all.find((value): value is File => typeof value !== 'string');
    if (file) fields[name] = file;
    else if (lists.includes(name) || texts.length > 1) fields[name] = texts;
    else fields[name] = texts[0] ?? '';
  }
  for (const name of lists) fields[name] ??= [];
  return fields;
}

/** The posted text fields, to show a refused form again. */
function postedValues(fields: FormFields): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) if (typeof value === 'string') values[name] = value;
  return values;
}

export function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

/** What a form says after a success; or where it goes instead. */
export interface Done<Data> {
  message?: Message;
  lines?: Message[];
  /** lines shown as they are, after the others: what the user must see to the letter (a link to copy) */
  verbatim?: string[];
  data?: Data;
  /** a path (already in the form's language) to go to instead of answering */
  redirect?: string;
}

export interface FormActionOptions<T, Data> {
  /**
   * The action's input from the posted fields (default: the fields as they are). May refuse
   * before the action runs (a missing file), with a failure.
   */
  input?: (fields: FormFields, locale: Locale) => unknown | Promise<unknown>;
  /** names that are always lists (checkboxes), even with one or no box ticked */
  lists?: readonly string[];
  /**
   * after a success: revalidate or expire what the action changed (or end the session: it may
   * redirect); `actor` is who posted the form, as the request's session named them
   */
  refresh?: (value: T, fields: FormFields, locale: Locale, actor: Actor | null) => void | Promise<void>;
  /** the outcome in words (or a redirect) */
  done?: (value: T, context: { fields: FormFields; locale: Locale }) => Done<Data>;
  /** give the posted fields back after a success too (a form whose inputs hold their own state) */
  keepValues?: boolean;
  /** the summary of a refusal, beside the failure's own message (the portal form's wording) */
  failure?: (failure: Failure, state: FormState<Data>, locale: Locale) => FormState<Data>;
}

/** The server action of a form for `action`. */
export function formAction<T, Data = undefined>(
  action: Action<T>,
  options: FormActionOptions<T, Data> = {},
): FormAction<Data> {
  return async (_state, formData) => {
    const locale = formLocale(formData);
    const fields = readForm(formData, options.lists);
    const values = postedValues(fields);
    let actor: Actor | null = null;
    const result: Result<T> | Failure = await withDatabaseAvailability(async () => {
      const input = options.input ? await options.input(fields, locale) : fields;
      if (isFailure(input)) return input;
      const [db, signedIn, ip] = await Promise.all([getDb(), getActor(), clientIp()]);
      actor = signedIn;
      return action(db, actor, input, { locale, ip });
    });
    if (!result.ok) {
      const state: FormState<Data> = { ...failureState<Data>(result, locale), values };
      return options.failure ? options.failure(result, state, locale) : state;
    }
    const value = (result as { value: T }).value;
    await options.refresh?.(value, fields, locale, actor);
    const done = options.done?.(value, { fields, locale }) ?? {};
    if (done.redirect) redirect(done.redirect);
    return {
      status: 'ok',
      ...(done.message ? { message: translateMessage(locale, done.message) } : {}),
      ...(done.lines || done.verbatim
        ? {
            lines: [
              ...(done.lines ?? []).map((line) => translateMessage(locale, line)),
              ...(done.verbatim ?? []),
            ],
          }
        : {}),
      ...(done.data === undefined ? {} : { data: done.data }),
      ...(options.keepValues ? { values } : {}),
    };
  };
}

/** Every secretariat page shows live data: after any of its actions, all of them render afresh. */
export function refreshAdminPages(): void {
  revalidatePath('/[locale]/admin', 'layout');
}
