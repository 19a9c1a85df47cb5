// The staff half of the load test: signed-in staff saving drafts over real HTTP, as a browser
// without JavaScript does it. Each session signs in through the login page's server-action form
// (the hidden `$ACTION_…` fields posted back as multipart/form-data, the session cookie kept from
// the redirect), opens its own organisation's form for the open year, and then saves drafts in a
// loop: it posts the form it was last shown (with its `version`) and reads the answer page, which
// either says the draft was saved (and carries the next version) or says it was refused.
//
// A save counts as saved when the answer shows the "saved" message (messages/da/portal.json
// form.saved), as a conflict when it shows the stale-version message (messages.conflict); anything
// else (a status other than 200, a network error, a refusal) is a failure. Each session edits only
// its own organisation, so conflicts should be zero. Only 127.0.0.1; bounded by `durationSeconds`.
import { must } from '../tests/helpers/must';
import fs from 'node:fs';
import path from 'node:path';

export interface StaffSession {
  email: string;
  orgSlug: string;
  year: number;
  cookie: string;
  /** the form as the session's first page showed it, so the timed loop starts with a save */
  form?: FormField[];
}

export interface StaffReport {
  sessions: number;
  durationSeconds: number;
  saves: { total: number; perSecond: number };
  conflicts: number;
  /** saves sent again because their kept-alive connection was closed under them (as browsers do) */
  resent: number;
  failures: number;
  /** the first few failures, to say what went wrong */
  failureSamples: string[];
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
}

export interface FormField {
  name: string;
  value: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? Number.parseInt(entity.slice(2), 16)
          : Number(entity.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = must(match[1]).toLowerCase();
    if (name === 'input' || name === 'textarea' || name === 'button') continue;
    result[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return result;
}

/**
 * What a browser would post from the first `<form>` in `html` that contains `marker`: its inputs
 * (hidden, text, number …; checkboxes and radios only when checked; no buttons or files) and
 * textareas, in document order. The submit button's own name/value is added by the caller.
 */
export function browserForm(html: string, marker: string | ((body: string) => boolean)): FormField[] | null {
  for (const match of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
    const body = must(match[1]);
    if (typeof marker === 'string' ? !body.includes(marker) : !marker(body)) continue;
    const fields: FormField[] = [];
    for (const element of body.matchAll(
      /<input\b[^>]*>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/g,
    )) {
      const tag = element[0];
      if (tag.startsWith('<select')) {
        // a browser posts the selected option, or the first when none is marked
        const attrs = attributes(element[3] ?? '');
        if (!attrs.name || 'disabled' in attrs) continue;
        const options = [...(element[4] ?? '').matchAll(/<option\b([^>]*)>([^<]*)/g)].map((option) => ({
          attrs: attributes(option[1] ?? ''),
          text: decodeEntities(option[2] ?? ''),
        }));
        const chosen = options.find((option) => 'selected' in option.attrs) ?? options[0];
        if (chosen) fields.push({ name: attrs.name, value: chosen.attrs.value ?? chosen.text });
        continue;
      }
      if (tag.startsWith('<textarea')) {
        const attrs = attributes(element[1] ?? '');
        if (attrs.name && !('disabled' in attrs))
          fields.push({ name: attrs.name, value: decodeEntities(element[2] ?? '').replace(/^\n/, '') });
        continue;
      }
      const attrs = attributes(tag.slice('<input'.length));
      const type = (attrs.type ?? 'text').toLowerCase();
      if (!attrs.name || 'disabled' in attrs) continue;
      if (['submit', 'button', 'image', 'reset', 'file'].includes(type)) continue;
      if ((type === 'checkbox' || type === 'radio') && !('checked' in attrs)) continue;
      fields.push({ name: attrs.name, value: attrs.value ?? (type === 'checkbox' ? 'on' : '') });
    }
    return fields;
  }
  return null;
}

export function multipart(fields: FormField[]): FormData {
  const data = new FormData();
  for (const field of fields) data.append(field.name, field.value);
  return data;
}

/** `name=value` pairs of the Set-Cookie headers, merged into a Cookie header value */
export function mergeCookies(current: string, response: Response): string {
  const jar = new Map<string, string>();
  for (const pair of current.split(/;\s*/).filter(Boolean)) {
    const index = pair.indexOf('=');
    jar.set(pair.slice(0, index), pair.slice(index + 1));
  }
  for (const header of response.headers.getSetCookie()) {
    const pair = must(header.split(';')[0]);
    const index = pair.indexOf('=');
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    if (value === '' || /max-age=0\b/i.test(header)) jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/**
 * A kept-alive connection the server closed as the request went out (a front proxy's graceful
 * reload closes idle ones): the request never reached it, and browsers send it again on a new one.
 */
export function closedBeforeAnswer(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return (
    cause?.code === 'UND_ERR_SOCKET' ||
    cause?.code === 'ECONNRESET' ||
    // the body written to a connection the front had closed: nginx proxies only a whole request
    // (request buffering is on by default), so none of it reached an instance
    cause?.code === 'EPIPE' ||
    /other side closed/i.test(cause?.message ?? '')
  );
}

/** fetch's own message ("fetch failed") says nothing: the cause's code and message say what broke */
export function describeError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return [(error as Error).message, cause?.code, cause?.message].filter(Boolean).join(' · ');
}

/**
 * `send()`, again on another connection when the one it went out on was closed under it (each
 * stale kept-alive connection of the pool fails once, so a few tries), as browsers do.
 */
export async function resendWhenClosed(
  send: () => Promise<Response>,
  onResend: () => void,
): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= 5 || !closedBeforeAnswer(error)) throw error;
      onResend();
    }
  }
}

// a browser waits far longer; on a loaded 2-core machine a save under load can take seconds
const TIMEOUT_MS = 30_000;

/**
 * Signs in as the login form does without JavaScript: GET /login, post the form's fields back with
 * email and password, and keep the session cookie from the 303 that follows a good password (staff
 * have no second factor; a user who has one would get the code step back instead).
 */
export async function signInOverHttp(target: URL, email: string, password: string): Promise<string> {
  const page = await fetch(new URL('/login', target), { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (page.status !== 200) throw new Error(`GET /login answered ${page.status}`);
  let cookie = mergeCookies('', page);
  const fields = browserForm(await page.text(), 'name="password"');
  if (!fields) throw new Error('GET /login: no form with a password field');
  const posted = fields.filter((field) => field.name !== 'email' && field.name !== 'password');
  posted.push({ name: 'email', value: email }, { name: 'password', value: password });
  const response = await fetch(new URL('/login', target), {
    method: 'POST',
    body: multipart(posted),
    headers: { cookie, origin: target.origin },
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  cookie = mergeCookies(cookie, response);
  if (response.status < 300 || response.status > 399 || !/authjs\.session-token=/.test(cookie)) {
    const body = await response.text();
    const message = body.match(/role="alert"[^>]*>([^<]{0,200})/)?.[1];
    throw new Error(
      `sign-in as ${email} answered ${response.status}${message ? `: ${message}` : ''} (no session cookie)`,
    );
  }
  await response.body?.cancel();
  return cookie;
}

const formPath = (session: Pick<StaffSession, 'orgSlug' | 'year'>) =>
  `/portal/${session.orgSlug}/${session.year}`;

/** whether `html` has a submit button with this name and value, enabled (React orders attributes freely) */
export function hasButton(html: string, name: string, value: string): boolean {
  for (const match of html.matchAll(/<button\b([^>]*)>/g)) {
    const attrs = attributes(must(match[1]));
    if (attrs.name === name && attrs.value === value && !('disabled' in attrs)) return true;
  }
  return false;
}

const DRAFT_BUTTON = (body: string) => hasButton(body, 'intent', 'draft');

/** the form of the page, when it can be saved (a draft button is shown) */
function editableForm(html: string): FormField[] | null {
  return browserForm(html, DRAFT_BUTTON);
}

/**
 * Signs in the staff of `slugs` (`{slug}@example.org`) one after another and keeps the first `count`
 * whose form for `year` can be saved (not submitted or approved). Throws when fewer are found.
 */
export async function signInStaff(
  target: URL,
  slugs: string[],
  year: number,
  count: number,
  password: string,
): Promise<StaffSession[]> {
  const sessions: StaffSession[] = [];
  for (const orgSlug of slugs) {
    if (sessions.length >= count) break;
    const email = `${orgSlug}@example.org`;
    const cookie = await signInOverHttp(target, email, password);
    const page = await fetch(new URL(formPath({ orgSlug, year }), target), {
      headers: { cookie },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const form = page.status === 200 ? editableForm(await page.text()) : null;
    if (form) sessions.push({ email, orgSlug, year, cookie, form });
  }
  if (sessions.length < count)
    throw new Error(`only ${sessions.length} of ${count} staff sessions have an editable form for ${year}`);
  return sessions;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return must(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}

const portalDa = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, '..', 'messages', 'da', 'portal.json'), 'utf8'),
) as { form: { saved: string }; messages: { conflict: string } };
const SAVED = portalDa.form.saved;
const CONFLICT = portalDa.messages.conflict;
/** the indicator fields each save changes (counts without a parent: no subset rule applies) */
const EDITED = ['innovation_projects', 'international_participants'];

/**
 * Every session saves drafts of its own form in a loop until `durationSeconds` have passed: post
 * the form it was last shown with a few figures changed (`intent=draft`), and continue from the
 * answer page. Latency is the save's round trip (the POST and its rendered answer).
 */
export async function runStaffSavers(
  target: URL,
  sessions: StaffSession[],
  durationSeconds: number,
): Promise<StaffReport> {
  const latencies: number[] = [];
  let conflicts = 0;
  let resent = 0;
  let failures = 0;
  const failureSamples: string[] = [];
  const fail = (session: StaffSession, what: string) => {
    failures++;
    if (failureSamples.length < 10) failureSamples.push(`${session.orgSlug}: ${what}`);
  };
  const started = performance.now();
  const until = started + durationSeconds * 1000;

  async function worker(session: StaffSession, index: number) {
    const url = new URL(formPath(session), target);
    let form: FormField[] | null = session.form ?? null;
    let round = 0;
    while (performance.now() < until) {
      if (!form) {
        // reopen the form (after a refusal or a failure), as the person would
        let status: number;
        try {
          const page = await fetch(url, {
            headers: { cookie: session.cookie },
            signal: AbortSignal.timeout(TIMEOUT_MS),
          });
          status = page.status;
          form = status === 200 ? editableForm(await page.text()) : null;
        } catch (error) {
          fail(session, `GET failed: ${describeError(error)}`);
          continue;
        }
        if (!form) {
          fail(session, `GET ${url.pathname} answered ${status} without an editable form`);
          return; // nothing to save: stop this session rather than spin
        }
        if (performance.now() >= until) break;
      }
      round++;
      const posted = form.map((field) =>
        EDITED.includes(field.name)
          ? { name: field.name, value: String(10 + ((index * 7 + round) % 20)) }
          : field,
      );
      posted.push({ name: 'intent', value: 'draft' });
      const begin = performance.now();
      try {
        const post = () =>
          fetch(url, {
            method: 'POST',
            body: multipart(posted),
            headers: { cookie: session.cookie, origin: target.origin },
            redirect: 'manual',
            signal: AbortSignal.timeout(TIMEOUT_MS),
          });
        const response = await resendWhenClosed(post, () => resent++);
        const html = await response.text();
        const elapsed = performance.now() - begin;
        if (response.status === 200 && html.includes(SAVED)) {
          latencies.push(elapsed);
          form = editableForm(html); // the answer carries the next version
        } else if (response.status === 200 && html.includes(CONFLICT)) {
          conflicts++;
          form = null;
        } else {
          const message = html.match(/role="alert"[^>]*>(?:<[^>]+>)*([^<]{0,200})/)?.[1];
          fail(session, `POST answered ${response.status}${message ? `: ${message}` : ''}`);
          form = null;
        }
      } catch (error) {
        fail(session, `POST failed: ${describeError(error)}`);
        form = null;
      }
    }
  }

  await Promise.all(sessions.map((session, index) => worker(session, index)));
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    sessions: sessions.length,
    durationSeconds,
    saves: { total: latencies.length, perSecond: round(latencies.length / seconds) },
    conflicts,
    resent,
    failures,
    failureSamples,
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? 0),
      mean: round(sorted.reduce((sum, value) => sum + value, 0) / (sorted.length || 1)),
    },
  };
}
