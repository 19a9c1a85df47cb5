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
