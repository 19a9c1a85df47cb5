import { defineRouting } from 'next-intl/routing';

// Danish at /…, English at /en/…; the URL alone decides, so pages stay cacheable.
export const routing = defineRouting({
  locales: ['da', 'en'],
  defaultLocale: 'da',
  localePrefix: 'as-needed',
  localeDetection: false,
  localeCookie: false,
});
