// Where a form post came from. Browsers send Origin with every POST; a server action whose Origin
// names another site is a forged cross-site request, and one whose Origin is no URL at all is a
// handmade one. Next refuses both, but answers with a bare 500 (or, for a malformed Origin, an
// exception it does not catch). The proxy asks this module first and answers such a post itself:
// 400 for a malformed Origin, 403 for another site's, with a page in the user's language. The
// comparison is with the Host the request was sent to — what the browser put beside the Origin —
// as Next's own check does; X-Forwarded-Host counts only behind proxies of ours (the request hook
// removes it otherwise). No Next imports: the proxy and unit tests share it.
import { translate } from '@/i18n/messages';
import type { Locale } from '@/lib/format';
import { refusalPage } from '@/lib/refusal-page';

export type OriginVerdict = 'same' | 'absent' | 'malformed' | 'cross-site';

export function originVerdict(origin: string | null, host: string | null): OriginVerdict {
  if (origin === null) return 'absent';
  // the opaque origin of a sandboxed frame or a privacy-preserving redirect: no site of ours
  if (origin === 'null') return 'cross-site';
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return 'malformed';
  }
  if (
    (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ||
    parsed.origin !== origin.replace(/\/$/, '')
  )
    return 'malformed';
  return host !== null && parsed.host === host.toLowerCase() ? 'same' : 'cross-site';
}

/** The answer to a POST from another site or with a broken Origin, or null to let it through. */
export function foreignPostResponse(request: {
  method: string;
  headers: Headers;
  pathname: string;
}): Response | null {
  if (request.method !== 'POST') return null;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  const verdict = originVerdict(request.headers.get('origin'), host);
  if (verdict === 'same' || verdict === 'absent') return null;
  const locale: Locale = /^\/en(\/|$)/.test(request.pathname) ? 'en' : 'da';
  const text = (key: string) => translate(locale, `errors.foreignPost.${key}`);
  return refusalPage({
    locale,
    status: verdict === 'malformed' ? 400 : 403,
    title: text('title'),
    reason: text(verdict === 'malformed' ? 'malformed' : 'crossSite'),
    testId: 'foreign-post',
    back: text('back'),
    backPath: request.pathname,
  });
}
