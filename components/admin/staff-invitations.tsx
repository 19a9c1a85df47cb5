// The invitations staff sent to colleagues and nobody has accepted yet (issue 16), for the
// secretariat: who was invited to which organisation, by whom and when, and a button to revoke it.
import { ActionForm } from '@/components/forms/action-form';
import { Cell, DataTable, Row, RowHeader } from '@/components/ui/data-table';
import type { AnyFormAction } from '@/lib/actions/form-state';

export interface StaffInvitationRow {
  userId: number;
  email: string;
  name: string;
  organisations: string;
  invitedBy: string;
  invitedAt: string;
  expiresAt: string;
}

export function StaffInvitations({
  rows,
  revoke,
  locale,
  text,
}: {
  rows: StaffInvitationRow[];
  revoke: AnyFormAction<undefined>;
  locale: 'da' | 'en';
  text: {
    title: string;
    intro: string;
    none: string;
    email: string;
    organisations: string;
    invitedBy: string;
    expires: string;
    revoke: string;
    errorSummary: string;
  };
}) {
  return (
    <section aria-labelledby="staff-invitations-title" className="mt-8" data-testid="staff-invitations">
      <h2 id="staff-invitations-title" className="text-xl font-semibold">
        {text.title}
      </h2>
      <p className="mt-1 max-w-3xl">{text.intro}</p>
      {rows.length === 0 ? (
        <p className="mt-2">{text.none}</p>
      ) : (
        <DataTable
          className="mt-2"
          columns={[
            { label: text.email },
            { label: text.organisations },
            { label: text.invitedBy },
            { label: text.expires },
            { label: text.revoke },
          ]}
        >
          {rows.map((row) => (
            <Row key={row.userId} top testId={`staff-invitation-${row.email}`}>
              <RowHeader>
                {row.name} ({row.email})
              </RowHeader>
              <Cell>{row.organisations}</Cell>
              <Cell>
                {row.invitedBy}, {row.invitedAt}
              </Cell>
              <Cell>{row.expiresAt}</Cell>
              <Cell last>
                <ActionForm
                  id={`revoke-${row.userId}`}
                  action={revoke}
                  hidden={{ locale, userId: row.userId }}
                  submitLabel={`${text.revoke}: ${row.email}`}
                  errorSummary={text.errorSummary}
                  variant="danger"
                  layout="inline"
                />
              </Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </section>
  );
}
