import 'server-only';
// After a password change every session of the user has ended (the session version was bumped):
// this one is re-issued at the new version, through the same ticket the sign-in form hands to
// Auth.js, so the person who changed the password stays signed in here and nowhere else.
import { signIn } from '@/auth';
import { createTicket } from './ticket';

export async function keepThisSession(userId: number, sessionVersion: number): Promise<void> {
  const ticket = createTicket({ purpose: 'sign-in', userId, sessionVersion, method: 'password' }, 60);
  await signIn('credentials', { ticket, redirect: false });
}
