import { redirect } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { AccessibilityStatement } from '@/components/statistics/accessibility-statement';
import type { Locale } from '@/lib/format';
import { cachedSiteProfile } from '@/lib/site-profile/cached';
import { pageMetadata } from '@/components/public/metadata';

// The accessibility statement Danish law requires (lov om tilgængelighed af offentlige organers
// websteder og mobilapplikationer): the one made in Digitaliseringsstyrelsen's tool when WAS_URL
// names it, otherwise this site's own, under the tool's headings. Read per request: WAS_URL is
// configuration of the running server, not of the build.
export const dynamic = 'force-dynamic';

export const generateMetadata = pageMetadata('/was', { namespace: 'statistics', title: 'was.title' });

export default async function AccessibilityStatementPage({
  params,
}: {
  params: Promise<{ locale: Locale }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const external = process.env.WAS_URL?.trim();
  if (external) redirect(external);
  return <AccessibilityStatement profile={await cachedSiteProfile()} locale={locale} />;
}
