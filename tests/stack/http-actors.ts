// People of the stack tests, over plain HTTP as a browser without JavaScript: the secretariat signs
// in with its second factor and publishes or edits through whichever instance (or the front) it is
// given. Forms are read from the page as shown and posted back (bench/staff.ts does the same).
import { browserForm, type FormField, mergeCookies, multipart } from '../../bench/staff';
import { createGuardrails, generate } from 'otplib';
import { freshTotpStep } from '../helpers/totp-steps';
import { DEMO_ADMIN_EMAIL as DEMO_ADMIN, DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from '../../db/seed/demo';

/** The code of one RFC 6238 step of the demo admin's secret. */
export function totpCodeOfStep(step: number): Promise<string> {
  return generate({
    secret: DEMO_ADMIN_TOTP_SECRET,
    epoch: step * 30 + 15,
    guardrails: createGuardrails({ MIN_SECRET_BYTES: 10 }),
  });
}

// each TOTP step is accepted once per user (one step of drift either way): a fresh step per sign-in,
// waiting for the next step only when none that stays accepted is left (tests/helpers/totp-steps.ts)
export async function freshTotpCode(): Promise<string> {
  return totpCodeOfStep(await freshTotpStep(DEMO_ADMIN_TOTP_SECRET));
}

const timeout = () => AbortSignal.timeout(30_000);

export interface HttpSession {
  cookie: string;
}

async function postForm(base: string, path: string, fields: FormField[], cookie: string) {
  return fetch(new URL(path, base), {
    method: 'POST',
    body: multipart(fields),
    headers: { cookie, origin: base },
    redirect: 'manual',
    signal: timeout(),
  });
}

/**
 * The login form's two steps: password (answered with the code step and a pending cookie), then the
 * TOTP code (answered with a redirect and the session cookie). `code` overrides the fresh code.
 */
export async function signInAdmin(
  base: string,
  options: { codeBase?: string; code?: string } = {},
): Promise<{ session: HttpSession | null; answer: string; code: string }> {
  const page = await fetch(new URL('/login', base), { signal: timeout() });
  let cookie = mergeCookies('', page);
  const fields = browserForm(await page.text(), 'name="password"');
  if (!fields) throw new Error('no login form');
  const posted = fields.filter((f) => f.name !== 'email' && f.name !== 'password');
  posted.push({ name: 'email', value: DEMO_ADMIN }, { name: 'password', value: DEMO_PASSWORD });
  const first = await postForm(base, '/login', posted, cookie);
  cookie = mergeCookies(cookie, first);
  const codeStep = await first.text();
  const codeForm = browserForm(codeStep, 'name="code"');
  if (!codeForm) throw new Error(`no code step after the password (status ${first.status})`);
  // the code step may be posted to another instance than the one that showed it
  const codeBase = options.codeBase ?? base;
  const code = options.code ?? (await freshTotpCode());
  const second = await postForm(
    codeBase,
    '/login',
    [...codeForm.filter((f) => f.name !== 'code'), { name: 'code', value: code }],
    cookie,
  );
  cookie = mergeCookies(cookie, second);
  const answer = await second.text();
  const signedIn = second.status >= 300 && second.status < 400 && /authjs\.session-token/.test(cookie);
  return { session: signedIn ? { cookie } : null, answer, code };
}

/** GET `path` from `formBase`, post the form containing `marker` with `changes` to `postBase`. */
export async function submitForm(
  session: HttpSession,
  formBase: string,
  postBase: string,
  path: string,
  marker: string | ((body: string) => boolean),
  changes: Record<string, string>,
): Promise<{ status: number; html: string }> {
  const page = await fetch(new URL(path, formBase), {
    headers: { cookie: session.cookie },
    signal: timeout(),
  });
  const html = await page.text();
  const form = browserForm(html, marker);
  if (!form) throw new Error(`GET ${path} (${page.status}): no form with ${String(marker)}`);
  const fields = form.filter((f) => !(f.name in changes));
  for (const [name, value] of Object.entries(changes)) fields.push({ name, value });
  const response = await postForm(postBase, path, fields, session.cookie);
  return { status: response.status, html: await response.text() };
}
