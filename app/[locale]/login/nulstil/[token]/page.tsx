import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SetPasswordPage } from '@/components/auth/set-password-page';
import type { Locale } from '@/lib/format';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'auth.setPassword' });
  return { title: t('resetTitle'), referrer: 'no-referrer' };
}

export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ locale: Locale; token: string }>;
}) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  return <SetPasswordPage locale={locale} token={token} purpose="password_reset" />;
}
