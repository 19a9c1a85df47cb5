import { Section } from '@/components/ui/section';
import { USER_ROLES } from '@/lib/domain';
import { changeUserAction } from '@/lib/users/actions';
import { revokeInvitationAction } from '@/lib/users/colleague-actions';
import { readUserPage } from '@/lib/users/queries';
import { AdminForm, type AdminPageProps, Failed, openAdminPage } from '../../helpers';

export const dynamic = 'force-dynamic';

export default async function UserPage(props: AdminPageProps<{ id: string }>) {
  const { locale, id, t } = await openAdminPage(props);
  const page = await readUserPage(Number(id));
  if (!page.ok) return <Failed locale={locale} message={page.message} />;
  const { user, organisations } = page.value;
  const hidden = { locale, userId: user.id };
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('users.edit', { name: user.name })}</h1>
      <p className="mt-2">
        {user.email} · {t(`users.roles.${user.role}`)} ·{' '}
        {user.disabled ? t('users.disabled') : t('users.active')}
      </p>
      <div className="mt-6 grid grid-cols-1 gap-8 md:grid-cols-2">
        <Section id="role-title" title={t('users.changeRole')}>
          <AdminForm
            id="role"
            action={changeUserAction}
            hidden={{ ...hidden, change: 'role' }}
            fields={[
              {
                name: 'role',
                label: t('users.role'),
                type: 'select',
                defaultValue: user.role,
                // staff first: the usual choice
                options: [...USER_ROLES]
                  .reverse()
                  .map((role) => ({ value: role, label: t(`users.roles.${role}`) })),
              },
            ]}
            submitLabel={t('users.saveRole')}
          />
        </Section>
        <Section id="access-title" title={t('users.status')} className="space-y-3">
          <AdminForm
            id="disable"
            action={changeUserAction}
            hidden={{ ...hidden, change: user.disabled ? 'enable' : 'disable' }}
            submitLabel={user.disabled ? t('users.enable') : t('users.disable')}
            variant={user.disabled ? 'secondary' : 'danger'}
          />
          {user.invited && !user.disabled && (
            <AdminForm
              id="revoke-invitation"
              action={revokeInvitationAction}
              hidden={hidden}
              submitLabel={t('users.staffInvitations.revokeOne')}
              variant="danger"
            />
          )}
          <AdminForm
            id="logout-everywhere"
            action={changeUserAction}
            hidden={{ ...hidden, change: 'logout_everywhere' }}
            submitLabel={t('users.logoutEverywhere')}
            variant="secondary"
          />
        </Section>
      </div>
      {user.role === 'staff' && (
        <Section id="memberships-title" title={t('users.organisations')} className="mt-8 max-w-xl">
          <AdminForm
            id="memberships"
            action={changeUserAction}
            hidden={{ ...hidden, change: 'memberships' }}
            fields={[
              {
                name: 'organisationIds',
                label: t('users.organisations'),
                type: 'checkboxes',
                checked: user.organisations.map((organisation) => String(organisation.id)),
                options: organisations.map((organisation) => ({
                  value: String(organisation.id),
                  label: organisation.name,
                })),
              },
            ]}
            submitLabel={t('users.saveMemberships')}
          />
        </Section>
      )}
    </>
  );
}
