import 'server-only';
import { getDb } from '@/db/client';
import { logOutEverywhere } from '@/lib/users/account';
import { getActor } from './session';

/** Invalidates every session of the signed-in user (nothing to do for an anonymous visitor). */
export async function signOutEverywhere(): Promise<void> {
  const actor = await getActor();
  if (actor) await logOutEverywhere(await getDb(), actor);
}
