import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { requestResetAction } from '@/lib/auth/password-actions';
import type { Locale } from '@/lib/format';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'auth.reset' });
  return { title: t('title') };
}

export default async function ForgotPasswordPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'auth.reset' });
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>
      <ActionForm
        id="reset"
        action={requestResetAction}
        hidden={{ locale }}
        fields={[{ name: 'email', label: t('email'), type: 'email', autoComplete: 'username' }]}
        layout="narrow"
        submitLabel={t('submit')}
        errorSummary={t('errors.summary')}
      />
    </>
  );
}
