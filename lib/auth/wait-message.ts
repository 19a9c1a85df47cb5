// What a throttled person reads: seconds for a short wait, minutes for a lock.
import type { Message } from '@/lib/result';

export function waitMessage(seconds: number): Message {
  return seconds > 90
    ? { key: 'auth.login.lockedMinutes', values: { minutes: Math.ceil(seconds / 60) } }
    : { key: 'auth.login.slowedSeconds', values: { seconds } };
}
