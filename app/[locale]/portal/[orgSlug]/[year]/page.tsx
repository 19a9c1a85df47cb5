import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Notice } from '@/components/ui/notice';
import { localePath } from '@/i18n/paths';
import { INDICATOR_GROUPS, INDICATOR_KINDS } from '@/lib/domain';
import { ThreadList } from '@/components/conversation/thread-list';
import { CompanyListUpload } from '@/components/portal/company-list-upload';
import { PrintButton } from '@/components/portal/print-button';
import { SubmissionForm } from '@/components/portal/submission-form';
import { requirePageActor } from '@/lib/auth/session';
import { formatDate, formatDateTime, formatInteger, type Locale } from '@/lib/format';
import { answerSecretariatAction } from '@/lib/conversation/actions';
import { threadViews } from '@/lib/conversation/display';
import { threadWords } from '@/lib/conversation/words';
import { formatChange, formatFigure, formFieldsOf, timelineLabel } from '@/lib/submissions/display';
import { submissionMessages } from '@/lib/submissions/messages';
import { submissionFormForPage } from '@/lib/submissions/queries';
import { commentField, denominatorField, labelOf } from '@/lib/submissions/rules';
import { templateFileName } from '@/lib/submissions/template';

// per request: it reads the session and the live submission
export const dynamic = 'force-dynamic';

type Params = Promise<{ locale: Locale; orgSlug: string; year: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { locale, year } = await params;
  const t = await getTranslations({ locale, namespace: 'portal' });
  return { title: `${t('title')} ${year}` };
}

export default async function SubmissionPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ blank?: string }>;
}) {
  const { locale, orgSlug, year: yearText } = await params;
  setRequestLocale(locale);
  const { blank } = await searchParams;
  const here = localePath(locale, `/portal/${orgSlug}/${yearText}`);
  // signed out: to the sign-in page and back (the read below checks the membership itself)
  await requirePageActor(locale, here);
  const t = await getTranslations({ locale, namespace: 'portal' });
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText)) notFound();
  const result = await submissionFormForPage({ orgSlug, year });
  if (!result.ok) {
    // status 403 and app/[locale]/portal/forbidden.tsx; the refusal is audited already
    if (result.kind === 'forbidden') forbidden();
    notFound();
  }
  const view = result.value;
  const { submission, indicators } = view;
  const printBlank = blank === '1';
  const editable = view.editable && !printBlank;
  const messages = submissionMessages(locale);

  const initialFields = formFieldsOf(view.values);
  const lastYearText: Record<string, string> = {};
  const history: Record<string, string[]> = {};
  const derivedUnder50: Record<string, string> = {};
  for (const indicator of indicators) {
    const last = view.lastYear[indicator.key];
    lastYearText[indicator.key] =
      last === undefined
        ? t('form.noLastYear')
        : t('form.lastYear', { value: formatFigure(indicator.kind, last, locale) });
    history[indicator.key] = (view.valueHistory[indicator.key] ?? []).map((change) =>
      t('form.history.change', {
        when: formatDateTime(change.at, locale),
        who: change.actorEmail ?? '–',
        from: change.from ? formatFigure(indicator.kind, change.from, locale) : '–',
        to: change.to ? formatFigure(indicator.kind, change.to, locale) : '–',
      }),
    );
    const under50 = view.companyList?.under50[indicator.key];
    if (under50 !== undefined && indicator.key !== 'under_50')
      derivedUnder50[indicator.key] = t('form.derivedUnder50', { count: formatInteger(under50, locale) });
  }
  const byKey = new Map(indicators.map((indicator) => [indicator.key, indicator]));
  const stateLabel = t(`states.${submission?.state ?? 'none'}`);
  const downloadHref = `/api/portal/${orgSlug}/${year}/companies`;
  const labels = Object.fromEntries(
    indicators.map((indicator) => [indicator.key, labelOf(indicator, locale)]),
  );
  // every form field's name in words, for the restored draft's conflicts
  const fieldLabels: Record<string, string> = {};
  for (const indicator of indicators) {
    const label = labelOf(indicator, locale);
    fieldLabels[indicator.key] = indicator.kind === 'share' ? `${label}: ${t('form.numerator')}` : label;
    fieldLabels[denominatorField(indicator.key)] = `${label}: ${t('form.denominator')}`;
    fieldLabels[commentField(indicator.key)] = `${t('form.comment')} – ${label}`;
  }
  const threads = threadViews(view.threads, {
    side: 'organisation',
    locale,
    labels,
    words: threadWords(locale, 'organisation'),
  });
  // each flagged value's open question, beside its field
  const questions: Record<string, string> = {};
  for (const thread of view.threads) {
    if (!thread.indicatorKey || !thread.open) continue;
    const note = thread.messages.findLast((message) => message.kind === 'flag')?.body;
    questions[thread.indicatorKey] = note
      ? t('conversation.flaggedWithNote', { note })
      : t('conversation.flagged');
  }
  const template = (format: 'csv' | 'xlsx') => `/api/portal/template/${templateFileName(locale, format)}`;

  return (
    <div className={printBlank ? 'print-blank' : undefined}>
      <p className="no-print">
        <Link href={localePath(locale, '/portal')}>{t('form.back')}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-semibold">
        {t('form.title', { organisation: view.organisation.name, year })}
      </h1>
      <p className="mt-2 max-w-3xl">{t('form.intro', { year, edition: view.year.edition })}</p>
      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-medium">{t('state')}</dt>
        <dd data-testid="submission-state">{printBlank ? '' : stateLabel}</dd>
        <dt className="font-medium">{t('deadline')}</dt>
        <dd>
          {formatDate(view.deadline, locale)} ·{' '}
          {view.daysLeft < 0 ? t('deadlinePassed') : t('daysLeft', { days: view.daysLeft })}
        </dd>
      </dl>
      <div className="no-print mt-4 flex flex-wrap gap-4">
        <PrintButton label={t('form.print')} />
        <a href={`${here}?blank=1`}>{t('form.printBlank')}</a>
      </div>

      {!printBlank && submission?.state === 'returned' && submission.remark && (
        <Notice tone="warning" testId="returned-remark" className="mt-6 p-4">
          <p className="font-medium">{t('form.returned')}</p>
          <p>{submission.remark}</p>
          <p className="no-print mt-1">
            <a href="#thread-submission">{t('conversation.answerRemark')}</a>
          </p>
        </Notice>
      )}
      {!printBlank && !view.editable && (
        <Notice tone="info" testId="read-only-note" className="mt-6 p-4">
          {view.closed
            ? t('form.closedYear', { deadline: formatDate(view.deadline, locale) })
            : submission?.state === 'approved'
              ? t('form.readOnlyApproved')
              : t('form.readOnlySubmitted')}
        </Notice>
      )}
      {!printBlank && view.warnings.length > 0 && (
        <section aria-labelledby="warnings-title" className="mt-6 border-l-4 border-warning p-4">
          <h2 id="warnings-title" className="text-lg font-semibold">
            {t('form.warningsTitle')}
          </h2>
          <ul className="list-disc pl-6">
            {view.warnings.map((warning) => {
              const indicator = byKey.get(warning.key);
              // a warning is made for an indicator of the form; none other can have one
              if (!indicator) return null;
              const comment = view.values[warning.key]?.comment;
              const isShare = indicator.kind === 'share';
              const shown = (n: number) =>
                isShare ? `${(n * 100).toFixed(1)} %` : formatFigure(indicator.kind, n, locale);
              return (
                <li key={warning.key}>
                  {t('form.warning', {
                    field: labelOf(indicator, locale),
                    current: shown(warning.current),
                    last: shown(warning.last),
                    change: formatChange(warning.change, locale),
                  })}
                  {comment ? ` “${comment}”` : ''}
                  {warning.settled ? ` ${t('form.warningSettled')}` : ''}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section aria-labelledby="company-list-title" className="mt-8">
        <h2 id="company-list-title" className="text-2xl font-semibold">
          {t('form.companyList.title')}
        </h2>
        <p id="company-list-intro" className="mt-2 max-w-3xl text-sm">
          {t('form.companyList.intro')}
        </p>
        {!printBlank && (
          <p className="mt-2" data-testid="company-list-summary">
            {view.companyList ? (
              <>
                {t('form.companyList.current', { rows: formatInteger(view.companyList.rows, locale) })}{' '}
                {t('form.companyList.derivedNote')}{' '}
                <a href={downloadHref} className="no-print" download>
                  {t('form.companyList.download')}
                </a>
              </>
            ) : (
              t('form.companyList.none')
            )}
          </p>
        )}
        {editable && (
          <p className="no-print mt-2" data-testid="company-list-templates">
            {t('form.companyList.templates')}{' '}
            <a href={template('xlsx')} download>
              {t('form.companyList.templateXlsx')}
            </a>{' '}
            ·{' '}
            <a href={template('csv')} download>
              {t('form.companyList.templateCsv')}
            </a>
          </p>
        )}
        {editable && (
          <CompanyListUpload
            locale={locale}
            orgSlug={orgSlug}
            year={year}
            version={submission?.version ?? 0}
            describedBy="company-list-intro"
            reloadHref={here}
            text={{
              file: t('form.companyList.file'),
              upload: t('form.companyList.upload'),
              uploaded: t('form.uploaded', { rows: '{rows}' }),
              errorSummary: t('form.errorSummary'),
              unexpected: t('form.unexpected'),
              conflictReload: t('form.conflictReload'),
              fileTooLarge: t.raw('csv.fileTooLarge') as string,
            }}
          />
        )}
      </section>

      {!printBlank && threads.length > 0 && (
        <section aria-labelledby="questions-title" id="questions" className="no-print mt-8">
          <h2 id="questions-title" className="text-2xl font-semibold">
            {t('conversation.title')}
          </h2>
          <p className="mt-2 max-w-3xl">{t('conversation.intro')}</p>
          <div className="mt-4">
            <ThreadList
              threads={threads}
              action={answerSecretariatAction}
              hidden={{ locale, orgSlug, year }}
              text={{
                label: t('conversation.answer'),
                submit: t('conversation.send'),
                errorSummary: t('form.errorSummary'),
              }}
            />
          </div>
        </section>
      )}

      <section aria-labelledby="figures-title" className="mt-8">
        <h2 id="figures-title" className="text-2xl font-semibold">
          {t('title')} {year}
        </h2>
        <SubmissionForm
          key={printBlank ? 'blank' : 'filled'}
          locale={locale}
          orgSlug={orgSlug}
          year={year}
          version={submission?.version ?? 0}
          editable={editable}
          blank={printBlank}
          indicators={indicators}
          initialFields={initialFields}
          lastYear={view.lastYear}
          derived={view.companyList?.derived ?? null}
          initialWarnings={view.warnings.map((warning) => warning.key)}
          settled={view.settled}
          keptDraft={
            view.keptDraft && editable
              ? { ...view.keptDraft, savedAt: formatDateTime(view.keptDraft.savedAt, locale) }
              : null
          }
          fieldLabels={fieldLabels}
          rules={messages.rules}
          reloadHref={here}
          text={{
            groups: Object.fromEntries(INDICATOR_GROUPS.map((key) => [key, t(`form.groups.${key}`)])),
            units: Object.fromEntries(INDICATOR_KINDS.map((key) => [key, t(`form.unit.${key}`)])),
            required: t('form.required'),
            numerator: t('form.numerator'),
            denominator: t('form.denominator'),
            comment: t('form.comment'),
            commentHint: t('form.commentHint', { last: '{last}' }),
            commentSettled: t('form.commentSettled', { last: '{last}' }),
            commentOptional: t('form.commentOptional'),
            commentShown: t('form.commentShown'),
            derived: t('form.derived'),
            saveDraft: t('form.saveDraft'),
            submit: t('form.submit'),
            saved: t('form.saved'),
            submitted: t('form.submitted'),
            errorSummary: t('form.errorSummary'),
            conflictChanges: t('form.conflictChanges'),
            conflictReload: t('form.conflictReload'),
            unexpected: t('form.unexpected'),
            lastYear: lastYearText,
            history,
            historySummary: t('form.history.summary'),
            derivedUnder50,
            questions,
            answerLink: t('conversation.answerLink'),
            leaveWarning: t('form.unsaved.leave'),
            keptAt: t('form.unsaved.keptAt', { time: '{time}' }),
            keptNote: t('form.unsaved.note'),
            restoredTitle: t('form.unsaved.restoredTitle'),
            restoredBody: t('form.unsaved.restoredBody', { time: '{time}' }),
            restoredConflict: t('form.unsaved.conflict', {
              field: '{field}',
              mine: '{mine}',
              theirs: '{theirs}',
            }),
            discard: t('form.unsaved.discard'),
          }}
        />
      </section>

      {!printBlank && (
        <section aria-labelledby="timeline-title" className="no-print mt-10">
          <h2 id="timeline-title" className="text-2xl font-semibold">
            {t('form.timeline.title')}
          </h2>
          {view.timeline.length === 0 ? (
            <p className="mt-2">{t('form.timeline.empty')}</p>
          ) : (
            <ol className="mt-2 space-y-2" data-testid="timeline">
              {view.timeline.map((entry, index) => {
                const label = timelineLabel(entry.action, entry.detail);
                const changed = (entry.detail as { changed?: string[] } | null)?.changed;
                const about = (entry.detail as { indicator?: unknown } | null)?.indicator;
                return (
                  <li key={index} className="border-l-4 border-rule pl-3">
                    <span className="font-medium">
                      {t(`form.timeline.actions.${label}` as 'form.timeline.actions.other')}
                    </span>{' '}
                    {formatDateTime(entry.at, locale)}
                    {entry.actorEmail &&
                      ` ${t('form.timeline.by', { who: entry.actorName ?? entry.actorEmail })}`}
                    {changed &&
                      changed.length > 0 &&
                      ` · ${t('form.timeline.changed', { count: changed.length })}`}
                    {typeof about === 'string' &&
                      labels[about] &&
                      ` · ${t('form.timeline.about', { field: labels[about] })}`}
                    {entry.remark && <span className="block">“{entry.remark}”</span>}
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
