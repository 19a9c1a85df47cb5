// Brute-force policy, pure: how many failures slow a sign-in down, and how many lock it. Counters
// are kept per email and per address (lib/auth/throttle.ts stores them in the database).

export interface ThrottlePolicy {
  /** failures within the window before each further attempt must wait */
  slowAfter: number;
  /** failures within the window that lock the key */
  lockAfter: number;
  lockSeconds: number;
  /** a key's counter starts again after this long without a failure */
  windowSeconds: number;
  maxDelaySeconds: number;
}

export const EMAIL_POLICY: ThrottlePolicy = {
  slowAfter: 3,
  lockAfter: 10,
  lockSeconds: 15 * 60,
  windowSeconds: 15 * 60,
  maxDelaySeconds: 60,
};

// one office behind one address may have many people: more room, same shape
export const ADDRESS_POLICY: ThrottlePolicy = {
  slowAfter: 20,
  lockAfter: 50,
  lockSeconds: 15 * 60,
  windowSeconds: 15 * 60,
  maxDelaySeconds: 60,
};

// wrong second-factor codes for one user
export const SECOND_FACTOR_POLICY: ThrottlePolicy = {
  slowAfter: 3,
  lockAfter: 6,
  lockSeconds: 15 * 60,
  windowSeconds: 15 * 60,
  maxDelaySeconds: 30,
};

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

/** Seconds the next attempt must still wait (0: go ahead). */
export function secondsToWait(policy: ThrottlePolicy, state: ThrottleState | undefined, now: Date): number {
  if (!state) return 0;
  if (state.lockedUntil && state.lockedUntil > now) {
    return Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000);
  }
  const sinceLast = (now.getTime() - state.lastFailureAt.getTime()) / 1000;
  if (sinceLast >= policy.windowSeconds) return 0;
  if (state.failures < policy.slowAfter) return 0;
  const delay = Math.min(2 ** (state.failures - policy.slowAfter), policy.maxDelaySeconds);
  return Math.max(0, Math.ceil(delay - sinceLast));
}

/** The counter after one more failure: reset when the window has passed, locked at the limit. */
export function afterFailure(
  policy: ThrottlePolicy,
  state: ThrottleState | undefined,
  now: Date,
): ThrottleState & { lockedNow: boolean } {
  const expired =
    !state ||
    (now.getTime() - state.lastFailureAt.getTime()) / 1000 >= policy.windowSeconds ||
    (state.lockedUntil != null && state.lockedUntil <= now);
  const failures = expired ? 1 : state.failures + 1;
  const lockedNow = failures >= policy.lockAfter;
  return {
    failures: lockedNow ? 0 : failures,
    lastFailureAt: now,
    lockedUntil: lockedNow ? new Date(now.getTime() + policy.lockSeconds * 1000) : null,
    lockedNow,
  };
}
