// Text typed by people, made safe to store. PostgreSQL refuses a NUL character in `text` (the
// whole statement fails: a crash instead of a form error), other control characters have no
// place in names or remarks, and a lone UTF-16 surrogate would be stored as U+FFFD — silently
// different from what was sent. Refuse all three up front with a field error. Markup and SQL need
// no treatment here: queries are parameterised and React escapes on output.
import { z } from 'zod';

/** NUL and the C0/C1 control characters except tab, line feed and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored as it is, or null when it can. */
export function textProblem(text: string, maxLength: number): 'too_long' | 'invalid_characters' | null {
  if (text.length > maxLength) return 'too_long';
  if (CONTROL.test(text) || LONE_SURROGATE.test(text)) return 'invalid_characters';
  return null;
}

/**
 * A zod schema for a free-text field: trimmed, at most `max` characters, no control characters
 * or broken Unicode. Messages are codes (`too_long`, `invalid_characters`, `required` unless
 * `codes` names the feature's own) for the feature's messages file. Not text at all counts as
 * missing when the field is required, as unstorable otherwise.
 */
export function storableText(options: {
  max: number;
  required?: boolean;
  codes?: { tooLong?: string; invalid?: string; required?: string };
}) {
  const tooLong = options.codes?.tooLong ?? 'too_long';
  const invalid = options.codes?.invalid ?? 'invalid_characters';
  const required = options.codes?.required ?? 'required';
  const base = z
    .string({ error: options.required ? required : invalid })
    .trim()
    .max(options.max, { error: tooLong })
    // the characters only: a text too long is told so once, by max
    .refine((text) => textProblem(text, options.max) !== 'invalid_characters', { error: invalid });
  return options.required ? base.refine((text) => text.length > 0, { error: required }) : base;
}

const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
const LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * For text that is only ever compared and logged, never shown back as typed (a sign-in email, a
 * throttle key): control characters and lone surrogates become U+FFFD and the text is cut at
 * `maxLength`, so the database can always store and compare it. Valid text is unchanged.
 */
export function storableForm(text: string, maxLength: number): string {
  return text.slice(0, maxLength).replace(CONTROL_ALL, '\uFFFD').replace(LONE_SURROGATE_ALL, '\uFFFD');
}
