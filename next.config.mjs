import { fileURLToPath } from 'node:url';
import createNextIntlPlugin from 'next-intl/plugin';
import { contentSecurityPolicy, PER_REQUEST_AREAS } from './lib/security-headers/policy.mjs';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships wasm and data files, argon2 a native binary, pg-boss reads its version.json: load them
  // from node_modules at run time
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@node-rs/argon2',
    'postgres',
    'exceljs',
    'ioredis',
    'pg-boss',
    'pg',
  ],
  // Next's own in-memory cache, with tag expiries shared between instances through Redis when
  // REDIS_URL is set (lib/cache/coordinator.mjs says why that keeps several instances in agreement)
  cacheHandler: fileURLToPath(new URL('./lib/cache/handler.mjs', import.meta.url)),
  // migrations and messages are read from disk at run time
  outputFileTracingIncludes: {
    '/*': ['./db/migrations/**/*', './messages/**/*', './lib/auth/common-passwords.txt'],
  },
  poweredByHeader: false,
  // forbidden() answers a refused portal/admin page with status 403 and the forbidden.tsx boundary
  experimental: {
    authInterrupts: true,
    // a 20,000-row company list with a few extra columns (names, addresses) as Excel saves it
    serverActions: { bodySizeLimit: '8mb' },
    // The data cache (publications through unstable_cache) and rendered public pages are kept in
    // memory only, never in .next/: on disk they outlived the database they came from (a re-seeded
    // demo or an e2e run on a fresh database showed the previous database's published years; a
    // restored backup would too), while the tag invalidations that keep them fresh live in memory.
    isrFlushToDisk: false,
  },
  reactStrictMode: true,
  typedRoutes: false,
  // Danish lives at /…, English at /en/…; both are served by app/[locale]. A rewrite in the config
  // (not in the proxy) stays on the server's own origin whatever host it listens on. /embed/{locale}/…
  // carries its language in the path and has a root layout of its own (no site chrome, for iframes).
  async rewrites() {
    return {
      // after the filesystem: files in public/ (robots.txt) are served as they are
      afterFiles: [
        { source: '/', destination: '/da' },
        { source: '/:path((?!en(?:/|$)|da(?:/|$)|api/|_next/|embed/).*)', destination: '/da/:path' },
      ],
    };
  },
  // Content-Security-Policy per area (lib/security-headers). Here, the fallback for the public pages
  // and embeds — our own files only, no inline script — which lib/request-hooks.ts replaces with the
  // policy naming the nonce each page was rendered with; proxy.ts gives the pages rendered per
  // request their own. HSTS is sent by lib/request-hooks.ts too: it depends on the configured
  // origin, which is known when the server starts, not when it is built.
  async headers() {
    // headers() runs at build (production) or at `next dev` start (development: React needs eval)
    const development = process.env.NODE_ENV !== 'production';
    const perRequest = PER_REQUEST_AREAS.join('|');
    const common = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    ];
    return [
      { source: '/:path*', headers: common },
      // only the public chart embeds may be shown in another site's frame
      { source: '/((?!embed/|en/embed/).*)', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] },
      {
        source: `/((?!api(?:/|$)|_next/|embed/|en/embed/|(?:en/|da/)?(?:${perRequest})(?:/|$)).*)`,
        headers: [
          { key: 'Content-Security-Policy', value: contentSecurityPolicy('public', { development }) },
        ],
      },
      {
        source: '/:path((?:en/)?embed/.*)',
        headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy('embed', { development }) }],
      },
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
  async redirects() {
    return [
      { source: '/da', destination: '/', permanent: true },
      { source: '/da/:path*', destination: '/:path*', permanent: true },
    ];
  },
};

export default withNextIntl(nextConfig);
