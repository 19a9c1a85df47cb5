// `npm run demo`: after `next build`, prepares the embedded (or DATABASE_URL) database with the
// demo data once, prints where to go and how to sign in, and serves the app with `next start`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { targetFromEnv } from '../db/client';
import { DEMO_ADMIN_EMAIL, DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from '../db/seed/demo';
import { prepareDemoDatabase } from '../db/seed/prepare';
import { describeDatabaseFailure, environmentProblems } from '../lib/env';
import { withServerHeapLimit } from '../lib/server-memory';

function demoAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  // a stable secret per checkout, so sessions survive a restart of the demo
  const file = path.join(process.cwd(), '.data', 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(33).toString('base64'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** Where the demo is reached: HOSTNAME and PORT, with `localhost` for "every interface". */
function demoAddress(env: NodeJS.ProcessEnv): { hostname: string; port: string } {
  const listen = env.HOSTNAME?.trim();
  const hostname = listen && listen !== '0.0.0.0' && listen !== '::' ? listen : 'localhost';
  return { hostname: hostname.includes(':') ? `[${hostname}]` : hostname, port: env.PORT?.trim() || '3000' };
}

async function main() {
  const { hostname, port } = demoAddress(process.env);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AUTH_SECRET: demoAuthSecret(),
    AUTH_TRUST_HOST: 'true',
    // every link and canonical address the demo writes points where it listens (lib/site-url.ts)
    ...(process.env.SITE_URL?.trim() || process.env.AUTH_URL?.trim()
      ? {}
      : { SITE_URL: `http://${hostname}:${port}` }),
    KLYNGEREGNSKAB_DEMO: '1',
  };
  const problems = environmentProblems({ ...env, NODE_ENV: 'production' });
  if (problems.length > 0) {
    for (const problem of problems) console.error(`Configuration error: ${problem}`);
    process.exit(1);
  }

  let logins: string[];
  try {
    ({ logins } = await prepareDemoDatabase(targetFromEnv(env)));
  } catch (error) {
    console.error(`Configuration error: ${describeDatabaseFailure(error, env)}`);
    process.exit(1);
  }

  const site = (env.SITE_URL?.trim() || env.AUTH_URL?.trim() || '').replace(/\/(api\/auth\/?)?$/, '');
  console.log(`
Klyngeregnskab demo (synthetic data) — ${site}

Sign in at ${site}/login with password "${DEMO_PASSWORD}":
  ${DEMO_ADMIN_EMAIL}  (secretariat; TOTP secret ${DEMO_ADMIN_TOTP_SECRET})
${logins
  .filter((email) => email !== DEMO_ADMIN_EMAIL)
  .map((email) => `  ${email}  (cluster staff)`)
  .join('\n')}
  … and {organisation-slug}@example.org for every organisation.
`);

  const args = ['start', '-p', port];
  if (env.HOSTNAME) args.push('-H', env.HOSTNAME);
  const server = spawn(path.join(process.cwd(), 'node_modules', '.bin', 'next'), args, {
    env: withServerHeapLimit(env),
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

main();
