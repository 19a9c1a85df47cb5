import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/format';

// Any address no other page answers: the site's own 404 page in the address's language, not
// Next's bare one. Rendered per request, so made-up addresses fill no cache.
export const dynamic = 'force-dynamic';

export default async function UnknownAddress({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  notFound();
}
