import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { localePath } from '@/i18n/paths';
import { peekLink } from '@/lib/auth/page-data';
import { acceptInvitationAction, resetPasswordAction } from '@/lib/auth/password-actions';
import type { Locale } from '@/lib/format';

/** The page behind an invitation or reset link: a new password, or why the link no longer works. */
export async function SetPasswordPage({
  locale,
  token,
  purpose,
}: {
  locale: Locale;
  token: string;
  purpose: 'invitation' | 'password_reset';
}) {
  const t = await getTranslations({ locale, namespace: 'auth.setPassword' });
  const holder = await peekLink(token, purpose);
  const title = purpose === 'invitation' ? t('invitationTitle') : t('resetTitle');
  if (!holder) {
    return (
      <>
        <h1 className="text-3xl font-semibold">{title}</h1>
        <p className="mt-4" data-testid="link-invalid">
          {t('errors.link')}
        </p>
        <p className="mt-4">
          <a href={localePath(locale, '/login/glemt')}>{t('newLink')}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-3xl font-semibold">{title}</h1>
      <p className="mt-2">{t('intro', { name: holder.name, email: holder.email })}</p>
      <ActionForm
        id="set-password"
        action={purpose === 'invitation' ? acceptInvitationAction : resetPasswordAction}
        hidden={{ locale, token }}
        fields={[
          {
            name: 'password',
            label: t('password'),
            type: 'password',
            autoComplete: 'new-password',
            hint: t('passwordHint'),
          },
          { name: 'confirmation', label: t('confirmation'), type: 'password', autoComplete: 'new-password' },
        ]}
        submitLabel={t('submit')}
        layout="narrow"
        errorSummary={t('errors.summary')}
      />
    </>
  );
}
