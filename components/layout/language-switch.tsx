'use client';

import { Link, usePathname } from '@/i18n/navigation';

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
  const pathname = usePathname();
  return (
    <Link
      href={pathname}
      locale={otherLocale}
      hrefLang={otherLocale}
      lang={otherLocale}
      aria-label={description}
      className="font-medium"
    >
      {label}
    </Link>
  );
}
