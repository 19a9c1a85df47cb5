import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { isAdmin } from '@/lib/auth/permissions';
import { requirePageActor } from '@/lib/auth/session';
import type { Locale } from '@/lib/format';
import { adminPath } from './helpers';

export const dynamic = 'force-dynamic';

export default async function AdminLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: Locale }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePageActor(locale, adminPath(locale));
  const t = await getTranslations({ locale, namespace: 'admin' });
  // staff get 403 and app/[locale]/forbidden.tsx (the pages' lib/ calls check again, and audit)
  if (!isAdmin(actor)) forbidden();
  const links = [
    ['', 'overview'],
    ['/regnskab', 'accounts'],
    ['/udgivelser', 'releases'],
    ['/dokumentation', 'documentation'],
    ['/aar', 'years'],
    ['/organisationer', 'organisations'],
    ['/brugere', 'users'],
    ['/indikatorer', 'indicators'],
    ['/evidens', 'evidence'],
    ['/paamindelser', 'reminders'],
    ['/import', 'import'],
    ['/log', 'audit'],
  ] as const;
  return (
    <div>
      <nav aria-label={t('nav.label')} className="mb-6 border-b border-rule pb-3">
        <ul className="flex flex-wrap gap-x-5 gap-y-1">
          {links.map(([path, key]) => (
            <li key={key}>
              <Link href={adminPath(locale, path)}>{t(`nav.${key}`)}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
