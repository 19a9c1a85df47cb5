// Failed-attempt counters in the database (login_throttles), so they hold across restarts and
// across several app instances. A row lock serialises concurrent failures for one key.
import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { loginThrottles } from '@/db/schema';
import { afterFailure, secondsToWait, type ThrottlePolicy } from './throttle-rules';

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;
export const secondFactorKey = (userId: number) => `totp:${userId}`;

/** The longest wait any of the keys still imposes, in seconds (0: the attempt may go ahead). */
export async function throttleWait(db: Database, keys: ThrottleKey[], now = new Date()): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db
    .select()
    .from(loginThrottles)
    .where(
      inArray(
        loginThrottles.key,
        keys.map((k) => k.key),
      ),
    );
  let wait = 0;
  for (const { key, policy } of keys) {
    const row = rows.find((r) => r.key === key);
    wait = Math.max(wait, secondsToWait(policy, row, now));
  }
  return wait;
}

/** Counts one failure on each key; returns the keys that became locked by it. */
export async function recordFailure(db: Database, keys: ThrottleKey[], now = new Date()): Promise<string[]> {
  const locked: string[] = [];
  for (const { key, policy } of keys) {
    await db.transaction(async (tx) => {
      await tx
        .insert(loginThrottles)
        .values({ key, failures: 0, firstFailureAt: now, lastFailureAt: new Date(0) })
        .onConflictDoNothing();
      const [row] = await tx.select().from(loginThrottles).where(eq(loginThrottles.key, key)).for('update');
      const fresh = !row || row.lastFailureAt.getTime() === 0;
      const next = afterFailure(policy, fresh ? undefined : row, now);
      await tx
        .update(loginThrottles)
        .set({
          failures: next.failures,
          lastFailureAt: next.lastFailureAt,
          lockedUntil: next.lockedUntil,
          ...(next.failures === 1 ? { firstFailureAt: now } : {}),
        })
        .where(eq(loginThrottles.key, key));
      if (next.lockedNow) locked.push(key);
    });
  }
  return locked;
}

export async function clearThrottle(db: Database, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.delete(loginThrottles).where(inArray(loginThrottles.key, keys));
}
