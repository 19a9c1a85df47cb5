// `npm run demo:stack`: after `next build`, the production topology with the demo data on 127.0.0.1 —
// nginx on PORT (default 8080), INSTANCES app instances (default 2) on PORT+1 …, Redis, and
// PostgreSQL (DATABASE_URL, or a throwaway server). Prints where everything is and the logins;
// Ctrl-C stops all it started.
import fs from 'node:fs';
import { DEMO_ADMIN_EMAIL, DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from '../db/seed/demo';
import { describeDatabaseFailure } from '../lib/env';
import { type Stack, stackProblems, startStack } from './stack/stack';

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`Configuration error: ${name} must be a port number`);
    process.exit(1);
  }
  return value;
}

async function main() {
  const port = portFrom('PORT', 8080);
  const instances = Number(process.env.INSTANCES ?? 2);
  if (!Number.isInteger(instances) || instances < 1 || instances > 16) {
    console.error('Configuration error: INSTANCES must be a whole number from 1 to 16');
    process.exit(1);
  }
  const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
  const problems = stackProblems({ databaseUrl });
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }

  let stack: Stack;
  try {
    stack = await startStack({
      port,
      instances,
      databaseUrl,
      redisPort: portFrom('REDIS_PORT', port + 100),
      postgresPort: process.env.POSTGRES_PORT ? portFrom('POSTGRES_PORT', 0) : undefined,
      log: (line) => console.log(line),
    });
  } catch (error) {
    console.error(`Could not start the stack: ${describeDatabaseFailure(error, process.env)}`);
    process.exit(1);
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping nginx, the app instances, Redis and PostgreSQL …');
    await stack.stop();
    // the generated nginx.conf, its cache and the logs were this run's only
    fs.rmSync(stack.dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  console.log(`
Klyngeregnskab production stack (synthetic demo data) — ${stack.url}

  front (nginx, caches public pages ~1 s)  ${stack.url}
${stack.instances.map((instance, index) => `  app instance ${index + 1}                           ${instance.url}`).join('\n')}
  Redis (shared cache expiries)            ${stack.redis.url}
  PostgreSQL                               ${stack.postgres ? `throwaway server on port ${stack.postgres.port}` : 'DATABASE_URL'}
  logs and generated nginx.conf            ${stack.dir} (removed on Ctrl-C)

Sign in at ${stack.url}/login with password "${DEMO_PASSWORD}":
  ${DEMO_ADMIN_EMAIL}  (secretariat; TOTP secret ${DEMO_ADMIN_TOTP_SECRET})
${stack.logins
  .filter((email) => email !== DEMO_ADMIN_EMAIL)
  .slice(0, 5)
  .map((email) => `  ${email}  (cluster staff)`)
  .join('\n')}
  … and {organisation-slug}@example.org for every organisation.

Press Ctrl-C to stop everything.
`);
  // an instance or nginx that ends by itself: say so (the rest keeps running, as in production)
  const reported = new Set<string>();
  const watch = setInterval(() => {
    for (const part of [stack.front, ...stack.instances, stack.redis]) {
      if (part.running) reported.delete(part.name);
      else if (!stopping && !reported.has(part.name)) {
        reported.add(part.name);
        console.warn(`${part.name} has stopped`);
      }
    }
  }, 5000);
  watch.unref();
  await new Promise(() => {});
}

main();
