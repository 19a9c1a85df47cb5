// Small helpers shared by the secretariat's pages (no data access here).
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/format';

export async function adminText(locale: Locale) {
  return getTranslations({ locale, namespace: 'admin' });
}

export function adminPrefix(locale: Locale) {
  return locale === 'en' ? '/en/admin' : '/admin';
}

export function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function Failed({ message }: { message: string }) {
  return (
    <p role="alert" className="border-l-4 border-error p-3">
      {message}
    </p>
  );
}
