import type { FieldSpec } from '@/components/forms/field';
import { FilterBar } from '@/components/ui/filter-bar';
import { Notice } from '@/components/ui/notice';
import { Section } from '@/components/ui/section';
import { SelectField } from '@/components/ui/select-field';
import { createEvidenceAction, deleteEvidenceAction, updateEvidenceAction } from '@/lib/evidence/actions';
import { formatEvidenceFigure } from '@/lib/evidence/format';
import { readEvidencePage } from '@/lib/evidence/queries';
import { EVIDENCE_UNITS } from '@/lib/evidence/types';
import { AdminForm, type AdminPageProps, Failed, openAdminPage } from '../helpers';

export const dynamic = 'force-dynamic';

type Values = Partial<Record<string, string>>;

export default async function EvidencePage(props: AdminPageProps) {
  const { locale, t } = await openAdminPage(props);
  const page = await readEvidencePage(await props.searchParams);
  if (!page.ok) return <Failed locale={locale} message={page.message} />;
  if (!page.value) return <p>{t('overview.noYears')}</p>;
  const { years, rows, publishedVersion, changedSincePublication } = page.value;
  const year = page.value.year.year;

  const fields = (values: Values): FieldSpec[] => [
    { name: 'key', label: t('evidence.key'), hint: t('evidence.keyHint'), defaultValue: values.key },
    {
      name: 'sortOrder',
      label: t('evidence.sortOrder'),
      hint: t('evidence.sortOrderHint'),
      type: 'number',
      defaultValue: values.sortOrder ?? String((rows.length + 1) * 10),
    },
    { name: 'value', label: t('evidence.value'), hint: t('evidence.valueHint'), defaultValue: values.value },
    {
      name: 'unit',
      label: t('evidence.unit'),
      type: 'select',
      defaultValue: values.unit ?? '',
      options: [
        { value: '', label: t('evidence.noUnit') },
        ...EVIDENCE_UNITS.map((unit) => ({ value: unit, label: t(`evidence.units.${unit}`) })),
      ],
    },
    { name: 'textDa', label: t('evidence.textDa'), type: 'textarea', defaultValue: values.textDa },
    { name: 'textEn', label: t('evidence.textEn'), type: 'textarea', defaultValue: values.textEn },
    { name: 'sourceTitle', label: t('evidence.sourceTitle'), wide: true, defaultValue: values.sourceTitle },
    {
      name: 'sourcePublisher',
      label: t('evidence.sourcePublisher'),
      wide: true,
      defaultValue: values.sourcePublisher,
    },
    { name: 'sourceYear', label: t('evidence.sourceYear'), type: 'number', defaultValue: values.sourceYear },
    {
      name: 'sourceUrl',
      label: t('evidence.sourceUrl'),
      type: 'url',
      wide: true,
      defaultValue: values.sourceUrl,
    },
  ];

  return (
    <>
      <h1 className="text-3xl font-semibold">{t('evidence.title', { year })}</h1>
      <p className="mt-2 max-w-3xl">{t('evidence.intro')}</p>
      <FilterBar className="mt-4" submitLabel={t('accounts.show')}>
        <SelectField
          id="evidence-year"
          name="year"
          label={t('accounts.chooseYear')}
          options={years.map((row) => ({ value: String(row.year), label: String(row.year) }))}
          value={String(year)}
        />
      </FilterBar>
      <Notice tone="warning" role="note" testId="evidence-status" className="mt-4">
        {publishedVersion === null
          ? t('evidence.notPublished', { year })
          : changedSincePublication
            ? t('evidence.changed', { year, version: publishedVersion })
            : t('evidence.asPublished', { year, version: publishedVersion })}
      </Notice>

      {rows.length === 0 ? (
        <p className="mt-6">{t('evidence.none', { year })}</p>
      ) : (
        <ol className="mt-6 space-y-8">
          {rows.map((row) => {
            const figure = formatEvidenceFigure(row.value, row.unit, locale);
            return (
              <li key={row.id} className="border-t border-rule pt-4" data-testid={`evidence-${row.key}`}>
                <h2 className="text-xl font-semibold">
                  {figure ? `${figure} ` : ''}
                  {locale === 'en' ? row.textEn : row.textDa}
                </h2>
                <div className="mt-4 max-w-2xl">
                  <AdminForm
                    id={`edit-evidence-${row.id}`}
                    action={updateEvidenceAction}
                    hidden={{ locale, id: row.id }}
                    fields={fields({
                      key: row.key,
                      sortOrder: String(row.sortOrder),
                      value: row.value === null ? '' : String(row.value),
                      unit: row.unit ?? '',
                      textDa: row.textDa,
                      textEn: row.textEn,
                      sourceTitle: row.sourceTitle,
                      sourcePublisher: row.sourcePublisher,
                      sourceYear: row.sourceYear === null ? '' : String(row.sourceYear),
                      sourceUrl: row.sourceUrl ?? '',
                    })}
                    submitLabel={t('evidence.save')}
                  />
                  <div className="mt-3">
                    <AdminForm
                      id={`delete-evidence-${row.id}`}
                      action={deleteEvidenceAction}
                      hidden={{ locale, id: row.id }}
                      submitLabel={t('evidence.delete')}
                      variant="danger"
                      layout="inline"
                    />
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}

      <Section id="create-evidence-title" title={t('evidence.create')} className="mt-10 max-w-2xl">
        <AdminForm
          id="create-evidence"
          action={createEvidenceAction}
          hidden={{ locale, year }}
          fields={fields({})}
          submitLabel={t('evidence.createSubmit')}
        />
      </Section>
    </>
  );
}
