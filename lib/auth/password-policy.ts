// What makes a new password acceptable: at least 12 characters, not on the list of common
// passwords (lib/auth/common-passwords.txt, compared case-insensitively), not the email address.
import fs from 'node:fs';
import path from 'node:path';
import { type Failure, invalid } from '@/lib/result';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'like_email' | 'mismatch';

/** Pure: the first problem with a new password, or null. */
export function passwordProblem(
  password: string,
  confirmation: string,
  context: { email: string; common: ReadonlySet<string> },
): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  if (context.common.has(lower) || /^(.)\1+$/.test(password)) return 'common';
  const email = context.email.trim().toLowerCase();
  const local = email.split('@')[0] ?? '';
  if (lower === email || (local.length >= 4 && lower.includes(local))) return 'like_email';
  if (password !== confirmation) return 'mismatch';
  return null;
}

let cached: Set<string> | undefined;
export function commonPasswords(): ReadonlySet<string> {
  cached ??= new Set(
    fs
      .readFileSync(path.join(process.cwd(), 'lib', 'auth', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return cached;
}

/** The form's refusal of a new password that breaks the policy: the message under the field it concerns. */
export function passwordRefusal(problem: PasswordProblem): Failure {
  const field = problem === 'mismatch' ? 'confirmation' : 'password';
  return invalid('auth.setPassword.errors.summary', {
    [field]: [{ key: `auth.setPassword.errors.${problem}`, values: { min: MIN_PASSWORD_LENGTH } }],
  });
}
