// Configuration checked once at start: each problem is one line saying what to fix.
import { z } from 'zod';

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
