import { describe, expect, it } from 'vitest';
import { passwordProblem } from '@/lib/auth/password-policy';
import { afterFailure, EMAIL_POLICY, secondsToWait } from '@/lib/auth/throttle-rules';
import {
  clientAddress,
  openClientAddress,
  sealClientAddress,
  trustedProxyHops,
} from '@/lib/auth/client-address';
import { startedByAnotherSite } from '@/lib/auth/fetch-site';
import { areaOf, contentSecurityPolicy, needsSignIn } from '@/lib/security-headers';

const at = (s: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, s));

describe('throttle rules', () => {
  it('lets the first failures through, then makes each attempt wait longer, then locks', () => {
    let state = afterFailure(EMAIL_POLICY, undefined, at(0));
    expect(state.failures).toBe(1);
    state = afterFailure(EMAIL_POLICY, state, at(1));
    expect(secondsToWait(EMAIL_POLICY, state, at(1))).toBe(0);
    state = afterFailure(EMAIL_POLICY, state, at(2)); // 3 failures: slowed from here
    expect(secondsToWait(EMAIL_POLICY, state, at(2))).toBe(1);
    expect(secondsToWait(EMAIL_POLICY, state, at(3))).toBe(0);
    state = afterFailure(EMAIL_POLICY, state, at(3));
    expect(secondsToWait(EMAIL_POLICY, state, at(3))).toBe(2);
    for (let i = 5; i <= EMAIL_POLICY.lockAfter; i++) state = afterFailure(EMAIL_POLICY, state, at(100 * i));
    expect(state.lockedNow).toBe(true);
    expect(secondsToWait(EMAIL_POLICY, state, at(1000))).toBe(EMAIL_POLICY.lockSeconds);
    // after the lock, a failure starts a fresh count
    const after = afterFailure(EMAIL_POLICY, state, at(1000 + EMAIL_POLICY.lockSeconds));
    expect(after).toMatchObject({ failures: 1, lockedNow: false, lockedUntil: null });
  });

  it('forgets failures after the window', () => {
    const state = { failures: 8, lastFailureAt: at(0), lockedUntil: null };
    expect(secondsToWait(EMAIL_POLICY, state, at(30))).toBeGreaterThan(0);
    expect(secondsToWait(EMAIL_POLICY, state, at(EMAIL_POLICY.windowSeconds))).toBe(0);
    expect(afterFailure(EMAIL_POLICY, state, at(EMAIL_POLICY.windowSeconds)).failures).toBe(1);
  });
});

describe('password policy', () => {
  const context = { email: 'jens.hansen@example.org', common: new Set(['password1234', 'qwertyuiop12']) };
  it.each([
    ['elleve tegn', 'too_short'],
    ['x'.repeat(201), 'too_long'],
    ['Password1234', 'common'],
    ['aaaaaaaaaaaaaa', 'common'],
    ['JENS.HANSEN@example.org', 'like_email'],
    ['min-jens.hansen-kode', 'like_email'],
  ])('%s → %s', (password, problem) => {
    expect(passwordProblem(password, password, context)).toBe(problem);
  });
  it('accepts a long uncommon password and checks the repetition', () => {
    expect(passwordProblem('blå hest på taget', 'blå hest på taget', context)).toBeNull();
    expect(passwordProblem('blå hest på taget', 'blå hest på tage', context)).toBe('mismatch');
    // twelve characters counted as characters, not bytes
    expect(passwordProblem('æøåæøåæøåæø', 'æøåæøåæøåæø', context)).toBe('too_short');
  });
});

describe('security headers', () => {
  it('sorts paths into areas in both languages', () => {
    expect(areaOf('/')).toBe('public');
    expect(areaOf('/en/regnskab/2016')).toBe('public');
    expect(areaOf('/portal/x/2017')).toBe('per-request');
    expect(areaOf('/en/admin')).toBe('per-request');
    expect(areaOf('/login/glemt')).toBe('per-request');
    expect(areaOf('/embed/regnskab/2016/region')).toBe('embed');
    expect(areaOf('/portalen')).toBe('public');
    expect(needsSignIn('/en/portal')).toBe(true);
    expect(needsSignIn('/login')).toBe(false);
  });
  it('allows inline scripts only by nonce, in every area, and lets only embeds be framed', () => {
    expect(contentSecurityPolicy('per-request', { nonce: 'abc' })).toContain(
      `script-src 'self' 'nonce-abc' 'strict-dynamic'`,
    );
    expect(contentSecurityPolicy('public', { nonce: 'abc' })).toContain(
      `script-src 'self' 'nonce-abc' 'strict-dynamic'`,
    );
    // without a nonce (the fallback header of next.config.mjs): our own files only
    expect(contentSecurityPolicy('public')).toContain(`script-src 'self';`);
    for (const area of ['per-request', 'public', 'embed'] as const)
      expect(contentSecurityPolicy(area, { nonce: 'abc' })).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(contentSecurityPolicy('public')).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(contentSecurityPolicy('public')).toContain(`frame-ancestors 'none'`);
    expect(contentSecurityPolicy('embed')).toContain('frame-ancestors *');
    expect(
      contentSecurityPolicy('per-request', { nonce: 'n', formTargets: ['https://idp.example'] }),
    ).toContain(`form-action 'self' https://idp.example`);
  });
});

describe('single sign-on settings', () => {
  it('names the missing variable when only part of the OIDC settings is given', async () => {
    const { environmentProblems } = await import('@/lib/env');
    expect(
      environmentProblems({ AUTH_OIDC_ISSUER: 'https://idp.example', AUTH_OIDC_CLIENT_ID: 'x' } as never),
    ).toEqual([
      'Single sign-on needs all of AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET: AUTH_OIDC_CLIENT_SECRET is not set',
    ]);
    expect(
      environmentProblems({
        AUTH_OIDC_ISSUER: 'https://idp.example',
        AUTH_OIDC_CLIENT_ID: 'x',
        AUTH_OIDC_CLIENT_SECRET: 'y',
      } as never),
    ).toEqual([]);
  });
});

describe('the client address', () => {
  const at = (forwardedFor: string | null, peer: string | null, trustedProxyHops: number) =>
    clientAddress({ forwardedFor, peer, trustedProxyHops });

  it('is the socket peer when no proxy of ours is trusted (the default): X-Forwarded-For is ignored', () => {
    // a client that writes its own header cannot choose the address the throttle counts
    expect(at('203.0.113.9', '198.51.100.4', 0)).toBe('198.51.100.4');
    expect(at('6.6.6.6, 203.0.113.9', '198.51.100.4', 0)).toBe('198.51.100.4');
    expect(at(null, '::ffff:198.51.100.4', 0)).toBe('198.51.100.4');
    expect(at(null, '2001:db8::1', 0)).toBe('2001:db8::1');
    expect(at('203.0.113.9', null, 0)).toBeNull();
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '1' })).toBe(1);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: 'many' })).toBe(0);
  });

  it('behind n proxies of ours, the n-th address from the right of "X-Forwarded-For, then the peer"', () => {
    // one front proxy that overwrites the header with the address it saw
    expect(at('203.0.113.9', '10.0.0.2', 1)).toBe('203.0.113.9');
    // one that appends: the client's own left end is still not taken
    expect(at('6.6.6.6, 203.0.113.9', '10.0.0.2', 1)).toBe('203.0.113.9');
    // two proxies of ours
    expect(at('6.6.6.6, 203.0.113.9, 10.0.0.3', '10.0.0.2', 2)).toBe('203.0.113.9');
    // a request that reached the app directly: the peer itself
    expect(at(null, '198.51.100.4', 1)).toBe('198.51.100.4');
    expect(at('203.0.113.9', '10.0.0.2', 3)).toBe('203.0.113.9');
    expect(at(' , ', null, 1)).toBeNull();
    expect(at('1'.repeat(500), '10.0.0.2', 1)).toHaveLength(64);
  });

  it('travels in a header sealed by the process: a client sending that header is not believed', () => {
    const seal = 'process-seal-0123456789';
    expect(openClientAddress(sealClientAddress('203.0.113.9', seal), seal)).toBe('203.0.113.9');
    expect(openClientAddress(sealClientAddress(null, seal), seal)).toBeNull();
    expect(openClientAddress('forged-seal-0123456789x 6.6.6.6', seal)).toBeNull();
    expect(openClientAddress('6.6.6.6', seal)).toBeNull();
    expect(openClientAddress(sealClientAddress('203.0.113.9', seal), undefined)).toBeNull();
  });
});

describe('requests another site started', () => {
  it('are told apart by Sec-Fetch-Site; old browsers without it are let through', () => {
    expect(startedByAnotherSite('cross-site')).toBe(true);
    expect(startedByAnotherSite('same-site')).toBe(true);
    expect(startedByAnotherSite('same-origin')).toBe(false);
    expect(startedByAnotherSite('none')).toBe(false);
    expect(startedByAnotherSite(null)).toBe(false);
  });
});
