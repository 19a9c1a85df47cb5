// The address a request came from, for the sign-in throttle and the audit trail. X-Forwarded-For
// is a list each proxy appends to, so only its right end can be trusted: the client writes
// whatever it likes at the left. `next start` fills the header from the socket when it is absent.
// Behind N reverse proxies of our own (TRUSTED_PROXY_HOPS, default 1: one proxy, or none), the
// N-th entry from the right is the address our outermost proxy saw.

export function clientAddress(
  forwardedFor: string | null | undefined,
  realIp: string | null | undefined,
  trustedProxyHops = trustedHopsFromEnv(),
): string | null {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const hops = Math.max(1, trustedProxyHops);
  const chosen = entries.length ? entries[Math.max(0, entries.length - hops)] : realIp?.trim();
  return chosen ? chosen.slice(0, 64) : null;
}

function trustedHopsFromEnv(): number {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 1);
  return Number.isInteger(hops) && hops >= 1 && hops <= 10 ? hops : 1;
}
