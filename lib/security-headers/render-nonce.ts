// A script nonce for the public pages, which are rendered once and then served from the cache.
// Next puts the nonce of the request that renders a page on every script of it (its own inline
// bootstrap and RSC data scripts included); the cached HTML keeps it. So the nonce is chosen per
// render, not per request, and the policy of each response names the nonce its HTML carries
// (lib/request-hooks.ts reads it from the page as it is sent). That is sound because:
// - a nonce is minted here, with a MAC under AUTH_SECRET: a page rendered with a nonce a client
//   chose (a Content-Security-Policy request header) is never trusted — the hook drops such
//   headers anyway, this is the second lock;
// - markup injected into stored text cannot carry the nonce: it is chosen after the text was
//   stored, when the page is rendered;
// - every nonce attribute of the page must agree; one that differs (injected markup guessing a
//   nonce of an earlier render) makes the page get no nonce at all, so nothing inline runs.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const RANDOM_BYTES = 16;
const MAC_BYTES = 12;

let processKey: Buffer | null = null;

function key(env: Record<string, string | undefined>): Buffer | string {
  const secret = env.AUTH_SECRET;
  if (secret) return `render-nonce:${secret}`;
  // development without AUTH_SECRET: good for this process (its cache is its own)
  processKey ??= randomBytes(32);
  return processKey;
}

function mac(random: Buffer, env: Record<string, string | undefined>): Buffer {
  return createHmac('sha256', key(env)).update(random).digest().subarray(0, MAC_BYTES);
}

/** A fresh nonce: base64 of random bytes and their MAC, valid in a CSP `'nonce-…'` source. */
export function mintRenderNonce(env: Record<string, string | undefined> = process.env): string {
  const random = randomBytes(RANDOM_BYTES);
  return Buffer.concat([random, mac(random, env)]).toString('base64');
}

/** Whether a nonce was minted by mintRenderNonce under this AUTH_SECRET. */
export function isRenderNonce(nonce: string, env: Record<string, string | undefined> = process.env): boolean {
  if (!/^[A-Za-z0-9+/]+=*$/.test(nonce) || nonce.length > 64) return false;
  const bytes = Buffer.from(nonce, 'base64');
  if (bytes.length !== RANDOM_BYTES + MAC_BYTES || bytes.toString('base64') !== nonce) return false;
  const expected = mac(bytes.subarray(0, RANDOM_BYTES), env);
  return timingSafeEqual(bytes.subarray(RANDOM_BYTES), expected);
}

const ATTRIBUTE = Buffer.from('nonce=');
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const QUOTE = 0x22;

/** Whether the byte at `at` is inside a tag: a `<` comes before it sooner than a `>`. */
function insideTag(html: Buffer, at: number): boolean {
  for (let back = at - 1; back >= 0; back--) {
    const byte = html[back];
    if (byte === LESS_THAN) return true;
    if (byte === GREATER_THAN) return false;
  }
  return false;
}

/**
 * The nonce the page's tags carry, or null: no tag with a nonce, nonces that disagree (or one not
 * written as Next writes it), or a nonce this server did not mint. Page text and inline script
 * text never contain a raw `<` (React escapes it as &lt; and \u003c), so an occurrence counts as an
 * attribute only inside a tag. Searched natively on the bytes as they are sent: a fraction of a
 * millisecond for a page of a few hundred kilobytes.
 */
export function pageNonce(
  html: Buffer | string,
  env: Record<string, string | undefined> = process.env,
): string | null {
  const bytes = typeof html === 'string' ? Buffer.from(html) : html;
  let found: string | null = null;
  for (let at = bytes.indexOf(ATTRIBUTE); at >= 0; at = bytes.indexOf(ATTRIBUTE, at + ATTRIBUTE.length)) {
    const before = bytes[at - 1];
    // an attribute starts after white space: `data-nonce=` or text is something else
    if (before !== 0x20 && before !== 0x09 && before !== 0x0a && before !== 0x0d) continue;
    if (!insideTag(bytes, at)) continue;
    const start = at + ATTRIBUTE.length;
    if (bytes[start] !== QUOTE) return null;
    const end = bytes.indexOf(QUOTE, start + 1);
    if (end < 0) return null;
    const value = bytes.toString('latin1', start + 1, end);
    if (found === null) found = value;
    else if (value !== found) return null;
  }
  return found !== null && isRenderNonce(found, env) ? found : null;
}
