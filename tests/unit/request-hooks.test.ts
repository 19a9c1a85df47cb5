// The server's request hook (lib/request-hooks.ts) on a real HTTP server on 127.0.0.1: the client
// address it decides and seals, the forwarding headers it drops, HSTS from the configured origin
// at run time, the public pages' policy naming the nonce their HTML carries, and the front cache
// told not to keep an answer as fresh around a release minute.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, openClientAddress } from '@/lib/auth/client-address';
import { newReleaseWatch, processReleaseWatch } from '@/lib/releases/front-cache';
import { HSTS_VALUE, installRequestHooks, removeRequestHooks, requestSeal } from '@/lib/request-hooks';
import { mintRenderNonce } from '@/lib/security-headers/render-nonce';
import { must } from '../helpers/must';

// one object the hook reads on every request: each test sets what it needs
const env: Record<string, string | undefined> = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'request-hooks-test-secret-0123456789abcdef',
};
let server: http.Server;
let base: string;
let seen: http.IncomingHttpHeaders = {};
let respond: (request: http.IncomingMessage, response: http.ServerResponse) => void = (_q, r) => r.end('ok');

beforeAll(async () => {
  installRequestHooks(env as NodeJS.ProcessEnv);
  server = http.createServer((request, response) => {
    seen = { ...request.headers };
    respond(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  removeRequestHooks();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const addressSeen = () => openClientAddress(seen[CLIENT_ADDRESS_HEADER] as string, requestSeal());

describe('the client address', () => {
  it('is the socket peer by default, whatever the client claims; the claims do not reach the app', async () => {
    delete env.TRUSTED_PROXY_HOPS;
    await fetch(`${base}/api/health`, {
      headers: {
        'x-forwarded-for': '203.0.113.9',
        'x-real-ip': '203.0.113.9',
        'x-forwarded-host': 'evil.example',
        [CLIENT_ADDRESS_HEADER]: 'forged 203.0.113.9',
      },
    });
    expect(addressSeen()).toBe('127.0.0.1');
    expect(seen['x-forwarded-for']).toBeUndefined();
    expect(seen['x-forwarded-host']).toBeUndefined();
    expect(seen['x-real-ip']).toBeUndefined();
  });

  it('behind one proxy of ours (TRUSTED_PROXY_HOPS=1), the address it wrote', async () => {
    env.TRUSTED_PROXY_HOPS = '1';
    await fetch(`${base}/api/health`, { headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' } });
    expect(addressSeen()).toBe('203.0.113.9');
    expect(seen['x-forwarded-for']).toBe('6.6.6.6, 203.0.113.9');
    delete env.TRUSTED_PROXY_HOPS;
  });
});

describe('HSTS', () => {
  it('is sent when the configured origin is https, decided when the request comes', async () => {
    env.SITE_URL = 'http://127.0.0.1:4000';
    expect((await fetch(`${base}/`)).headers.get('strict-transport-security')).toBeNull();
    env.SITE_URL = 'https://klynge.example';
    expect((await fetch(`${base}/`)).headers.get('strict-transport-security')).toBe(HSTS_VALUE);
    delete env.SITE_URL;
  });
});

describe('the public pages’ script nonce', () => {
  const page = (nonce: string, extra = '') =>
    `<!doctype html><html><head><script nonce="${nonce}">self.__next_f=[]</script></head><body>${extra}</body></html>`;

  it('is minted for a public page and replaces a nonce the client chose; API requests get none', async () => {
    await fetch(`${base}/regnskab/2016`, {
      headers: { 'content-security-policy': "script-src 'nonce-mine'" },
    });
    const nonce = String(seen['content-security-policy']).match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(nonce).not.toBe('mine');
    await fetch(`${base}/api/v1/accounts`, {
      headers: { 'content-security-policy': "script-src 'nonce-mine'" },
    });
    expect(seen['content-security-policy']).toBeUndefined();
    await fetch(`${base}/portal`);
    expect(seen['content-security-policy']).toBeUndefined();
  });

  it('goes into the policy of the HTML that carries it — written at once, in pieces, or compressed below', async () => {
    const nonce = mintRenderNonce(env as NodeJS.ProcessEnv);
    const html = page(nonce);
    for (const send of [
      (response: http.ServerResponse) => response.end(html),
      (response: http.ServerResponse) => {
        response.flushHeaders();
        response.write(html.slice(0, 30));
        response.write(Buffer.from(html.slice(30)));
        response.end();
      },
    ]) {
      respond = (_request, response) => {
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        send(response);
      };
      const answer = await fetch(`${base}/klynger`);
      expect(answer.headers.get('content-security-policy')).toContain(`'nonce-${nonce}' 'strict-dynamic'`);
      expect(await answer.text()).toBe(html);
    }
    // a response wrapped by a compressing layer after the hook (as Next's compression is)
    respond = (_request, response) => {
      const end = response.end.bind(response);
      response.end = ((chunk: string) => {
        response.setHeader('Content-Encoding', 'gzip');
        return end(gzipSync(chunk));
      }) as typeof response.end;
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(html);
    };
    const compressed = await fetch(`${base}/om`);
    expect(compressed.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`);
    expect(await compressed.text()).toBe(html);
    respond = (_q, r) => r.end('ok');
  });

  it('is left out when the page carries none, a nonce not ours, or disagreeing ones: nothing inline runs', async () => {
    const ours = mintRenderNonce(env as NodeJS.ProcessEnv);
    for (const html of [
      '<html><body><script>alert(1)</script></body></html>',
      page('abc123'),
      page(ours, `<script nonce="${mintRenderNonce(env as NodeJS.ProcessEnv)}">alert(1)</script>`),
    ]) {
      respond = (_request, response) => {
        response.setHeader('Content-Type', 'text/html');
        response.end(html);
      };
      const policy = must((await fetch(`${base}/`)).headers.get('content-security-policy'));
      expect(policy).toContain("script-src 'self';");
      expect(policy).not.toContain('nonce-');
    }
    respond = (_q, r) => r.end('ok');
  });

  it('is not sent with a 304: the browser keeps the policy of the page it has', async () => {
    respond = (_request, response) => {
      response.setHeader('Content-Security-Policy', "script-src 'self'");
      response.statusCode = 304;
      response.end();
    };
    expect((await fetch(`${base}/`)).headers.get('content-security-policy')).toBeNull();
    respond = (_q, r) => r.end('ok');
  });
});

describe('around a release minute', () => {
  const expiresHeader = async (path: string) =>
    (await fetch(`${base}${path}`)).headers.get('x-accel-expires');
  const htmlPage = (_q: http.IncomingMessage, response: http.ServerResponse) => {
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.end('<!doctype html><html><body>v1</body></html>');
  };

  it('every answer tells the front it is expired from two seconds before a release on, pages and API alike', async () => {
    const watch = processReleaseWatch();
    Object.assign(watch, newReleaseWatch(), { nextDueAt: Date.now() + 60_000 });
    respond = htmlPage;
    expect(await expiresHeader('/regnskab/2016')).toBeNull();
    watch.nextDueAt = Date.now() + 1500;
    // a page held back for its policy, and an API answer written at once
    expect(await expiresHeader('/regnskab/2016')).toBe('@1');
    respond = (_q, r) => r.end('ok');
    expect(await expiresHeader('/api/v1/accounts/2016')).toBe('@1');
    // due and not yet published by the job: still
    watch.nextDueAt = Date.now() - 500;
    expect(await expiresHeader('/api/v1/accounts/2016')).toBe('@1');
    // published: the release has left the calendar, but the instances' caches settle first
    watch.nextDueAt = null;
    expect(await expiresHeader('/api/v1/accounts/2016')).toBe('@1');
    watch.lastImminentAt = performance.now() - 3_100;
    expect(await expiresHeader('/api/v1/accounts/2016')).toBeNull();
    Object.assign(watch, newReleaseWatch());
  });

  it('is decided when the answer leaves, not when its request came in', async () => {
    const watch = processReleaseWatch();
    Object.assign(watch, newReleaseWatch(), { nextDueAt: Date.now() + 60_000 });
    respond = (_request, response) => {
      // the release comes close while the page renders
      watch.nextDueAt = Date.now() + 1000;
      htmlPage(_request, response);
    };
    expect(await expiresHeader('/regnskab/2016')).toBe('@1');
    respond = (_q, r) => r.end('ok');
    Object.assign(watch, newReleaseWatch());
  });
});
