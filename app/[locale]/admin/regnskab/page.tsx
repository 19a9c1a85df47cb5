import { Section } from '@/components/ui/section';
import { Cell, DataTable, Row, RowHeader } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { Notice } from '@/components/ui/notice';
import { SelectField } from '@/components/ui/select-field';
import { type Figure, isShareFigure, type NationalAccounts } from '@/lib/accounts/types';
import { formatDateTime, formatInteger, formatPercent, formatShare, type Locale } from '@/lib/format';
import { publishAction } from '@/lib/publications/actions';
import { participationCoverage } from '@/lib/publications/view';
import { readAccountsPage } from '@/lib/publications/queries';
import { excludeAction, excludeRestAction, includeAction } from '@/lib/years/actions';
import { AdminForm, type AdminPageProps, Failed, openAdminPage } from '../helpers';

export const dynamic = 'force-dynamic';

function figureText(figure: Figure | undefined, locale: Locale) {
  if (!figure) return '–';
  if (isShareFigure(figure)) return formatShare(figure.numerator, figure.denominator, locale);
  return formatInteger(figure.net, locale);
}

function netOf(accounts: NationalAccounts | null, key: string): number | null {
  const figure = accounts?.indicators.find((indicator) => indicator.key === key)?.national;
  if (!figure) return null;
  return isShareFigure(figure)
    ? figure.denominator > 0
      ? figure.numerator / figure.denominator
      : null
    : figure.net;
}

export default async function LiveAccountsPage(props: AdminPageProps) {
  const { locale, t } = await openAdminPage(props);
  const page = await readAccountsPage(await props.searchParams);
  if (!page.ok) return <Failed locale={locale} message={page.message} />;
  if (!page.value) return <p>{t('overview.noYears')}</p>;
  const { years, live, versions, round } = page.value;
  const year = page.value.year.year;
  const { current, comparison } = live;
  const coverage = participationCoverage(current);
  const label = (entry: { label: { da: string; en: string } }) =>
    locale === 'en' ? entry.label.en : entry.label.da;
  const hidden = { locale, year };
  const nextVersion = versions.length + 1;
  const headline = current.indicators.slice(0, 6);
  const exportLink = (kind: string, format: string, version?: number) =>
    `/api/admin/exports/${year}?kind=${kind}&format=${format}&locale=${locale}${version ? `&version=${version}` : ''}`;
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('accounts.title', { year })}</h1>
      <FilterBar className="mt-4" submitLabel={t('accounts.show')}>
        <SelectField
          id="accounts-year"
          name="year"
          label={t('accounts.chooseYear')}
          options={years.map((row) => ({ value: String(row.year), label: String(row.year) }))}
          value={String(year)}
        />
      </FilterBar>
      <Notice tone="warning" role="note" testId="not-published" className="mt-4 font-semibold">
        {t('accounts.notPublished')}
      </Notice>
      <p className="mt-2" data-testid="live-comparison">
        {comparison.approved < comparison.expected && (
          <strong className="text-warning">
            {t('accounts.incomplete', { approved: comparison.approved, expected: comparison.expected })}{' '}
          </strong>
        )}
        {comparison.compared === 0
          ? t('accounts.noComparison', { previous: year - 1 })
          : t('accounts.comparedWith', { compared: comparison.compared, year, previous: year - 1 })}
        {comparison.notInPrevious > 0 &&
          ` ${t('accounts.notInPrevious', { count: comparison.notInPrevious, previous: year - 1 })}`}
      </p>
      <p className="mt-2">
        {t('accounts.organisations', {
          total: current.organisationCounts.total,
          cluster: current.organisationCounts.cluster,
          network: current.organisationCounts.innovation_network,
        })}
      </p>

      <DataTable
        testId="live-accounts"
        caption={t('accounts.title', { year })}
        columns={[
          { label: t('accounts.indicator') },
          { label: t('accounts.net'), numeric: true },
          { label: t('accounts.gross'), numeric: true },
          { label: t('accounts.overlap'), numeric: true },
          { label: t('accounts.under50'), numeric: true },
          { label: t('accounts.previousSame', { previous: year - 1 }), numeric: true },
          { label: t('accounts.change'), numeric: true },
        ]}
      >
        {current.indicators.map((indicator) => {
          const figure = indicator.national;
          const total = isShareFigure(figure) ? null : figure;
          // like with like: this year and last over the same organisations
          const before = comparison.previous ? netOf(comparison.previous, indicator.key) : null;
          const now = comparison.current ? netOf(comparison.current, indicator.key) : null;
          const change = before && now !== null && before > 0 ? (now - before) / before : null;
          return (
            <Row key={indicator.key} testId={`live-${indicator.key}`}>
              <RowHeader>
                {label(indicator)}
                {total?.possiblyDoubleCounted && (
                  <span className="text-warning"> ({t('accounts.doubleCounted')})</span>
                )}
              </RowHeader>
              <Cell numeric testId={`net-${indicator.key}`}>
                {figureText(figure, locale)}
              </Cell>
              <Cell numeric testId={`gross-${indicator.key}`}>
                {total?.gross !== undefined ? formatInteger(total.gross, locale) : ''}
              </Cell>
              <Cell numeric>{total?.overlap !== undefined ? formatInteger(total.overlap, locale) : ''}</Cell>
              <Cell numeric>{total?.under50 !== undefined ? formatInteger(total.under50, locale) : ''}</Cell>
              <Cell numeric testId={`previous-${indicator.key}`}>
                {comparison.previous
                  ? figureText(
                      comparison.previous.indicators.find((entry) => entry.key === indicator.key)?.national,
                      locale,
                    )
                  : '–'}
              </Cell>
              <Cell numeric last testId={`change-${indicator.key}`}>
                {change === null ? '–' : `${change > 0 ? '+' : ''}${formatPercent(change, locale)}`}
              </Cell>
            </Row>
          );
        })}
      </DataTable>

      <h2 className="mt-8 text-xl font-semibold">{t('accounts.participation')}</h2>
      {/* unknown is not zero: without company lists a company cannot be told apart */}
      <ul className="mt-2 flex gap-4" data-testid="participation">
        <li>
          {coverage.known ? formatInteger(current.participation.one, locale) : '–'} {t('accounts.inOne')}
        </li>
        <li>
          {coverage.known ? formatInteger(current.participation.two, locale) : '–'} {t('accounts.inTwo')}
        </li>
        <li>
          {coverage.known ? formatInteger(current.participation.threePlus, locale) : '–'}{' '}
          {t('accounts.inThreePlus')}
        </li>
      </ul>
      {current.organisations.length > 0 && !coverage.complete && (
        <p className="mt-2 text-sm" data-testid="participation-note">
          {coverage.known
            ? t('accounts.participationPartial', { listed: coverage.listed, total: coverage.total })
            : t('accounts.participationUnknown')}
        </p>
      )}

      <h2 className="mt-8 text-xl font-semibold">{t('accounts.breakdowns')}</h2>
      {(['kind', 'field', 'region'] as const).map((dimension) => (
        <DataTable
          key={dimension}
          caption={t(`accounts.dimension_${dimension}`)}
          captionVisible
          columns={[
            { label: t('accounts.group') },
            { label: t('accounts.organisationsCount'), numeric: true },
            ...headline.map((indicator) => ({ label: label(indicator), numeric: true })),
          ]}
        >
          {current.breakdowns[dimension].map((group) => (
            <Row key={group.group}>
              <RowHeader>
                {dimension === 'kind'
                  ? t(`kinds.${group.group}`)
                  : dimension === 'region'
                    ? t(`regions.${group.group}`)
                    : group.group}
              </RowHeader>
              <Cell numeric>{group.organisations}</Cell>
              {headline.map((indicator) => (
                <Cell key={indicator.key} numeric>
                  {figureText(group.values[indicator.key], locale)}
                </Cell>
              ))}
            </Row>
          ))}
        </DataTable>
      ))}

      <h2 className="mt-8 text-xl font-semibold">{t('accounts.perOrganisation')}</h2>
      <DataTable
        label={t('accounts.perOrganisation')}
        className="mt-2"
        columns={[
          { label: t('overview.organisation') },
          ...headline.map((indicator) => ({ label: label(indicator), numeric: true })),
        ]}
      >
        {current.organisations.map((organisation) => (
          <Row key={organisation.slug}>
            <RowHeader>{organisation.name}</RowHeader>
            {headline.map((indicator) => {
              const value = organisation.values[indicator.key];
              return (
                <Cell key={indicator.key} numeric>
                  {value === undefined
                    ? '–'
                    : typeof value === 'number'
                      ? formatInteger(value, locale)
                      : formatShare(value.numerator, value.denominator, locale)}
                </Cell>
              );
            })}
          </Row>
        ))}
      </DataTable>

      <h2 className="mt-8 text-xl font-semibold">{t('accounts.exports')}</h2>
      <ul className="mt-2 list-disc pl-5">
        <li>
          <a href={exportLink('accounts', 'csv')}>{t('accounts.exportAccountsCsv')}</a>
        </li>
        <li>
          <a href={exportLink('accounts', 'xlsx')}>{t('accounts.exportAccountsXlsx')}</a>
        </li>
        <li>
          <a href={exportLink('organisations', 'csv')}>{t('accounts.exportOrganisationsCsv')}</a>
        </li>
        <li>
          <a href={exportLink('organisations', 'xlsx')}>{t('accounts.exportOrganisationsXlsx')}</a>
        </li>
        <li>
          <a href={exportLink('completeness', 'csv')}>{t('accounts.exportCompletenessCsv')}</a>
        </li>
        <li>
          <a href={exportLink('overlap', 'csv')}>{t('accounts.exportOverlapCsv')}</a>
        </li>
      </ul>

      <Section id="exclusions-title" title={t('accounts.exclusions')} className="mt-8">
        {current.excluded.length === 0 ? (
          <p>{t('accounts.noExclusions')}</p>
        ) : (
          <ul className="mt-2 space-y-1" data-testid="exclusions">
            {round.rows
              .filter((row) => row.state === 'excluded')
              .map((row) => (
                <li key={row.organisationId} className="flex flex-wrap items-center gap-3">
                  <span>
                    {row.name}: {row.exclusionReason}
                  </span>
                  <AdminForm
                    id={`include-${row.organisationId}`}
                    action={includeAction}
                    hidden={{ ...hidden, organisationId: row.organisationId }}
                    submitLabel={t('accounts.include')}
                    variant="secondary"
                    layout="inline"
                  />
                </li>
              ))}
          </ul>
        )}
        <div className="mt-4 grid grid-cols-1 gap-6 md:grid-cols-2">
          <div>
            <h3 className="font-semibold">{t('accounts.exclude')}</h3>
            <AdminForm
              id="exclude"
              action={excludeAction}
              hidden={hidden}
              submitLabel={t('accounts.excludeSubmit')}
              fields={[
                {
                  name: 'organisationId',
                  label: t('accounts.excludeOrganisation'),
                  type: 'select',
                  options: round.rows
                    .filter((row) => row.state !== 'excluded')
                    .map((row) => ({ value: String(row.organisationId), label: row.name })),
                },
                { name: 'reason', label: t('accounts.reason'), type: 'textarea' },
              ]}
            />
          </div>
          <div>
            <h3 className="font-semibold">{t('accounts.excludeRest')}</h3>
            <AdminForm
              id="exclude-rest"
              action={excludeRestAction}
              hidden={hidden}
              submitLabel={t('accounts.excludeRestSubmit')}
              variant="secondary"
              fields={[{ name: 'reason', label: t('accounts.reason'), type: 'textarea' }]}
            />
          </div>
        </div>
      </Section>

      <Section id="publish-title" title={t('accounts.publish')} className="mt-8">
        <p className="mt-2">{t('accounts.publishIntro')}</p>
        <AdminForm
          id="publish"
          action={publishAction}
          hidden={hidden}
          submitLabel={
            nextVersion === 1
              ? t('accounts.publishSubmit')
              : t('accounts.correctSubmit', { version: nextVersion })
          }
          fields={
            nextVersion === 1
              ? []
              : [{ name: 'changeNote', label: t('accounts.changeNote'), type: 'textarea' }]
          }
        />
        {versions.length > 0 && (
          <>
            <h3 className="mt-6 font-semibold">{t('accounts.versions')}</h3>
            <ul className="mt-2 space-y-2" data-testid="versions">
              {versions.map((version) => (
                <li key={version.version}>
                  {t('accounts.version', {
                    version: version.version,
                    at: formatDateTime(version.publishedAt, locale),
                  })}
                  {version.changeNote ? ` – ${version.changeNote}` : ''} ·{' '}
                  <a href={exportLink('accounts', 'csv', version.version)}>
                    {t('accounts.download', { version: version.version })}
                  </a>{' '}
                  ·{' '}
                  <a href={exportLink('accounts', 'xlsx', version.version)}>
                    {t('accounts.downloadXlsx', { version: version.version })}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
    </>
  );
}
