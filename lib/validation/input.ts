// Numbers and dates from forms, made safe to send to the database. A JavaScript number is not a
// PostgreSQL integer: NaN, 1e309, 1.5 or 2^31 in a query parameter make the whole statement fail
// (22P02 / 22003 — an exception, not a form error), and '2031-02-30' passes a \d{4}-\d{2}-\d{2}
// pattern but not PostgreSQL's date parser. Core functions check their ids, years and dates with
// these before the first query, and answer a typed `invalid` instead.
import { z } from 'zod';

/** The largest value of a PostgreSQL `integer` (int4): ids, years, versions. */
export const INT4_MAX = 2_147_483_647;
const INT4_MIN = -2_147_483_648;

/** A whole number a PostgreSQL `integer` column can hold. */
export function isDatabaseInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= INT4_MIN && value <= INT4_MAX;
}

/** A positive `integer`: a row id or a version. */
export function isDatabaseId(value: unknown): value is number {
  return isDatabaseInteger(value) && value > 0;
}

/** A year a query may compare with (and subtract one from): 1–9999. */
export function isYearNumber(value: unknown): value is number {
  return isDatabaseInteger(value) && value >= 1 && value <= 9999;
}

/** `YYYY-MM-DD` naming a real calendar day (no 30 February), years 0001–9999. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** zod: a real calendar date `YYYY-MM-DD`; the message is the key `date_invalid`. */
export const isoDateSchema = z.string({ error: 'date_invalid' }).refine(isIsoDate, { error: 'date_invalid' });

// ---- zod fields for action schemas: each takes a form's text and a caller's typed value alike ----

/** A form posts digits as text; code passes numbers. Anything else is left for zod to refuse. */
export const digitsToNumber = (value: unknown) =>
  typeof value === 'string' && /^\s*-?\d{1,16}\s*$/.test(value) ? Number(value.trim()) : value;

/** A whole number in [min, max] (a database integer unless narrower); `code` is every refusal's message. */
export function wholeNumber(code: string, range: { min?: number; max?: number } = {}) {
  return z.preprocess(
    digitsToNumber,
    z
      .number({ error: code })
      .int({ error: code })
      .min(range.min ?? INT4_MIN, { error: code })
      .max(range.max ?? INT4_MAX, { error: code }),
  );
}

/** A row id (positive database integer). */
export const databaseId = (code = 'invalid_input') => wholeNumber(code, { min: 1 });

/** A year a query may compare with (and subtract one from): 1–9999. */
export const yearNumber = (code = 'year_invalid') => wholeNumber(code, { min: 1, max: 9999 });

/** A checkbox or toggle: '1' / '0' from a form, true / false from code; nothing else. */
export const flag = (code = 'invalid_input') =>
  z.preprocess((value) => (value === '1' ? true : value === '0' ? false : value), z.boolean({ error: code }));

/** An optional date: empty (or absent) is null, otherwise a real calendar date. */
export const optionalIsoDate = (code = 'date_invalid') =>
  z.preprocess(
    (value) => (value === '' || value == null || value === false ? null : value),
    z.string({ error: code }).refine(isIsoDate, { error: code }).nullable(),
  );
