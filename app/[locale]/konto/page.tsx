import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { Notice } from '@/components/ui/notice';
import { localePath } from '@/i18n/paths';
import { accountOverviewForPage } from '@/lib/auth/page-data';
import { requirePageActor } from '@/lib/auth/session';
import type { Locale } from '@/lib/format';
import {
  changePasswordAction,
  confirmTotpAction,
  logOutEverywhereAction,
  regenerateRecoveryCodesAction,
  startTotpAction,
} from '@/lib/users/account-actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'auth.account' });
  return { title: t('title') };
}

export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ passwordChanged?: string }>;
}) {
  const { locale } = await params;
  const { passwordChanged } = await searchParams;
  setRequestLocale(locale);
  const actor = await requirePageActor(locale, localePath(locale, '/konto'));
  const t = await getTranslations({ locale, namespace: 'auth.account' });
  const overview = await accountOverviewForPage();
  if (!overview.ok) throw new Error(overview.message);
  const account = overview.value;
  const mustEnrol = actor.role === 'admin' && !account.totpEnabled;
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2">{t('signedInAs', { name: account.name, email: account.email })}</p>
      {mustEnrol && (
        <Notice tone="error" role="alert" className="mt-4 p-4 font-medium">
          {t('mustEnrol')}
        </Notice>
      )}

      <section aria-labelledby="totp-title" className="mt-8">
        <h2 id="totp-title" className="text-2xl font-semibold">
          {t('totpTitle')}
        </h2>
        {account.totpEnabled ? (
          <>
            <p className="mt-2">{t('totpOn', { left: account.recoveryCodesLeft })}</p>
            <h3 className="mt-4 text-xl font-semibold">{t('recoveryTitle')}</h3>
            {/* the same key as the enrolment form: the action's answer (the recovery codes) survives
                the refresh that follows the action, when this view replaces the enrolment view */}
            <ActionForm
              key="totp-form"
              id="recovery"
              action={regenerateRecoveryCodesAction}
              hidden={{ locale }}
              fields={[
                { name: 'code', label: t('code'), autoComplete: 'one-time-code', inputMode: 'numeric' },
              ]}
              layout="narrow"
              submitLabel={t('recoverySubmit')}
              errorSummary={t('errorSummary')}
              recoveryCodesTitle={t('recoveryCodesTitle')}
            />
          </>
        ) : account.pendingEnrolment ? (
          <>
            <p className="mt-2">{t('totpScan')}</p>
            {/* biome-ignore lint/performance/noImgElement: a data URL made on the server */}
            <img
              src={account.pendingEnrolment.qrDataUrl}
              alt={t('qrAlt')}
              width={220}
              height={220}
              className="mt-4 border border-rule"
            />
            <p className="mt-2">
              {t('totpManual')} <code data-testid="totp-secret">{account.pendingEnrolment.secret}</code>
            </p>
            <ActionForm
              key="totp-form"
              id="totp"
              action={confirmTotpAction}
              hidden={{ locale }}
              fields={[
                { name: 'code', label: t('code'), autoComplete: 'one-time-code', inputMode: 'numeric' },
              ]}
              layout="narrow"
              submitLabel={t('totpConfirm')}
              errorSummary={t('errorSummary')}
              recoveryCodesTitle={t('recoveryCodesTitle')}
            />
          </>
        ) : (
          <>
            <p className="mt-2">{actor.role === 'admin' ? t('totpRequired') : t('totpOptional')}</p>
            <ActionForm
              id="totp-start"
              action={startTotpAction}
              hidden={{ locale }}
              fields={[]}
              layout="narrow"
              submitLabel={t('totpStart')}
              errorSummary={t('errorSummary')}
            />
          </>
        )}
      </section>

      {account.hasPassword && (
        <section aria-labelledby="password-title" className="mt-10">
          <h2 id="password-title" className="text-2xl font-semibold">
            {t('passwordTitle')}
          </h2>
          {passwordChanged === '1' && (
            <Notice tone="success" role="status" className="mt-2">
              {t('passwordChanged')}
            </Notice>
          )}
          <ActionForm
            id="password"
            action={changePasswordAction}
            hidden={{ locale }}
            fields={[
              { name: 'current', label: t('current'), type: 'password', autoComplete: 'current-password' },
              {
                name: 'password',
                label: t('newPassword'),
                type: 'password',
                autoComplete: 'new-password',
                hint: t('passwordHint'),
              },
              {
                name: 'confirmation',
                label: t('confirmation'),
                type: 'password',
                autoComplete: 'new-password',
              },
            ]}
            layout="narrow"
            submitLabel={t('passwordSubmit')}
            errorSummary={t('errorSummary')}
          />
        </section>
      )}

      <section aria-labelledby="sessions-title" className="mt-10">
        <h2 id="sessions-title" className="text-2xl font-semibold">
          {t('sessionsTitle')}
        </h2>
        <p className="mt-2">{t('sessionsIntro')}</p>
        {/* a form with state: when the database is unavailable it says so instead of failing */}
        <ActionForm
          id="sessions"
          action={logOutEverywhereAction}
          hidden={{ locale }}
          fields={[]}
          layout="narrow"
          submitLabel={t('logOutEverywhere')}
          errorSummary={t('errorSummary')}
        />
        <p className="mt-4">
          <a href={localePath(locale, '/logout')}>{t('logOut')}</a>
        </p>
      </section>
    </>
  );
}
