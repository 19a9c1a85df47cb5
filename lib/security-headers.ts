// Content-Security-Policy per area. Portal, admin and the sign-in pages render per request anyway,
// so they get a fresh nonce each time (no inline script runs without it). Public pages are
// prerendered and cached, so a nonce cannot work there: they get a static policy that allows
// Next's inline bootstrap scripts but nothing from elsewhere. Only /embed/ may be framed.

export type Area = 'per-request' | 'public' | 'embed';

const PER_REQUEST = /^\/(portal|admin|login|logout|konto|invitation)(\/|$)/;

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

export function contentSecurityPolicy(
  area: Area,
  options: { nonce?: string; development?: boolean; formTargets?: string[] } = {},
): string {
  const scripts =
    area === 'per-request' && options.nonce
      ? `'self' 'nonce-${options.nonce}' 'strict-dynamic'`
      : `'self' 'unsafe-inline'`;
  const directives = [
    `default-src 'self'`,
    `script-src ${scripts}${options.development ? ` 'unsafe-eval'` : ''}`,
    // React writes style attributes; no stylesheet comes from elsewhere
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'${options.formTargets?.length ? ` ${options.formTargets.join(' ')}` : ''}`,
    area === 'embed' ? `frame-ancestors *` : `frame-ancestors 'none'`,
  ];
  return directives.join('; ');
}
