// Every route of the permission matrix (tests/integration/permission-matrix.ts) requested as each
// role against the production build. Sessions come from the real sign-in form; the disabled user's
// is an old, validly signed session cookie (what they would still hold after being disabled).
import { must } from '../helpers/must';
import { expect, type Page, request as playwrightRequest, test } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { demoOrganisations } from '@/db/seed/demo-data';
import { type Role, ROLES, type RouteAnswer, routes } from '../integration/permission-routes';
import { cookieHeader, DEMO_ADMIN, signIn } from './helpers';

const organisations = demoOrganisations();
const [orgA, orgB] = [must(organisations[0]), must(organisations[1])];
const OPEN_YEAR = 2017;
const AUTH_SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e-secret';
// the demo seed creates the admin, then one staff user per organisation, then the disabled user
const DISABLED_USER_ID = organisations.length + 2;

function concrete(path: string): string {
  return path
    .replaceAll('{orgA}', orgA.slug)
    .replaceAll('{orgB}', orgB.slug)
    .replaceAll('{year}', String(OPEN_YEAR))
    .replaceAll('{companyListYear}', '2016')
    .replaceAll('{publishedYear}', '2016');
}

async function sessionOf(page: Page, email: string): Promise<string> {
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/login/);
  return cookieHeader(page);
}

async function forgedOldSession(userId: number): Promise<string> {
  const salt = 'authjs.session-token';
  const token = await encode({
    token: { uid: userId, sv: 1, sub: String(userId) },
    secret: AUTH_SECRET,
    salt,
    maxAge: 3600,
  });
  return `${salt}=${token}`;
}

function check(answer: RouteAnswer, status: number, location: string | undefined) {
  if (typeof answer === 'number') {
    expect({ status, location }).toEqual({ status: answer, location: undefined });
    return;
  }
  expect(status).toBeGreaterThanOrEqual(300);
  expect(status).toBeLessThan(400);
  const target = new URL(location ?? '', 'http://x');
  if (answer === 'login') expect(target.pathname).toMatch(/^(\/en)?\/login$/);
  else expect(target.pathname).toBe(answer.slice('redirect:'.length));
}

test('every route answers every role as the permission matrix says', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const cookies: Record<Role, string> = {
    anonymous: '',
    staffA: '',
    staffB: '',
    disabled: await forgedOldSession(DISABLED_USER_ID),
    admin: '',
  };
  for (const [role, email] of [
    ['staffA', `${orgA.slug}@example.org`],
    ['staffB', `${orgB.slug}@example.org`],
    ['admin', DEMO_ADMIN],
  ] as const) {
    const context = await browser.newContext();
    cookies[role] = await sessionOf(await context.newPage(), email);
    await context.close();
  }
  const ordered = [...routes.filter((r) => !r.last), ...routes.filter((r) => r.last)];
  const failures: string[] = [];
  for (const route of ordered) {
    for (const role of ROLES) {
      // a fresh client per request: nothing one answer sets (a refreshed session cookie) leaks into the next
      const client = await playwrightRequest.newContext({ baseURL });
      const response = await client.get(concrete(route.path), {
        headers: cookies[role] ? { cookie: cookies[role] } : {},
        maxRedirects: 0,
      });
      await client.dispose();
      try {
        check(route.answers[role], response.status(), response.headers().location);
      } catch {
        failures.push(
          `[${role}] ${route.path}: expected ${route.answers[role]}, got ${response.status()} ${response.headers().location ?? ''}`,
        );
      }
    }
  }
  expect(failures).toEqual([]);
});

test('an email and password posted straight to the Auth.js credentials callback get no session', async ({
  request,
}) => {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: `${orgA.slug}@example.org`, password: 'demo-password' },
    maxRedirects: 0,
  });
  expect(await (await request.get('/api/auth/session')).json()).toBeNull();
});
