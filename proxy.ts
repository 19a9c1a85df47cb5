// A fast first pass over every page request: the language prefix. Authorisation is never decided
// here; lib/auth checks every read and write itself.
import createMiddleware from 'next-intl/middleware';
import { routing } from './i18n/routing';

export const proxy = createMiddleware(routing);

export const config = {
  // pages only: not the API, Next's own files or static files with an extension
  matcher: ['/((?!api|_next|_vercel|embed-static|.*\\..*).*)'],
};
