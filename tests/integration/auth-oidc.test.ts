// Single sign-on against a real OpenID Connect provider (the `oidc-provider` package) on
// 127.0.0.1, driven through Auth.js itself with the app's own configuration (buildAuthOptions):
// authorization request, the provider's login and consent, the code exchange, the signIn callback.
import { must } from '../helpers/must';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { Auth } from '@auth/core';
import { eq } from 'drizzle-orm';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, userIdentities } from '@/db/schema';
import { buildAuthOptions } from '@/lib/auth/auth-options';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createUser } from '../helpers/fixtures';

const APP = 'http://127.0.0.1:3999';
const SECRET = 'oidc-test-secret-oidc-test-secret-0123456789';

const accounts: Record<string, { email: string; email_verified: boolean }> = {
  'alice-sub': { email: 'Invited.Alice@example.org', email_verified: true },
  'stranger-sub': { email: 'stranger@example.org', email_verified: true },
  'unverified-sub': { email: 'invited.bob@example.org', email_verified: false },
  'disabled-sub': { email: 'gone@example.org', email_verified: true },
};

let database: TestDatabase;
let server: http.Server;
let issuer: string;

/** A cookie jar per host, enough for one browser-like walk through the redirects. */
class Jar {
  private cookies = new Map<string, Map<string, string>>();
  store(url: string, response: Response) {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = must(pair).indexOf('=');
      const name = must(pair).slice(0, index).trim();
      const value = must(pair)
        .slice(index + 1)
        .trim();
      if (value === '' || /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    this.cookies.set(host, jar);
  }
  header(url: string): string {
    const jar = this.cookies.get(new URL(url).host) ?? new Map();
    return [...jar.entries()].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  names(url: string): string[] {
    return [...(this.cookies.get(new URL(url).host)?.keys() ?? [])];
  }
}

function appConfig() {
  const options = buildAuthOptions(async () => database.db, {
    ...process.env,
    AUTH_OIDC_ISSUER: issuer,
    AUTH_OIDC_CLIENT_ID: 'klyngeregnskab',
    AUTH_OIDC_CLIENT_SECRET: 'client-secret-for-tests',
  });
  return { ...options, secret: SECRET, basePath: '/api/auth', trustHost: true };
}

async function app(jar: Jar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set('cookie', cookie);
  const response = (await Auth(
    new Request(url, { ...init, headers }),
    appConfig() as never,
  )) as unknown as Response;
  jar.store(url, response);
  return response;
}

async function remote(jar: Jar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header(url);
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.store(url, response);
  return response;
}

/** The whole round trip; returns Auth.js' last answer (a redirect) and the cookies it left. */
async function signInThroughProvider(accountId: string) {
  const jar = new Jar();
  const csrf = (await (await app(jar, `${APP}/api/auth/csrf`)).json()) as { csrfToken: string };
  let response = await app(jar, `${APP}/api/auth/signin/oidc`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: `${APP}/portal` }).toString(),
  });
  let location = must(response.headers.get('location'));
  expect(location.startsWith(issuer)).toBe(true);
  // at the provider: authorization → login prompt → consent prompt → back to the app
  for (let step = 0; step < 10 && location.startsWith(issuer); step++) {
    response = await remote(jar, location);
    if (response.status >= 300 && response.status < 400) {
      location = new URL(must(response.headers.get('location')), location).toString();
      continue;
    }
    const html = await response.text();
    const prompt = html.includes('name="login"') ? 'login' : 'consent';
    response = await remote(jar, location, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(
        prompt === 'login' ? { prompt, login: accountId, password: 'irrelevant' } : { prompt },
      ).toString(),
    });
    location = new URL(must(response.headers.get('location')), location).toString();
  }
  expect(location.startsWith(`${APP}/api/auth/callback/oidc`)).toBe(true);
  response = await app(jar, location);
  return { response, jar };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const provider = new Provider('http://127.0.0.1', {
    clients: [
      {
        client_id: 'klyngeregnskab',
        client_secret: 'client-secret-for-tests',
        redirect_uris: [`${APP}/api/auth/callback/oidc`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    cookies: { keys: ['cookie-key-for-tests'] },
    // put email and email_verified in the ID token, as Entra ID and MitID Erhverv brokers do
    conformIdTokenClaims: false,
  });
  server = provider.listen(0, '127.0.0.1') as unknown as http.Server;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // the provider names itself by the address it was created with: give it the real port
  (provider as unknown as { issuer: string }).issuer = issuer;
});

afterAll(async () => {
  server?.close();
  await database?.destroy();
});

describe('single sign-on through a local OpenID Connect provider', () => {
  it('signs in an invited user matched by verified email and links the identity', async () => {
    const user = await createUser(database.db, { email: 'invited.alice@example.org', name: 'Alice' });
    const { response, jar } = await signInThroughProvider('alice-sub');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${APP}/portal`);
    expect(jar.names(APP)).toContain('authjs.session-token');

    const identities = await database.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.userId, user.id));
    expect(identities).toMatchObject([{ provider: 'oidc', subject: 'alice-sub' }]);

    // the session Auth.js issued carries our user id and session version
    const session = (await (await app(jar, `${APP}/api/auth/session`)).json()) as {
      userId: number;
      sessionVersion: number;
    };
    expect(session.userId).toBe(user.id);
    expect(session.sessionVersion).toBe(1);
  });

  it('refuses a person the secretariat did not invite', async () => {
    const { response, jar } = await signInThroughProvider('stranger-sub');
    expect(response.headers.get('location')).toContain('error=AccessDenied');
    expect(jar.names(APP)).not.toContain('authjs.session-token');
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.actorEmail, 'stranger@example.org'));
    expect(events.map((e) => [e.action, (e.after as { reason: string }).reason])).toEqual([
      ['auth.sign_in_failed', 'not_invited'],
    ]);
  });

  it('refuses an unverified email even when it matches an invited user', async () => {
    await createUser(database.db, { email: 'invited.bob@example.org' });
    const { response, jar } = await signInThroughProvider('unverified-sub');
    expect(response.headers.get('location')).toContain('error=AccessDenied');
    expect(jar.names(APP)).not.toContain('authjs.session-token');
    expect(
      await database.db.select().from(userIdentities).where(eq(userIdentities.subject, 'unverified-sub')),
    ).toEqual([]);
  });

  it('refuses a disabled user', async () => {
    await createUser(database.db, { email: 'gone@example.org', disabled: true });
    const { response } = await signInThroughProvider('disabled-sub');
    expect(response.headers.get('location')).toContain('error=AccessDenied');
  });
});
