'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { pathInOtherLocale } from '@/i18n/paths';

/** Keeps the reader on the same page in the other language. */
export function LanguageSwitch({
  otherLocale,
  label,
  description,
}: {
  otherLocale: 'da' | 'en';
  label: string;
  description: string;
}) {
  const pathname = usePathname() ?? '/';
  return (
    <Link
      href={pathInOtherLocale(pathname, otherLocale)}
      hrefLang={otherLocale}
      lang={otherLocale}
      aria-label={description}
      className="font-medium"
    >
      {label}
    </Link>
  );
}
