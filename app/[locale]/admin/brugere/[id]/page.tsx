import { setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/admin/action-form';
import { getDb } from '@/db/client';
import { changeUserAction } from '@/lib/admin/actions';
import { getActor } from '@/lib/auth/session';
import type { Locale } from '@/lib/format';
import { listOrganisations } from '@/lib/organisations/admin';
import { listUsers } from '@/lib/users/admin';
import { adminText, Failed } from '../../helpers';

export const dynamic = 'force-dynamic';

export default async function UserPage({ params }: { params: Promise<{ locale: Locale; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const t = await adminText(locale);
  const [db, actor] = await Promise.all([getDb(), getActor()]);
  const [list, organisations] = await Promise.all([listUsers(db, actor), listOrganisations(db, actor)]);
  if (!list.ok || !organisations.ok) return <Failed message={t('errors.forbidden')} />;
  const user = list.value.find((entry) => entry.id === Number(id));
  if (!user) return <Failed message={t('errors.user_not_found')} />;
  const hidden = { locale, userId: user.id };
  const errorSummary = t('form.errorSummary');
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('users.edit', { name: user.name })}</h1>
      <p className="mt-2">
        {user.email} · {t(`users.roles.${user.role}`)} ·{' '}
        {user.disabled ? t('users.disabled') : t('users.active')}
      </p>
      <div className="mt-6 grid gap-8 md:grid-cols-2">
        <section aria-labelledby="role-title">
          <h2 id="role-title" className="text-xl font-semibold">
            {t('users.changeRole')}
          </h2>
          <ActionForm
            id="role"
            action={changeUserAction}
            hidden={{ ...hidden, change: 'role' }}
            fields={[
              {
                name: 'role',
                label: t('users.role'),
                type: 'select',
                defaultValue: user.role,
                options: ['staff', 'admin'].map((role) => ({ value: role, label: t(`users.roles.${role}`) })),
              },
            ]}
            submitLabel={t('users.saveRole')}
            errorSummary={errorSummary}
          />
        </section>
        <section aria-labelledby="access-title" className="space-y-3">
          <h2 id="access-title" className="text-xl font-semibold">
            {t('users.status')}
          </h2>
          <ActionForm
            id="disable"
            action={changeUserAction}
            hidden={{ ...hidden, change: user.disabled ? 'enable' : 'disable' }}
            submitLabel={user.disabled ? t('users.enable') : t('users.disable')}
            errorSummary={errorSummary}
            variant={user.disabled ? 'secondary' : 'danger'}
          />
          <ActionForm
            id="logout-everywhere"
            action={changeUserAction}
            hidden={{ ...hidden, change: 'logout_everywhere' }}
            submitLabel={t('users.logoutEverywhere')}
            errorSummary={errorSummary}
            variant="secondary"
          />
        </section>
      </div>
      {user.role === 'staff' && (
        <section aria-labelledby="memberships-title" className="mt-8 max-w-xl">
          <h2 id="memberships-title" className="text-xl font-semibold">
            {t('users.organisations')}
          </h2>
          <ActionForm
            id="memberships"
            action={changeUserAction}
            hidden={{ ...hidden, change: 'memberships' }}
            fields={[
              {
                name: 'organisationIds',
                label: t('users.organisations'),
                type: 'checkboxes',
                checked: user.organisations.map((organisation) => String(organisation.id)),
                options: organisations.value.map((organisation) => ({
                  value: String(organisation.id),
                  label: organisation.name,
                })),
              },
            ]}
            submitLabel={t('users.saveMemberships')}
            errorSummary={errorSummary}
          />
        </section>
      )}
    </>
  );
}
