// The route matcher Next itself uses for `headers()` sources and the proxy's matcher, and our
// next.config.mjs, read by tests/unit/security-headers-routing.test.ts.
declare module 'next/dist/compiled/path-to-regexp' {
  export function pathToRegexp(path: string, keys?: unknown[], options?: object): RegExp;
}

declare module '@/next.config.mjs' {
  const config: import('next').NextConfig;
  export default config;
}
