import { Section } from '@/components/ui/section';
import { deactivateOrganisationAction, updateOrganisationAction } from '@/lib/organisations/actions';
import { readOrganisation } from '@/lib/organisations/queries';
import { AdminForm, type AdminPageProps, Failed, openAdminPage } from '../../helpers';
import { organisationFields } from '../form-fields';

export const dynamic = 'force-dynamic';

export default async function OrganisationPage(props: AdminPageProps<{ id: string }>) {
  const { locale, id, t } = await openAdminPage(props);
  const result = await readOrganisation(Number(id) || 0);
  if (!result.ok) return <Failed locale={locale} message={result.message} />;
  const organisation = result.value;
  const values = {
    slug: organisation.slug,
    name: organisation.name,
    kind: organisation.kind,
    field: organisation.field,
    fieldEn: organisation.fieldEn ?? '',
    description: organisation.description ?? '',
    descriptionEn: organisation.descriptionEn ?? '',
    region: organisation.region,
    website: organisation.website ?? '',
    activeFrom: String(organisation.activeFrom),
  };
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('organisations.edit', { name: organisation.name })}</h1>
      <div className="mt-6 max-w-xl">
        <AdminForm
          id="edit-organisation"
          action={updateOrganisationAction}
          hidden={{ locale, id: organisation.id }}
          fields={organisationFields(t, values)}
          submitLabel={t('organisations.save')}
        />
      </div>
      <Section id="deactivate-title" title={t('organisations.deactivate')} className="mt-8 max-w-xl">
        <AdminForm
          id="deactivate-organisation"
          action={deactivateOrganisationAction}
          hidden={{ locale, id: organisation.id }}
          fields={[
            {
              name: 'lastYear',
              label: t('organisations.lastYear'),
              type: 'number',
              defaultValue: organisation.activeTo ? String(organisation.activeTo) : '',
            },
          ]}
          submitLabel={t('organisations.deactivateSubmit')}
          variant="danger"
        />
      </Section>
    </>
  );
}
