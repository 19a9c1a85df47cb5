import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { rememberingCodec } from '@/lib/auth/session-token';

const secret = 'unit-test-secret-unit-test-secret-unit-test';
const salt = 'authjs.session-token';

function counting(now: () => number) {
  const calls = { encode: 0, decode: 0 };
  const codec = rememberingCodec(
    {
      encode: (params) => {
        calls.encode++;
        return encode(params);
      },
      decode: (params) => {
        calls.decode++;
        return decode(params);
      },
    },
    now,
  );
  return { codec, calls };
}

describe('the session cookie codec', () => {
  it('decodes a cookie once, and gives the same payload again within a minute', async () => {
    let clock = Date.now();
    const { codec, calls } = counting(() => clock);
    const token = await encode({ secret, salt, token: { uid: 7, sv: 1 }, maxAge: 3600 });
    const first = await codec.decode({ secret, salt, token });
    const second = await codec.decode({ secret, salt, token });
    expect(first).toMatchObject({ uid: 7, sv: 1 });
    expect(second).toEqual(first);
    expect(calls.decode).toBe(1);
    clock += 61_000;
    expect(await codec.decode({ secret, salt, token })).toMatchObject({ uid: 7 });
    expect(calls.decode).toBe(2);
  });

  it('never keeps a payload past its own expiry, and remembers a bad cookie as bad', async () => {
    let clock = Date.now();
    const { codec, calls } = counting(() => clock);
    const token = await encode({ secret, salt, token: { uid: 7, sv: 1 }, maxAge: 10 });
    expect(await codec.decode({ secret, salt, token })).toMatchObject({ uid: 7 });
    clock += 11_000;
    await codec.decode({ secret, salt, token }).catch(() => null);
    expect(calls.decode).toBe(2);
    await expect(
      codec.decode({ secret: 'another-secret-another-secret-another-se', salt, token }),
    ).rejects.toThrow();
  });

  it('re-issues one cookie per payload for a minute; another payload gets its own', async () => {
    let clock = Date.now();
    const { codec, calls } = counting(() => clock);
    const a = await codec.encode({ secret, salt, token: { uid: 7, sv: 1, iat: 1, exp: 2, jti: 'x' } });
    const b = await codec.encode({ secret, salt, token: { uid: 7, sv: 1, iat: 5, exp: 9, jti: 'y' } });
    expect(b).toBe(a);
    expect(calls.encode).toBe(1);
    // a bumped session version (signed out everywhere) is another payload
    const c = await codec.encode({ secret, salt, token: { uid: 7, sv: 2 } });
    expect(c).not.toBe(a);
    expect(await decode({ secret, salt, token: c })).toMatchObject({ sv: 2 });
    clock += 61_000;
    expect(await codec.encode({ secret, salt, token: { uid: 7, sv: 1 } })).not.toBe(a);
    expect(calls.encode).toBe(3);
  });
});

describe('session tokens of two sign-ins', () => {
  it('differ, even for the same user and session version within the codec’s minute', async () => {
    const { authConfig } = await import('@/auth.config');
    const { codec } = counting(() => Date.now());
    const signInOnce = () =>
      authConfig.callbacks.jwt({
        token: {},
        user: { id: '7', sessionVersion: 1 } as never,
      } as never) as Record<string, unknown>;
    const [first, second] = [signInOnce(), signInOnce()];
    expect(first.sid).not.toBe(second.sid);
    const tokens = await Promise.all(
      [first, second].map((token) => codec.encode({ secret, salt, token, maxAge: 3600 })),
    );
    expect(tokens[0]).not.toBe(tokens[1]);
    // the same session re-issued within the minute keeps its token (what the codec is for)
    expect(await codec.encode({ secret, salt, token: first, maxAge: 3600 })).toBe(tokens[0]);
  });
});
