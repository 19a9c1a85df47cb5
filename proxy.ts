// A fast first pass over page requests. The language prefix is handled by rewrites in
// next.config.mjs; authorisation is never decided here: lib/auth checks every read and write.
import { type NextRequest, NextResponse } from 'next/server';

export function proxy(_request: NextRequest) {
  return NextResponse.next();
}

export const config = {
  // pages only: not the API, Next's own files or static files with an extension
  matcher: ['/((?!api|_next|.*\\..*).*)'],
};
