import { describe, expect, it } from 'vitest';
import { describeDatabaseFailure, environmentProblems } from '@/lib/env';

describe('configuration checks at start', () => {
  it('accepts the embedded database with no settings in development', () => {
    expect(environmentProblems({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('says in one line that production needs AUTH_SECRET', () => {
    const problems = environmentProblems({ NODE_ENV: 'production', SITE_URL: 'https://klynge.example' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^AUTH_SECRET is not set/);
  });

  it('says in one line that production needs the public origin, SITE_URL (or AUTH_URL)', () => {
    const secret = 'x'.repeat(40);
    const problems = environmentProblems({ NODE_ENV: 'production', AUTH_SECRET: secret });
    expect(problems).toEqual([
      expect.stringMatching(/^SITE_URL is not set: set it to the address people use/),
    ]);
    expect(
      environmentProblems({
        NODE_ENV: 'production',
        AUTH_SECRET: secret,
        AUTH_URL: 'https://k.example/api/auth',
      }),
    ).toEqual([]);
    expect(
      environmentProblems({ NODE_ENV: 'production', AUTH_SECRET: secret, SITE_URL: 'https://k.example/' }),
    ).toEqual([]);
  });

  it('refuses a public origin that is no plain origin, and two that disagree', () => {
    const one = (env: Record<string, string>) => environmentProblems({ NODE_ENV: 'development', ...env });
    expect(one({ SITE_URL: 'klynge.example' })).toEqual([
      expect.stringMatching(/^SITE_URL must be the address/),
    ]);
    expect(one({ SITE_URL: 'ftp://klynge.example' })).toEqual([
      expect.stringMatching(/^SITE_URL must start with https/),
    ]);
    expect(one({ SITE_URL: 'https://klynge.example/site' })).toEqual([
      expect.stringMatching(/without a path/),
    ]);
    expect(one({ SITE_URL: 'https://user:pw@klynge.example' })).toHaveLength(1);
    expect(one({ SITE_URL: 'https://a.example', AUTH_URL: 'https://b.example' })).toEqual([
      expect.stringMatching(/name different sites/),
    ]);
    expect(one({ TRUSTED_PROXY_HOPS: '-1' })).toEqual([expect.stringMatching(/^TRUSTED_PROXY_HOPS must be/)]);
    expect(one({ TRUSTED_PROXY_HOPS: '1' })).toEqual([]);
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', () => {
    expect(environmentProblems({ NODE_ENV: 'development', DATABASE_URL: 'mysql://x' })[0]).toMatch(
      /^DATABASE_URL: /,
    );
  });

  it('names the unreachable database without its password', () => {
    const line = describeDatabaseFailure(new Error('connect ECONNREFUSED 127.0.0.1:5999'), {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://user:secret@127.0.0.1:5999/accounts',
    });
    expect(line).toContain('127.0.0.1:5999/accounts');
    expect(line).toContain('ECONNREFUSED');
    expect(line).not.toContain('secret');
    expect(line.split('\n')).toHaveLength(1);
  });
});
