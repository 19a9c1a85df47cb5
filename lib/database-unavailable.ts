// When the database stops in the middle of a request. A transaction that loses its connection is
// rolled back by PostgreSQL, so nothing half-written remains; the user must hear that nothing was
// saved and that trying again is safe, and the server must not crash. postgres.js opens a fresh
// connection for the next query, so the app recovers by itself when the database is back.
//
// Every server action runs through it (lib/actions/form.ts): the failure's key is
// 'errors.databaseUnavailable', "nothing was saved, try again" in the user's language.
import { type Failure, unavailable } from '@/lib/result';

/** postgres.js's own codes for a connection that failed or went away. */
const DRIVER_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/** Node's socket errors when the server is not there (or vanished). */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs that mean "the server is not (or no longer) serving": class 08 connection exception,
 * 57P01–57P03 shutdown, crash or starting up, 53300 too many connections. Serialization failures
 * and deadlocks (40001, 40P01) are conflicts, not outages, and stay out.
 */
function isUnavailableState(code: string): boolean {
  return (
    code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300'
  );
}

/** True when `error` (or what drizzle wrapped in it) says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const candidate = current as { code?: unknown; errno?: unknown; message?: unknown };
    const code = typeof candidate.code === 'string' ? candidate.code : null;
    if (code && (DRIVER_CODES.has(code) || SOCKET_CODES.has(code))) return true;
    if (code && /^[0-9A-Z]{5}$/.test(code) && isUnavailableState(code)) return true;
    // AggregateError of every address tried (Node's happy-eyeballs connect)
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    // PGlite, closed under us
    if (typeof candidate.message === 'string' && /^PGlite is closed/.test(candidate.message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Runs a core function; a lost or refused database connection becomes the typed `unavailable`
 * failure (logged as one line), anything else is rethrown untouched.
 */
export async function withDatabaseAvailability<T>(run: () => Promise<T>): Promise<T | Failure> {
  try {
    return await run();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.error(`Database unavailable: ${describeConnectionError(error)}`);
    return unavailable('errors.databaseUnavailable');
  }
}

/** One line for the log, without connection details. */
export function describeConnectionError(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown };
    const line = [candidate.code, String(candidate.message ?? '').split('\n')[0]]
      .filter((part) => typeof part === 'string' && part.length > 0)
      .join(' ');
    if (line) parts.push(line);
    current = (current as { cause?: unknown }).cause;
  }
  return parts.at(-1) ?? String(error);
}
