import 'server-only';
// Where a failure's keys become words: the one place lib/ translates what it refuses. Steps write
// short codes ('stale_version'); the kit qualifies them with the action's namespace on the way out
// ('admin.errors.stale_version'), so every Failure that leaves lib/ carries full keys.
import { messageExists, translate } from '@/i18n/messages';
import type { Locale } from '@/lib/format';
import type { Failure, FieldErrors, Message } from '@/lib/result';
import type { FormState } from './form-state';

/** A code without a namespace gets the action's one; a full key ('auth.x.y') stays. */
export function qualifyKey(code: string, namespace: string): string {
  return code.includes('.') ? code : `${namespace}.${code}`;
}

function qualifyMessage(message: Message, namespace: string): Message {
  return typeof message === 'string'
    ? qualifyKey(message, namespace)
    : { ...message, key: qualifyKey(message.key, namespace) };
}

/** The failure with every message key in full. */
export function qualifyFailure(failure: Failure, namespace: string): Failure {
  const fieldErrors = failure.fieldErrors
    ? Object.fromEntries(
        Object.entries(failure.fieldErrors).map(([field, messages]) => [
          field,
          messages.map((message) => qualifyMessage(message, namespace)),
        ]),
      )
    : undefined;
  return {
    ...failure,
    message: qualifyKey(failure.message, namespace),
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(failure.lines ? { lines: failure.lines.map((line) => qualifyMessage(line, namespace)) } : {}),
  };
}

/** A message in words; a key without a text falls back to `fallback` (a plain apology). */
export function translateMessage(
  locale: Locale,
  message: Message,
  fallback = 'admin.errors.unexpected',
): string {
  const { key, values = {} } = typeof message === 'string' ? { key: message } : message;
  const words = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'object' ? translateMessage(locale, value, fallback) : value,
    ]),
  );
  return translate(locale, messageExists(locale, key) ? key : fallback, words);
}

export function translateFieldErrors(locale: Locale, fieldErrors: FieldErrors): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [
      field,
      messages.map((message) => translateMessage(locale, message)),
    ]),
  );
}

/** The form state of a refusal: the summary, each field's errors, any further lines, in words. */
export function failureState<Data>(failure: Failure, locale: Locale): FormState<Data> {
  return {
    status: 'error',
    kind: failure.kind,
    message: translateMessage(locale, { key: failure.message, values: failure.values }),
    ...(failure.fieldErrors ? { fieldErrors: translateFieldErrors(locale, failure.fieldErrors) } : {}),
    ...(failure.lines ? { lines: failure.lines.map((line) => translateMessage(locale, line)) } : {}),
  };
}

/** A failure in words, for callers that show it another way than a form (tests, route handlers). */
export function describeFailure(failure: Failure, locale: Locale) {
  const state = failureState(failure, locale);
  return { message: state.message ?? '', fieldErrors: state.fieldErrors ?? {}, lines: state.lines ?? [] };
}
