import 'server-only';
// The session layer: resolves the signed-in Actor once per request. It decides nothing about
// permissions; lib/ functions check the Actor they are given (lib/auth/permissions.ts).
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/auth';
import { getDb } from '@/db/client';
import { localePath } from '@/i18n/paths';
import type { Locale } from '@/lib/format';
import { type Actor, loadActor } from './actor';
import { mustEnrolSecondFactor } from './permissions';
import { clientIp } from './request';

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.userId || !session.sessionVersion) return null;
  return loadActor(await getDb(), session.userId, session.sessionVersion, await clientIp());
});

/** For pages: the actor, or a redirect to the sign-in page that comes back here afterwards. */
export async function requirePageActor(locale: Locale, returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(localePath(locale, `/login?callbackUrl=${encodeURIComponent(returnTo)}`));
  // an admin without a second factor is sent to enrol it, from every page but that one
  if (mustEnrolSecondFactor(actor) && !/^(\/en)?\/konto(\/|$)/.test(returnTo))
    redirect(localePath(locale, '/konto'));
  return actor;
}
