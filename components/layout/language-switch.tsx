'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The same page in the other language: Danish at /…, English at /en/…. */
export function pathInOtherLocale(pathname: string, otherLocale: 'da' | 'en'): string {
  if (otherLocale === 'en') return pathname === '/' ? '/en' : `/en${pathname}`;
  const danish = pathname.replace(/^\/en(?=\/|$)/, '');
  return danish === '' ? '/' : danish;
}

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
