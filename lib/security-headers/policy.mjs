// Plain JavaScript so next.config.mjs (which sets the public pages' fallback policy as a static
// header), proxy.ts (the per-request pages' policy with a nonce) and lib/request-hooks.ts (the
// public pages' policy with the nonce of their render) build it from one place.

/** The areas rendered per request: they get a nonce from proxy.ts; everything else a static policy. */
export const PER_REQUEST_AREAS = ['portal', 'admin', 'login', 'logout', 'konto', 'invitation'];

/**
 * @param {'per-request' | 'public' | 'embed'} area
 * @param {{ nonce?: string; development?: boolean; formTargets?: string[] }} [options]
 * @returns {string}
 */
export function contentSecurityPolicy(area, options = {}) {
  // No area allows inline scripts by themselves: the per-request pages get the nonce of their
  // request (proxy.ts), the public pages and embeds the nonce their cached HTML was rendered with
  // (lib/request-hooks.ts). Without a nonce only our own files run — the safe way to fail.
  const scripts = options.nonce ? `'self' 'nonce-${options.nonce}' 'strict-dynamic'` : `'self'`;
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
