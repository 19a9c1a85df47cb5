import Link from 'next/link';
import { setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/admin/action-form';
import { getDb } from '@/db/client';
import { bulkApproveAction, extendDeadlineAction, remindAction } from '@/lib/admin/actions';
import { getRoundOverview, ROUND_STATES } from '@/lib/admin/overview';
import { getActor } from '@/lib/auth/session';
import { formatDate, formatDateTime, type Locale } from '@/lib/format';
import { listFlaggedValues } from '@/lib/review/review';
import { listYears } from '@/lib/years/years';
import { adminPrefix, adminText, Failed, one } from './helpers';

export const dynamic = 'force-dynamic';

export default async function RoundOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await adminText(locale);
  const [db, actor] = await Promise.all([getDb(), getActor()]);
  const years = await listYears(db, actor);
  if (!years.ok) return <Failed message={t('errors.forbidden')} />;
  if (years.value.length === 0) return <p>{t('overview.noYears')}</p>;
  const requested = Number(one(query.year));
  const chosen =
    years.value.find((row) => row.year === requested) ??
    years.value.find((row) => row.state === 'open') ??
    years.value[0]!;
  const filters = {
    kind: one(query.kind),
    field: one(query.field),
    region: one(query.region),
    state: one(query.state),
  };
  const overview = await getRoundOverview(db, actor, { year: chosen.year, filters });
  if (!overview.ok) return <Failed message={t(`errors.${overview.message}`)} />;
  const flagged = await listFlaggedValues(db, actor, { year: chosen.year });
  const { rows, counts } = overview.value;
  const prefix = adminPrefix(locale);
  const hidden = { locale, year: chosen.year };
  const select = (
    name: string,
    label: string,
    options: { value: string; label: string }[],
    value?: string,
  ) => (
    <div>
      <label htmlFor={`filter-${name}`} className="block font-medium">
        {label}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={value ?? ''}
        className="mt-1 border-2 border-ink px-2 py-1"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  const all = { value: '', label: t('overview.all') };
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('overview.title', { year: chosen.year })}</h1>
      <p className="mt-2">
        {t('overview.deadline', {
          deadline: formatDate(chosen.deadline, locale),
          state: t(`states.${chosen.state}`),
        })}
      </p>

      <form method="get" className="mt-6 flex flex-wrap items-end gap-4" aria-label={t('overview.filters')}>
        {select(
          'year',
          t('overview.chooseYear'),
          years.value.map((row) => ({ value: String(row.year), label: String(row.year) })),
          String(chosen.year),
        )}
        {select(
          'kind',
          t('overview.kind'),
          [
            all,
            { value: 'cluster', label: t('kinds.cluster') },
            { value: 'innovation_network', label: t('kinds.innovation_network') },
          ],
          filters.kind,
        )}
        {select(
          'field',
          t('overview.field'),
          [all, ...overview.value.fields.map((field) => ({ value: field, label: field }))],
          filters.field,
        )}
        {select(
          'region',
          t('overview.region'),
          [
            all,
            ...['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'].map((region) => ({
              value: region,
              label: t(`regions.${region}`),
            })),
          ],
          filters.region,
        )}
        {select(
          'state',
          t('overview.state'),
          [all, ...ROUND_STATES.map((state) => ({ value: state, label: t(`states.${state}`) }))],
          filters.state,
        )}
        <button type="submit" className="bg-primary px-4 py-2 font-medium text-white">
          {t('overview.apply')}
        </button>
      </form>

      <h2 className="mt-8 text-xl font-semibold">{t('overview.counts')}</h2>
      <ul className="mt-2 flex flex-wrap gap-4" data-testid="state-counts">
        {ROUND_STATES.map((state) => (
          <li key={state} className="border border-rule px-3 py-1">
            {t(`states.${state}`)}: <strong>{counts[state]}</strong>
          </li>
        ))}
        <li className="border border-error px-3 py-1 text-error">
          {t('overview.lateCount', { count: overview.value.late })}
        </li>
      </ul>

      <div className="mt-6 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                {t('overview.organisation')}
              </th>
              <th scope="col" className="pr-3">
                {t('overview.state')}
              </th>
              <th scope="col" className="pr-3">
                {t('overview.lastChange')}
              </th>
              <th scope="col" className="pr-3">
                {t('overview.submittedAt')}
              </th>
              <th scope="col" className="pr-3">
                {t('overview.yourDeadline')}
              </th>
              <th scope="col">{t('overview.late')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={6} className="py-2">
                  {t('overview.none')}
                </td>
              </tr>
            )}
            {rows.map((row) => (
              <tr key={row.organisationId} className="border-b border-rule" data-testid={`round-${row.slug}`}>
                <th scope="row" className="py-2 pr-3 font-normal">
                  {row.submissionId && row.state !== 'not_started' ? (
                    <Link href={`${prefix}/indberetning/${row.submissionId}`}>{row.name}</Link>
                  ) : (
                    row.name
                  )}
                </th>
                <td className="pr-3">{t(`states.${row.state}`)}</td>
                <td className="pr-3">{row.lastChange ? formatDateTime(row.lastChange, locale) : '–'}</td>
                <td className="pr-3">{row.submittedAt ? formatDateTime(row.submittedAt, locale) : '–'}</td>
                <td className="pr-3">
                  {formatDate(row.deadline, locale)}
                  {row.extended && ` (${t('overview.extended')})`}
                </td>
                <td className={row.late ? 'font-semibold text-error' : ''}>
                  {row.late ? t('overview.late') : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="mt-8 grid gap-8 md:grid-cols-2">
        <section aria-labelledby="bulk-title">
          <h2 id="bulk-title" className="text-xl font-semibold">
            {t('overview.bulkApprove')}
          </h2>
          <ActionForm
            id="bulk-approve"
            action={bulkApproveAction}
            hidden={hidden}
            submitLabel={t('overview.bulkApprove')}
            errorSummary={t('form.errorSummary')}
          />
        </section>
        <section aria-labelledby="remind-title">
          <h2 id="remind-title" className="text-xl font-semibold">
            {t('overview.remind')}
          </h2>
          <ActionForm
            id="remind"
            action={remindAction}
            hidden={hidden}
            submitLabel={t('overview.remind')}
            errorSummary={t('form.errorSummary')}
            variant="secondary"
          />
        </section>
        <section aria-labelledby="extend-title">
          <h2 id="extend-title" className="text-xl font-semibold">
            {t('overview.extend')}
          </h2>
          <ActionForm
            id="extend"
            action={extendDeadlineAction}
            hidden={hidden}
            submitLabel={t('overview.extendSubmit')}
            errorSummary={t('form.errorSummary')}
            fields={[
              {
                name: 'organisationId',
                label: t('overview.extendOrganisation'),
                type: 'select',
                options: overview.value.rows.map((row) => ({
                  value: String(row.organisationId),
                  label: row.name,
                })),
              },
              { name: 'deadline', label: t('overview.extendDeadline'), type: 'date' },
            ]}
          />
        </section>
        <section aria-labelledby="flagged-title">
          <h2 id="flagged-title" className="text-xl font-semibold">
            {t('overview.flagged')}
          </h2>
          {flagged.ok && flagged.value.length > 0 ? (
            <ul className="mt-2 list-disc pl-5">
              {flagged.value.map((entry) => (
                <li key={`${entry.submissionId}-${entry.key}`}>
                  <Link href={`${prefix}/indberetning/${entry.submissionId}`}>{entry.organisation}</Link>:{' '}
                  {locale === 'en' ? entry.labelEn : entry.labelDa} ({entry.value})
                  {entry.note ? ` – ${entry.note}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2">{t('overview.noFlagged')}</p>
          )}
        </section>
      </div>
    </>
  );
}
