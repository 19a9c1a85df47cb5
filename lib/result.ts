// Expected failures are values, not exceptions (STYLE.md "one typed error scheme").
export type FieldErrors = Record<string, string[]>;

export type Failure =
  | { ok: false; kind: 'invalid'; message: string; fieldErrors?: FieldErrors }
  | { ok: false; kind: 'forbidden'; message: string }
  | { ok: false; kind: 'conflict'; message: string; details?: unknown }
  | { ok: false; kind: 'not_found'; message: string }
  // the database could not be reached or went away mid-way; nothing was saved, trying again may work
  | { ok: false; kind: 'unavailable'; message: string };

export type Result<T = undefined> =
  | ({ ok: true } & (T extends undefined ? { value?: T } : { value: T }))
  | Failure;

export const ok = <T>(value: T) => ({ ok: true as const, value });
export const invalid = (message: string, fieldErrors?: FieldErrors): Failure => ({
  ok: false,
  kind: 'invalid',
  message,
  fieldErrors,
});
export const forbidden = (message = 'forbidden'): Failure => ({ ok: false, kind: 'forbidden', message });
export const conflict = (message: string, details?: unknown): Failure => ({
  ok: false,
  kind: 'conflict',
  message,
  details,
});
export const notFound = (message = 'not_found'): Failure => ({ ok: false, kind: 'not_found', message });
export const unavailable = (message = 'database_unavailable'): Failure => ({
  ok: false,
  kind: 'unavailable',
  message,
});

/** Thrown by the data access layer when the caller may not do something; pages turn it into 403. */
export class ForbiddenError extends Error {
  constructor(message = 'forbidden') {
    super(message);
    this.name = 'ForbiddenError';
  }
}
