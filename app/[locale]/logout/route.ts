import { signOut } from '@/auth';
import { signOutEverywhere } from '@/lib/auth/sign-out';

// /logout ends the session and returns to the front page of the same language. Sessions are
// stateless JWTs, so signing out also bumps the user's session version: a copy of the old cookie
// (or a replayed server action carrying it) stops working too.
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  await signOutEverywhere();
  await signOut({ redirectTo: locale === 'en' ? '/en' : '/' });
}

export const POST = GET;
