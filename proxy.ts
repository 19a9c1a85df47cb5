// A fast first pass over the pages rendered per request (portal, admin, sign-in, account): a
// Content-Security-Policy with a fresh nonce, handed to Next on the request headers so its scripts
// carry it, and a convenience redirect of visitors without a session cookie from the portal, admin
// and account pages to /login. Authorisation is never decided here: lib/auth checks every read and
// write. The public pages never reach the proxy (their static policy is a header in
// next.config.mjs): running it for every cached page cost about a third of their throughput.
// The language prefix is handled by rewrites in next.config.mjs. Posts from another site (or with a
// broken Origin) are refused here on every page, before Next's action handler answers them with 500.
import { type NextRequest, NextResponse } from 'next/server';
import { foreignPostResponse } from './lib/request-origin';
import { oversizedPostResponse } from './lib/request-limit';
import { areaOf, contentSecurityPolicy, needsSignIn } from './lib/security-headers';
import { siteUrl } from './lib/site-url';

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

function formTargets(): string[] {
  const issuer = process.env.AUTH_OIDC_ISSUER?.trim();
  if (!issuer) return [];
  try {
    return [new URL(issuer).origin];
  } catch {
    return [];
  }
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // a form post larger than a server action takes: a page that says so, not Next's bare 500
  const oversized = oversizedPostResponse({ method: request.method, headers: request.headers, pathname });
  if (oversized) return oversized;
  // a post from another site, or with an Origin that is no URL: a 403/400 page, not Next's 500
  const foreign = foreignPostResponse({ method: request.method, headers: request.headers, pathname });
  if (foreign) return foreign;
  // requests with an Origin header reach the proxy on every page (see the matcher); only the
  // per-request pages get their policy here
  if (areaOf(pathname) !== 'per-request') return NextResponse.next();
  if (needsSignIn(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = siteUrl(pathname.startsWith('/en/') || pathname === '/en' ? '/en/login' : '/login');
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const development = process.env.NODE_ENV !== 'production';
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy('per-request', {
    nonce,
    development,
    formTargets: formTargets(),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // the per-request areas of lib/security-headers (PER_REQUEST_AREAS), in Danish and English; Next
  // reads this literally at build time, so tests/unit/auth-rules.test.ts checks it against the list
  matcher: [
    '/portal/:path*',
    '/admin/:path*',
    '/login/:path*',
    '/logout/:path*',
    '/konto/:path*',
    '/invitation/:path*',
    '/en/portal/:path*',
    '/en/admin/:path*',
    '/en/login/:path*',
    '/en/logout/:path*',
    '/en/konto/:path*',
    '/en/invitation/:path*',
    // every POST a browser sends carries Origin (a page view does not): on any page, checked above
    { source: '/((?!api/|_next/).*)', has: [{ type: 'header', key: 'origin' }] },
  ],
};
