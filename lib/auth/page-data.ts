import 'server-only';
// Reads for the auth pages, so app/ never touches db/ itself.
import { forRequest, withDatabase } from '@/lib/actions/request';
import { getAccountOverview } from '@/lib/users/account';
import { peekToken, type TokenPurpose } from './tokens';

/** Whose invitation or reset link this is, while it still works (null otherwise). */
export const peekLink = withDatabase(async (db, token: string, purpose: TokenPurpose) => {
  const holder = await peekToken(db, token, purpose);
  return holder ? { email: holder.email, name: holder.name } : null;
});

export const accountOverviewForPage = forRequest(getAccountOverview);
