// End-to-end tests drive the production build (`next build` first) in Debian's Chromium, on a
// fresh copy of the demo data: PGlite by default, PostgreSQL when E2E_DATABASE_URL is set.
import { defineConfig, devices } from '@playwright/test';
import { E2E_PORT, SMTP_PORT, TEST_CLOCK_TOKEN } from './tests/e2e/ports';

const port = E2E_PORT;
const dataDir = process.env.PGLITE_DIR ?? `/tmp/klyngeregnskab-e2e-${port}`;
const databaseUrl = process.env.E2E_DATABASE_URL;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  // one server on one embedded database: tests run one at a time
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // The demo admin signs in with a TOTP code, and each 30-second step is accepted once: after the
  // first few sign-ins of a run, each admin sign-in waits for a step of its own, up to 30 s, so a
  // test with two of them can wait a minute before it does anything slow.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: databaseUrl
      ? 'npx tsx --conditions=react-server scripts/demo.ts'
      : `rm -rf ${dataDir} && npx tsx --conditions=react-server scripts/demo.ts`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      PGLITE_DIR: dataDir,
      AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      AUTH_TRUST_HOST: 'true',
      // the one public origin every absolute address is built from (lib/site-url.ts)
      SITE_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: '1',
      // mail goes to an SMTP server a test may start on this port (tests/e2e/mail.ts); when none
      // listens, sending fails quietly and the link is shown/logged as without SMTP
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      // the scheduled-release run says what time it is (lib/clock); no other run has the clock
      ...(process.env.E2E_RELEASES === '1' ? { KLYNGE_TEST_CLOCK_TOKEN: TEST_CLOCK_TOKEN } : {}),
    },
  },
});
