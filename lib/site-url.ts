// The site's one public origin, configured: SITE_URL, or AUTH_URL when only that is set. Every
// absolute address the app writes — links in mails, canonical and hreflang links, og:image, the
// feed of versions, redirects, and whether to send HSTS — comes from here, never from the
// request's Host or X-Forwarded-* headers, which the client writes. No Next imports: the proxy,
// next.config.mjs's neighbours, scripts and unit tests all read it.

type Environment = Record<string, string | undefined>;

export type SiteOriginProblem = { variable: 'SITE_URL' | 'AUTH_URL'; message: string };

/** The origin (scheme, host, port) of a configured URL, or a problem saying what is wrong with it. */
export function parseSiteOrigin(
  value: string,
  variable: 'SITE_URL' | 'AUTH_URL',
): { origin: string } | { problem: SiteOriginProblem } {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return {
      problem: {
        variable,
        message: `${variable} must be the address people use to reach the site, e.g. https://klyngeregnskab.dk`,
      },
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      problem: { variable, message: `${variable} must start with https:// (or http:// for a local demo)` },
    };
  }
  if (url.username || url.password || url.search || url.hash) {
    return {
      problem: { variable, message: `${variable} must be a plain address, without user, query or fragment` },
    };
  }
  // AUTH_URL may name Auth.js's own path; the site itself lives at the root of the origin
  const path = url.pathname.replace(/\/api\/auth\/?$/, '').replace(/\/$/, '');
  if (path !== '') {
    return {
      problem: {
        variable,
        message: `${variable} must be the site's origin without a path (the site is served from its root): ${url.origin}`,
      },
    };
  }
  return { origin: url.origin };
}

/**
 * SITE_URL, else AUTH_URL: the configured origin, or null when neither is set. Lenient (the origin
 * of the first that is an http(s) URL at all): what is wrong with a value is lib/env.ts's to say,
 * and it stops the start for it.
 */
export function configuredSiteOrigin(env: Environment = process.env): string | null {
  for (const variable of ['SITE_URL', 'AUTH_URL'] as const) {
    const value = env[variable]?.trim();
    if (!value) continue;
    try {
      const url = new URL(value);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
    } catch {
      // not a URL: the next one, if any
    }
  }
  return null;
}

/**
 * The public origin, e.g. `https://klyngeregnskab.dk`. Production refuses to start without one
 * (lib/env.ts); during `next build` and in development or tests without one, the local address
 * the development server listens on stands in.
 */
export function siteOrigin(env: Environment = process.env): string {
  return configuredSiteOrigin(env) ?? `http://localhost:${env.PORT?.trim() || 3000}`;
}

/** An absolute address on the site for a path (`/login/nulstil/…`). */
export function siteUrl(path: string, env: Environment = process.env): URL {
  // `//host/…` would name another origin: a path is always on this one
  return new URL(`/${path.replace(/^[/\\]+/, '')}`, siteOrigin(env));
}

/**
 * Auth.js builds its own absolute addresses (the redirect after signing in or out, its cookie
 * names) from AUTH_URL, and without it from the request's Host and X-Forwarded-Host. Run once at
 * start: when only SITE_URL is set, Auth.js gets it as AUTH_URL.
 */
export function adoptSiteOriginForAuth(env: Environment = process.env): void {
  const origin = configuredSiteOrigin(env);
  if (origin && !env.AUTH_URL?.trim()) env.AUTH_URL = origin;
}

/** Whether the site is served over HTTPS: decides HSTS and the Secure flag of our own cookies. */
export function siteIsHttps(env: Environment = process.env): boolean {
  return siteOrigin(env).startsWith('https:');
}
