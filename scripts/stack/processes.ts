// The processes of the production topology on one machine (127.0.0.1 only): app instances
// (`next start` of one build), Redis (the instances' shared cache expiries) and nginx (the front).
// Each can be stopped, killed and started again, which the fault tests and the bench do.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { withServerHeapLimit } from '../../lib/server-memory';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Debian's packages: where each program is and the one line that says how to get it. */
const PROGRAMS = {
  nginx: { candidates: ['/usr/sbin/nginx', '/usr/bin/nginx'], install: 'apt-get install -y nginx' },
  'redis-server': {
    candidates: ['/usr/bin/redis-server', '/usr/local/bin/redis-server'],
    install: 'apt-get install -y redis-server',
  },
} as const;

export type Program = keyof typeof PROGRAMS;

export function findProgram(name: Program): string | null {
  return PROGRAMS[name].candidates.find((candidate) => fs.existsSync(candidate)) ?? null;
}

/** One line per missing program: "nginx not found: install it with 'apt-get install -y nginx'". */
export function missingPrograms(names: Program[]): string[] {
  return names
    .filter((name) => !findProgram(name))
    .map((name) => `${name} not found: install it with '${PROGRAMS[name].install}'`);
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it holds (a readiness wait on a process we started, not a test's timing). */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`${what}: not ready within ${timeoutMs} ms`);
    await sleep(50);
  }
}

export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A process of the stack that can be stopped (gracefully), killed (SIGKILL) and started again. */
export abstract class StackProcess {
  protected child: ChildProcess | null = null;
  abstract readonly name: string;
  protected abstract spawnProcess(): ChildProcess;
  protected abstract ready(): Promise<boolean>;
  protected stopSignal: NodeJS.Signals = 'SIGTERM';

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const child = this.spawnProcess();
    this.child = child;
    let failed: string | null = null;
    child.once('exit', (code, signal) => {
      failed = `${this.name} exited (${signal ?? code}) while starting`;
    });
    await waitUntil(this.name, async () => {
      if (failed) throw new Error(failed);
      return this.ready();
    });
  }

  /** graceful: SIGTERM (nginx: SIGQUIT), waits until the process has ended */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    child.kill(this.stopSignal);
    await exited(child);
  }

  /** a crash: SIGKILL, nothing finishes */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    child.kill('SIGKILL');
    await exited(child);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

function logTo(file: string | undefined): 'inherit' | 'ignore' | number {
  if (file === undefined) return 'inherit';
  if (file === '') return 'ignore';
  return fs.openSync(file, 'a');
}

export interface InstanceOptions {
  port: number;
  env: NodeJS.ProcessEnv;
  /** where its output goes: a file, '' for nowhere, undefined for this terminal */
  logFile?: string;
}

/** One `next start` of the build in .next/, on 127.0.0.1:port. */
export class AppInstance extends StackProcess {
  readonly name: string;
  readonly url: string;
  constructor(readonly options: InstanceOptions) {
    super();
    this.name = `app instance on port ${options.port}`;
    this.url = `http://127.0.0.1:${options.port}`;
  }

  protected spawnProcess() {
    const out = logTo(this.options.logFile);
    return spawn(
      path.join(ROOT, 'node_modules', '.bin', 'next'),
      ['start', '-p', String(this.options.port), '-H', '127.0.0.1'],
      { cwd: ROOT, env: withServerHeapLimit(this.options.env), stdio: ['ignore', out, out] },
    );
  }

  /** healthy, and (with REDIS_URL) in sync with the other instances' cache expiries */
  protected async ready() {
    const health = await this.health();
    return health !== null && health.status === 'ok' && (!health.cache?.shared || health.cache.inSync);
  }

  async health(): Promise<{ status: string; cache?: { shared: boolean; inSync: boolean } } | null> {
    try {
      const response = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(5000) });
      return (await response.json()) as { status: string; cache?: { shared: boolean; inSync: boolean } };
    } catch {
      return null;
    }
  }
}

/** Redis as a pure message bus: no persistence, nothing kept across a restart (none is needed). */
export class RedisServer extends StackProcess {
  readonly name: string;
  readonly url: string;
  constructor(
    readonly port: number,
    readonly dir: string,
    readonly logFile?: string,
  ) {
    super();
    this.name = `Redis on port ${port}`;
    this.url = `redis://127.0.0.1:${port}`;
  }

  protected spawnProcess() {
    const program = findProgram('redis-server');
    if (!program) throw new Error(missingPrograms(['redis-server'])[0]);
    const out = logTo(this.logFile);
    return spawn(
      program,
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.dir,
        '--maxmemory',
        '64mb',
      ],
      { stdio: ['ignore', out, out] },
    );
  }

  protected ready() {
    return new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port: this.port });
      socket.setTimeout(1000, () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
    });
  }
}

export interface FrontOptions {
  port: number;
  upstreamPorts: number[];
  /** instances taken out of rotation (`down`): no new request goes to them */
  drained?: number[];
  /** extra location blocks for the server (the bench's same-size static file) */
  extraLocations?: string;
  /** a folder of its own: generated config, cache, temp files, logs */
  dir: string;
}

/**
 * The generated nginx.conf of the stack: the operator's deploy/nginx/http.conf and server.conf
 * (copied beside it, as deploy/nginx/klyngeregnskab.conf includes them), with this stack's ports
 * and folders. As root the workers run as nobody, so the cache and temp folders are theirs.
 */
export function frontConfig(options: FrontOptions, asRoot: boolean): string {
  const d = options.dir;
  const mimeTypes = fs.existsSync('/etc/nginx/mime.types')
    ? 'include /etc/nginx/mime.types;'
    : 'types { text/html html; text/css css; application/javascript js; text/plain txt; image/svg+xml svg; font/woff2 woff2; }';
  return `# generated by scripts/stack (npm run demo:stack); the operator's version is deploy/nginx/klyngeregnskab.conf
${asRoot ? 'user nobody nogroup;' : ''}
worker_processes auto;
pid ${d}/nginx.pid;
error_log ${d}/error.log warn;

events {
    worker_connections 4096;
}

http {
    ${mimeTypes}
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    server_tokens off;
    client_body_temp_path ${d}/temp/body;
    proxy_temp_path ${d}/temp/proxy;
    fastcgi_temp_path ${d}/temp/fastcgi;
    uwsgi_temp_path ${d}/temp/uwsgi;
    scgi_temp_path ${d}/temp/scgi;

    upstream klyngeregnskab_app {
${options.upstreamPorts.map((port) => `        server 127.0.0.1:${port} max_fails=0${options.drained?.includes(port) ? ' down' : ''};`).join('\n')}
    }

    proxy_cache_path ${d}/cache levels=1:2 keys_zone=klyngeregnskab:10m max_size=256m inactive=10m use_temp_path=off;

    include klyngeregnskab/http.conf;

    server {
        listen 127.0.0.1:${options.port};
        server_name localhost 127.0.0.1;
        set $klyngeregnskab_root ${ROOT};
        set $klyngeregnskab_hsts "";
        include klyngeregnskab/server.conf;
${options.extraLocations ?? ''}
    }
}
`;
}

export class FrontProxy extends StackProcess {
  readonly name: string;
  readonly url: string;
  protected stopSignal: NodeJS.Signals = 'SIGQUIT';
  constructor(readonly options: FrontOptions) {
    super();
    this.name = `nginx on port ${options.port}`;
    this.url = `http://127.0.0.1:${options.port}`;
  }

  private writeConfig(): string {
    const d = this.options.dir;
    const asRoot = process.getuid?.() === 0;
    fs.mkdirSync(path.join(d, 'klyngeregnskab'), { recursive: true });
    fs.chmodSync(d, 0o711);
    for (const file of ['http.conf', 'server.conf', 'security-headers.conf']) {
      fs.copyFileSync(path.join(ROOT, 'deploy', 'nginx', file), path.join(d, 'klyngeregnskab', file));
    }
    for (const sub of ['cache', 'temp']) fs.mkdirSync(path.join(d, sub), { recursive: true });
    if (asRoot) {
      for (const sub of ['cache', 'temp']) fs.chownSync(path.join(d, sub), 65534, 65534);
    }
    const file = path.join(d, 'nginx.conf');
    fs.writeFileSync(file, frontConfig(this.options, asRoot));
    return file;
  }

  protected spawnProcess() {
    const program = findProgram('nginx');
    if (!program) throw new Error(missingPrograms(['nginx'])[0]);
    const config = this.writeConfig();
    return spawn(program, ['-p', this.options.dir, '-c', config, '-g', 'daemon off;'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }

  protected ready() {
    return portAnswers(this.options.port);
  }

  private workers(): string[] {
    if (!this.child?.pid) return [];
    try {
      return fs
        .readFileSync(`/proc/${this.child.pid}/task/${this.child.pid}/children`, 'utf8')
        .split(/\s+/)
        .filter(Boolean);
    } catch {
      return [];
    }
  }

  /**
   * Takes an instance out of rotation (or back in): the upstream line gets `down` and nginx reloads
   * gracefully. Resolves once only workers with the new configuration run: the old ones have
   * finished what they proxied, so nothing reaches a drained instance any more.
   */
  async setDrained(port: number, drained: boolean): Promise<void> {
    const set = new Set(this.options.drained ?? []);
    if (drained) set.add(port);
    else set.delete(port);
    this.options.drained = [...set];
    const before = new Set(this.workers());
    this.writeConfig();
    this.child?.kill('SIGHUP');
    await waitUntil(
      `${this.name} reloaded`,
      async () => this.workers().some((pid) => !before.has(pid)),
      10_000,
    );
    // Until the old workers have exited they can still accept a connection under the old
    // configuration and send it to the instance being drained; a POST that meets the instance's
    // shutdown is not retried (it is not idempotent) and answers 502. They exit once what they
    // proxy has finished.
    await waitUntil(
      `${this.name}'s workers of the old configuration finished`,
      async () => this.workers().every((pid) => !before.has(pid)),
      60_000,
    );
  }

  /** the nginx error log (upstream failures, retries) */
  errorLog(): string {
    const file = path.join(this.options.dir, 'error.log');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  }
}
