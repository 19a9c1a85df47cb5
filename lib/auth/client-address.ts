// The address a request came from, for the sign-in throttle and the audit trail: one the client
// cannot choose. `next start` keeps whatever X-Forwarded-For the client sent (it fills the header
// from the socket only when it is absent), so no entry of that header can be trusted unless a
// proxy of our own wrote it. The server's request hook (lib/request-hooks.ts) reads the socket's
// peer address before Next sees the request and decides, with TRUSTED_PROXY_HOPS:
// - 0 (the default: bare `npm start`, the demo): the peer address; X-Forwarded-For is ignored;
// - n: the peer is our innermost proxy, and the n-th address from the right of the chain
//   "X-Forwarded-For entries, then the peer" is the client as our outermost proxy saw it. The
//   front proxy must overwrite the header (nginx: `proxy_set_header X-Forwarded-For
//   $remote_addr`), so the left end a client writes never reaches us.
// The decision travels to route handlers and actions in a request header sealed with a secret
// of this process, so a client sending that header itself is not believed either.
import { timingSafeEqual } from 'node:crypto';
import { present } from '@/lib/invariant';

type Environment = Record<string, string | undefined>;

export const CLIENT_ADDRESS_HEADER = 'x-klyngeregnskab-client-address';

const MAX_ADDRESS_LENGTH = 64;

export interface AddressSources {
  /** the TCP peer of the connection (socket.remoteAddress) */
  peer: string | null | undefined;
  /** X-Forwarded-For as it arrived, before Next touches it (several headers are joined) */
  forwardedFor: string | string[] | null | undefined;
  trustedProxyHops: number;
}

/** `::ffff:203.0.113.9` (IPv4 on an IPv6 socket) as `203.0.113.9`; anything else as given. */
function normalise(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  return (mapped ? present(mapped[1], 'the mapped IPv4 address') : trimmed).slice(0, MAX_ADDRESS_LENGTH);
}

export function clientAddress({ peer, forwardedFor, trustedProxyHops }: AddressSources): string | null {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = peer?.trim() ? [...forwarded, peer] : forwarded;
  if (trustedProxyHops <= 0) return peer?.trim() ? normalise(peer) : null;
  if (chain.length === 0) return null;
  // fewer entries than proxies: the request skipped some of them, and the leftmost entry is still
  // one our own proxies (or the socket) wrote
  return normalise(
    present(chain[Math.max(0, chain.length - 1 - trustedProxyHops)], 'an address in the chain'),
  );
}

/** TRUSTED_PROXY_HOPS as a number 0–10 (lib/env.ts refuses anything else at start); unset is 0. */
export function trustedProxyHops(env: Environment = process.env): number {
  const hops = Number(env.TRUSTED_PROXY_HOPS?.trim() || 0);
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

/** The header value the request hook sets: the process's seal, then the address ('-' for none). */
export function sealClientAddress(address: string | null, seal: string): string {
  return `${seal} ${address ?? '-'}`;
}

/** The address from a sealed header value, or null when it is absent or not sealed by this process. */
export function openClientAddress(value: string | null | undefined, seal: string | undefined): string | null {
  if (!value || !seal) return null;
  const space = value.indexOf(' ');
  if (space < 0) return null;
  const given = Buffer.from(value.slice(0, space));
  const expected = Buffer.from(seal);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const address = value.slice(space + 1);
  return address === '-' || address === '' ? null : address.slice(0, MAX_ADDRESS_LENGTH);
}
