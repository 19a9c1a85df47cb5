// The session cookie's codec with a short memory. Auth.js decrypts the cookie and encrypts a fresh
// one on every auth() call, and a staff save calls it at least twice (the action and the page it
// renders): about a dozen key derivations, decryptions and MACs, each a job on libuv's thread pool.
// Under a crowd of public readers every such job waits a whole turn of the event loop, and the
// saves starved. The same cookie decodes to the same payload until it expires, so the payload is
// kept (at most MEMORY_MS, never past its own expiry); a re-issued cookie for the same payload is
// reused for MEMORY_MS, so the sliding expiry moves in steps of that size. Revocation does not
// depend on this: every privileged request re-reads the user's session version from the database.
import type { JWT, JWTDecodeParams, JWTEncodeParams } from 'next-auth/jwt';

const MEMORY_MS = 60_000;
const MAX_ENTRIES = 2_000;

interface Codec {
  encode(params: JWTEncodeParams): Promise<string>;
  decode(params: JWTDecodeParams): Promise<JWT | null>;
}

function remember<V>(map: Map<string, { value: V; until: number }>, key: string, value: V, until: number) {
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as string);
  map.set(key, { value, until });
}

const secretKey = (secret: string | string[]) => (Array.isArray(secret) ? secret.join('\u0001') : secret);

/** The payload without the fields encode() sets afresh each time. */
function stablePayload(token: JWT | undefined): string {
  const { iat: _iat, exp: _exp, jti: _jti, ...rest } = (token ?? {}) as JWT & { jti?: unknown };
  return JSON.stringify(rest, Object.keys(rest).sort());
}

export function rememberingCodec(base: Codec, now: () => number = Date.now): Codec {
  const decoded = new Map<string, { value: JWT | null; until: number }>();
  const encoded = new Map<string, { value: string; until: number }>();
  return {
    async decode(params) {
      if (!params.token) return base.decode(params);
      const key = `${secretKey(params.secret)}\0${params.salt}\0${params.token}`;
      const hit = decoded.get(key);
      if (hit && hit.until > now()) return hit.value;
      const payload = await base.decode(params);
      const expiresMs = typeof payload?.exp === 'number' ? payload.exp * 1000 : now() + MEMORY_MS;
      remember(decoded, key, payload, Math.min(now() + MEMORY_MS, expiresMs));
      return payload;
    },
    async encode(params) {
      const key = `${secretKey(params.secret)}\0${params.salt}\0${params.maxAge ?? ''}\0${stablePayload(params.token)}`;
      const hit = encoded.get(key);
      if (hit && hit.until > now()) return hit.value;
      const token = await base.encode(params);
      remember(encoded, key, token, now() + MEMORY_MS);
      return token;
    },
  };
}
