// A failure as the user reads it: its keys through the one translator (lib/actions/messages.ts),
// so a test can assert the exact sentence a form shows.
import { describeFailure } from '@/lib/actions/messages';
import type { Locale } from '@/lib/format';

export function inWords<R extends { ok: boolean }>(result: R, locale: Locale = 'en') {
  if (result.ok) return result;
  const words = describeFailure(result as never, locale);
  const failure = result as unknown as Record<string, unknown>;
  return {
    ...result,
    message: words.message,
    ...(failure.fieldErrors ? { fieldErrors: words.fieldErrors } : {}),
    ...(failure.lines ? { lines: words.lines } : {}),
  };
}
