// A year's published accounts as a report: key figures, every indicator nationally, breakdowns,
// the organisations' table (searchable and sortable by query parameters), the method, the
// version history and downloads. Every section, table and chart has an id to link to.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/charts/bar-chart';
import {
  type AccountIndicator,
  BREAKDOWN_DIMENSIONS,
  type BreakdownDimension,
  isShareFigure,
  type OrganisationValue,
} from '@/lib/accounts/types';
import { barChartGeometry } from '@/lib/charts/scales';
import { formatDate, formatDkk, formatInteger, formatPercent, formatShare, type Locale } from '@/lib/format';
import { fieldTextOf, type PublicNames } from '@/lib/publications/open-data';
import { localePath } from '@/i18n/paths';
import { INDICATOR_GROUPS } from '@/lib/domain';
import type { Publication } from '@/lib/publications/types';
import {
  breakdownSum,
  HEADLINE_KEYS,
  participationCoverage,
  searchAndSortOrganisations,
  shareOfParticipants,
  sortHref,
  type TableQuery,
} from '@/lib/publications/view';
import { EmbedCode } from './embed-code';
import { ParticipationTable } from './participation-table';
import { Permalink, SectionHeading } from './permalink';
import { ScrollRegion } from './scroll-region';

export const ORGANISATION_COLUMNS = ['name', 'field', 'region', ...HEADLINE_KEYS] as const;

function formatValue(
  indicator: Pick<AccountIndicator, 'kind'>,
  value: OrganisationValue | undefined,
  locale: Locale,
) {
  if (value === undefined) return '–';
  if (isShareFigure(value)) return formatShare(value.numerator, value.denominator, locale);
  return indicator.kind === 'amount_dkk' ? formatDkk(value, locale) : formatInteger(value, locale);
}

/** What every section of the report reads: the publication, the language and the names. */
interface Report {
  publication: Publication;
  latestVersion: number;
  locale: Locale;
  /** where the table's search and sort go (a page rendered per request); without locale prefix */
  tablePath: string;
  /** the English field names and the descriptions the secretariat keeps */
  names: PublicNames;
  /** the site's configured origin, for the embed code */
  origin: string;
}

/** A section's view of the report: the texts, the accounts, the indicators and how to name things. */
async function reading(report: Report) {
  const { publication, latestVersion, locale, tablePath, names, origin } = report;
  const t = await getTranslations({ locale, namespace: 'public' });
  const home = await getTranslations({ locale, namespace: 'home' });
  const { accounts } = publication.snapshot;
  const year = accounts.year;
  const indicators = [...accounts.indicators].sort((a, b) => a.sortOrder - b.sortOrder);
  const byKey = new Map(indicators.map((indicator) => [indicator.key, indicator]));
  const label = (key: string) => byKey.get(key)?.label[locale] ?? key;
  const groups = [...new Set([...INDICATOR_GROUPS, ...indicators.map((i) => i.groupKey)])].filter((group) =>
    indicators.some((i) => i.groupKey === group),
  );
  const dimensionLabel = (dimension: BreakdownDimension) => t(`dimension.${dimension}`);
  const groupName = (dimension: BreakdownDimension, group: string) =>
    dimension === 'kind'
      ? t(`kind.${group}` as 'kind.cluster')
      : dimension === 'region'
        ? t(`region.${group}` as 'region.hovedstaden')
        : fieldTextOf(names, group, locale).text;
  const groupLang = (dimension: BreakdownDimension, group: string) =>
    dimension === 'field' ? fieldTextOf(names, group, locale).lang : undefined;
  const coverage = participationCoverage(accounts);
  const versionQuery = publication.version === latestVersion ? '' : `?version=${publication.version}`;
  const permalink = (name: string) => t('permalinkTo', { name });
  const anyDoubleCounted = indicators.some(
    (i) => !isShareFigure(i.national) && i.national.possiblyDoubleCounted,
  );

  return {
    t,
    home,
    locale,
    publication,
    latestVersion,
    tablePath,
    names,
    origin,
    accounts,
    year,
    indicators,
    byKey,
    label,
    groups,
    dimensionLabel,
    groupName,
    groupLang,
    coverage,
    versionQuery,
    permalink,
    anyDoubleCounted,
  };
}

export async function YearAccounts(props: Report) {
  return (
    <article className="year-accounts">
      <Introduction report={props} />
      <Contents report={props} />
      <KeyFigures report={props} />
      <NationalFigures report={props} />
      <Participation report={props} />
      <Breakdowns report={props} />
      <Organisations report={props} />
      <Methodology report={props} />
      <History report={props} />
      <Downloads report={props} />
    </article>
  );
}

/** The title, the edition and version, and the notes a reader must see first. */
async function Introduction({ report }: { report: Report }) {
  const { t, locale, publication, latestVersion, accounts, year, anyDoubleCounted } = await reading(report);
  return (
    <>
      <p className="hidden text-sm print:block">
        {t('year.printNote', { url: `Klyngeregnskab · ${localePath(locale, `/regnskab/${year}`)}` })}
      </p>
      <h1 className="text-3xl font-semibold text-primary-darker sm:text-4xl">{t('year.title', { year })}</h1>
      <p className="mt-2 text-lg">
        {t('year.lead', {
          year,
          edition: accounts.edition,
          version: publication.version,
          date: formatDate(publication.publishedAt, locale),
        })}
      </p>
      {publication.version !== latestVersion && (
        <p className="mt-4 border-l-4 border-warning bg-[#fff4d6] p-4" role="note">
          {t('year.olderVersion', { version: publication.version, latest: latestVersion })}{' '}
          <Link href={localePath(locale, `/regnskab/${year}`)}>{t('year.readLatest')}</Link>
        </p>
      )}
      {accounts.seriesBreak && (
        <p className="mt-4 border-l-4 border-ink bg-surface p-4" role="note">
          {t('seriesBreakNote', { year, note: accounts.seriesBreak[locale] })}
        </p>
      )}
      {anyDoubleCounted && (
        <p className="mt-4 border-l-4 border-warning bg-[#fff4d6] p-4" role="note">
          {t('possiblyDoubleCounted')}
        </p>
      )}
    </>
  );
}

/** The report's table of contents. */
async function Contents({ report }: { report: Report }) {
  const { t } = await reading(report);
  return (
    <nav aria-labelledby="indhold-heading" className="no-print mt-6 bg-surface p-4">
      <h2 id="indhold-heading" className="font-semibold">
        {t('year.contents')}
      </h2>
      <ul className="mt-2 grid gap-1 sm:grid-cols-2">
        <li>
          <a href="#noegletal">{t('year.keyFigures')}</a>
        </li>
        <li>
          <a href="#nationalt">{t('year.national')}</a>
        </li>
        <li>
          <a href="#fordelinger">{t('year.breakdowns')}</a>
        </li>
        <li>
          <a href="#organisationer">{t('year.organisations')}</a>
        </li>
        <li>
          <a href="#metode">{t('year.methodology')}</a>
        </li>
        <li>
          <a href="#versioner">{t('year.history')}</a>
        </li>
        <li>
          <a href="#download">{t('year.downloads')}</a>
        </li>
      </ul>
    </nav>
  );
}

/** The headline sentence and the four key figures. */
async function KeyFigures({ report }: { report: Report }) {
  const { t, home, locale, accounts, year, byKey, label, permalink } = await reading(report);
  return (
    <>
      <SectionHeading id="noegletal" permalinkLabel={permalink(t('year.keyFigures'))}>
        {t('year.keyFigures')}
      </SectionHeading>
      <p className="mt-4 max-w-3xl" data-testid="year-headline">
        {home('headline', {
          year: String(year),
          participants: formatInteger(netOrZero(byKey.get('participants')), locale),
          newIdeas: formatInteger(netOrZero(byKey.get('new_ideas')), locale),
          newCompetences: formatInteger(netOrZero(byKey.get('new_competences')), locale),
          newProducts: formatInteger(netOrZero(byKey.get('new_products')), locale),
        })}
      </p>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {HEADLINE_KEYS.filter((key) => byKey.has(key)).map((key) => {
          const share = shareOfParticipants(accounts, key);
          return (
            <li key={key} className="border-l-4 border-primary bg-surface p-4">
              <p className="text-2xl font-semibold text-primary-darker" data-testid={`key-${key}`}>
                {formatInteger(netOrZero(byKey.get(key)), locale)}
              </p>
              <p>{label(key)}</p>
              {key !== 'participants' && share !== null && (
                <p className="text-sm text-muted">
                  {t('home.ofParticipants', { share: formatPercent(share, locale) })}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Every indicator nationally, one table per indicator group. */
async function NationalFigures({ report }: { report: Report }) {
  const { t, groups, permalink } = await reading(report);
  return (
    <>
      <SectionHeading id="nationalt" permalinkLabel={permalink(t('year.national'))}>
        {t('year.national')}
      </SectionHeading>
      <p className="mt-2 max-w-3xl">{t('year.nationalLead')}</p>
      {groups.map((group) => (
        <IndicatorGroupTable key={group} report={report} group={group} />
      ))}
    </>
  );
}

/** How many companies took part in one, two or more organisations' activities. */
async function Participation({ report }: { report: Report }) {
  const { t, locale, accounts, coverage, permalink } = await reading(report);
  return (
    <section aria-labelledby="deltagelse">
      <SectionHeading id="deltagelse" level={3} permalinkLabel={permalink(t('year.participation'))}>
        {t('year.participation')}
      </SectionHeading>
      <p className="mt-2">{t('year.participationLead')}</p>
      <ScrollRegion label={t('year.participation')}>
        <ParticipationTable
          participation={accounts.participation}
          known={coverage.known}
          complete={coverage.complete}
          locale={locale}
          text={{
            heading: t('year.participation'),
            organisations: t('organisations.title'),
            companies: t('year.companies'),
            rows: {
              one: t('year.participationOne'),
              two: t('year.participationTwo'),
              threePlus: t('year.participationThree'),
            },
            unknown: t('year.participationUnknown'),
            partial: t('year.participationPartial', { listed: coverage.listed, total: coverage.total }),
          }}
        />
      </ScrollRegion>
    </section>
  );
}

/** The accounts by kind, field and region: a table and a chart each. */
async function Breakdowns({ report }: { report: Report }) {
  const { t, permalink } = await reading(report);
  return (
    <>
      <SectionHeading id="fordelinger" permalinkLabel={permalink(t('year.breakdowns'))}>
        {t('year.breakdowns')}
      </SectionHeading>
      {BREAKDOWN_DIMENSIONS.map((dimension) => (
        <BreakdownSection key={dimension} report={report} dimension={dimension} />
      ))}
    </>
  );
}

/** Every organisation's own figures, and those left out of the year. */
async function Organisations({ report }: { report: Report }) {
  const { t, locale, publication, latestVersion, tablePath, names, accounts, permalink } =
    await reading(report);
  return (
    <>
      <SectionHeading id="organisationer" permalinkLabel={permalink(t('year.organisations'))}>
        {t('year.organisations')}
      </SectionHeading>
      <p className="mt-2 max-w-3xl">{t('year.organisationsLead')}</p>
      <OrganisationsTable
        publication={publication}
        locale={locale}
        names={names}
        query={DEFAULT_TABLE_QUERY}
        tablePath={tablePath}
        version={publication.version === latestVersion ? null : publication.version}
      />
      {accounts.excluded.length > 0 && (
        <>
          <h3 className="mt-6 text-lg font-semibold">{t('year.excluded')}</h3>
          <ul className="mt-2 list-disc pl-6">
            {accounts.excluded.map((row) => (
              <li key={row.slug}>
                {row.name}: {row.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** How the figures are made. */
async function Methodology({ report }: { report: Report }) {
  const { t, locale, publication, permalink } = await reading(report);
  return (
    <>
      <SectionHeading id="metode" permalinkLabel={permalink(t('year.methodology'))}>
        {t('year.methodology')}
      </SectionHeading>
      <div className="mt-2 max-w-3xl space-y-3">
        {publication.snapshot.methodology[locale].split('\n\n').map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
    </>
  );
}

/** Every version of the year's accounts, with why it changed. */
async function History({ report }: { report: Report }) {
  const { t, locale, publication, latestVersion, year, permalink } = await reading(report);
  return (
    <>
      <SectionHeading id="versioner" permalinkLabel={permalink(t('year.history'))}>
        {t('year.history')}
      </SectionHeading>
      <ol className="mt-4 space-y-2" data-testid="history">
        {publication.history.map((version) => (
          <li key={version.version}>
            {version.version === publication.version ? (
              <strong>
                {t('year.historyVersion', { version: version.version })} ({t('year.current')})
              </strong>
            ) : (
              <Link
                href={localePath(
                  locale,
                  version.version === latestVersion
                    ? `/regnskab/${year}`
                    : `/regnskab/${year}/v/${version.version}`,
                )}
              >
                {t('year.historyVersion', { version: version.version })}
              </Link>
            )}
            {', '}
            {formatDate(version.publishedAt, locale)}: {version.changeNote ?? t('year.historyFirst')}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The year's figures as files. */
async function Downloads({ report }: { report: Report }) {
  const { t, locale, year, versionQuery, permalink } = await reading(report);
  return (
    <>
      <SectionHeading id="download" permalinkLabel={permalink(t('year.downloads'))}>
        {t('year.downloads')}
      </SectionHeading>
      <p className="mt-2 max-w-3xl">{t('year.downloadsLead')}</p>
      <ul className="no-print mt-4 space-y-1">
        <li>
          <a href={`${localePath(locale, `/regnskab/${year}/download/csv`)}${versionQuery}`} download>
            {t('year.downloadCsv')}
          </a>
        </li>
        <li>
          <a href={`${localePath(locale, `/regnskab/${year}/download/xlsx`)}${versionQuery}`} download>
            {t('year.downloadXlsx')}
          </a>
        </li>
        <li>
          <a href={`/api/v1/accounts/${year}${versionQuery}`}>{t('year.downloadJson')}</a>
        </li>
      </ul>
    </>
  );
}

/** One indicator group's national figures as a table. */
async function IndicatorGroupTable({ report, group }: { report: Report; group: string }) {
  const { t, locale, indicators, permalink } = await reading(report);
  const members = indicators.filter((i) => i.groupKey === group);
  const companies = members.every((i) => i.kind === 'companies');
  const shares = members.every((i) => i.kind === 'share');
  const tableId = `tabel-${group}`;
  const caption = t(`group.${group}` as 'group.companies');
  return (
    <section aria-labelledby={tableId}>
      <h3 id={tableId} className="mt-8 text-xl font-semibold">
        {caption}
        <Permalink id={tableId} label={permalink(caption)} />
      </h3>
      <ScrollRegion label={caption}>
        <table className="figure-table w-full min-w-[32rem]" data-testid={tableId}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('year.indicator')}</th>
              {companies ? (
                <>
                  <th scope="col" className="num">
                    {t('year.net')}
                  </th>
                  <th scope="col" className="num">
                    {t('year.gross')}
                  </th>
                  <th scope="col" className="num">
                    {t('year.overlap')}
                  </th>
                  <th scope="col" className="num">
                    {t('year.under50')}
                  </th>
                </>
              ) : shares ? (
                <>
                  <th scope="col" className="num">
                    {t('year.share')}
                  </th>
                  <th scope="col" className="num">
                    {t('year.numerator')}
                  </th>
                  <th scope="col" className="num">
                    {t('year.denominator')}
                  </th>
                </>
              ) : (
                <th scope="col" className="num">
                  {t('year.value')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.map((indicator) => {
              const figure = indicator.national;
              return (
                <tr key={indicator.key} id={`indikator-${indicator.key}`}>
                  <th scope="row">
                    {indicator.parentKey ? (
                      <span className="pl-4">{indicator.label[locale]}</span>
                    ) : (
                      indicator.label[locale]
                    )}
                  </th>
                  {isShareFigure(figure) ? (
                    <>
                      <td className="num">{formatShare(figure.numerator, figure.denominator, locale)}</td>
                      <td className="num">{formatInteger(figure.numerator, locale)}</td>
                      <td className="num">{formatInteger(figure.denominator, locale)}</td>
                    </>
                  ) : companies ? (
                    <>
                      <td className="num" data-testid={`national-${indicator.key}`}>
                        {formatInteger(figure.net, locale)}
                        {figure.possiblyDoubleCounted ? '*' : ''}
                      </td>
                      <td className="num">
                        {figure.gross === undefined ? '–' : formatInteger(figure.gross, locale)}
                      </td>
                      <td className="num">
                        {figure.overlap === undefined ? '–' : formatInteger(figure.overlap, locale)}
                      </td>
                      <td className="num">
                        {figure.under50 === undefined ? '–' : formatInteger(figure.under50, locale)}
                      </td>
                    </>
                  ) : (
                    <td className="num">{formatValue(indicator, figure.net, locale)}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

/** The accounts by one dimension: a table, and the participants as a chart. */
async function BreakdownSection({ report, dimension }: { report: Report; dimension: BreakdownDimension }) {
  const {
    t,
    locale,
    publication,
    origin,
    accounts,
    year,
    label,
    dimensionLabel,
    groupName,
    groupLang,
    permalink,
  } = await reading(report);
  const rows = accounts.breakdowns[dimension] ?? [];
  const id = `fordeling-${dimension}`;
  const heading = t('year.breakdownBy', {
    dimension: dimensionLabel(dimension).toLocaleLowerCase(locale),
  });
  const chartTitle = t('year.breakdownChart', {
    dimension: dimensionLabel(dimension).toLocaleLowerCase(locale),
    year,
  });
  return (
    <section aria-labelledby={id}>
      <SectionHeading id={id} level={3} permalinkLabel={permalink(heading)}>
        {heading}
      </SectionHeading>
      <ScrollRegion label={heading}>
        <table className="figure-table w-full min-w-[40rem]">
          <caption className="sr-only">{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{dimensionLabel(dimension)}</th>
              <th scope="col" className="num">
                {t('year.organisationsCount')}
              </th>
              {HEADLINE_KEYS.map((key) => (
                <th key={key} scope="col" className="num">
                  {label(key)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('year.under50')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.group}>
                <th scope="row" lang={groupLang(dimension, row.group)}>
                  {groupName(dimension, row.group)}
                </th>
                <td className="num">{formatInteger(row.organisations, locale)}</td>
                {HEADLINE_KEYS.map((key) => {
                  const figure = row.values[key];
                  return (
                    <td key={key} className="num">
                      {figure && !isShareFigure(figure) ? formatInteger(figure.net, locale) : '–'}
                    </td>
                  );
                })}
                <td className="num">
                  {(() => {
                    const figure = row.values.participants;
                    return figure && !isShareFigure(figure) && figure.under50 !== undefined
                      ? formatInteger(figure.under50, locale)
                      : '–';
                  })()}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <BreakdownOverlapNote
        sum={breakdownSum(accounts, dimension, 'participants')}
        text={(sum, national) =>
          t(`year.breakdownOverlap.${dimension}`, {
            sum: formatInteger(sum, locale),
            national: formatInteger(national, locale),
          })
        }
      />
      <figure id={`figur-${dimension}`} className="mt-6">
        <figcaption className="font-semibold">
          {chartTitle}
          <Permalink id={`figur-${dimension}`} label={permalink(chartTitle)} />
        </figcaption>
        <BarChart
          id={`chart-${dimension}`}
          title={chartTitle}
          description={t('year.breakdownChartDescription', {
            dimension: dimensionLabel(dimension).toLocaleLowerCase(locale),
            year,
          })}
          data={rows.map((row) => {
            const figure = row.values.participants;
            return {
              label: groupName(dimension, row.group),
              value: figure && !isShareFigure(figure) ? figure.net : 0,
            };
          })}
          locale={locale}
          groupLabel={dimensionLabel(dimension)}
          valueLabel={label('participants')}
        />
        <EmbedCode
          id={`figur-${dimension}`}
          src={`${origin}/embed/${locale}/regnskab/${year}/v/${publication.version}/${dimension}`}
          title={chartTitle}
          width={680}
          height={
            barChartGeometry({ data: rows.map((row) => ({ label: row.group, value: 0 })) }).height + 120
          }
          text={{
            summary: t('embedTo', { name: chartTitle }),
            codeLabel: t('embedCode.label'),
            codeHint: t('embedCode.hint', { year, version: publication.version }),
            preview: t('embedCode.preview'),
          }}
        />
      </figure>
    </section>
  );
}

export const DEFAULT_TABLE_QUERY: TableQuery = { q: '', sort: 'name', dir: 'asc' };

/** The organisations' own figures, searched and sorted by query parameters (no JavaScript needed). */
export async function OrganisationsTable({
  publication,
  locale,
  names,
  query,
  tablePath,
  version,
}: {
  publication: Publication;
  locale: Locale;
  names: PublicNames;
  query: TableQuery;
  tablePath: string;
  /** an earlier version's number, carried in the links; null for the latest */
  version: number | null;
}) {
  const t = await getTranslations({ locale, namespace: 'public' });
  const { accounts } = publication.snapshot;
  const byKey = new Map(accounts.indicators.map((indicator) => [indicator.key, indicator]));
  const label = (key: string) => byKey.get(key)?.label[locale] ?? key;
  const organisations = searchAndSortOrganisations(accounts.organisations, query, locale, names);
  const pagePath = localePath(locale, tablePath);
  const columnLabel = (column: (typeof ORGANISATION_COLUMNS)[number]) =>
    column === 'name'
      ? t('year.name')
      : column === 'field'
        ? t('dimension.field')
        : column === 'region'
          ? t('dimension.region')
          : label(column);
  return (
    <>
      <form
        method="get"
        action={`${pagePath}#organisationer`}
        className="no-print mt-4 flex flex-wrap items-end gap-2"
        role="search"
      >
        <div className="flex flex-col">
          <label htmlFor="organisation-search">{t('year.search')}</label>
          <input
            id="organisation-search"
            name="q"
            type="search"
            defaultValue={query.q}
            className="mt-1 w-72 max-w-full border-2 border-ink px-2 py-1"
          />
        </div>
        {version !== null && <input type="hidden" name="version" value={version} />}
        {query.sort !== 'name' && <input type="hidden" name="sort" value={query.sort} />}
        {query.dir !== 'asc' && <input type="hidden" name="dir" value={query.dir} />}
        <button
          type="submit"
          className="bg-primary px-4 py-1.5 font-medium text-white hover:bg-primary-darker"
        >
          {t('year.searchButton')}
        </button>
        {query.q && (
          <a href={`${pagePath}${version !== null ? `?version=${version}` : ''}#organisationer`}>
            {t('year.clearSearch')}
          </a>
        )}
      </form>
      <p className="mt-2 text-sm" role="status">
        {t('year.shown', { shown: organisations.length, total: accounts.organisations.length })}
      </p>
      <ScrollRegion label={t('year.organisations')}>
        <table
          className="figure-table w-full min-w-[48rem]"
          id="tabel-organisationer"
          data-testid="organisations-table"
        >
          <caption className="sr-only">{t('year.organisations')}</caption>
          <thead>
            <tr>
              {ORGANISATION_COLUMNS.map((column) => {
                const active = query.sort === column;
                const numeric = column !== 'name' && column !== 'field' && column !== 'region';
                return (
                  <th
                    key={column}
                    scope="col"
                    className={numeric ? 'num' : undefined}
                    aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <a
                      href={sortHref(pagePath, query, column, 'organisationer', version)}
                      className="text-ink"
                    >
                      {columnLabel(column)}
                      <span className="sr-only">
                        {' '}
                        {active
                          ? `(${query.dir === 'asc' ? t('year.sortedAscending') : t('year.sortedDescending')})`
                          : `(${t('year.sortBy', { column: columnLabel(column) })})`}
                      </span>
                      <span aria-hidden="true">{active ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </a>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {organisations.map((organisation) => (
              <tr key={organisation.slug}>
                <th scope="row">
                  <Link href={localePath(locale, `/klynger/${organisation.slug}`)}>{organisation.name}</Link>
                  <span className="block text-sm text-muted">{t(`kind.${organisation.kind}`)}</span>
                </th>
                <FieldCell names={names} field={organisation.field} locale={locale} />
                <td>{t(`region.${organisation.region}`)}</td>
                {HEADLINE_KEYS.map((key) => (
                  <td key={key} className="num">
                    {formatValue(byKey.get(key) ?? { kind: 'companies' }, organisation.values[key], locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {organisations.length === 0 && <p className="mt-2">{t('year.noMatches')}</p>}
    </>
  );
}

/** The organisation's field in the page's language (the Danish name, marked as such, where no English form is kept). */
function FieldCell({ names, field, locale }: { names: PublicNames; field: string; locale: Locale }) {
  const { text, lang } = fieldTextOf(names, field, locale);
  return <td lang={lang}>{text}</td>;
}

/**
 * Beside each breakdown: a company counts once within each group it took part in, so groups that
 * share companies add up to more than the national figure. Says so, with both sums, when they do.
 */
function BreakdownOverlapNote({
  sum,
  text,
}: {
  sum: { sum: number; national: number };
  text: (sum: number, national: number) => string;
}) {
  if (sum.sum <= sum.national) return null;
  return (
    <p className="mt-2 max-w-3xl text-sm" data-testid="breakdown-overlap">
      {text(sum.sum, sum.national)}
    </p>
  );
}

function netOrZero(indicator: AccountIndicator | undefined): number {
  if (!indicator || isShareFigure(indicator.national)) return 0;
  return indicator.national.net;
}
