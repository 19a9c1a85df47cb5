// One-time links for invitations and password resets: 32 random bytes in the link, only their
// SHA-256 in the database, valid for 7 days, used once (a conditional UPDATE claims it).
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authTokens, users } from '@/db/schema';

export const TOKEN_LIFETIME_DAYS = 7;
export type TokenPurpose = 'invitation' | 'password_reset';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a new token, retiring the user's earlier unused ones for the same purpose. */
export async function issueToken(
  tx: Database,
  input: { userId: number; purpose: TokenPurpose; createdBy: number | null; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  await tx
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.userId, input.userId),
        eq(authTokens.purpose, input.purpose),
        isNull(authTokens.usedAt),
      ),
    );
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
  await tx.insert(authTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: hashToken(token),
    expiresAt,
    createdBy: input.createdBy,
  });
  return { token, expiresAt };
}

export interface TokenHolder {
  tokenId: number;
  userId: number;
  email: string;
  name: string;
}

function wellFormed(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{40,60}$/.test(token);
}

/** Who a still-valid token belongs to, without using it (to show the form). */
export async function peekToken(
  db: Database,
  token: unknown,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<TokenHolder | null> {
  if (!wellFormed(token) || (purpose !== 'invitation' && purpose !== 'password_reset')) return null;
  const [row] = await db
    .select({ tokenId: authTokens.id, userId: users.id, email: users.email, name: users.name })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
        eq(users.disabled, false),
      ),
    );
  return row ?? null;
}

/** Claims a token inside the caller's transaction; null when it is unknown, used or expired. */
export async function consumeToken(
  tx: Database,
  token: unknown,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<TokenHolder | null> {
  const holder = await peekToken(tx, token, purpose, now);
  if (!holder) return null;
  const claimed = await tx
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.id, holder.tokenId), isNull(authTokens.usedAt)))
    .returning({ id: authTokens.id });
  return claimed.length > 0 ? holder : null;
}
