// `npm run bench:load`: many public readers and 20 signed-in staff saving drafts (bench/staff.ts)
// against a running `next start`, for a bounded time, on 127.0.0.1 only. Prints one JSON report
// (errors, status codes, latency percentiles per scenario) and writes it to bench-results/.
// Exits 1 when any request or save failed (or a save met a version conflict), so CI can run a
// short form of it.
//
//   npm run bench:load                                    # against http://127.0.0.1:3000, 60 s, 200 readers + 20 staff
//   LOAD_DURATION=10 LOAD_READERS=50 npm run bench:load -- --serve   # its own `next start` (after `next build`)
//   scripts/with-postgres.sh sh -c 'DATABASE_URL=$TEST_DATABASE_URL npm run bench:load -- --serve'   # on PostgreSQL
//
// --serve loads the demo data first (into DATABASE_URL, or PGLITE_DIR, or a fresh folder under /tmp)
// when that database is empty, then starts `next start` on 127.0.0.1:LOAD_PORT and stops it after.
//
// Environment: LOAD_URL (default http://127.0.0.1:3000), LOAD_DURATION seconds (1–600, default 60),
// LOAD_READERS connections (default 200), LOAD_YEAR (default 2016), LOAD_PORT with --serve,
// LOAD_STAFF staff sessions (0–100, default 20) saving their organisation's form for LOAD_STAFF_YEAR
// (default the demo's open year, 2017): the demo staff `{slug}@example.org` / demo-password, the
// first LOAD_STAFF organisations whose form can be saved (LOAD_STAFF_SLUGS, comma-separated, to
// choose others). Staff sign in before the clock starts; readers and savers then run side by side.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { targetFromEnv } from '@/db/client';
import { DEMO_OPEN_YEAR, DEMO_PASSWORD, demoOrganisations } from '@/db/seed/demo';
import { prepareDemoDatabase } from '@/db/seed/prepare';
import { withServerHeapLimit } from '@/lib/server-memory';
import { type StaffReport, type StaffSession, signInStaff } from './staff';
import { runStaffSaversInChild } from './staff-process';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface Scenario {
  name: string;
  /** concurrent connections of this scenario */
  connections: number;
  /** the requests each connection cycles through */
  requests: AutocannonRequest[];
  /** a response that is not 2xx counts as a failure unless listed here (e.g. 303 after a form post) */
  acceptStatus?: number[];
}

export interface ScenarioReport {
  connections: number;
  requests: { total: number; perSecond: number };
  latencyMs: { p50: number; p90: number; p97_5: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  failedResponses: number;
  statusCodes: Record<string, number>;
}

export interface LoadReport {
  target: string;
  durationSeconds: number;
  startedAt: string;
  scenarios: Record<string, ScenarioReport>;
  /** the staff saving drafts, when any took part */
  staff?: StaffReport;
  ok: boolean;
}

function settings(env: NodeJS.ProcessEnv = process.env) {
  const durationSeconds = Number(env.LOAD_DURATION ?? 60);
  const readers = Number(env.LOAD_READERS ?? 200);
  const staff = Number(env.LOAD_STAFF ?? 20);
  if (!Number.isInteger(durationSeconds) || durationSeconds < 1 || durationSeconds > 600)
    throw new Error('LOAD_DURATION must be whole seconds between 1 and 600');
  if (!Number.isInteger(readers) || readers < 0 || readers > 1000)
    throw new Error('LOAD_READERS must be between 0 and 1000');
  if (!Number.isInteger(staff) || staff < 0 || staff > 100)
    throw new Error('LOAD_STAFF must be between 0 and 100');
  return {
    durationSeconds,
    readers,
    year: Number(env.LOAD_YEAR ?? 2016),
    staff,
    staffYear: Number(env.LOAD_STAFF_YEAR ?? DEMO_OPEN_YEAR),
    staffSlugs: env.LOAD_STAFF_SLUGS
      ? env.LOAD_STAFF_SLUGS.split(',').map((slug) => slug.trim())
      : demoOrganisations().map((organisation) => organisation.slug),
    staffPassword: env.LOAD_STAFF_PASSWORD ?? DEMO_PASSWORD,
  };
}

/** Refuses anything but this machine: a load test must never hit someone else's server. */
export function loopbackUrl(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname))
    throw new Error(`bench/load.ts only targets http://127.0.0.1 (got ${url.protocol}//${url.hostname})`);
  return url;
}

/** Public readers, split evenly over the front page and the year's open-data API. */
export function publicReaders(readers: number, year: number): Scenario[] {
  if (readers === 0) return [];
  const paths = [
    { name: 'public: /', path: '/' },
    { name: `public: /api/v1/accounts/${year}`, path: `/api/v1/accounts/${year}` },
  ];
  return paths.map((entry, index) => ({
    name: entry.name,
    connections: Math.max(1, Math.floor(readers / paths.length) + (index < readers % paths.length ? 1 : 0)),
    requests: [{ method: 'GET', path: entry.path }],
  }));
}

function scenarios(config: ReturnType<typeof settings>): Scenario[] {
  return publicReaders(config.readers, config.year);
}

function summarise(scenario: Scenario, result: AutocannonResult): ScenarioReport {
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
  );
  const accepted = new Set(scenario.acceptStatus ?? []);
  const failedResponses = Object.entries(statusCodes)
    .filter(([code]) => !(code.startsWith('2') || accepted.has(Number(code))))
    .reduce((total, [, count]) => total + count, 0);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    connections: scenario.connections,
    requests: { total: result.requests.total, perSecond: round(result.requests.average) },
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: round(result.latency.mean ?? result.latency.average),
    },
    errors: result.errors,
    timeouts: result.timeouts,
    failedResponses,
    statusCodes,
  };
}

/**
 * The public scenarios (autocannon) and, when `staff` sessions are given (signed in already, see
 * `signInStaff` in bench/staff.ts), the staff saving drafts, all at once for `durationSeconds`.
 * `ok` only when no request failed, no save failed and no save met a version conflict.
 */
export async function runLoad(
  target: URL,
  durationSeconds: number,
  list: Scenario[],
  staff: StaffSession[] = [],
): Promise<LoadReport> {
  // one request per path first: a publication day's crowd meets a warm cache, not the first render
  for (const path of new Set(
    list.flatMap((scenario) => scenario.requests.map((request) => request.path ?? '/')),
  ))
    await fetch(new URL(path, target), { signal: AbortSignal.timeout(60_000) }).then((response) =>
      response.arrayBuffer(),
    );
  const startedAt = new Date().toISOString();
  // all scenarios at once, as real traffic would be; each bounded by `duration`
  const staffRun = staff.length > 0 ? runStaffSaversInChild(target, staff, durationSeconds) : undefined;
  const results = await Promise.all(
    list.map((scenario) =>
      autocannon({
        url: target.origin,
        connections: scenario.connections,
        duration: durationSeconds,
        timeout: 10,
        requests: scenario.requests,
      }).then((result) => [scenario.name, summarise(scenario, result)] as const),
    ),
  );
  const staffReport = await staffRun;
  const scenarioReports = Object.fromEntries(results);
  const ok =
    Object.values(scenarioReports).every(
      (report) => report.errors === 0 && report.timeouts === 0 && report.failedResponses === 0,
    ) &&
    (staffReport === undefined ||
      (staffReport.failures === 0 && staffReport.conflicts === 0 && staffReport.saves.total > 0));
  return {
    target: target.origin,
    durationSeconds,
    startedAt,
    scenarios: scenarioReports,
    staff: staffReport,
    ok,
  };
}

async function waitForHealth(target: URL, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  let last = '';
  while (Date.now() < until) {
    try {
      const response = await fetch(new URL('/api/health', target), { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${target.origin}/api/health did not answer 200 (${last}): is the app running?`);
}

/** the PGlite folder --serve made for itself, removed when the server has stopped */
let temporaryDataDir: string | undefined;

async function serve(port: number): Promise<ChildProcess> {
  // as `npm start` runs it
  const env: NodeJS.ProcessEnv = withServerHeapLimit({
    ...process.env,
    AUTH_TRUST_HOST: 'true',
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'load-test-secret-'.repeat(3),
    SITE_URL: process.env.SITE_URL ?? `http://127.0.0.1:${port}`,
  });
  if (!env.DATABASE_URL && !env.PGLITE_DIR) {
    env.PGLITE_DIR = fs.mkdtempSync('/tmp/klyngeregnskab-load-');
    temporaryDataDir = env.PGLITE_DIR;
  }
  // the demo data, so the pages and the API have published years to show (PGlite: before the
  // server opens the folder — one process at a time)
  await prepareDemoDatabase(targetFromEnv(env), (line) => console.error(line));
  const next = path.join(process.cwd(), 'node_modules', '.bin', 'next');
  return spawn(next, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
}

async function main() {
  const { values } = parseArgs({ options: { serve: { type: 'boolean', default: false } } });
  const config = settings();
  let server: ChildProcess | undefined;
  let target: URL;
  if (values.serve) {
    const port = Number(process.env.LOAD_PORT ?? 3150);
    target = loopbackUrl(`http://127.0.0.1:${port}`);
    server = await serve(port);
  } else {
    target = loopbackUrl(process.env.LOAD_URL ?? 'http://127.0.0.1:3000');
  }
  try {
    if (server) {
      // a server that could not start (the port taken, say) must not leave another one measured
      const started = server;
      const exited = new Promise<never>((_, reject) =>
        started.once('exit', (code) =>
          reject(new Error(`next start exited (code ${code}) before it answered`)),
        ),
      );
      exited.catch(() => {});
      await Promise.race([waitForHealth(target, 120_000), exited]);
    } else {
      await waitForHealth(target, 10_000);
    }
    const staff =
      config.staff > 0
        ? await signInStaff(target, config.staffSlugs, config.staffYear, config.staff, config.staffPassword)
        : [];
    const report = await runLoad(target, config.durationSeconds, scenarios(config), staff);
    const json = JSON.stringify(report, null, 2);
    console.log(json);
    const folder = path.join(process.cwd(), 'bench-results');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `load-${report.startedAt.replace(/[:.]/g, '-')}.json`), `${json}\n`);
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    if (temporaryDataDir) fs.rmSync(temporaryDataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`Load test failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
