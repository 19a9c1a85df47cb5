import Link from 'next/link';
import { setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/admin/action-form';
import { getDb } from '@/db/client';
import { createOrganisationAction } from '@/lib/admin/actions';
import { getActor } from '@/lib/auth/session';
import type { Locale } from '@/lib/format';
import { listOrganisations } from '@/lib/organisations/admin';
import { adminPrefix, adminText, Failed } from '../helpers';
import { organisationFields } from './form-fields';

export const dynamic = 'force-dynamic';

export default async function OrganisationsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await adminText(locale);
  const list = await listOrganisations(await getDb(), await getActor());
  if (!list.ok) return <Failed message={t('errors.forbidden')} />;
  const prefix = adminPrefix(locale);
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('organisations.title')}</h1>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                {t('organisations.name')}
              </th>
              <th scope="col" className="pr-3">
                {t('organisations.slug')}
              </th>
              <th scope="col" className="pr-3">
                {t('organisations.kind')}
              </th>
              <th scope="col" className="pr-3">
                {t('organisations.field')}
              </th>
              <th scope="col" className="pr-3">
                {t('organisations.region')}
              </th>
              <th scope="col">{t('organisations.activeTo')}</th>
            </tr>
          </thead>
          <tbody>
            {list.value.map((organisation) => (
              <tr key={organisation.id} className="border-b border-rule">
                <th scope="row" className="py-1 pr-3 font-normal">
                  <Link href={`${prefix}/organisationer/${organisation.id}`}>{organisation.name}</Link>
                </th>
                <td className="pr-3">{organisation.slug}</td>
                <td className="pr-3">{t(`kinds.${organisation.kind}`)}</td>
                <td className="pr-3">{organisation.field}</td>
                <td className="pr-3">{t(`regions.${organisation.region}`)}</td>
                <td>{organisation.activeTo ?? t('organisations.active')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="create-organisation" className="mt-8 max-w-xl">
        <h2 id="create-organisation" className="text-xl font-semibold">
          {t('organisations.create')}
        </h2>
        <ActionForm
          id="create-organisation-form"
          action={createOrganisationAction}
          hidden={{ locale }}
          fields={organisationFields(t, { activeFrom: String(new Date().getFullYear()) })}
          submitLabel={t('organisations.createSubmit')}
          errorSummary={t('form.errorSummary')}
        />
      </section>
    </>
  );
}
