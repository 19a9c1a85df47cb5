import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CompanyListUpload } from '@/components/portal/company-list-upload';
import { PrintButton } from '@/components/portal/print-button';
import { SubmissionForm } from '@/components/portal/submission-form';
import { getDb } from '@/db/client';
import { requirePageActor } from '@/lib/auth/session';
import { formatDate, formatDateTime, formatInteger, type Locale } from '@/lib/format';
import { formatChange, formatFigure } from '@/lib/submissions/display';
import { submissionMessages } from '@/lib/submissions/messages';
import { loadSubmissionForm } from '@/lib/submissions/queries';
import { commentField, denominatorField, labelOf } from '@/lib/submissions/rules';

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
  const prefix = locale === 'en' ? '/en' : '';
  const here = `${prefix}/portal/${orgSlug}/${yearText}`;
  const actor = await requirePageActor(locale, here);
  const t = await getTranslations({ locale, namespace: 'portal' });
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText)) notFound();
  const result = await loadSubmissionForm(await getDb(), actor, { orgSlug, year });
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

  const initialFields: Record<string, string> = {};
  for (const [key, entry] of Object.entries(view.values)) {
    initialFields[key] = String(entry.value);
    if (entry.denominator !== null) initialFields[denominatorField(key)] = String(entry.denominator);
    if (entry.comment) initialFields[commentField(key)] = entry.comment;
  }
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

  return (
    <div className={printBlank ? 'print-blank' : undefined}>
      <p className="no-print">
        <Link href={`${prefix}/portal`}>{t('form.back')}</Link>
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
        <div className="mt-6 border-l-4 border-warning bg-white p-4" data-testid="returned-remark">
          <p className="font-medium">{t('form.returned')}</p>
          <p>{submission.remark}</p>
        </div>
      )}
      {!printBlank && !view.editable && (
        <p className="mt-6 border-l-4 border-primary bg-surface p-4" data-testid="read-only-note">
          {view.closed
            ? t('form.closedYear', { deadline: formatDate(view.deadline, locale) })
            : submission?.state === 'approved'
              ? t('form.readOnlyApproved')
              : t('form.readOnlySubmitted')}
        </p>
      )}
      {!printBlank && view.warnings.length > 0 && (
        <section aria-labelledby="warnings-title" className="mt-6 border-l-4 border-warning p-4">
          <h2 id="warnings-title" className="text-lg font-semibold">
            {t('form.warningsTitle')}
          </h2>
          <ul className="list-disc pl-6">
            {view.warnings.map((warning) => {
              const indicator = byKey.get(warning.key)!;
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
                  {view.values[warning.key]?.comment ? ` “${view.values[warning.key]!.comment}”` : ''}
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
              forbidden: t('form.forbiddenAction'),
              unexpected: t('form.unexpected'),
              conflictReload: t('form.conflictReload'),
              fileTooLarge: t.raw('csv.fileTooLarge') as string,
            }}
          />
        )}
      </section>

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
          rules={messages.rules}
          reloadHref={here}
          text={{
            groups: Object.fromEntries(
              ['companies', 'knowledge_institutions', 'activities', 'resources', 'survey'].map((key) => [
                key,
                t(`form.groups.${key}`),
              ]),
            ),
            units: Object.fromEntries(
              ['companies', 'count', 'amount_dkk', 'share'].map((key) => [key, t(`form.unit.${key}`)]),
            ),
            required: t('form.required'),
            numerator: t('form.numerator'),
            denominator: t('form.denominator'),
            comment: t('form.comment'),
            commentHint: t('form.commentHint', { last: '{last}' }),
            commentOptional: t('form.commentOptional'),
            derived: t('form.derived'),
            saveDraft: t('form.saveDraft'),
            submit: t('form.submit'),
            saved: t('form.saved'),
            submitted: t('form.submitted'),
            errorSummary: t('form.errorSummary'),
            conflictChanges: t('form.conflictChanges'),
            conflictReload: t('form.conflictReload'),
            forbidden: t('form.forbiddenAction'),
            unexpected: t('form.unexpected'),
            lastYear: lastYearText,
            history,
            historySummary: t('form.history.summary'),
            derivedUnder50,
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
                const action = entry.action.replace(/^submission\./, '');
                const known = [
                  'created',
                  'saved',
                  'submitted',
                  'returned',
                  'approved',
                  'company_list_uploaded',
                  'value_flagged',
                ].includes(action);
                const changed = (entry.detail as { changed?: string[] } | null)?.changed;
                return (
                  <li key={index} className="border-l-4 border-rule pl-3">
                    <span className="font-medium">
                      {t(
                        `form.timeline.actions.${known ? action : 'other'}` as 'form.timeline.actions.other',
                      )}
                    </span>{' '}
                    {formatDateTime(entry.at, locale)}
                    {entry.actorEmail &&
                      ` ${t('form.timeline.by', { who: entry.actorName ?? entry.actorEmail })}`}
                    {changed &&
                      changed.length > 0 &&
                      ` · ${t('form.timeline.changed', { count: changed.length })}`}
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
