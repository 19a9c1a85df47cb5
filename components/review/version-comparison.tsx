// The review page's side-by-side: this version of the report, the version the secretariat last
// returned (what changed since, marked in words), and last year's approved figures with the change.
import { getTranslations } from 'next-intl/server';
import { Cell, DataTable, Row, RowHeader } from '@/components/ui/data-table';
import { formatDateTime, type Locale } from '@/lib/format';
import type { SubmissionComparison } from '@/lib/review/comparison';
import { changeText, figureText } from './figure-text';

export async function VersionComparison({
  comparison,
  locale,
}: {
  comparison: SubmissionComparison;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: 'compare.versions' });
  const states = await getTranslations({ locale, namespace: 'admin.states' });
  const { returned, rows, year } = comparison;
  const label = (row: { labelDa: string; labelEn: string }) => (locale === 'en' ? row.labelEn : row.labelDa);
  const changed = rows.filter((row) => row.changedSinceReturn);
  const returnedAt = returned ? formatDateTime(returned.takenAt, locale) : '';
  return (
    <section aria-labelledby="comparison-title" className="mt-8" data-testid="version-comparison">
      <h2 id="comparison-title" className="text-xl font-semibold">
        {t('title')}
      </h2>
      <p className="mt-1">{t('intro')}</p>
      {returned ? (
        <>
          <p className="mt-2" data-testid="returned-from">
            {t('returnedFrom', {
              at: returnedAt,
              version: returned.version,
              state: states(returned.fromState),
            })}
          </p>
          <p className="mt-1 font-semibold" data-testid="changed-since-return">
            {t('changedCount', { count: changed.length })}
            {changed.length > 0 && ` ${changed.map(label).join(', ')}.`}
          </p>
        </>
      ) : (
        <p className="mt-2" data-testid="never-returned">
          {t('neverReturned')}
        </p>
      )}
      {!comparison.lastYearAvailable && <p className="mt-1">{t('noLastYear', { year: year - 1 })}</p>}
      <DataTable
        className="mt-3"
        label={t('label')}
        testId="comparison-table"
        columns={[
          { label: t('indicator') },
          { label: t('current'), numeric: true },
          ...(returned ? [{ label: t('atReturn', { at: returnedAt }), numeric: true }] : []),
          ...(returned ? [{ label: t('status') }] : []),
          { label: t('lastYear', { year: year - 1 }), numeric: true },
          { label: t('change', { year: year - 1 }), numeric: true },
        ]}
      >
        {rows.map((row) => (
          <Row key={row.key} testId={`compare-${row.key}`}>
            <RowHeader>{label(row)}</RowHeader>
            <Cell numeric>{figureText(row.current, row.kind, locale)}</Cell>
            {returned && <Cell numeric>{figureText(row.atReturn, row.kind, locale)}</Cell>}
            {returned && (
              <Cell className={row.changedSinceReturn ? 'font-semibold text-warning' : ''}>
                {row.changedSinceReturn
                  ? figureText(row.current, row.kind, locale) === figureText(row.atReturn, row.kind, locale)
                    ? t('explanationChanged')
                    : t('changed')
                  : t('unchanged')}
              </Cell>
            )}
            <Cell numeric>{figureText(row.lastYear, row.kind, locale)}</Cell>
            <Cell numeric last>
              {changeText(row.changeFromLastYear, locale)}
            </Cell>
          </Row>
        ))}
      </DataTable>
    </section>
  );
}
