// Short-lived signed tickets between the steps of a sign-in. A "pending" ticket says the password
// was right and a second factor is still due (kept in an httpOnly cookie for five minutes); a
// "sign-in" ticket is the only thing the Credentials provider accepts, so posting an email and
// password straight to /api/auth/callback/credentials can bypass neither throttling nor TOTP.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TicketPurpose = 'pending-second-factor' | 'sign-in';

export interface TicketPayload {
  purpose: TicketPurpose;
  userId: number;
  sessionVersion: number;
  /** how the user proved who they are, for the audit trail */
  method: 'password' | 'password+totp' | 'password+recovery';
  /** a pending ticket's sign-in id (users.pending_sign_in): the second factor consumes it, once */
  pending?: string;
  expiresAt: number;
}

function secret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error('AUTH_SECRET is not set');
  return value;
}

function sign(body: string): string {
  return createHmac('sha256', `ticket:${secret()}`).update(body).digest('base64url');
}

export function createTicket(
  payload: Omit<TicketPayload, 'expiresAt'>,
  lifetimeSeconds: number,
  now = Date.now(),
): string {
  const body = Buffer.from(JSON.stringify({ ...payload, expiresAt: now + lifetimeSeconds * 1000 })).toString(
    'base64url',
  );
  return `${body}.${sign(body)}`;
}

export function readTicket(ticket: unknown, purpose: TicketPurpose, now = Date.now()): TicketPayload | null {
  if (typeof ticket !== 'string') return null;
  const [body, signature] = ticket.split('.');
  if (!body || !signature) return null;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TicketPayload;
    if (payload.purpose !== purpose || typeof payload.userId !== 'number') return null;
    if (typeof payload.expiresAt !== 'number' || payload.expiresAt <= now) return null;
    return payload;
  } catch {
    return null;
  }
}
