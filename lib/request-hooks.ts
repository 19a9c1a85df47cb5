// What the server does to every request before Next sees it, and to some responses as they leave.
// Installed once per process by instrumentation.ts, through Node's `http.server.request.start`
// diagnostics channel (published for each request before the server's 'request' event), so it
// works however the app is started — `npm start`, `next start`, the demo, several instances —
// with no server of our own and no patch of Next:
// 1. The client address (lib/auth/client-address.ts): decided from the socket's peer address and
//    TRUSTED_PROXY_HOPS, handed on in a header sealed with this process's secret. Without trusted
//    proxies, the forwarding headers a client sent are replaced by what the socket says.
// 2. HSTS, when the configured origin (lib/site-url.ts) is https — decided now, not at build.
// 3. The public pages' script nonce (lib/security-headers/render-nonce.ts): a fresh one on the
//    request, replacing any Content-Security-Policy request header a client sent, so a render
//    puts it on Next's scripts; and on the way out, the policy that names the nonce the HTML
//    actually carries (a page served from the cache carries the nonce of the request that
//    rendered it). Only such HTML responses are held back until complete, and only up to
//    MAX_CAPTURED_BYTES; anything larger gets the policy without a nonce.
// 4. Around a release minute, `X-Accel-Expires: @1` on every answer to a GET or HEAD, so the front
//    cache does not keep a pre-release answer as fresh past the minute (lib/releases/front-cache.ts).
// Requests that reach the server while it is still starting (before instrumentation ran) wait for
// it but pass no hook: their address is unknown (null), and a page they render carries no nonce.
import { randomBytes } from 'node:crypto';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  sealClientAddress,
  trustedProxyHops,
} from '@/lib/auth/client-address';
import { FRONT_EXPIRED_HEADER, frontMayKeepAnswerNow } from '@/lib/releases/front-cache';
import { type Area, areaOf, contentSecurityPolicy } from '@/lib/security-headers';
import { mintRenderNonce, pageNonce } from '@/lib/security-headers/render-nonce';
import { siteIsHttps } from '@/lib/site-url';
import { present } from '@/lib/invariant';

const STATE = Symbol.for('klyngeregnskab.request-hooks');
const MAX_CAPTURED_BYTES = 4 * 1024 * 1024;
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

interface HookState {
  seal: string;
  installed: boolean;
  listener?: (message: unknown) => void;
}

function hookState(): HookState {
  const holder = globalThis as typeof globalThis & { [STATE]?: HookState };
  holder[STATE] ??= { seal: randomBytes(24).toString('base64url'), installed: false };
  return holder[STATE];
}

/** The seal of the client-address header, once the hooks run in this process. */
export function requestSeal(): string | undefined {
  const state = hookState();
  return state.installed ? state.seal : undefined;
}

/** The area whose public policy a page response gets, or null for API routes, assets and per-request pages. */
function noncedArea(url: string | undefined): Exclude<Area, 'per-request'> | null {
  let pathname: string;
  try {
    pathname = new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return null;
  }
  if (/^\/(?:_next|api)(?:\/|$)/.test(pathname)) return null;
  const area = areaOf(pathname);
  return area === 'per-request' ? null : area;
}

type Chunk = string | Buffer | Uint8Array;

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding);
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Holds an HTML response back until it is complete, then sets the policy with the page's nonce.
 * Installed when the response declares itself HTML, i.e. after Next's compression wrapped the
 * response: the body seen here is the HTML itself, and the compression still happens below.
 */
function holdHtmlForPolicy(
  response: ServerResponse,
  area: Exclude<Area, 'per-request'>,
  env: NodeJS.ProcessEnv,
) {
  const target = response as ServerResponse & { flush?: () => void };
  const inner = {
    write: target.write,
    end: target.end,
    writeHead: target.writeHead,
    flushHeaders: target.flushHeaders,
    flush: target.flush,
  };
  const chunks: Buffer[] = [];
  let size = 0;
  let deferredHead: Parameters<ServerResponse['writeHead']> | null = null;
  const development = env.NODE_ENV !== 'production';

  const release = (nonce: string | null) => {
    target.write = inner.write;
    target.end = inner.end;
    target.writeHead = inner.writeHead;
    target.flushHeaders = inner.flushHeaders;
    if (inner.flush) target.flush = inner.flush;
    if (!target.headersSent) {
      target.setHeader(
        'Content-Security-Policy',
        contentSecurityPolicy(area, { nonce: nonce ?? undefined, development }),
      );
    }
    if (deferredHead) inner.writeHead.apply(target, deferredHead);
  };

  target.writeHead = function writeHead(
    this: ServerResponse,
    ...args: Parameters<ServerResponse['writeHead']>
  ) {
    deferredHead = args;
    return this;
  } as ServerResponse['writeHead'];
  target.flushHeaders = () => {};
  if (inner.flush) target.flush = () => {};
  target.write = function write(
    this: ServerResponse,
    chunk: Chunk,
    encoding?: BufferEncoding | ((error?: Error | null) => void),
    callback?: (error?: Error | null) => void,
  ) {
    const done = typeof encoding === 'function' ? encoding : callback;
    const buffer = toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined);
    chunks.push(buffer);
    size += buffer.length;
    if (size > MAX_CAPTURED_BYTES) {
      // too large to hold: sent on without a nonce, so its inline scripts do not run
      release(null);
      return inner.write.call(this, Buffer.concat(chunks), done as never);
    }
    if (done) process.nextTick(done);
    return true;
  } as ServerResponse['write'];
  target.end = function end(
    this: ServerResponse,
    chunk?: Chunk | (() => void),
    encoding?: BufferEncoding | (() => void),
    callback?: () => void,
  ) {
    let done = callback;
    if (typeof chunk === 'function') {
      done = chunk;
      chunk = undefined;
    } else if (typeof encoding === 'function') {
      done = encoding;
      encoding = undefined;
    }
    if (chunk != null && chunk !== '') chunks.push(toBuffer(chunk, encoding as BufferEncoding | undefined));
    const body = chunks.length === 1 ? present(chunks[0]) : Buffer.concat(chunks);
    release(pageNonce(body, env));
    return (inner.end as (chunk: Buffer, callback?: () => void) => ServerResponse).call(this, body, done);
  } as ServerResponse['end'];
}

function onRequestStart(
  message: { request: IncomingMessage; response: ServerResponse; socket: Socket },
  env: NodeJS.ProcessEnv,
) {
  const { request, response, socket } = message;
  const headers = request.headers;
  const hops = trustedProxyHops(env);
  const address = clientAddress({
    peer: socket.remoteAddress,
    forwardedFor: headers['x-forwarded-for'],
    trustedProxyHops: hops,
  });
  headers[CLIENT_ADDRESS_HEADER] = sealClientAddress(address, hookState().seal);
  if (hops === 0) {
    // no proxy of ours in front: every forwarding header is the client's own invention
    for (const name of [
      'x-forwarded-for',
      'x-forwarded-host',
      'x-forwarded-proto',
      'x-forwarded-port',
      'x-real-ip',
    ])
      delete headers[name];
  }
  // only a render nonce of ours ever reaches Next's renderer
  delete headers['content-security-policy'];
  delete headers['content-security-policy-report-only'];

  if (siteIsHttps(env)) response.setHeader('Strict-Transport-Security', HSTS_VALUE);

  if (request.method !== 'GET' && request.method !== 'HEAD') return;
  const area = noncedArea(request.url);
  const writeHead = response.writeHead;
  response.writeHead = function asItLeaves(
    this: ServerResponse,
    ...args: Parameters<ServerResponse['writeHead']>
  ) {
    // decided when the head goes out, not when the request came in: a render can take a while
    if (!this.headersSent && !frontMayKeepAnswerNow())
      this.setHeader(FRONT_EXPIRED_HEADER.name, FRONT_EXPIRED_HEADER.value);
    // a 304 must not carry a policy: the browser would put it on the page it has, whose nonce it does not name
    if (area && (typeof args[0] === 'number' ? args[0] : this.statusCode) === 304)
      this.removeHeader('Content-Security-Policy');
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
  if (!area) return;
  headers['content-security-policy'] = `script-src 'nonce-${mintRenderNonce(env)}'`;
  const setHeader = response.setHeader;
  let held = false;
  response.setHeader = function watchContentType(
    this: ServerResponse,
    name: string,
    value: number | string | readonly string[],
  ) {
    if (!held && name.toLowerCase() === 'content-type' && /^text\/html\b/i.test(String(value))) {
      held = true;
      holdHtmlForPolicy(this, area, env);
    }
    return setHeader.call(this, name, value);
  } as ServerResponse['setHeader'];
}

/** Subscribes once per process; a second call (a reloaded instrumentation module) does nothing. */
export function installRequestHooks(env: NodeJS.ProcessEnv = process.env): void {
  const state = hookState();
  if (state.installed) return;
  state.listener = (message) => onRequestStart(message as Parameters<typeof onRequestStart>[0], env);
  diagnosticsChannel.subscribe('http.server.request.start', state.listener);
  state.installed = true;
}

/** For tests that run servers of their own in one process: the hooks off again. */
export function removeRequestHooks(): void {
  const state = hookState();
  if (state.listener) diagnosticsChannel.unsubscribe('http.server.request.start', state.listener);
  state.listener = undefined;
  state.installed = false;
}
