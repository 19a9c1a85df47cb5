// Which TOTP step a test signs in with. The server accepts a step once per user and one step of
// drift either way, so several sign-ins within 30 seconds each need a step of their own. The step
// before the current one is accepted only until the current step ends: a code of it chosen in the
// last seconds of a step arrives, on a busy machine, when it is two steps old and is refused.
export const TOTP_STEP_MS = 30_000;
/** time a code must stay acceptable after it was chosen: typing it and the server's answer */
export const TOTP_MARGIN_MS = 10_000;

/** The earliest step after `lastUsed` that stays accepted for the margin, or null: wait for the next. */
export function nextTotpStep(nowMs: number, lastUsed: number): number | null {
  const step = Math.floor(nowMs / TOTP_STEP_MS);
  const leftInStep = (step + 1) * TOTP_STEP_MS - nowMs;
  const earliest = leftInStep >= TOTP_MARGIN_MS ? step - 1 : step;
  const candidate = Math.max(earliest, lastUsed + 1);
  return candidate <= step + 1 ? candidate : null;
}

// the last step used per TOTP secret, in this process
const lastStepUsed = new Map<string, number>();

/**
 * A step of `secret` no sign-in of this process has used, waiting for the next step when none is
 * left. Recorded before it is returned, so sign-ins running side by side never get the same one.
 */
export async function freshTotpStep(secret: string): Promise<number> {
  for (;;) {
    const now = Date.now();
    const candidate = nextTotpStep(now, lastStepUsed.get(secret) ?? Number.NEGATIVE_INFINITY);
    if (candidate !== null) {
      lastStepUsed.set(secret, candidate);
      return candidate;
    }
    const nextStepAt = (Math.floor(now / TOTP_STEP_MS) + 1) * TOTP_STEP_MS;
    await new Promise((resolve) => setTimeout(resolve, nextStepAt - now + 50));
  }
}
