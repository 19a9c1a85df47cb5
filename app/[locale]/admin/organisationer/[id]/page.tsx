import { setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/admin/action-form';
import { getDb } from '@/db/client';
import { deactivateOrganisationAction, updateOrganisationAction } from '@/lib/admin/actions';
import { getActor } from '@/lib/auth/session';
import type { Locale } from '@/lib/format';
import { getOrganisation } from '@/lib/organisations/admin';
import { adminText, Failed } from '../../helpers';
import { organisationFields } from '../form-fields';

export const dynamic = 'force-dynamic';

export default async function OrganisationPage({
  params,
}: {
  params: Promise<{ locale: Locale; id: string }>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const t = await adminText(locale);
  const result = await getOrganisation(await getDb(), await getActor(), Number(id) || 0);
  if (!result.ok) return <Failed message={t(`errors.${result.message}`)} />;
  const organisation = result.value;
  const values = {
    slug: organisation.slug,
    name: organisation.name,
    kind: organisation.kind,
    field: organisation.field,
    region: organisation.region,
    website: organisation.website ?? '',
    activeFrom: String(organisation.activeFrom),
  };
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('organisations.edit', { name: organisation.name })}</h1>
      <div className="mt-6 max-w-xl">
        <ActionForm
          id="edit-organisation"
          action={updateOrganisationAction}
          hidden={{ locale, id: organisation.id }}
          fields={organisationFields(t, values)}
          submitLabel={t('organisations.save')}
          errorSummary={t('form.errorSummary')}
        />
      </div>
      <section aria-labelledby="deactivate-title" className="mt-8 max-w-xl">
        <h2 id="deactivate-title" className="text-xl font-semibold">
          {t('organisations.deactivate')}
        </h2>
        <ActionForm
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
          errorSummary={t('form.errorSummary')}
          variant="danger"
        />
      </section>
    </>
  );
}
