// Configuration checked once at start: each problem is one line saying what to fix.
import { z } from 'zod';
import { parseSiteOrigin } from './site-url';

const environmentSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/\S+$/, {
      error:
        'DATABASE_URL must look like postgres://user:password@host:5432/database (or be unset to use the embedded database)',
    })
    .optional()
    .or(z.literal('')),
  AUTH_SECRET: z
    .string()
    .min(32, {
      error: 'AUTH_SECRET must be at least 32 characters: generate one with `openssl rand -base64 33`',
    })
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: 'SMTP_URL must look like smtp://user:password@host:587' })
    .optional()
    .or(z.literal('')),
  PORT: z.coerce.number().int().min(1).max(65535, { error: 'PORT must be a port number' }).optional(),
});

export function environmentProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
    problems.push(
      'AUTH_SECRET is not set: generate one with `openssl rand -base64 33` and set it in the environment',
    );
  }
  for (const variable of ['SITE_URL', 'AUTH_URL'] as const) {
    const value = env[variable]?.trim();
    if (!value) continue;
    const parsed = parseSiteOrigin(value, variable);
    if ('problem' in parsed) problems.push(parsed.problem.message);
  }
  const site = env.SITE_URL?.trim() ? parseSiteOrigin(env.SITE_URL, 'SITE_URL') : null;
  const auth = env.AUTH_URL?.trim() ? parseSiteOrigin(env.AUTH_URL, 'AUTH_URL') : null;
  if (site && auth && 'origin' in site && 'origin' in auth && site.origin !== auth.origin) {
    problems.push(
      `SITE_URL (${site.origin}) and AUTH_URL (${auth.origin}) name different sites: set only SITE_URL, or both to the same address`,
    );
  }
  if (env.NODE_ENV === 'production' && !env.SITE_URL?.trim() && !env.AUTH_URL?.trim()) {
    problems.push(
      'SITE_URL is not set: set it to the address people use to reach the site, e.g. https://klyngeregnskab.dk (every link in mails and pages is built from it)',
    );
  }
  const hops = env.TRUSTED_PROXY_HOPS?.trim();
  if (hops && !/^(?:[0-9]|10)$/.test(hops)) {
    problems.push(
      'TRUSTED_PROXY_HOPS must be the number of reverse proxies of your own in front of the app, 0 to 10 (0 or unset: none)',
    );
  }
  const oidc = ['AUTH_OIDC_ISSUER', 'AUTH_OIDC_CLIENT_ID', 'AUTH_OIDC_CLIENT_SECRET'] as const;
  const setOidc = oidc.filter((name) => env[name]?.trim());
  if (setOidc.length > 0 && setOidc.length < oidc.length) {
    problems.push(
      `Single sign-on needs all of ${oidc.join(', ')}: ${oidc.filter((n) => !setOidc.includes(n)).join(', ')} is not set`,
    );
  }
  if (env.AUTH_OIDC_ISSUER?.trim() && !/^https?:\/\/\S+$/.test(env.AUTH_OIDC_ISSUER.trim())) {
    problems.push(
      'AUTH_OIDC_ISSUER must be the provider URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0',
    );
  }
  problems.push(...testClockProblems(env));
  const was = env.WAS_URL?.trim();
  if (was && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(was)) {
    problems.push(
      'WAS_URL must be the https address of the accessibility statement in Digitaliseringsstyrelsen’s tool (https://www.was.digst.dk/…), or unset to serve the statement at /was',
    );
  }
  return problems;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * The test clock (lib/clock) lets whoever holds its token say what time it is, and so when a
 * scheduled release comes out: it must never be on where the public can reach the server. It is
 * refused unless the server listens on loopback only and no public https origin is configured.
 */
function testClockProblems(env: NodeJS.ProcessEnv): string[] {
  const token = env.KLYNGE_TEST_CLOCK_TOKEN?.trim();
  if (!token) return [];
  const problems: string[] = [];
  if (token.length < 32) problems.push('KLYNGE_TEST_CLOCK_TOKEN must be at least 32 characters');
  if (!LOOPBACK.has(env.HOSTNAME?.trim() ?? '')) {
    problems.push(
      'KLYNGE_TEST_CLOCK_TOKEN is for test runs only: the server must then listen on loopback (HOSTNAME=127.0.0.1). Unset it in production',
    );
  }
  for (const name of ['SITE_URL', 'AUTH_URL'] as const) {
    if (env[name]?.trim().startsWith('https:')) {
      problems.push(`KLYNGE_TEST_CLOCK_TOKEN is for test runs only and cannot be set with an https ${name}`);
    }
  }
  return problems;
}

/** One line for a database that cannot be reached, without the password of the URL. */
export function describeDatabaseFailure(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  // drizzle wraps the driver's error ("Failed query: …"); the root cause says what is wrong
  let root: unknown = error;
  while (root && typeof root === 'object' && 'cause' in root && (root as { cause?: unknown }).cause) {
    root = (root as { cause: unknown }).cause;
  }
  const reason =
    root instanceof Error
      ? [(root as { code?: string }).code, root.message.split('\n')[0]].filter(Boolean).join(' ')
      : String(root);
  const url = env.DATABASE_URL?.trim();
  if (!url) return `The embedded database under .data/ could not be opened: ${reason}`;
  let where = 'DATABASE_URL';
  try {
    const parsed = new URL(url);
    where = `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {}
  return `Cannot use the database at ${where} (DATABASE_URL): ${reason}. Start PostgreSQL there, fix DATABASE_URL, or unset it to use the embedded database.`;
}
