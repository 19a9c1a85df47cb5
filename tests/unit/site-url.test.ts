// The one configured public origin every absolute address comes from (lib/site-url.ts).
import { describe, expect, it } from 'vitest';
import {
  adoptSiteOriginForAuth,
  configuredSiteOrigin,
  siteIsHttps,
  siteOrigin,
  siteUrl,
} from '@/lib/site-url';

describe('the public origin', () => {
  it('is SITE_URL, else AUTH_URL (without Auth.js’s path), as an origin', () => {
    expect(siteOrigin({ SITE_URL: 'https://klynge.example/' })).toBe('https://klynge.example');
    expect(siteOrigin({ AUTH_URL: 'https://klynge.example/api/auth' })).toBe('https://klynge.example');
    expect(siteOrigin({ SITE_URL: 'http://127.0.0.1:4000', AUTH_URL: 'https://other.example' })).toBe(
      'http://127.0.0.1:4000',
    );
    expect(siteUrl('/login/nulstil/abc', { SITE_URL: 'https://klynge.example' }).href).toBe(
      'https://klynge.example/login/nulstil/abc',
    );
  });

  it('is never taken from anything but the configuration; unset, the local development address', () => {
    expect(configuredSiteOrigin({})).toBeNull();
    expect(siteOrigin({ PORT: '4321' })).toBe('http://localhost:4321');
    // a path that tries to leave the origin stays on it
    expect(siteUrl('//evil.example/x', { SITE_URL: 'https://klynge.example' }).origin).toBe(
      'https://klynge.example',
    );
  });

  it('decides HSTS and secure cookies from its scheme', () => {
    expect(siteIsHttps({ SITE_URL: 'https://klynge.example' })).toBe(true);
    expect(siteIsHttps({ SITE_URL: 'http://127.0.0.1:4000' })).toBe(false);
  });

  it('is handed to Auth.js as AUTH_URL when only SITE_URL is set, so its redirects use it too', () => {
    const env: Record<string, string | undefined> = { SITE_URL: 'https://klynge.example' };
    adoptSiteOriginForAuth(env);
    expect(env.AUTH_URL).toBe('https://klynge.example');
    const own: Record<string, string | undefined> = { AUTH_URL: 'https://a.example/api/auth' };
    adoptSiteOriginForAuth(own);
    expect(own.AUTH_URL).toBe('https://a.example/api/auth');
  });
});
