import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LoginForm } from '@/components/forms/login-form';
import type { Locale } from '@/lib/format';

// per request: it reads the return address from the query string
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'auth.login' });
  return { title: t('title') };
}

export default async function LoginPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { callbackUrl } = await searchParams;
  const t = await getTranslations({ locale, namespace: 'auth.login' });
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>
      <LoginForm
        locale={locale}
        callbackUrl={callbackUrl ?? ''}
        text={{
          email: t('email'),
          password: t('password'),
          submit: t('submit'),
          errorSummary: t('errorSummary'),
        }}
      />
    </>
  );
}
