// What importing a checked file will write: each organisation with its number of figures and its
// report's state before and after, then the figures themselves beside what the reports hold now
// (the first PREVIEW_ROWS of them). Or, once imported, what was written.
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { figureText } from '@/components/review/figure-text';
import { Cell, DataTable, Row, RowHeader } from '@/components/ui/data-table';
import { Notice } from '@/components/ui/notice';
import type { ImportPreview as Preview } from '@/lib/bulk-import/import';
import { formatDateTime, type Locale } from '@/lib/format';

export async function ImportPreview({
  preview,
  locale,
  action,
}: {
  preview: Preview;
  locale: Locale;
  /** the form that runs the import */
  action: ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: 'bulkimport' });
  const states = await getTranslations({ locale, namespace: 'admin.states' });
  const { upload } = preview;
  if (preview.status === 'used' && upload.written) {
    return (
      <Notice tone="success" role="status" testId="import-done" className="mt-4">
        <h2 className="font-semibold">{t('doneTitle')}</h2>
        <p>
          {t('done', {
            at: formatDateTime(upload.usedAt ?? upload.createdAt, locale),
            figures: t('figures', upload.written),
          })}
        </p>
      </Notice>
    );
  }
  if (preview.status !== 'ready') {
    return (
      <Notice tone="error" role="alert" testId="import-expired" className="mt-4">
        {t('expired')}
      </Notice>
    );
  }
  const figures = t('figures', { values: preview.totalValues, organisations: preview.organisations.length });
  return (
    <section aria-labelledby="preview-title" className="mt-4" data-testid="import-preview">
      <h2 id="preview-title" className="text-2xl font-semibold">
        {t('previewTitle')}
      </h2>
      <p className="mt-2">
        {t('checked', { filename: upload.filename, at: formatDateTime(upload.createdAt, locale) })}
      </p>
      <p className="mt-1 font-semibold" data-testid="import-summary">
        {t('summary', { figures, year: upload.year })}
      </p>
      <p className="mt-1 text-sm text-muted">
        {t('expiresAt', { at: formatDateTime(upload.expiresAt, locale) })}
      </p>
      {preview.problems > 0 ? (
        <Notice tone="error" role="alert" className="mt-4">
          {t('nowProblems', { count: preview.problems })}
        </Notice>
      ) : (
        <div className="mt-4">{action}</div>
      )}

      <h3 className="mt-6 text-xl font-semibold">{t('organisationsTitle')}</h3>
      <DataTable
        className="mt-2"
        label={t('organisationsLabel')}
        testId="import-organisations"
        columns={[
          { label: t('organisation') },
          { label: t('figuresCount'), numeric: true },
          { label: t('stateNow') },
          { label: t('stateAfter') },
        ]}
      >
        {preview.organisations.map((organisation) => (
          <Row key={organisation.slug}>
            <RowHeader>{organisation.name}</RowHeader>
            <Cell numeric>
              {figureText({ value: organisation.values, denominator: null }, 'count', locale)}
            </Cell>
            <Cell>{organisation.state ? states(organisation.state) : t('noSubmission')}</Cell>
            <Cell last>{states('approved')}</Cell>
          </Row>
        ))}
      </DataTable>

      <h3 className="mt-6 text-xl font-semibold">{t('valuesTitle')}</h3>
      <DataTable
        className="mt-2"
        label={t('valuesLabel')}
        testId="import-values"
        columns={[
          { label: t('organisation') },
          { label: t('indicator') },
          { label: t('now'), numeric: true },
          { label: t('after'), numeric: true },
        ]}
      >
        {preview.values.map((value) => (
          <Row key={`${value.slug}:${value.key}`}>
            <RowHeader>{value.organisation}</RowHeader>
            <Cell>{locale === 'en' ? value.labelEn : value.labelDa}</Cell>
            <Cell numeric>
              {value.current ? figureText(value.current, value.kind, locale) : t('newValue')}
            </Cell>
            <Cell numeric last>
              {figureText(value, value.kind, locale)}
            </Cell>
          </Row>
        ))}
      </DataTable>
      {preview.totalValues > preview.values.length && (
        <p className="mt-2">{t('moreValues', { count: preview.totalValues - preview.values.length })}</p>
      )}
    </section>
  );
}
