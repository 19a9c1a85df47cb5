import Link from 'next/link';
import { Section } from '@/components/ui/section';
import { Cell, DataTable, Row, RowHeader } from '@/components/ui/data-table';
import { createOrganisationAction } from '@/lib/organisations/actions';
import { readOrganisations } from '@/lib/organisations/queries';
import { AdminForm, type AdminPageProps, adminPath, Failed, openAdminPage } from '../helpers';
import { organisationFields } from './form-fields';

export const dynamic = 'force-dynamic';

export default async function OrganisationsPage(props: AdminPageProps) {
  const { locale, t } = await openAdminPage(props);
  const list = await readOrganisations();
  if (!list.ok) return <Failed locale={locale} message={list.message} />;
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('organisations.title')}</h1>
      <DataTable
        label={t('organisations.title')}
        columns={[
          { label: t('organisations.name') },
          { label: t('organisations.slug') },
          { label: t('organisations.kind') },
          { label: t('organisations.field') },
          { label: t('organisations.fieldEn') },
          { label: t('organisations.region') },
          { label: t('organisations.activeTo') },
        ]}
      >
        {list.value.map((organisation) => (
          <Row key={organisation.id}>
            <RowHeader>
              <Link href={adminPath(locale, `/organisationer/${organisation.id}`)}>{organisation.name}</Link>
            </RowHeader>
            <Cell>{organisation.slug}</Cell>
            <Cell>{t(`kinds.${organisation.kind}`)}</Cell>
            <Cell>{organisation.field}</Cell>
            {organisation.fieldEn ? (
              <Cell lang="en">{organisation.fieldEn}</Cell>
            ) : (
              <Cell className="text-warning">{t('organisations.fieldEnMissing')}</Cell>
            )}
            <Cell>{t(`regions.${organisation.region}`)}</Cell>
            <Cell last>{organisation.activeTo ?? t('organisations.active')}</Cell>
          </Row>
        ))}
      </DataTable>
      <Section id="create-organisation" title={t('organisations.create')} className="mt-8 max-w-xl">
        <AdminForm
          id="create-organisation-form"
          action={createOrganisationAction}
          hidden={{ locale }}
          fields={organisationFields(t, { activeFrom: String(new Date().getFullYear()) })}
          submitLabel={t('organisations.createSubmit')}
        />
      </Section>
    </>
  );
}
