import Link from 'next/link';
import type { Locale } from '@/lib/format';
import { LanguageSwitch } from './language-switch';
import { localePath } from '@/i18n/paths';

export interface SiteHeaderText {
  siteName: string;
  tagline: string;
  navLabel: string;
  languageSwitch: string;
  languageSwitchLabel: string;
  links: { href: string; label: string }[];
}

export function SiteHeader({ locale, text }: { locale: Locale; text: SiteHeaderText }) {
  return (
    <header className="border-b-4 border-primary bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link href={localePath(locale)} className="text-ink no-underline">
          <span className="block text-2xl font-semibold text-primary-darker">{text.siteName}</span>
          <span className="block text-sm text-muted">{text.tagline}</span>
        </Link>
        <div className="no-print">
          <LanguageSwitch
            otherLocale={locale === 'da' ? 'en' : 'da'}
            label={text.languageSwitch}
            description={text.languageSwitchLabel}
          />
        </div>
      </div>
      <nav aria-label={text.navLabel} className="bg-primary-darker">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-1 px-4 py-2">
          {text.links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="text-white no-underline hover:text-white hover:underline">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
