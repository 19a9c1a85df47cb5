// The permission rules, used by every query and action in lib/ (mostly through lib/actions). A
// refusal is a typed result and an audit event, never a silent empty answer; an allowance hands
// back the actor, narrowed, so nothing after it has to assume who is acting.
import 'server-only';
import type { Database } from '@/db/client';
import { recordAuditEvent } from '@/lib/audit/record';
import { type Failure, forbidden, ok } from '@/lib/result';
import { storableForm } from '@/lib/validation/text';
import type { Actor } from './actor';

/** A secretariat member with the second factor enrolled: the only actor admin steps ever see. */
export type AdminActor = Actor & { role: 'admin'; totpEnabled: true };

/** Someone allowed to act for one organisation: its member, or the secretariat. */
export type MemberActor = Actor;

export type Authorised<A> = { ok: true; value: A } | Failure;

/** An admin without an enrolled second factor can do nothing but enrol (lib/users/account.ts). */
export function isAdmin(actor: Actor | null): actor is AdminActor {
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
export function canActFor(actor: Actor | null, organisationId: number): actor is MemberActor {
  return isAdmin(actor) || isMemberOf(actor, organisationId);
}

/** Records the refused attempt (who, what, on what) and answers `forbidden`. */
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

/** The secretariat only; a refusal is audited. */
export async function authoriseAdmin(
  db: Database,
  actor: Actor | null,
  what: string,
): Promise<Authorised<AdminActor>> {
  if (isAdmin(actor)) return ok(actor);
  return denyAccess(db, actor, what, { entityType: 'admin' });
}

/** A member of the organisation, or the secretariat; a refusal is audited against the organisation. */
export async function authoriseFor(
  db: Database,
  actor: Actor | null,
  organisationId: number,
  what: string,
): Promise<Authorised<MemberActor>> {
  if (canActFor(actor, organisationId)) return ok(actor);
  return denyAccess(db, actor, what, {
    entityType: 'organisation',
    entityId: organisationId,
    organisationId,
  });
}

/** Anyone signed in, for what they do for themselves (their account); a refusal is audited. */
export async function authoriseSignedIn(
  db: Database,
  actor: Actor | null,
  what: string,
): Promise<Authorised<Actor>> {
  if (actor) return ok(actor);
  return denyAccess(db, actor, what, { entityType: 'account' });
}
