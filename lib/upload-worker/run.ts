// Parsing an upload off the event loop that answers everyone else: each file is parsed in a worker
// thread of its own, with a heap limit and a deadline. A file that needs more memory than the limit
// ends its worker (ERR_WORKER_OUT_OF_MEMORY, the server goes on); one that takes longer than the
// deadline has its worker terminated. The parsers bound their own work first (rows, columns,
// unpacked bytes); this is the second line, for whatever they do not foresee. At most
// MAX_RUNNING workers parse at once and MAX_WAITING wait; more uploads than that are told the
// server is busy, so a crowd of uploads cannot multiply the memory the limits allow.
import { Worker } from 'node:worker_threads';
import type { UploadJob, UploadJobResult } from './jobs';

export type WorkerRefusal = 'too_slow' | 'too_much_memory' | 'busy';

export type Isolated<T> = { ok: true; value: T } | { ok: false; refusal: WorkerRefusal };

export const WORKER_HEAP_MB = 128;
const MAX_RUNNING = 2;
const MAX_WAITING = 6;

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<(() => void) | null> {
  if (running >= MAX_RUNNING) {
    if (waiting.length >= MAX_WAITING) return null;
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/**
 * Under `next start` the entry is a chunk the build made of entry.ts (Turbopack bundles the
 * `new Worker(new URL(…, import.meta.url))` form); run from the sources (tests, tsx scripts) it is
 * TypeScript, which the worker loads through tsx.
 */
const fromSources = import.meta.url.endsWith('.ts');
const sourceEntry = import.meta.url.replace(/run\.ts$/, 'entry.ts');

export async function parseInWorker<J extends UploadJob>(
  job: J,
  options: { timeoutMs: number },
): Promise<Isolated<UploadJobResult<J>>> {
  const release = await slot();
  if (!release) return { ok: false, refusal: 'busy' };
  try {
    return await new Promise<Isolated<UploadJobResult<J>>>((resolve, reject) => {
      const workerOptions = {
        // a copy of the bytes: the caller keeps its file
        workerData: job,
        resourceLimits: {
          maxOldGenerationSizeMb: WORKER_HEAP_MB,
          maxYoungGenerationSizeMb: 32,
          stackSizeMb: 4,
        },
      };
      const worker = fromSources
        ? new Worker(
            `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(sourceEntry)}); });`,
            { ...workerOptions, eval: true },
          )
        : new Worker(new URL('./entry.ts', import.meta.url), workerOptions);
      let settled = false;
      const settle = (outcome: Isolated<UploadJobResult<J>> | Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        void worker.terminate();
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const deadline = setTimeout(() => settle({ ok: false, refusal: 'too_slow' }), options.timeoutMs);
      worker.once('message', (value: UploadJobResult<J>) => settle({ ok: true, value }));
      worker.once('error', (error: Error & { code?: string }) =>
        settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, refusal: 'too_much_memory' } : error),
      );
      worker.once('exit', (code) =>
        settle(new Error(`upload worker exited (code ${code}) without a result`)),
      );
    });
  } finally {
    release();
  }
}
