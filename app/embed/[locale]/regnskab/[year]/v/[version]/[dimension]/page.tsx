import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { BreakdownEmbed, breakdownEmbedTitle } from '@/components/public/breakdown-embed';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from '@/lib/accounts/types';
import type { Locale } from '@/lib/format';
import { cachedPublication, cachedPublicNames } from '@/lib/publications/cached';
import { parseVersion, parseYear } from '@/lib/publications/view';

type Props = { params: Promise<{ locale: Locale; year: string; version: string; dimension: string }> };

async function load(rawYear: string, rawVersion: string, dimension: string) {
  const year = parseYear(rawYear);
  const version = parseVersion(rawVersion);
  if (!year || !version || !(BREAKDOWN_DIMENSIONS as readonly string[]).includes(dimension)) return null;
  return cachedPublication(year, version);
}

// a publication's version never changes: rendered on first request and kept
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, year, version, dimension } = await params;
  const publication = await load(year, version, dimension);
  if (!publication) return {};
  return { title: await breakdownEmbedTitle(locale, dimension as BreakdownDimension, publication.year) };
}

/** The chart of one version of a year's accounts: what the embed code hands out. */
export default async function FixedBreakdownEmbedPage({ params }: Props) {
  const { locale, year, version, dimension } = await params;
  setRequestLocale(locale);
  const publication = await load(year, version, dimension);
  if (!publication) notFound();
  return (
    <BreakdownEmbed
      publication={publication}
      dimension={dimension as BreakdownDimension}
      locale={locale}
      names={await cachedPublicNames()}
      fixedVersion={publication.version}
    />
  );
}
