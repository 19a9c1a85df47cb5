import { signOut } from '@/auth';

// /logout ends the session and returns to the front page of the same language.
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  await signOut({ redirectTo: locale === 'en' ? '/en' : '/' });
}

export const POST = GET;
