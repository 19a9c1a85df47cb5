// Content-Security-Policy per area. Portal, admin and the sign-in pages render per request anyway,
// so proxy.ts gives them a fresh nonce each time (no inline script runs without it). Public pages
// are prerendered and cached, so a nonce cannot work there: next.config.mjs gives them a static
// policy that allows Next's inline bootstrap scripts but nothing from elsewhere, without running
// the proxy on every public request. Only /embed/ may be framed.
import { type Area, contentSecurityPolicy, PER_REQUEST_AREAS } from './policy.mjs';

export { type Area, contentSecurityPolicy, PER_REQUEST_AREAS };

const PER_REQUEST = new RegExp(`^/(${PER_REQUEST_AREAS.join('|')})(/|$)`);

export function areaOf(pathname: string): Area {
  const path = pathname.replace(/^\/(en|da)(?=\/|$)/, '') || '/';
  if (/^\/embed(\/|$)/.test(path)) return 'embed';
  if (PER_REQUEST.test(path)) return 'per-request';
  return 'public';
}

/** Pages the proxy sends anonymous visitors from to /login (a convenience; lib/ does the checks). */
export function needsSignIn(pathname: string): boolean {
  const path = pathname.replace(/^\/(en|da)(?=\/|$)/, '') || '/';
  return /^\/(portal|admin|konto)(\/|$)/.test(path);
}
