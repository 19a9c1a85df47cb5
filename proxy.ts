// A fast first pass over page requests: the Content-Security-Policy of each area (with a fresh
// nonce on per-request pages, handed to Next on the request headers so its scripts carry it), and
// a convenience redirect of visitors without a session cookie from the portal, admin and account
// pages to /login. Authorisation is never decided here: lib/auth checks every read and write.
// The language prefix is handled by rewrites in next.config.mjs.
import { type NextRequest, NextResponse } from 'next/server';
import { oversizedPostResponse } from './lib/request-limit';
import { areaOf, contentSecurityPolicy, needsSignIn } from './lib/security-headers';

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
  if (needsSignIn(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL(
      pathname.startsWith('/en/') || pathname === '/en' ? '/en/login' : '/login',
      request.url,
    );
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const area = areaOf(pathname);
  const development = process.env.NODE_ENV !== 'production';
  if (area === 'per-request') {
    const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
    const policy = contentSecurityPolicy(area, { nonce, development, formTargets: formTargets() });
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', policy);
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set('Content-Security-Policy', policy);
    return response;
  }
  const response = NextResponse.next();
  response.headers.set('Content-Security-Policy', contentSecurityPolicy(area, { development }));
  return response;
}

export const config = {
  // pages only: not the API, Next's own files or static files with an extension
  matcher: ['/((?!api|_next|.*\\..*).*)'],
};
