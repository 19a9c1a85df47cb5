import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import type { Locale } from '@/lib/format';
import { loadMessages } from './messages';
import { routing } from './routing';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = (hasLocale(routing.locales, requested) ? requested : routing.defaultLocale) as Locale;
  return { locale, messages: loadMessages(locale), timeZone: 'Europe/Copenhagen' };
});
