import Link from 'next/link';
import { StaffInvitations } from '@/components/admin/staff-invitations';
import { Cell, DataTable, Row, RowHeader } from '@/components/ui/data-table';
import { Notice } from '@/components/ui/notice';
import { Section } from '@/components/ui/section';
import { USER_ROLES } from '@/lib/domain';
import { formatDate, formatDateTime } from '@/lib/format';
import { param } from '@/lib/search-params';
import { inviteUserAction } from '@/lib/users/actions';
import { revokeInvitationAction } from '@/lib/users/colleague-actions';
import { readStaffInvitations } from '@/lib/users/colleagues';
import { readUsersPage } from '@/lib/users/queries';
import { AdminForm, type AdminPageProps, adminPath, Failed, openAdminPage } from '../helpers';

export const dynamic = 'force-dynamic';

export default async function UsersPage(props: AdminPageProps) {
  const { locale, t } = await openAdminPage(props);
  const revoked = param(await props.searchParams, 'revoked') === '1';
  const page = await readUsersPage();
  if (!page.ok) return <Failed locale={locale} message={page.message} />;
  const { users, organisations } = page.value;
  const invitations = await readStaffInvitations();
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('users.title')}</h1>
      {revoked && (
        <Notice tone="success" role="status" testId="invitation-revoked" className="mt-2">
          {t('users.staffInvitations.revoked')}
        </Notice>
      )}
      <DataTable
        label={t('users.title')}
        columns={[
          { label: t('users.email') },
          { label: t('users.name') },
          { label: t('users.role') },
          { label: t('users.organisations') },
          { label: t('users.status') },
        ]}
      >
        {users.map((user) => (
          <Row key={user.id}>
            <RowHeader>
              <Link href={adminPath(locale, `/brugere/${user.id}`)}>{user.email}</Link>
            </RowHeader>
            <Cell>{user.name}</Cell>
            <Cell>{t(`users.roles.${user.role}`)}</Cell>
            <Cell>{user.organisations.map((organisation) => organisation.name).join(', ')}</Cell>
            <Cell last>
              {user.disabled ? t('users.disabled') : user.invited ? t('users.pending') : t('users.active')}
            </Cell>
          </Row>
        ))}
      </DataTable>
      {invitations.ok && (
        <StaffInvitations
          locale={locale}
          revoke={revokeInvitationAction}
          rows={invitations.value.map((invitation) => ({
            userId: invitation.userId,
            email: invitation.email,
            name: invitation.name,
            organisations: invitation.organisations.join(', '),
            invitedBy: invitation.invitedByEmail,
            invitedAt: formatDateTime(invitation.invitedAt, locale),
            expiresAt: formatDate(invitation.expiresAt, locale),
          }))}
          text={{
            title: t('users.staffInvitations.title'),
            intro: t('users.staffInvitations.intro'),
            none: t('users.staffInvitations.none'),
            email: t('users.staffInvitations.invitee'),
            organisations: t('users.organisations'),
            invitedBy: t('users.staffInvitations.invitedBy'),
            expires: t('users.staffInvitations.expires'),
            revoke: t('users.staffInvitations.revoke'),
            errorSummary: t('form.errorSummary'),
          }}
        />
      )}
      <Section id="invite-title" title={t('users.invite')} className="mt-8 max-w-xl">
        <AdminForm
          id="invite"
          action={inviteUserAction}
          hidden={{ locale }}
          submitLabel={t('users.inviteSubmit')}
          fields={[
            { name: 'email', label: t('users.email'), type: 'email', wide: true },
            { name: 'name', label: t('users.name'), wide: true },
            {
              name: 'role',
              label: t('users.role'),
              type: 'select',
              defaultValue: 'staff',
              // staff first: the usual choice
              options: [...USER_ROLES]
                .reverse()
                .map((role) => ({ value: role, label: t(`users.roles.${role}`) })),
            },
            {
              name: 'organisationIds',
              label: t('users.organisations'),
              type: 'checkboxes',
              options: organisations.map((organisation) => ({
                value: String(organisation.id),
                label: organisation.name,
              })),
            },
          ]}
        />
      </Section>
    </>
  );
}
