import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/format';

// An embed address no chart answers: the embed's own 404 note. Rendered per request (no cache).
export const dynamic = 'force-dynamic';

export default async function UnknownEmbed({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  notFound();
}
