// Bad configuration stops the start with one clear line (run against the production build).
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

const configurationLines = (output: string) =>
  output.split('\n').filter((line) => line.startsWith('Configuration error:'));

test('an unreachable DATABASE_URL stops the demo with one line saying what to fix', () => {
  const result = spawnSync('npx', ['tsx', 'scripts/demo.ts'], {
    env: { ...process.env, DATABASE_URL: 'postgres://user:secret@127.0.0.1:9/accounts', PORT: '3198' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  const lines = configurationLines(result.stderr);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('127.0.0.1:9/accounts');
  expect(lines[0]).toContain('ECONNREFUSED');
  expect(lines[0]).not.toContain('secret');
});

test('a production start without AUTH_SECRET stops with one line saying what to fix', () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PGLITE_DIR: '/tmp/klyngeregnskab-no-secret',
  };
  delete env.AUTH_SECRET;
  const result = spawnSync('npx', ['next', 'start', '-p', '3197', '-H', '127.0.0.1'], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  const lines = configurationLines(result.stderr);
  expect(lines).toEqual([expect.stringMatching(/^Configuration error: AUTH_SECRET is not set/)]);
});
