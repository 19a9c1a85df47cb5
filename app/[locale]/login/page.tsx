import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LoginForm } from '@/components/forms/login-form';
import { oidcSettings } from '@/lib/auth/oidc';
import { signInWithSsoAction } from '@/lib/auth/sso-action';
import type { Locale } from '@/lib/format';
import { localePath } from '@/i18n/paths';

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
  searchParams: Promise<{ callbackUrl?: string; error?: string; passwordSet?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { callbackUrl, error, passwordSet } = await searchParams;
  const t = await getTranslations({ locale, namespace: 'auth.login' });
  const sso = oidcSettings();
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2">{t('intro')}</p>
      {passwordSet && (
        <p role="status" className="mt-4 border-l-4 border-primary bg-surface p-4">
          {t('passwordSet')}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-4 border-l-4 border-error p-4">
          {t('ssoRefused')}
        </p>
      )}
      <LoginForm
        locale={locale}
        callbackUrl={typeof callbackUrl === 'string' ? callbackUrl : ''}
        text={{
          email: t('email'),
          password: t('password'),
          submit: t('submit'),
          errorSummary: t('errorSummary'),
          codeTitle: t('codeTitle'),
          codeIntro: t('codeIntro'),
          code: t('code'),
          codeHint: t('codeHint'),
          codeSubmit: t('codeSubmit'),
        }}
      />
      <p className="mt-6">
        <Link href={localePath(locale, '/login/glemt')}>{t('forgotLink')}</Link>
      </p>
      {sso && (
        <form action={signInWithSsoAction} className="mt-8 border-t border-rule pt-6">
          <input type="hidden" name="locale" value={locale} />
          <h2 className="text-xl font-semibold">{t('ssoTitle')}</h2>
          <button type="submit" className="mt-3 border-2 border-primary px-5 py-2 font-medium text-primary">
            {t('ssoButton', { name: sso.name })}
          </button>
        </form>
      )}
    </>
  );
}
