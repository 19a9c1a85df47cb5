import '../globals.css';
import { plexSans } from '../fonts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/site-header';
import { StatisticsFooterLinks } from '@/components/statistics/footer-links';
import { routing } from '@/i18n/routing';
import type { Locale } from '@/lib/format';
import { localePath } from '@/i18n/paths';
import { siteOrigin } from '@/lib/site-url';

// Rendered on first request and cached; never baked in at build time (the data is not there yet).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'common' });
  return {
    // canonical, hreflang and og:image addresses are made absolute on the configured origin
    metadataBase: new URL(siteOrigin()),
    title: { default: t('siteName'), template: `%s · ${t('siteName')}` },
    description: t('siteTagline'),
    alternates: { languages: { da: '/', en: '/en' } },
  };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'common' });
  const links = [
    { href: localePath(locale), label: t('nav.home') },
    { href: localePath(locale, '/regnskab'), label: t('nav.accounts') },
    { href: localePath(locale, '/klynger'), label: t('nav.organisations') },
    { href: localePath(locale, '/om'), label: t('nav.about') },
    { href: localePath(locale, '/portal'), label: t('nav.portal') },
  ];
  const isDemo = process.env.KLYNGEREGNSKAB_DEMO === '1';
  return (
    <html lang={locale} className={plexSans.variable}>
      <body className="flex min-h-screen flex-col bg-white font-sans text-base leading-relaxed">
        <a href="#main" className="skip-link">
          {t('skipToContent')}
        </a>
        {isDemo && (
          <p className="bg-[#fff4d6] px-4 py-2 text-center text-sm text-ink" role="note">
            {t('demoBanner')}
          </p>
        )}
        <SiteHeader
          locale={locale as Locale}
          text={{
            siteName: t('siteName'),
            tagline: t('siteTagline'),
            navLabel: t('nav.label'),
            languageSwitch: t('languageSwitch'),
            languageSwitchLabel: t('languageSwitchLabel'),
            links,
          }}
        />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-rule bg-surface">
          <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-muted">
            <p>{t('footer.licence')}</p>
            <p>
              <Link href={localePath(locale, '/om')}>{t('footer.about')}</Link>
            </p>
            <StatisticsFooterLinks locale={locale as Locale} />
          </div>
        </footer>
      </body>
    </html>
  );
}
