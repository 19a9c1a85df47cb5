// Bad configuration stops the start with one clear line (run against the production build).
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { TEST_PORT_BASE } from './ports';

const configurationLines = (output: string) =>
  output.split('\n').filter((line) => line.startsWith('Configuration error:'));

test('an unreachable DATABASE_URL stops the demo with one line saying what to fix', () => {
  const result = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/demo.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: 'postgres://user:secret@127.0.0.1:9/accounts',
      PORT: String(TEST_PORT_BASE + 98),
    },
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
    SITE_URL: 'https://klyngeregnskab.example',
    PGLITE_DIR: `/tmp/klyngeregnskab-no-secret-${TEST_PORT_BASE}`,
  };
  delete env.AUTH_SECRET;
  const result = spawnSync('npx', ['next', 'start', '-p', String(TEST_PORT_BASE + 97), '-H', '127.0.0.1'], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  const lines = configurationLines(result.stderr);
  expect(lines).toEqual([expect.stringMatching(/^Configuration error: AUTH_SECRET is not set/)]);
});

test('a production start without the public origin (SITE_URL or AUTH_URL) stops with one line saying what to fix', () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    AUTH_SECRET: 'startup-test-secret-startup-test-secret-0123',
    PGLITE_DIR: `/tmp/klyngeregnskab-no-site-${TEST_PORT_BASE}`,
  };
  delete env.SITE_URL;
  delete env.AUTH_URL;
  const result = spawnSync('npx', ['next', 'start', '-p', String(TEST_PORT_BASE + 96), '-H', '127.0.0.1'], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(configurationLines(result.stderr)).toEqual([
    expect.stringMatching(
      /^Configuration error: SITE_URL is not set: set it to the address people use to reach the site/,
    ),
  ]);
});
