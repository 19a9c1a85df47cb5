// The whole production topology on 127.0.0.1: PostgreSQL (DATABASE_URL, or a throwaway server of its
// own), the demo data loaded once, Redis, INSTANCES app instances of one build, nginx in front.
// `npm run demo:stack` (scripts/demo-stack.ts), tests/stack and `npm run bench` start it from here.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, targetFromEnv } from '../../db/client';
import { prepareDemoDatabase } from '../../db/seed/prepare';
import {
  findPostgresBin,
  type PostgresServer,
  startPostgresServer,
} from '../../tests/helpers/postgres-server';
import { AppInstance, FrontProxy, missingPrograms, RedisServer } from './processes';

export interface StackOptions {
  /** the front's port; the instances listen on port+1 … port+instances */
  port: number;
  instances: number;
  /** PostgreSQL to use; unset: a throwaway server on `postgresPort` (default: a free port) */
  databaseUrl?: string;
  postgresPort?: number;
  redisPort: number;
  /** load the demo data into an empty database (default); false: only migrate (the bench's own data) */
  seedDemo?: boolean;
  /** logs and generated configuration; default: a new folder under the system's temp folder */
  dir?: string;
  /** instances' output to files in `dir` (default) or this terminal */
  instanceOutput?: 'files' | 'terminal';
  /** extra environment for every instance */
  env?: Record<string, string | undefined>;
  /** extra nginx location blocks (the bench's same-size static file) */
  frontLocations?: string;
  log?: (line: string) => void;
}

export interface Stack {
  url: string;
  front: FrontProxy;
  instances: AppInstance[];
  redis: RedisServer;
  postgres: PostgresServer | null;
  databaseUrl: string;
  logins: string[];
  dir: string;
  /** the environment each instance runs with (secrets included: keep it to this machine) */
  instanceEnv: NodeJS.ProcessEnv;
  /** one instance after another: out of nginx's rotation, SIGTERM (it finishes what it has), start, back in */
  rollingRestart(): Promise<void>;
  stop(): Promise<void>;
}

/** One line for each thing the stack needs and this machine lacks. */
export function stackProblems(options: Pick<StackOptions, 'databaseUrl'>): string[] {
  const problems = missingPrograms(['nginx', 'redis-server']);
  if (!options.databaseUrl && !findPostgresBin())
    problems.push(
      "PostgreSQL server not found: install it with 'apt-get install -y postgresql' (or set DATABASE_URL)",
    );
  if (!fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID')))
    problems.push('no production build in .next/: run `npx next build` first (npm run demo:stack does)');
  return problems;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? (() => {});
  const problems = stackProblems(options);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'klyngeregnskab-stack-'));
  fs.mkdirSync(dir, { recursive: true });
  // nginx's workers (nobody, when run as root) must reach their cache folder inside; nobody lists it
  fs.chmodSync(dir, 0o711);

  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const part of started.reverse()) await part.stop().catch(() => {});
  };
  try {
    let postgres: PostgresServer | null = null;
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      log('Starting a throwaway PostgreSQL …');
      // each instance keeps DATABASE_POOL_SIZE connections
      postgres = await startPostgresServer({ port: options.postgresPort, maxConnections: 200 });
      const server = postgres;
      started.push({ stop: () => server.destroy() });
      databaseUrl = postgres.url;
    }
    let logins: string[] = [];
    const target = targetFromEnv({ ...process.env, DATABASE_URL: databaseUrl });
    if (options.seedDemo === false) {
      // someone else's data (the bench's): only the migrations
      const handle = await openDatabase(target);
      await handle.migrate().finally(() => handle.close());
    } else {
      ({ logins } = await prepareDemoDatabase(target, log));
    }

    const redis = new RedisServer(options.redisPort, dir, path.join(dir, 'redis.log'));
    await redis.start();
    started.push(redis);

    const url = `http://127.0.0.1:${options.port}`;
    // where each instance listens is the stack's to say (`next start -H 127.0.0.1 -p …`), not the shell's
    const inherited: NodeJS.ProcessEnv = { ...process.env };
    delete inherited.PORT;
    delete inherited.HOSTNAME;
    const instanceEnv: NodeJS.ProcessEnv = {
      ...inherited,
      NODE_ENV: 'production',
      HOSTNAME: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '15',
      REDIS_URL: redis.url,
      // the one public origin: every absolute URL the app writes, and Auth.js's own
      SITE_URL: url,
      AUTH_URL: url,
      AUTH_TRUST_HOST: 'true',
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(33).toString('base64'),
      // one key for all instances: a server action's encrypted arguments, made by one, read by another
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:
        process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
      // nginx overwrites X-Forwarded-For with the address that connected to it: trust exactly that one
      TRUSTED_PROXY_HOPS: '1',
      // the site says the data is synthetic only when it is the demo's
      ...(options.seedDemo === false ? {} : { KLYNGEREGNSKAB_DEMO: '1' }),
      ...options.env,
    };
    const instances = Array.from(
      { length: options.instances },
      (_, index) =>
        new AppInstance({
          port: options.port + 1 + index,
          env: instanceEnv,
          logFile:
            options.instanceOutput === 'terminal' ? undefined : path.join(dir, `instance-${index + 1}.log`),
        }),
    );
    log(`Starting ${instances.length} app instances …`);
    for (const instance of instances) started.push(instance);
    await Promise.all(instances.map((instance) => instance.start()));

    const front = new FrontProxy({
      port: options.port,
      upstreamPorts: instances.map((instance) => instance.options.port),
      dir: path.join(dir, 'nginx'),
      extraLocations: options.frontLocations,
    });
    await front.start();
    started.push(front);

    return {
      url,
      front,
      instances,
      redis,
      postgres,
      databaseUrl,
      logins,
      dir,
      instanceEnv,
      async rollingRestart() {
        for (const instance of instances) {
          await front.setDrained(instance.options.port, true);
          await instance.restart();
          await front.setDrained(instance.options.port, false);
        }
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
