import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CompanyList } from '@/components/review/company-list';
import { VersionComparison } from '@/components/review/version-comparison';
import { ReviewConversation } from '@/components/review/review-conversation';
import { Section } from '@/components/ui/section';
import { Cell, DataTable, Row, RowHeader } from '@/components/ui/data-table';
import { Notice } from '@/components/ui/notice';
import { writeToOrganisationAction } from '@/lib/conversation/actions';
import { threadViews } from '@/lib/conversation/display';
import { threadWords } from '@/lib/conversation/words';
import { readConversationForReview } from '@/lib/conversation/queries';
import { formatDate, formatDateTime, formatInteger, formatPercent, type Locale } from '@/lib/format';
import { approveAction, flagAction, returnAction } from '@/lib/review/actions';
import { readReviewComparisons } from '@/lib/review/comparison';
import { readReview } from '@/lib/review/queries';
import type { StoredValue } from '@/lib/review/rules';
import { AdminForm, type AdminPageProps, adminPath, Failed, openAdminPage } from '../../helpers';

export const dynamic = 'force-dynamic';

function show(value: { value: number; denominator: number | null } | StoredValue | null, locale: Locale) {
  if (!value) return '–';
  if (value.denominator !== null) {
    const share = value.denominator > 0 ? ` (${formatPercent(value.value / value.denominator, locale)})` : '';
    return `${formatInteger(value.value, locale)} / ${formatInteger(value.denominator, locale)}${share}`;
  }
  return formatInteger(value.value, locale);
}

export default async function ReviewPage(props: AdminPageProps<{ id: string }>) {
  const { locale, id, t } = await openAdminPage(props);
  const query = await props.searchParams;
  const done = query.done;
  const compareText = await getTranslations({ locale, namespace: 'compare.return' });
  const [result, comparisons] = await Promise.all([
    readReview(Number(id)),
    readReviewComparisons(Number(id), query),
  ]);
  if (!result.ok) return <Failed locale={locale} message={result.message} />;
  if (!comparisons.ok) return <Failed locale={locale} message={comparisons.message} />;
  const review = result.value;
  const { comparison, companies } = comparisons.value;
  const s = review.submission;
  const conversation = await readConversationForReview(s.id);
  const words = threadWords(locale, 'secretariat');
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
        <Link href={adminPath(locale, `?year=${s.year}`)}>{t('review.back')}</Link>
      </p>
      {(done === 'approved' || done === 'returned') && (
        <Notice tone="success" role="status" testId="review-done" className="mt-2">
          {t(`review.${done}`)}
        </Notice>
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
        <Notice tone="warning" className="mt-2 p-2">
          {t('review.currentRemark', { remark: s.remark })}
        </Notice>
      )}

      <Section id="warnings-title" title={t('review.warnings')} className="mt-6">
        {review.warnings.length === 0 ? (
          <p>{t('review.noWarnings')}</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="warnings">
            {review.warnings.map((warning) => (
              <li key={warning.key}>
                <Notice tone="warning" className="p-2">
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
                      : warning.settled
                        ? t('review.settled')
                        : t('review.noExplanation')}
                  </p>
                </Notice>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {review.changesSinceApproval && (
        <Section id="changes-title" title={t('review.changes')} className="mt-6">
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
        </Section>
      )}

      <div className="mt-6 grid grid-cols-1 gap-6 md:grid-cols-2">
        {s.state === 'submitted' && (
          <Section id="approve-title" title={t('review.approve')}>
            <AdminForm
              id="approve"
              action={approveAction}
              hidden={hidden}
              submitLabel={t('review.approve')}
            />
          </Section>
        )}
        {(s.state === 'submitted' || s.state === 'approved') && (
          <Section id="return-title" title={t('review.return')}>
            <AdminForm
              id="return"
              action={returnAction}
              hidden={hidden}
              submitLabel={t('review.return')}
              variant="secondary"
              fields={[
                { name: 'remark', label: t('review.remark'), type: 'textarea' },
                comparison.returnNeedsDeadline
                  ? {
                      name: 'deadline',
                      label: compareText('deadline', { organisation: review.organisation.name }),
                      hint: compareText('deadlineRequiredHint', {
                        organisation: review.organisation.name,
                        state: t(`states.${comparison.yearState}`).toLowerCase(),
                      }),
                      type: 'date',
                    }
                  : {
                      name: 'deadline',
                      label: compareText('deadlineOptional', { organisation: review.organisation.name }),
                      hint: compareText('deadlineOptionalHint', {
                        deadline: formatDate(review.deadline, locale),
                      }),
                      type: 'date',
                    },
              ]}
            />
          </Section>
        )}
      </div>

      <Section id="values-title" title={t('review.values')} className="mt-8">
        {s.hasCompanyList && <p>{t('review.companyList')}</p>}
        {!review.lastYearAvailable && <p>{t('review.noLastYear')}</p>}
        <DataTable
          className="mt-2"
          label={t('review.values')}
          columns={[
            { label: t('review.indicator') },
            { label: t('review.thisYear'), numeric: true },
            { label: t('review.lastYear'), numeric: true },
            { label: t('review.comment') },
            { label: t('review.flag') },
          ]}
        >
          {review.rows.map((row) => (
            <Row key={row.key} top testId={`value-${row.key}`}>
              <RowHeader>{locale === 'en' ? row.labelEn : row.labelDa}</RowHeader>
              <Cell numeric>{show(row.current, locale)}</Cell>
              <Cell numeric>{show(row.lastYear, locale)}</Cell>
              <Cell>{row.current?.comment ?? ''}</Cell>
              <Cell last>
                {row.stored && (
                  <>
                    {row.flagged && (
                      <p className="font-semibold text-warning">
                        {t('review.flaggedBadge')}
                        {row.flagNote ? `: ${row.flagNote}` : ''}
                      </p>
                    )}
                    {row.flagged && (
                      <p>
                        <a href={`#thread-${row.key}`}>
                          {t('conversation.see', { label: locale === 'en' ? row.labelEn : row.labelDa })}
                        </a>
                      </p>
                    )}
                    <AdminForm
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
                      variant="secondary"
                      layout="inline"
                    />
                  </>
                )}
              </Cell>
            </Row>
          ))}
        </DataTable>
      </Section>
      <VersionComparison comparison={comparison} locale={locale} />
      <CompanyList
        list={companies}
        year={s.year}
        path={adminPath(locale, `/indberetning/${s.id}`)}
        locale={locale}
      />

      {conversation.ok && (
        <ReviewConversation
          locale={locale}
          submissionId={s.id}
          action={writeToOrganisationAction}
          threads={threadViews(conversation.value, {
            side: 'secretariat',
            locale,
            labels: Object.fromEntries(
              review.rows.map((row) => [row.key, locale === 'en' ? row.labelEn : row.labelDa]),
            ),
            words,
          })}
          text={{
            title: t('conversation.title'),
            intro: t('conversation.intro'),
            submission: words.submission,
            start: t('conversation.start'),
            label: t('conversation.write'),
            submit: t('conversation.send'),
            errorSummary: t('form.errorSummary'),
          }}
        />
      )}
    </>
  );
}
