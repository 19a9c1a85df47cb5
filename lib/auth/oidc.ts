// Single sign-on through an OpenID Connect provider, optional. An external identity is accepted
// only for a user the secretariat invited (an existing, enabled user), matched by verified email
// the first time and by the provider's subject afterwards.
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { userIdentities, users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record';
import type { VerifiedUser } from './credentials';

export const OIDC_PROVIDER_ID = 'oidc';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
}

export function oidcSettings(env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
  const issuer = env.AUTH_OIDC_ISSUER?.trim();
  const clientId = env.AUTH_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.AUTH_OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, name: env.AUTH_OIDC_NAME?.trim() || 'Single sign-on' };
}

export interface ExternalIdentity {
  provider: string;
  subject: string;
  email?: string | null;
  emailVerified?: unknown;
  ip?: string | null;
}

/** The invited user behind an external identity, linking it on first use; null: refused (audited). */
export async function acceptExternalIdentity(
  db: Database,
  identity: ExternalIdentity,
): Promise<VerifiedUser | null> {
  const email = identity.email?.trim().toLowerCase() ?? null;
  const refuse = async (reason: string, userId: number | null = null) => {
    await recordAuditEvent(db, {
      actorId: userId,
      actorEmail: email,
      action: 'auth.sign_in_failed',
      entityType: 'user',
      entityId: userId,
      after: { method: 'oidc', provider: identity.provider, reason },
      ip: identity.ip ?? null,
    });
    return null;
  };
  const [linked] = await db
    .select({ user: users })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.provider, identity.provider), eq(userIdentities.subject, identity.subject)));
  let user = linked?.user;
  if (!user) {
    if (!email || identity.emailVerified !== true) return refuse('email_not_verified');
    const [byEmail] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
    if (!byEmail) return refuse('not_invited');
    if (byEmail.disabled) return refuse('disabled', byEmail.id);
    await db.transaction(async (tx) => {
      await tx
        .insert(userIdentities)
        .values({ userId: byEmail.id, provider: identity.provider, subject: identity.subject });
      await recordAuditEvent(tx, {
        actorId: byEmail.id,
        actorEmail: byEmail.email,
        action: 'auth.identity_linked',
        entityType: 'user',
        entityId: byEmail.id,
        after: { provider: identity.provider, subject: identity.subject },
        ip: identity.ip ?? null,
      });
    });
    user = byEmail;
  }
  if (user.disabled) return refuse('disabled', user.id);
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  await recordAuditEvent(db, {
    actorId: user.id,
    actorEmail: user.email,
    action: 'auth.sign_in',
    entityType: 'user',
    entityId: user.id,
    after: { method: 'oidc', provider: identity.provider },
    ip: identity.ip ?? null,
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}
