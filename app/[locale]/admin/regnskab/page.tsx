import { setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/admin/action-form';
import { getDb } from '@/db/client';
import { excludeAction, excludeRestAction, includeAction, publishAction } from '@/lib/admin/actions';
import { getRoundOverview } from '@/lib/admin/overview';
import { type Figure, isShareFigure, type NationalAccounts } from '@/lib/accounts/types';
import { getActor } from '@/lib/auth/session';
import { formatDateTime, formatInteger, formatPercent, formatShare, type Locale } from '@/lib/format';
import { getLiveAccounts, listPublicationVersions } from '@/lib/publications/admin';
import { listYears } from '@/lib/years/years';
import { adminText, Failed, one } from '../helpers';

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

export default async function LiveAccountsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await adminText(locale);
  const query = await searchParams;
  const [db, actor] = await Promise.all([getDb(), getActor()]);
  const years = await listYears(db, actor);
  if (!years.ok) return <Failed message={t('errors.forbidden')} />;
  if (years.value.length === 0) return <p>{t('overview.noYears')}</p>;
  const chosen = years.value.find((row) => row.year === Number(one(query.year))) ?? years.value[0]!;
  const year = chosen.year;
  const [live, versions, overview] = await Promise.all([
    getLiveAccounts(db, actor, { year }),
    listPublicationVersions(db, actor, { year }),
    getRoundOverview(db, actor, { year }),
  ]);
  if (!live.ok || !versions.ok || !overview.ok) return <Failed message={t('errors.forbidden')} />;
  const { current, previous } = live.value;
  const label = (entry: { label: { da: string; en: string } }) =>
    locale === 'en' ? entry.label.en : entry.label.da;
  const hidden = { locale, year };
  const nextVersion = versions.value.length + 1;
  const exportLink = (kind: string, format: string, version?: number) =>
    `/api/admin/exports/${year}?kind=${kind}&format=${format}&locale=${locale}${version ? `&version=${version}` : ''}`;
  const th = 'py-2 pr-3';
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('accounts.title', { year })}</h1>
      <form method="get" className="mt-4 flex items-end gap-3">
        <div>
          <label htmlFor="accounts-year" className="block font-medium">
            {t('accounts.chooseYear')}
          </label>
          <select
            id="accounts-year"
            name="year"
            defaultValue={String(year)}
            className="mt-1 border-2 border-ink px-2 py-1"
          >
            {years.value.map((row) => (
              <option key={row.year} value={row.year}>
                {row.year}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="bg-primary px-4 py-2 font-medium text-white">
          {t('accounts.show')}
        </button>
      </form>
      <p
        className="mt-4 border-l-4 border-warning bg-[#fff4d6] p-3 font-semibold"
        role="note"
        data-testid="not-published"
      >
        {t('accounts.notPublished')}
      </p>
      <p className="mt-2">
        {t('accounts.organisations', {
          total: current.organisationCounts.total,
          cluster: current.organisationCounts.cluster,
          network: current.organisationCounts.innovation_network,
        })}
      </p>

      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="live-accounts">
          <caption className="sr-only">{t('accounts.title', { year })}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className={th}>
                {t('accounts.indicator')}
              </th>
              <th scope="col" className="pr-3 text-right">
                {t('accounts.net')}
              </th>
              <th scope="col" className="pr-3 text-right">
                {t('accounts.gross')}
              </th>
              <th scope="col" className="pr-3 text-right">
                {t('accounts.overlap')}
              </th>
              <th scope="col" className="pr-3 text-right">
                {t('accounts.under50')}
              </th>
              <th scope="col" className="pr-3 text-right">
                {t('accounts.previous')}
              </th>
              <th scope="col" className="text-right">
                {t('accounts.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {current.indicators.map((indicator) => {
              const figure = indicator.national;
              const total = isShareFigure(figure) ? null : figure;
              const before = netOf(previous, indicator.key);
              const now = netOf(current, indicator.key);
              const change = before && now !== null && before > 0 ? (now - before) / before : null;
              return (
                <tr
                  key={indicator.key}
                  className="border-b border-rule"
                  data-testid={`live-${indicator.key}`}
                >
                  <th scope="row" className="py-2 pr-3 font-normal">
                    {label(indicator)}
                    {total?.possiblyDoubleCounted && (
                      <span className="text-warning"> ({t('accounts.doubleCounted')})</span>
                    )}
                  </th>
                  <td className="pr-3 text-right" data-testid={`net-${indicator.key}`}>
                    {figureText(figure, locale)}
                  </td>
                  <td className="pr-3 text-right" data-testid={`gross-${indicator.key}`}>
                    {total?.gross !== undefined ? formatInteger(total.gross, locale) : ''}
                  </td>
                  <td className="pr-3 text-right">
                    {total?.overlap !== undefined ? formatInteger(total.overlap, locale) : ''}
                  </td>
                  <td className="pr-3 text-right">
                    {total?.under50 !== undefined ? formatInteger(total.under50, locale) : ''}
                  </td>
                  <td className="pr-3 text-right">
                    {previous
                      ? figureText(
                          previous.indicators.find((entry) => entry.key === indicator.key)?.national,
                          locale,
                        )
                      : '–'}
                  </td>
                  <td className="text-right">
                    {change === null ? '' : `${change > 0 ? '+' : ''}${formatPercent(change, locale)}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2 className="mt-8 text-xl font-semibold">{t('accounts.participation')}</h2>
      <ul className="mt-2 flex gap-4" data-testid="participation">
        <li>
          {formatInteger(current.participation.one, locale)} {t('accounts.inOne')}
        </li>
        <li>
          {formatInteger(current.participation.two, locale)} {t('accounts.inTwo')}
        </li>
        <li>
          {formatInteger(current.participation.threePlus, locale)} {t('accounts.inThreePlus')}
        </li>
      </ul>

      <h2 className="mt-8 text-xl font-semibold">{t('accounts.breakdowns')}</h2>
      {(['kind', 'field', 'region'] as const).map((dimension) => (
        <div key={dimension} className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="text-left font-semibold">{t(`accounts.dimension_${dimension}`)}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className={th}>
                  {t('accounts.group')}
                </th>
                <th scope="col" className="pr-3 text-right">
                  {t('accounts.organisationsCount')}
                </th>
                {current.indicators.slice(0, 6).map((indicator) => (
                  <th key={indicator.key} scope="col" className="pr-3 text-right">
                    {label(indicator)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {current.breakdowns[dimension].map((group) => (
                <tr key={group.group} className="border-b border-rule">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {dimension === 'kind'
                      ? t(`kinds.${group.group}`)
                      : dimension === 'region'
                        ? t(`regions.${group.group}`)
                        : group.group}
                  </th>
                  <td className="pr-3 text-right">{group.organisations}</td>
                  {current.indicators.slice(0, 6).map((indicator) => (
                    <td key={indicator.key} className="pr-3 text-right">
                      {figureText(group.values[indicator.key], locale)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}

      <h2 className="mt-8 text-xl font-semibold">{t('accounts.perOrganisation')}</h2>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className={th}>
                {t('overview.organisation')}
              </th>
              {current.indicators.slice(0, 6).map((indicator) => (
                <th key={indicator.key} scope="col" className="pr-3 text-right">
                  {label(indicator)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {current.organisations.map((organisation) => (
              <tr key={organisation.slug} className="border-b border-rule">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {organisation.name}
                </th>
                {current.indicators.slice(0, 6).map((indicator) => {
                  const value = organisation.values[indicator.key];
                  return (
                    <td key={indicator.key} className="pr-3 text-right">
                      {value === undefined
                        ? '–'
                        : typeof value === 'number'
                          ? formatInteger(value, locale)
                          : formatShare(value.numerator, value.denominator, locale)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

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

      <section aria-labelledby="exclusions-title" className="mt-8">
        <h2 id="exclusions-title" className="text-xl font-semibold">
          {t('accounts.exclusions')}
        </h2>
        {current.excluded.length === 0 ? (
          <p>{t('accounts.noExclusions')}</p>
        ) : (
          <ul className="mt-2 space-y-1" data-testid="exclusions">
            {overview.value.rows
              .filter((row) => row.state === 'excluded')
              .map((row) => (
                <li key={row.organisationId} className="flex flex-wrap items-center gap-3">
                  <span>
                    {row.name}: {row.exclusionReason}
                  </span>
                  <ActionForm
                    id={`include-${row.organisationId}`}
                    action={includeAction}
                    hidden={{ ...hidden, organisationId: row.organisationId }}
                    submitLabel={t('accounts.include')}
                    errorSummary={t('form.errorSummary')}
                    variant="secondary"
                    inline
                  />
                </li>
              ))}
          </ul>
        )}
        <div className="mt-4 grid gap-6 md:grid-cols-2">
          <div>
            <h3 className="font-semibold">{t('accounts.exclude')}</h3>
            <ActionForm
              id="exclude"
              action={excludeAction}
              hidden={hidden}
              submitLabel={t('accounts.excludeSubmit')}
              errorSummary={t('form.errorSummary')}
              fields={[
                {
                  name: 'organisationId',
                  label: t('accounts.excludeOrganisation'),
                  type: 'select',
                  options: overview.value.rows
                    .filter((row) => row.state !== 'excluded')
                    .map((row) => ({ value: String(row.organisationId), label: row.name })),
                },
                { name: 'reason', label: t('accounts.reason'), type: 'textarea' },
              ]}
            />
          </div>
          <div>
            <h3 className="font-semibold">{t('accounts.excludeRest')}</h3>
            <ActionForm
              id="exclude-rest"
              action={excludeRestAction}
              hidden={hidden}
              submitLabel={t('accounts.excludeRestSubmit')}
              errorSummary={t('form.errorSummary')}
              variant="secondary"
              fields={[{ name: 'reason', label: t('accounts.reason'), type: 'textarea' }]}
            />
          </div>
        </div>
      </section>

      <section aria-labelledby="publish-title" className="mt-8">
        <h2 id="publish-title" className="text-xl font-semibold">
          {t('accounts.publish')}
        </h2>
        <p className="mt-2">{t('accounts.publishIntro')}</p>
        <ActionForm
          id="publish"
          action={publishAction}
          hidden={hidden}
          submitLabel={
            nextVersion === 1
              ? t('accounts.publishSubmit')
              : t('accounts.correctSubmit', { version: nextVersion })
          }
          errorSummary={t('form.errorSummary')}
          fields={
            nextVersion === 1
              ? []
              : [{ name: 'changeNote', label: t('accounts.changeNote'), type: 'textarea' }]
          }
        />
        {versions.value.length > 0 && (
          <>
            <h3 className="mt-6 font-semibold">{t('accounts.versions')}</h3>
            <ul className="mt-2 space-y-2" data-testid="versions">
              {versions.value.map((version) => (
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
      </section>
    </>
  );
}
