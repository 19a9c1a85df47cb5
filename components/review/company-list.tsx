// The review page's company list: the companies themselves, searchable by CVR number and flag,
// set against last year's list or the list as it was returned — which are new, which are gone,
// which carry other flags. A GET form and page links: it works without JavaScript.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Cell, DataTable, Row, RowHeader } from '@/components/ui/data-table';
import { FilterBar, FilterInput } from '@/components/ui/filter-bar';
import { Notice } from '@/components/ui/notice';
import { SelectField } from '@/components/ui/select-field';
import { COMPANY_FLAGS } from '@/lib/domain';
import { formatDateTime, formatInteger, type Locale } from '@/lib/format';
import { COMPANY_BASES, COMPANY_PARAMS, COMPANY_VIEWS, type CompanyFlags } from '@/lib/review/compare';
import type { CompanyListView } from '@/lib/review/comparison';

const SECTION = 'companies';

export async function CompanyList({
  list,
  year,
  path,
  locale,
}: {
  list: CompanyListView;
  year: number;
  /** the review page's path, for the page links */
  path: string;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: 'compare.companies' });
  const { filters, counts } = list;
  const lastYear = year - 1;
  const returnedAt = list.returned.takenAt ? formatDateTime(list.returned.takenAt, locale) : '';
  const yesNo = (value: boolean) => (value ? t('yes') : t('no'));
  const flagCell = (flags: CompanyFlags | null, base: CompanyFlags | null, flag: keyof CompanyFlags) => {
    const shown = flags ?? base;
    if (!shown) return '–';
    const was =
      flags && base && flags[flag] !== base[flag] ? ` ${t('was', { value: yesNo(base[flag]) })}` : '';
    return `${yesNo(shown[flag])}${was}`;
  };
  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    query.set(COMPANY_PARAMS.base, filters.base);
    query.set(COMPANY_PARAMS.view, filters.view);
    if (filters.search) query.set(COMPANY_PARAMS.search, filters.search);
    if (filters.flag) query.set(COMPANY_PARAMS.flag, filters.flag);
    query.set(COMPANY_PARAMS.page, String(page));
    return `${path}?${query.toString()}#${SECTION}`;
  };
  const bases = COMPANY_BASES.filter((base) =>
    base === 'last_year' ? list.lastYear.hasList : list.returned.hasList,
  );
  return (
    <section id={SECTION} aria-labelledby="companies-title" className="mt-8" data-testid="company-list">
      <h2 id="companies-title" className="text-xl font-semibold">
        {t('title')}
      </h2>
      {!list.hasList && list.base === null ? (
        <p className="mt-1">{t('noList')}</p>
      ) : (
        <>
          <p className="mt-1" data-testid="company-total">
            {list.hasList ? t('total', { count: list.total }) : t('noList')}
          </p>
          <p className="mt-1" data-testid="company-against">
            {list.base === 'last_year'
              ? t('againstLastYear', { year: lastYear, ...counts })
              : list.base === 'returned'
                ? t('againstReturned', { at: returnedAt, ...counts })
                : list.lastYear.available && !list.lastYear.hasList
                  ? t('lastYearNoList', { year: lastYear })
                  : t('noBase', { year: lastYear })}
          </p>
          <FilterBar label={t('filters')} submitLabel={t('apply')} action={`#${SECTION}`} className="mt-3">
            <FilterInput
              id="company-search"
              name={COMPANY_PARAMS.search}
              label={t('search')}
              hint={t('searchHint')}
              value={filters.search}
            />
            {bases.length > 0 && (
              <SelectField
                id="company-base"
                name={COMPANY_PARAMS.base}
                label={t('base')}
                options={bases.map((base) => ({ value: base, label: t(`base_${base}`, { year: lastYear }) }))}
                value={filters.base}
              />
            )}
            {list.base && (
              <SelectField
                id="company-view"
                name={COMPANY_PARAMS.view}
                label={t('view')}
                options={COMPANY_VIEWS.map((view) => ({ value: view, label: t(`view_${view}`) }))}
                value={filters.view}
              />
            )}
            <SelectField
              id="company-flag"
              name={COMPANY_PARAMS.flag}
              label={t('flag')}
              options={[
                { value: '', label: t('anyFlag') },
                ...COMPANY_FLAGS.map((flag) => ({ value: flag, label: t(`flags.${flag}`) })),
              ]}
              value={filters.flag}
            />
          </FilterBar>
          {list.searchInvalid && (
            <Notice tone="error" role="alert" className="mt-3">
              {t('searchInvalid')}
            </Notice>
          )}
          <p className="mt-3" role="status" data-testid="company-matching">
            {t('matching', { count: list.matching })}
          </p>
          <DataTable
            className="mt-2"
            label={t('label')}
            testId="company-rows"
            columns={[
              { label: t('cvr') },
              ...(list.base ? [{ label: t('status') }] : []),
              ...COMPANY_FLAGS.map((flag) => ({ label: t(`flags.${flag}`) })),
            ]}
          >
            {list.rows.map((row) => (
              <Row key={row.cvr} testId={`company-${row.cvr}`}>
                <RowHeader>
                  <span className="font-mono">{row.cvr}</span>
                </RowHeader>
                {list.base && <Cell>{row.status ? t(`status_${row.status}`) : ''}</Cell>}
                {COMPANY_FLAGS.map((flag, index) => (
                  <Cell key={flag} last={index === COMPANY_FLAGS.length - 1}>
                    {flagCell(row.flags, row.baseFlags, flag)}
                  </Cell>
                ))}
              </Row>
            ))}
          </DataTable>
          {list.pageCount > 1 && (
            <nav aria-label={t('pagination')} className="mt-3 flex flex-wrap items-center gap-4">
              {filters.page > 1 && (
                <Link href={pageHref(filters.page - 1)} rel="prev">
                  {t('previous')}
                </Link>
              )}
              <span data-testid="company-page">
                {t('page', {
                  page: formatInteger(filters.page, locale),
                  pages: formatInteger(list.pageCount, locale),
                })}
              </span>
              {filters.page < list.pageCount && (
                <Link href={pageHref(filters.page + 1)} rel="next">
                  {t('next')}
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
