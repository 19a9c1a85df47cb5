// A PostgreSQL server of a test's own, which the test may stop and start (faults, backups). Uses
// the installed server binaries like scripts/with-postgres.sh; as root it runs as `postgres`.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findPostgresBin } from '@/lib/backup/postgres-tools';

export { findPostgresBin };

const run = promisify(execFile);

/** A port nobody listens on right now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresServer {
  url: string;
  port: number;
  /** pg_ctl stop: 'immediate' is a crash (no checkpoint), 'fast' ends sessions with 57P01 */
  stop(mode?: 'immediate' | 'fast'): Promise<void>;
  start(): Promise<void>;
  /** stop for good and delete the data folder */
  destroy(): Promise<void>;
}

/** `port`: where it listens (default: a free one); `maxConnections`: PostgreSQL's max_connections */
export async function startPostgresServer(
  options: { port?: number; maxConnections?: number } = {},
): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found (apt-get install -y postgresql)');
  const port = options.port ?? (await freePort());
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'klyngeregnskab-own-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) fs.chownSync(workdir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), 0);
  const as = (command: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args])
      : run(path.join(bin, command), args);
  const data = path.join(workdir, 'data');
  await as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  const start = async () => {
    await as('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(workdir, 'server.log'),
      '-w',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${workdir} -c fsync=off -c max_connections=${options.maxConnections ?? 100}`,
      'start',
    ]);
  };
  const stop = async (mode: 'immediate' | 'fast' = 'fast') => {
    await as('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: async () => {
      await stop('immediate').catch(() => {});
      fs.rmSync(workdir, { recursive: true, force: true });
    },
  };
}
