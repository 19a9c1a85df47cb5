import 'server-only';
// Reads for the auth pages, so app/ never touches db/ itself.
import { getDb } from '@/db/client';
import { getAccountOverview } from '@/lib/users/account';
import { getActor } from './session';
import { peekToken, type TokenPurpose } from './tokens';

export async function peekLink(token: string, purpose: TokenPurpose) {
  const holder = await peekToken(await getDb(), token, purpose);
  return holder ? { email: holder.email, name: holder.name } : null;
}

export async function accountOverviewForPage() {
  return getAccountOverview(await getDb(), await getActor());
}
