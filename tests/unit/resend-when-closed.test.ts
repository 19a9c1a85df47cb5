// The load harness's one retry (bench/staff.ts): a request whose connection was closed before any
// answer is sent again, as browsers do; any other network failure counts as a failure.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closedBeforeAnswer, describeError, resendWhenClosed } from '@/bench/staff';

let server: net.Server | null = null;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
  server = null;
});

/** A server that closes the first `closing` connections on their first bytes, then answers 200. */
async function closingServer(closing: number): Promise<string> {
  let connections = 0;
  server = net.createServer((socket) => {
    const closeThis = connections++ < closing;
    socket.once('data', () => {
      if (closeThis) socket.destroy();
      else socket.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok');
    });
  });
  await new Promise<void>((resolve) => running(server).listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(running(server).address() as AddressInfo).port}/`;
}

function running<T>(value: T | null): T {
  if (value === null) throw new Error('no server');
  return value;
}

const post = (url: string) => () => fetch(url, { method: 'POST', body: 'x'.repeat(100_000) });

describe('resending a request whose connection was closed under it', () => {
  it('sends a POST again after its connection closed before any answer', async () => {
    const url = await closingServer(2);
    let resent = 0;
    const response = await resendWhenClosed(post(url), () => resent++);
    expect(await response.text()).toBe('ok');
    expect(resent).toBe(2);
  });

  it('gives up after five tries', async () => {
    const url = await closingServer(10);
    await expect(resendWhenClosed(post(url), () => {})).rejects.toThrow(/fetch failed/);
  });

  it('does not resend what never connected, and says why it failed', async () => {
    const url = await closingServer(0);
    await new Promise((resolve) => running(server).close(resolve));
    server = null;
    let resent = 0;
    const failure = await resendWhenClosed(post(url), () => resent++).catch((error: unknown) => error);
    expect(resent).toBe(0);
    expect(closedBeforeAnswer(failure)).toBe(false);
    expect(describeError(failure)).toMatch(/fetch failed · ECONNREFUSED/);
  });
});
