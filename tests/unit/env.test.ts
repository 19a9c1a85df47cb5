import { describe, expect, it } from 'vitest';
import { describeDatabaseFailure, environmentProblems } from '@/lib/env';

describe('configuration checks at start', () => {
  it('accepts the embedded database with no settings in development', () => {
    expect(environmentProblems({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('says in one line that production needs AUTH_SECRET', () => {
    const problems = environmentProblems({ NODE_ENV: 'production' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^AUTH_SECRET is not set/);
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
