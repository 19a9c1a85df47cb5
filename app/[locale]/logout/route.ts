import { signOut } from '@/auth';
import { localePath } from '@/i18n/paths';
import { isLocale, type Locale } from '@/lib/format';
import { startedByAnotherSite } from '@/lib/auth/fetch-site';
import { signOutEverywhere } from '@/lib/auth/sign-out';
import { siteUrl } from '@/lib/site-url';

// /logout ends the session and returns to the front page of the same language. Sessions are
// stateless JWTs, so signing out also bumps the user's session version: a copy of the old cookie
// (or a replayed server action carrying it) stops working too. Because that ends every session of
// the user, another site must not be able to trigger it with an image or a form: such a request
// is sent to the account page (on the configured origin, not whatever host the request named),
// which has the sign-out link, and nothing happens.
async function logout(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const requested = (await params).locale;
  const locale: Locale = isLocale(requested) ? requested : 'da';
  if (startedByAnotherSite(request.headers.get('sec-fetch-site')))
    return Response.redirect(siteUrl(localePath(locale, '/konto')), 303);
  await signOutEverywhere();
  await signOut({ redirectTo: localePath(locale) });
}

export const GET = logout;
export const POST = logout;
