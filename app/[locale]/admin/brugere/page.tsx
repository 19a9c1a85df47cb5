import Link from 'next/link';
import { setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/admin/action-form';
import { getDb } from '@/db/client';
import { inviteUserAction } from '@/lib/admin/actions';
import { getActor } from '@/lib/auth/session';
import type { Locale } from '@/lib/format';
import { listOrganisations } from '@/lib/organisations/admin';
import { listUsers } from '@/lib/users/admin';
import { adminPrefix, adminText, Failed } from '../helpers';

export const dynamic = 'force-dynamic';

export default async function UsersPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await adminText(locale);
  const [db, actor] = await Promise.all([getDb(), getActor()]);
  const [list, organisations] = await Promise.all([listUsers(db, actor), listOrganisations(db, actor)]);
  if (!list.ok || !organisations.ok) return <Failed message={t('errors.forbidden')} />;
  const prefix = adminPrefix(locale);
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('users.title')}</h1>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                {t('users.email')}
              </th>
              <th scope="col" className="pr-3">
                {t('users.name')}
              </th>
              <th scope="col" className="pr-3">
                {t('users.role')}
              </th>
              <th scope="col" className="pr-3">
                {t('users.organisations')}
              </th>
              <th scope="col">{t('users.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.value.map((user) => (
              <tr key={user.id} className="border-b border-rule">
                <th scope="row" className="py-1 pr-3 font-normal">
                  <Link href={`${prefix}/brugere/${user.id}`}>{user.email}</Link>
                </th>
                <td className="pr-3">{user.name}</td>
                <td className="pr-3">{t(`users.roles.${user.role}`)}</td>
                <td className="pr-3">
                  {user.organisations.map((organisation) => organisation.name).join(', ')}
                </td>
                <td>
                  {user.disabled
                    ? t('users.disabled')
                    : user.invited
                      ? t('users.pending')
                      : t('users.active')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="invite-title" className="mt-8 max-w-xl">
        <h2 id="invite-title" className="text-xl font-semibold">
          {t('users.invite')}
        </h2>
        <ActionForm
          id="invite"
          action={inviteUserAction}
          hidden={{ locale }}
          submitLabel={t('users.inviteSubmit')}
          errorSummary={t('form.errorSummary')}
          fields={[
            { name: 'email', label: t('users.email'), type: 'email', wide: true },
            { name: 'name', label: t('users.name'), wide: true },
            {
              name: 'role',
              label: t('users.role'),
              type: 'select',
              defaultValue: 'staff',
              options: ['staff', 'admin'].map((role) => ({ value: role, label: t(`users.roles.${role}`) })),
            },
            {
              name: 'organisationIds',
              label: t('users.organisations'),
              type: 'checkboxes',
              options: organisations.value.map((organisation) => ({
                value: String(organisation.id),
                label: organisation.name,
              })),
            },
          ]}
        />
      </section>
    </>
  );
}
