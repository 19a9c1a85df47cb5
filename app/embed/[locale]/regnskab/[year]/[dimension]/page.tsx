import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { BreakdownEmbed, breakdownEmbedTitle } from '@/components/public/breakdown-embed';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from '@/lib/accounts/types';
import type { Locale } from '@/lib/format';
import { cachedPublication, cachedPublicNames } from '@/lib/publications/cached';
import { parseYear } from '@/lib/publications/view';

type Props = { params: Promise<{ locale: Locale; year: string; dimension: string }> };

async function load(rawYear: string, dimension: string) {
  const year = parseYear(rawYear);
  if (!year || !(BREAKDOWN_DIMENSIONS as readonly string[]).includes(dimension)) return null;
  return cachedPublication(year);
}

// rendered on first request, then served from the cache until a publication changes
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, year, dimension } = await params;
  const publication = await load(year, dimension);
  if (!publication) return {};
  return { title: await breakdownEmbedTitle(locale, dimension as BreakdownDimension, publication.year) };
}

/** The latest version's chart; the embed code on the year page names a fixed version instead. */
export default async function BreakdownEmbedPage({ params }: Props) {
  const { locale, year, dimension } = await params;
  setRequestLocale(locale);
  const publication = await load(year, dimension);
  if (!publication) notFound();
  return (
    <BreakdownEmbed
      publication={publication}
      dimension={dimension as BreakdownDimension}
      locale={locale}
      names={await cachedPublicNames()}
      fixedVersion={null}
    />
  );
}
