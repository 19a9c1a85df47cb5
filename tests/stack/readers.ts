// Public readers for the fault tests: `connections` loops fetching the given paths through the front
// until stopped (or `maxMs` passed: the load always ends by itself), each request with a timeout.
// A failure is a network error, a timeout or a 5xx — what a reader would see as a broken page.
// One exception, as browsers make it: a kept-alive connection that the front closed just as the
// request went out (nginx's graceful reload closes idle connections) is sent again on another —
// the request never reached nginx. Those retries are counted apart (`resent`).
import { describeError, resendWhenClosed } from '../../bench/staff';
import { must } from '../helpers/must';

export interface ReaderLoad {
  stop(): Promise<ReaderResult>;
}

export interface ReaderResult {
  requests: number;
  failures: number;
  /** requests sent again after their kept-alive connection was closed under them */
  resent: number;
  samples: string[];
}

export function startReaders(
  base: string,
  paths: (index: number) => string,
  connections = 10,
  maxMs = 120_000,
): ReaderLoad {
  let stopped = false;
  let requests = 0;
  let failures = 0;
  let resent = 0;
  const samples: string[] = [];
  const until = Date.now() + maxMs;
  const loops = Array.from({ length: connections }, async (_, loop) => {
    let round = 0;
    while (!stopped && Date.now() < until) {
      const path = paths(loop * 100_000 + round++);
      const once = () =>
        fetch(new URL(path, base), { redirect: 'manual', signal: AbortSignal.timeout(20_000) });
      try {
        const response = await resendWhenClosed(once, () => resent++);
        await response.arrayBuffer();
        requests++;
        if (response.status >= 500) {
          failures++;
          if (samples.length < 10) samples.push(`${path}: ${response.status}`);
        }
      } catch (error) {
        requests++;
        failures++;
        if (samples.length < 10) samples.push(`${path}: ${describeError(error)}`);
      }
    }
  });
  return {
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return { requests, failures, resent, samples };
    },
  };
}

/** public paths, half of them never cached by the front (a query of their own) so they reach an instance */
export function publicPath(index: number): string {
  const paths = ['/', '/regnskab/2016', '/api/v1/accounts/2016', '/klynger', '/en/regnskab/2015'];
  if (index % 2 === 0) return must(paths[(index / 2) % paths.length]);
  return `/regnskab/2016/organisationer?q=${index}`;
}
