// Small helpers shared by the secretariat's pages (no data access here).
import type { ComponentProps } from 'react';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { Notice } from '@/components/ui/notice';
import { localePath } from '@/i18n/paths';
import type { Locale } from '@/lib/format';
import type { SearchParams } from '@/lib/search-params';

export async function adminText(locale: Locale) {
  return getTranslations({ locale, namespace: 'admin' });
}

/** What Next hands a secretariat page: its route's parameters and the query string. */
export interface AdminPageProps<Params = object> {
  params: Promise<{ locale: Locale } & Params>;
  searchParams: Promise<SearchParams>;
}

/** A secretariat page starting: the route's parameters, its language set for the request, its texts. */
export async function openAdminPage<Params>(props: Pick<AdminPageProps<Params>, 'params'>) {
  const params = await props.params;
  setRequestLocale(params.locale);
  return { ...params, t: await adminText(params.locale) };
}

/** A path under /admin in the page's language. */
export function adminPath(locale: Locale, path = '') {
  return localePath(locale, `/admin${path}`);
}

/** A read that was refused or found nothing: its message (a full key, lib/actions) in words. */
export async function Failed({ locale, message }: { locale: Locale; message: string }) {
  const t = await getTranslations({ locale });
  return (
    <Notice tone="error" role="alert">
      {t.has(message) ? t(message) : t('admin.errors.unexpected')}
    </Notice>
  );
}

/** The secretariat's form: ActionForm with the admin pages' error summary title. */
export async function AdminForm(props: Omit<ComponentProps<typeof ActionForm>, 'errorSummary'>) {
  const t = await getTranslations('admin');
  return <ActionForm {...props} errorSummary={t('form.errorSummary')} />;
}
