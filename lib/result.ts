// Expected failures are values, not exceptions (STYLE.md "one typed error scheme"). A failure's
// message is always a message key (messages/<locale>/<namespace>.json), with the values its
// {placeholders} take; it is put into words in one place, lib/actions/messages.ts.
import type { TemplateValues } from '@/lib/text/fill';

/** A placeholder's value: text, a number, or a message of its own (put into words first). */
export type MessageValues = Record<string, TemplateValues[string] | { key: string; values?: MessageValues }>;

/** Something to tell the user: a message key, or a key with the values of its placeholders. */
export type Message = string | { key: string; values?: MessageValues };

/** Per form field, what is wrong with it (messages, usually one). */
export type FieldErrors = Record<string, Message[]>;

export type FailureKind = 'invalid' | 'forbidden' | 'conflict' | 'not_found' | 'unavailable';

export interface Failure {
  ok: false;
  kind: FailureKind;
  /** a message key, e.g. 'admin.errors.stale_version' */
  message: string;
  values?: MessageValues;
  fieldErrors?: FieldErrors;
  /** more to say, one message a line: the organisations not settled, what others changed */
  lines?: Message[];
  /** facts for callers other than a form (the current version, the unsettled slugs …) */
  details?: unknown;
}

export type Result<T = undefined> =
  | ({ ok: true } & (T extends undefined ? { value?: T } : { value: T }))
  | Failure;

interface FailureExtras {
  values?: MessageValues;
  lines?: Message[];
  details?: unknown;
}

const failure = (kind: FailureKind, message: string, extras: FailureExtras = {}): Failure => ({
  ok: false,
  kind,
  message,
  ...extras,
});

export const ok = <T>(value: T) => ({ ok: true as const, value });
export const invalid = (message: string, fieldErrors?: FieldErrors, extras?: FailureExtras): Failure => ({
  ...failure('invalid', message, extras),
  ...(fieldErrors ? { fieldErrors } : {}),
});
export const forbidden = (message = 'forbidden'): Failure => failure('forbidden', message);
export const conflict = (message: string, details?: unknown, extras?: FailureExtras): Failure =>
  failure('conflict', message, { ...extras, ...(details === undefined ? {} : { details }) });
export const notFound = (message = 'not_found'): Failure => failure('not_found', message);
export const unavailable = (message = 'errors.databaseUnavailable'): Failure =>
  failure('unavailable', message);

type Values<R> = { [K in keyof R]: Extract<R[K], { ok: true }> extends { value: infer V } ? V : never };

/** Several results as one: all their values, or the first failure among them. */
export function combine<R extends Record<string, Result<unknown>>>(results: R): Result<Values<R>> | Failure {
  const values: Record<string, unknown> = {};
  for (const [name, result] of Object.entries(results)) {
    if (!result.ok) return result;
    values[name] = (result as { value: unknown }).value;
  }
  return ok(values as Values<R>);
}
