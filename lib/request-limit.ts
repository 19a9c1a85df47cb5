// Requests too large to take. Server actions read at most the body limit of next.config.mjs
// (experimental.serverActions.bodySizeLimit, 8 MiB); a larger form post fails inside Next with a
// bare "Internal Server Error" before any of our code runs. The proxy asks this module first and
// answers such a post at once, from its Content-Length, with a page that says what happened —
// the only message a form posted without JavaScript can get (with JavaScript, the upload form
// refuses the file in the browser already). No Next imports: the proxy and unit tests share it.
import { translate } from '@/i18n/messages';
import type { Locale } from '@/lib/format';
import { refusalPage } from '@/lib/refusal-page';

/** next.config.mjs `serverActions.bodySizeLimit: '8mb'`, as Next reads it (bytes.parse: 8 × 1024²). */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * The answer to a page POST whose declared body is larger than a server action takes, or null
 * for any other request. A body sent without Content-Length (chunked) is left to Next's own limit.
 */
export function oversizedPostResponse(request: {
  method: string;
  headers: Headers;
  pathname: string;
}): Response | null {
  if (request.method !== 'POST') return null;
  const declared = Number(request.headers.get('content-length'));
  if (!Number.isFinite(declared) || declared <= SERVER_ACTION_BODY_LIMIT_BYTES) return null;
  const locale: Locale = /^\/en(\/|$)/.test(request.pathname) ? 'en' : 'da';
  const format = (value: number) =>
    new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 1 }).format(value);
  const text = (key: string, values: Record<string, string> = {}) =>
    translate(locale, `errors.requestTooLarge.${key}`, values);
  return refusalPage({
    locale,
    status: 413,
    title: text('title'),
    reason: text('body', {
      sizeMb: format(Math.ceil(declared / 100_000) / 10),
      maxMb: format(Math.floor(SERVER_ACTION_BODY_LIMIT_BYTES / 1_000_000)),
    }),
    testId: 'request-too-large',
    back: text('back'),
    backPath: request.pathname,
    // the rest of the body is not read: do not keep the connection for it
    headers: { Connection: 'close' },
  });
}
