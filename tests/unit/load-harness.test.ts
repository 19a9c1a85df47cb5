// bench/load.ts itself: refuses any host but this machine, and reports failures and latency per
// scenario (checked against a tiny local server, one second per run).
import { must } from '../helpers/must';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackUrl, publicReaders, runLoad } from '@/bench/load';

let server: http.Server;
let origin: URL;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === '/broken') {
      response.writeHead(500).end('no');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('the load test', () => {
  it('targets only this machine', () => {
    expect(() => loopbackUrl('http://example.org')).toThrow(/only targets/);
    expect(() => loopbackUrl('https://127.0.0.1')).toThrow(/only targets/);
    expect(() => loopbackUrl('http://10.0.0.1:3000')).toThrow(/only targets/);
    expect(loopbackUrl('http://127.0.0.1:3000').port).toBe('3000');
  });

  it('splits the readers over the front page and the year’s API', () => {
    const scenarios = publicReaders(201, 2016);
    expect(scenarios.map((scenario) => [must(scenario.requests[0]).path, scenario.connections])).toEqual([
      ['/', 101],
      ['/api/v1/accounts/2016', 100],
    ]);
  });

  it('reports requests, latency percentiles and failed responses per scenario', async () => {
    const report = await runLoad(origin, 1, [
      ...publicReaders(4, 2016),
      { name: 'broken', connections: 1, requests: [{ method: 'GET', path: '/broken' }] },
    ]);
    const front = must(report.scenarios['public: /']);
    expect(front.requests.total).toBeGreaterThan(0);
    expect(front.failedResponses).toBe(0);
    expect(front.latencyMs.p99).toBeGreaterThanOrEqual(front.latencyMs.p50);
    expect(must(report.scenarios.broken).failedResponses).toBeGreaterThan(0);
    expect(must(report.scenarios.broken).statusCodes['500']).toBeGreaterThan(0);
    expect(report.ok).toBe(false);
  });
});
