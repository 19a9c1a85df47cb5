// The app's "now" for decisions made by the clock: whether a scheduled release is due, whether a
// chosen time is in the future, when a publication went out, how long a public answer may be kept.
// In production it is the system clock, always. Tests of "public at its minute and not before"
// over HTTP need to say what time it is: a test clock, held in this process's memory and set
// through POST /api/test/clock, exists only when the server was started with
// KLYNGE_TEST_CLOCK_TOKEN, and lib/env refuses that token outside a test run (see SECURITY.md).
// The clock stands still while set, so a test at 09:59:59 stays at 09:59:59 however long it takes.

type TestClockState = { at: Date | null };
const shared = globalThis as typeof globalThis & { __klyngeregnskabTestClock?: TestClockState };

/** The test clock's token when this process was started with one; null in every real deployment. */
export function testClockToken(env: NodeJS.ProcessEnv = process.env): string | null {
  const token = env.KLYNGE_TEST_CLOCK_TOKEN?.trim();
  return token ? token : null;
}

export function now(): Date {
  const at = testClockToken() ? shared.__klyngeregnskabTestClock?.at : null;
  return at ? new Date(at.getTime()) : new Date();
}

/** Sets (a date) or releases (null) the test clock. Refused unless the test clock is enabled. */
export function setTestClock(at: Date | null): void {
  if (!testClockToken()) throw new Error('the test clock is not enabled in this process');
  shared.__klyngeregnskabTestClock = { at: at ? new Date(at.getTime()) : null };
}
