import { getTranslations } from 'next-intl/server';
import type { FieldSpec } from '@/components/forms/action-form';
import { FilterBar } from '@/components/ui/filter-bar';
import { SelectField } from '@/components/ui/select-field';
import { saveDocumentationAction } from '@/lib/documentation/actions';
import { readDocumentationPage } from '@/lib/documentation/queries';
import { DOCUMENTATION_SECTIONS } from '@/lib/documentation/sections';
import { saveSiteProfileAction } from '@/lib/site-profile/actions';
import { ACCESSIBILITY_METHODS, ACCESSIBILITY_STATUSES, type SiteProfile } from '@/lib/site-profile/profile';
import { AdminForm, type AdminPageProps, Failed, openAdminPage } from '../helpers';

export const dynamic = 'force-dynamic';

type ProfileFieldName = keyof Omit<SiteProfile, 'id' | 'updatedBy' | 'updatedAt'>;

export default async function DocumentationAdminPage(props: AdminPageProps) {
  const { locale } = await openAdminPage(props);
  const t = await getTranslations({ locale, namespace: 'statistics' });
  const page = await readDocumentationPage(await props.searchParams);
  if (!page.ok) return <Failed locale={locale} message={page.message} />;
  if (!page.value) return <p>{t('errors.year_not_found')}</p>;
  const { years, year: chosen, texts, profile } = page.value;
  /** A field of the site profile form: named, labelled and filled in as the profile has it. */
  const profileField = (name: ProfileFieldName, spec: Partial<FieldSpec> = {}): FieldSpec => ({
    name,
    label: t(`profile.${name}`),
    defaultValue: profile?.[name] ?? '',
    ...spec,
  });
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('documentationAdmin.title')}</h1>
      <p className="mt-2 max-w-3xl">{t('documentationAdmin.lead')}</p>
      <FilterBar className="mt-4" submitLabel={t('documentationAdmin.show')}>
        <SelectField
          id="documentation-year"
          name="year"
          label={t('documentationAdmin.chooseYear')}
          options={years.map((row) => ({ value: String(row.year), label: String(row.year) }))}
          value={String(chosen.year)}
        />
      </FilterBar>
      <div className="mt-6">
        <AdminForm
          id="documentation"
          action={saveDocumentationAction}
          hidden={{ locale, year: chosen.year }}
          submitLabel={t('documentationAdmin.submit')}
          fields={DOCUMENTATION_SECTIONS.flatMap((section) => {
            const heading = t(`documentation.headings.${section}`);
            return [
              {
                name: `${section}_da`,
                label: t('documentationAdmin.da', { heading }),
                type: 'textarea' as const,
                defaultValue: texts[section].da,
              },
              {
                name: `${section}_en`,
                label: t('documentationAdmin.en', { heading }),
                type: 'textarea' as const,
                defaultValue: texts[section].en,
              },
            ];
          })}
        />
      </div>
      <section aria-labelledby="profile-title" className="mt-12">
        <h2 id="profile-title" className="text-xl font-semibold">
          {t('profile.title')}
        </h2>
        <p className="mt-2 max-w-3xl">{t('profile.lead')}</p>
        <AdminForm
          id="site-profile"
          action={saveSiteProfileAction}
          hidden={{ locale }}
          submitLabel={t('profile.submit')}
          fields={[
            profileField('publisherDa'),
            profileField('publisherEn'),
            profileField('publisherUrl', { type: 'url' }),
            profileField('contactEmail', { type: 'email' }),
            profileField('contactPhone'),
            profileField('accessibilityStatus', {
              type: 'select',
              defaultValue: profile?.accessibilityStatus ?? 'partial',
              options: ACCESSIBILITY_STATUSES.map((value) => ({
                value,
                label: t(`profile.status.${value}`),
              })),
            }),
            profileField('accessibilityAssessedOn', { type: 'date' }),
            profileField('accessibilityMethod', {
              type: 'select',
              defaultValue: profile?.accessibilityMethod ?? 'self_assessment',
              options: ACCESSIBILITY_METHODS.map((value) => ({ value, label: t(`profile.method.${value}`) })),
            }),
            profileField('accessibilityIssuesDa', { type: 'textarea' }),
            profileField('accessibilityIssuesEn', { type: 'textarea' }),
          ]}
        />
      </section>
    </>
  );
}
