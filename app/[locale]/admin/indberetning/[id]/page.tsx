import Link from 'next/link';
import { setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/admin/action-form';
import { getDb } from '@/db/client';
import { approveAction, flagAction, returnAction } from '@/lib/admin/actions';
import { getActor } from '@/lib/auth/session';
import { formatDate, formatDateTime, formatInteger, formatPercent, type Locale } from '@/lib/format';
import { getReview } from '@/lib/review/review';
import type { StoredValue } from '@/lib/review/rules';
import { adminPrefix, adminText, Failed } from '../../helpers';

export const dynamic = 'force-dynamic';

function show(value: { value: number; denominator: number | null } | StoredValue | null, locale: Locale) {
  if (!value) return '–';
  if (value.denominator !== null) {
    const share = value.denominator > 0 ? ` (${formatPercent(value.value / value.denominator, locale)})` : '';
    return `${formatInteger(value.value, locale)} / ${formatInteger(value.denominator, locale)}${share}`;
  }
  return formatInteger(value.value, locale);
}

export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale; id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { locale, id } = await params;
  const { done } = await searchParams;
  setRequestLocale(locale);
  const t = await adminText(locale);
  const [db, actor] = await Promise.all([getDb(), getActor()]);
  const result = Number.isInteger(Number(id)) ? await getReview(db, actor, Number(id)) : null;
  if (!result?.ok) return <Failed message={t(`errors.${result?.message ?? 'submission_not_found'}`)} />;
  const review = result.value;
  const s = review.submission;
  const label = (key: string) => {
    const row = review.rows.find((entry) => entry.key === key);
    return row ? (locale === 'en' ? row.labelEn : row.labelDa) : key;
  };
  const hidden = { locale, submissionId: s.id, version: s.version };
  const ratio = (value: number) =>
    Number.isInteger(value) ? formatInteger(value, locale) : formatPercent(value, locale);
  return (
    <>
      <p>
        <Link href={`${adminPrefix(locale)}?year=${s.year}`}>{t('review.back')}</Link>
      </p>
      {(done === 'approved' || done === 'returned') && (
        <p role="status" className="mt-2 border-l-4 border-success p-3" data-testid="review-done">
          {t(`review.${done}`)}
        </p>
      )}
      <h1 className="mt-2 text-3xl font-semibold">
        {t('review.title', { organisation: review.organisation.name, year: s.year })}
      </h1>
      <p className="mt-2" data-testid="review-state">
        {t('review.state', { state: t(`states.${s.state}`), version: s.version })}
      </p>
      <p>{t('review.deadline', { deadline: formatDate(review.deadline, locale) })}</p>
      {s.submittedAt && (
        <p>
          {t('review.submittedBy', {
            at: formatDateTime(s.submittedAt, locale),
            email: s.submittedByEmail ?? '–',
          })}
        </p>
      )}
      {s.remark && (
        <p className="mt-2 border-l-4 border-warning p-2">
          {t('review.currentRemark', { remark: s.remark })}
        </p>
      )}

      <section aria-labelledby="warnings-title" className="mt-6">
        <h2 id="warnings-title" className="text-xl font-semibold">
          {t('review.warnings')}
        </h2>
        {review.warnings.length === 0 ? (
          <p>{t('review.noWarnings')}</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="warnings">
            {review.warnings.map((warning) => (
              <li key={warning.key} className="border-l-4 border-warning bg-[#fff4d6] p-2">
                <p>
                  {t('review.warning', {
                    label: label(warning.key),
                    last: ratio(warning.last),
                    current: ratio(warning.current),
                    change: `${warning.change > 0 ? '+' : ''}${formatPercent(warning.change, locale, 0)}`,
                  })}
                </p>
                <p>
                  {warning.explanation
                    ? t('review.explanation', { text: warning.explanation })
                    : t('review.noExplanation')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {review.changesSinceApproval && (
        <section aria-labelledby="changes-title" className="mt-6">
          <h2 id="changes-title" className="text-xl font-semibold">
            {t('review.changes')}
          </h2>
          {review.changesSinceApproval.length === 0 ? (
            <p>{t('review.noChanges')}</p>
          ) : (
            <ul className="mt-2 list-disc pl-5">
              {review.changesSinceApproval.map((change) => (
                <li key={change.key}>
                  {t('review.change', {
                    label: label(change.key),
                    before: show(change.before, locale),
                    after: show(change.after, locale),
                  })}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <div className="mt-6 grid gap-6 md:grid-cols-2">
        {s.state === 'submitted' && (
          <section aria-labelledby="approve-title">
            <h2 id="approve-title" className="text-xl font-semibold">
              {t('review.approve')}
            </h2>
            <ActionForm
              id="approve"
              action={approveAction}
              hidden={hidden}
              submitLabel={t('review.approve')}
              errorSummary={t('form.errorSummary')}
            />
          </section>
        )}
        {(s.state === 'submitted' || s.state === 'approved') && (
          <section aria-labelledby="return-title">
            <h2 id="return-title" className="text-xl font-semibold">
              {t('review.return')}
            </h2>
            <ActionForm
              id="return"
              action={returnAction}
              hidden={hidden}
              submitLabel={t('review.return')}
              errorSummary={t('form.errorSummary')}
              variant="secondary"
              fields={[{ name: 'remark', label: t('review.remark'), type: 'textarea' }]}
            />
          </section>
        )}
      </div>

      <section aria-labelledby="values-title" className="mt-8">
        <h2 id="values-title" className="text-xl font-semibold">
          {t('review.values')}
        </h2>
        {s.hasCompanyList && <p>{t('review.companyList')}</p>}
        {!review.lastYearAvailable && <p>{t('review.noLastYear')}</p>}
        <div className="overflow-x-auto">
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-3">
                  {t('review.indicator')}
                </th>
                <th scope="col" className="pr-3 text-right">
                  {t('review.thisYear')}
                </th>
                <th scope="col" className="pr-3 text-right">
                  {t('review.lastYear')}
                </th>
                <th scope="col" className="pr-3">
                  {t('review.comment')}
                </th>
                <th scope="col">{t('review.flag')}</th>
              </tr>
            </thead>
            <tbody>
              {review.rows.map((row) => (
                <tr key={row.key} className="border-b border-rule align-top" data-testid={`value-${row.key}`}>
                  <th scope="row" className="py-2 pr-3 font-normal">
                    {locale === 'en' ? row.labelEn : row.labelDa}
                  </th>
                  <td className="pr-3 text-right">{show(row.current, locale)}</td>
                  <td className="pr-3 text-right">{show(row.lastYear, locale)}</td>
                  <td className="pr-3">{row.current?.comment ?? ''}</td>
                  <td>
                    {row.stored && (
                      <>
                        {row.flagged && (
                          <p className="font-semibold text-warning">
                            {t('review.flaggedBadge')}
                            {row.flagNote ? `: ${row.flagNote}` : ''}
                          </p>
                        )}
                        <ActionForm
                          id={`flag-${row.key}`}
                          action={flagAction}
                          hidden={{
                            locale,
                            submissionId: s.id,
                            indicatorKey: row.key,
                            flagged: row.flagged ? '0' : '1',
                          }}
                          fields={
                            row.flagged
                              ? []
                              : [
                                  {
                                    name: 'note',
                                    label: t('review.flagNote', {
                                      label: locale === 'en' ? row.labelEn : row.labelDa,
                                    }),
                                  },
                                ]
                          }
                          submitLabel={row.flagged ? t('review.unflagSubmit') : t('review.flagSubmit')}
                          errorSummary={t('form.errorSummary')}
                          variant="secondary"
                          inline
                        />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
