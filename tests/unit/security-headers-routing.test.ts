// The public pages' policy is a static header in next.config.mjs and the per-request pages' policy
// comes from proxy.ts, whose matcher Next reads literally. This checks that the two route lists
// together give every path exactly one policy, the one lib/security-headers assigns to its area.
import { pathToRegexp } from 'next/dist/compiled/path-to-regexp';
import { describe, expect, it } from 'vitest';
import { areaOf, contentSecurityPolicy, PER_REQUEST_AREAS } from '@/lib/security-headers';
import nextConfig from '@/next.config.mjs';
import { config as proxyConfig } from '@/proxy';

interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}

const matches = (source: string, path: string) => pathToRegexp(source, [], {}).test(path);

async function configPolicies(path: string): Promise<string[]> {
  const rules = (await nextConfig.headers?.()) as HeaderRule[];
  return rules
    .filter((rule) => matches(rule.source, path))
    .flatMap((rule) => rule.headers.filter((header) => header.key === 'Content-Security-Policy'))
    .map((header) => header.value);
}

type Matcher = string | { source: string; has?: { type: string; key: string }[] };
/** Whether Next runs the proxy for a request to `path` carrying these headers (lower-case names). */
const proxyRuns = (path: string, headers: string[] = []) =>
  (proxyConfig.matcher as Matcher[]).some((entry) =>
    typeof entry === 'string'
      ? matches(entry, path)
      : matches(entry.source, path) && (entry.has ?? []).every((rule) => headers.includes(rule.key)),
  );

const PAGES = [
  '/',
  '/en',
  '/regnskab',
  '/regnskab/2016',
  '/en/regnskab/2016/v/1',
  '/klynger',
  '/klynger/some-cluster',
  '/om/data',
  '/portalen',
  '/administration-of-things',
  '/embed/da/regnskab/2016/region',
  '/embed/en/trend',
  ...PER_REQUEST_AREAS.flatMap((area) => [`/${area}`, `/${area}/x/2017`, `/en/${area}`, `/en/${area}/y`]),
];

describe('every page gets exactly one Content-Security-Policy, from the right place', () => {
  it.each(PAGES)('%s', async (path) => {
    const area = areaOf(path);
    const fromConfig = await configPolicies(path);
    if (area === 'per-request') {
      expect(proxyRuns(path)).toBe(true);
      expect(fromConfig).toEqual([]);
    } else {
      expect(proxyRuns(path)).toBe(false);
      expect(fromConfig).toEqual([contentSecurityPolicy(area, { development: true })]);
    }
  });

  it('a post (which carries Origin) reaches the proxy on every page, for the cross-site check', () => {
    for (const path of PAGES) expect(proxyRuns(path, ['origin'])).toBe(true);
    expect(proxyRuns('/api/auth/callback/credentials', ['origin'])).toBe(false);
  });

  it('the API answers get their own closed policy and never the proxy', async () => {
    expect(proxyRuns('/api/v1/accounts/2016')).toBe(false);
    expect(await configPolicies('/api/v1/accounts/2016')).toEqual([
      "default-src 'none'; frame-ancestors 'none'",
    ]);
  });
});
