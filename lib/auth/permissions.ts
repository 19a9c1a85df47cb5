// The permission rules, used by every query and action in lib/. A refusal is a typed result and
// an audit event, never a silent empty answer.
import type { Database } from '@/db/client';
import { recordAuditEvent } from '@/lib/audit/record';
import { type Failure, forbidden } from '@/lib/result';
import type { Actor } from './actor';
import { storableForm } from '@/lib/validation/text';

/** An admin without an enrolled second factor can do nothing but enrol (lib/users/account.ts). */
export function isAdmin(actor: Actor | null): actor is Actor {
  return actor?.role === 'admin' && actor.totpEnabled;
}

/** Signed in but still owing the second factor their role requires. */
export function mustEnrolSecondFactor(actor: Actor | null): boolean {
  return actor?.role === 'admin' && !actor.totpEnabled;
}

export function isMemberOf(actor: Actor | null, organisationId: number): actor is Actor {
  if (mustEnrolSecondFactor(actor)) return false;
  return actor?.organisationIds.includes(organisationId) === true;
}

/** Staff act only for organisations they belong to; the secretariat may act for any. */
export function canActFor(actor: Actor | null, organisationId: number): actor is Actor {
  return isAdmin(actor) || isMemberOf(actor, organisationId);
}

export async function denyAccess(
  db: Database,
  actor: Actor | null,
  what: string,
  target: { entityType: string; entityId?: string | number | null; organisationId?: number | null },
): Promise<Failure> {
  await recordAuditEvent(db, {
    actorId: actor?.userId ?? null,
    actorEmail: actor?.email ?? null,
    action: 'access.denied',
    entityType: target.entityType,
    entityId: target.entityId ?? null,
    organisationId: target.organisationId ?? null,
    // `what` can carry text from the URL (an export kind, say): stored in a form the database takes
    after: { attempted: storableForm(what, 500) },
    ip: actor?.ip ?? null,
  });
  return forbidden();
}

/** null when allowed; otherwise the refusal, already audited. */
export async function checkAdmin(db: Database, actor: Actor | null, what: string): Promise<Failure | null> {
  if (isAdmin(actor)) return null;
  return denyAccess(db, actor, what, { entityType: 'admin' });
}

export async function checkMember(
  db: Database,
  actor: Actor | null,
  organisationId: number,
  what: string,
): Promise<Failure | null> {
  if (isMemberOf(actor, organisationId)) return null;
  return denyAccess(db, actor, what, {
    entityType: 'organisation',
    entityId: organisationId,
    organisationId,
  });
}

export async function checkCanActFor(
  db: Database,
  actor: Actor | null,
  organisationId: number,
  what: string,
): Promise<Failure | null> {
  if (canActFor(actor, organisationId)) return null;
  return denyAccess(db, actor, what, {
    entityType: 'organisation',
    entityId: organisationId,
    organisationId,
  });
}
