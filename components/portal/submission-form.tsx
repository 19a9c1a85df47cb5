'use client';
// The entry form, generated from the catalogue. Without JavaScript it is a plain form post to the
// server action; with it, the same rules (lib/submissions/rules.ts) run as you type, what is typed
// and not saved is kept for its user (use-unsaved-work.ts), and leaving with unsaved figures asks
// first. Read-only, it shows the figures as the language writes them.
import { useActionState, useEffect, useMemo, useState } from 'react';
import { ErrorSummary, useFocusOnChange } from '@/components/forms/error-summary';
import { Field } from '@/components/forms/field';
import { Notice } from '@/components/ui/notice';
import type { FormState } from '@/lib/actions/form-state';
import { discardKeptDraftAction, type SubmissionData, saveSubmissionAction } from '@/lib/submissions/actions';
import { formatFigure } from '@/lib/submissions/display';
import {
  commentField,
  denominatorField,
  type FormIndicator,
  type LastYearValue,
  labelOf,
  type RuleMessages,
  type SettledValue,
  validateEntries,
} from '@/lib/submissions/rules';
import { useUnsavedWork } from './use-unsaved-work';

export interface SubmissionFormText {
  groups: Record<string, string>;
  units: Record<string, string>;
  required: string;
  numerator: string;
  denominator: string;
  comment: string;
  commentHint: string;
  /** the hint of a big change the secretariat approved before: no explanation is asked again */
  commentSettled: string;
  commentOptional: string;
  /** read-only: the label of a remark kept with a figure (not a big change) */
  commentShown: string;
  derived: string;
  saveDraft: string;
  submit: string;
  saved: string;
  submitted: string;
  errorSummary: string;
  conflictChanges: string;
  conflictReload: string;
  unexpected: string;
  /** per indicator key: "Last year: 120" */
  lastYear: Record<string, string>;
  /** per indicator key: the value history lines */
  history: Record<string, string[]>;
  historySummary: string;
  derivedUnder50: Record<string, string>;
  /** per indicator key: the secretariat's open question about it, in a sentence, with a link to the answer */
  questions: Record<string, string>;
  answerLink: string;
  /** asked before a link leaves the form with unsaved figures */
  leaveWarning: string;
  /** "What you typed is kept (not saved) at {time}" */
  keptAt: string;
  keptNote: string;
  restoredTitle: string;
  restoredBody: string;
  /** one line per field someone else saved differently, with {field}, {mine}, {theirs} */
  restoredConflict: string;
  discard: string;
}

/** The reader's unsaved typing put back into the form (lib/submissions/kept-draft-rules.ts). */
export interface KeptDraftView {
  fields: Record<string, string>;
  restored: string[];
  conflicts: { name: string; mine: string; theirs: string }[];
  /** when it was kept, in words */
  savedAt: string;
}

export interface SubmissionFormProps {
  locale: 'da' | 'en';
  orgSlug: string;
  year: number;
  version: number;
  editable: boolean;
  /** print a blank form: no values */
  blank: boolean;
  indicators: FormIndicator[];
  initialFields: Record<string, string>;
  lastYear: Record<string, LastYearValue>;
  derived: Record<string, number> | null;
  /** keys with a big change from last year on the saved figures */
  initialWarnings: string[];
  /** the figures as last approved: their big changes need no new explanation */
  settled: Record<string, SettledValue> | null;
  keptDraft: KeptDraftView | null;
  /** field name → label, for the restored draft's conflicts */
  fieldLabels: Record<string, string>;
  rules: RuleMessages;
  text: SubmissionFormText;
  reloadHref: string;
}

const inputClass =
  'mt-1 w-48 border-2 border-ink px-3 py-2 text-right tabular-nums read-only:border-rule read-only:bg-surface aria-[invalid=true]:border-error';

export function SubmissionForm(props: SubmissionFormProps) {
  const { locale, indicators, text, editable, blank } = props;
  const [state, action, pending] = useActionState<FormState<SubmissionData>, FormData>(saveSubmissionAction, {
    status: 'idle',
  });
  const [fields, setFields] = useState<Record<string, string>>(() =>
    blank ? {} : { ...(props.keptDraft?.fields ?? props.initialFields), ...(state.values ?? {}) },
  );
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const version = Math.max(props.version, state.data?.version ?? 0);
  const unsaved = useUnsavedWork({
    enabled: editable && !blank,
    saved: props.initialFields,
    fields,
    restored: props.keptDraft ? fields : null,
    reference: { locale, orgSlug: props.orgSlug, year: props.year, version },
    leaveWarning: text.leaveWarning,
  });
  // a successful save or submit: what the form holds now is what is saved
  const { markSaved } = unsaved;
  useEffect(() => {
    if (state.status !== 'ok' || !state.values) return;
    const { locale: _l, orgSlug: _o, year: _y, version: _v, intent: _i, ...figures } = state.values;
    markSaved(figures);
  }, [state, markSaved]);
  const [discardState, discard] = useActionState(discardKeptDraftAction, { status: 'idle' });
  // the kept typing thrown away: the form holds the report as saved again
  useEffect(() => {
    if (discardState.status !== 'ok') return;
    setFields(props.initialFields);
    markSaved(props.initialFields);
  }, [discardState, props.initialFields, markSaved]);

  // what the server said last, replaced by live checks once the user edits a field again
  const live = useMemo(
    () =>
      validateEntries({
        indicators,
        fields,
        mode: 'draft',
        locale,
        messages: props.rules,
        lastYear: props.lastYear,
        derived: props.derived ?? undefined,
        settled: props.settled ?? undefined,
      }),
    [indicators, fields, locale, props.rules, props.lastYear, props.derived, props.settled],
  );
  const invalid = state.status === 'error' && state.kind === 'invalid';
  const serverErrors = invalid ? (state.fieldErrors ?? {}) : {};
  const errorsFor = (name: string): string[] => {
    if (touched.has(name)) return live.fieldErrors[name] ?? [];
    return serverErrors[name] ?? [];
  };
  const warningKeys = new Set([...live.warnings.map((warning) => warning.key), ...props.initialWarnings]);
  // a big change still at the approved figure: told, but no explanation asked again (issue 16)
  const settledKeys = new Set(
    live.warnings.filter((warning) => warning.settled).map((warning) => warning.key),
  );

  const outcomeRef = useFocusOnChange(state.status === 'ok' ? state : undefined);
  const allErrors = Object.entries(serverErrors).filter(([name]) => !touched.has(name));
  for (const [name, messages] of Object.entries(live.fieldErrors))
    if (touched.has(name)) allErrors.push([name, messages]);

  const change = (name: string) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = event.target.value;
    setFields((previous) => ({ ...previous, [name]: value }));
    setTouched((previous) => new Set(previous).add(name));
  };

  const groups: { key: string; indicators: FormIndicator[] }[] = [];
  for (const indicator of indicators) {
    const group = groups.find((entry) => entry.key === indicator.groupKey);
    if (group) group.indicators.push(indicator);
    else groups.push({ key: indicator.groupKey, indicators: [indicator] });
  }

  const numberInput = (name: string, label: string, describedBy: string[]) => {
    const errors = errorsFor(name);
    return (
      <Field
        id={`field-${name}`}
        label={label}
        error={errors.join(' ') || undefined}
        errorId={`error-${name}`}
        describedBy={describedBy}
        className="mt-2"
      >
        {(control) => (
          <input
            {...control}
            name={name}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={fields[name] ?? ''}
            onChange={change(name)}
            readOnly={!editable}
            className={inputClass}
          />
        )}
      </Field>
    );
  };

  const readOnlyFigure = (indicator: FormIndicator) => {
    const raw = fields[indicator.key];
    if (raw === undefined || raw === '') return '–';
    const denominator = fields[denominatorField(indicator.key)];
    return formatFigure(
      indicator.kind,
      {
        value: Number(raw),
        denominator: denominator === undefined || denominator === '' ? null : Number(denominator),
        comment: null,
      },
      locale,
    );
  };

  const kept = discardState.status === 'ok' ? null : props.keptDraft;
  return (
    <>
      {kept && editable && (
        <section
          aria-labelledby="kept-draft-title"
          data-testid="kept-draft"
          className="no-print mt-6 border-l-4 border-primary bg-surface p-4"
        >
          <h3 id="kept-draft-title" className="text-lg font-semibold">
            {text.restoredTitle}
          </h3>
          <p>{text.restoredBody.replace('{time}', kept.savedAt)}</p>
          {kept.conflicts.length > 0 && (
            <ul className="mt-2 list-disc pl-6" data-testid="kept-draft-conflicts">
              {kept.conflicts.map((conflict) => (
                <li key={conflict.name}>
                  {text.restoredConflict
                    .replace('{field}', props.fieldLabels[conflict.name] ?? conflict.name)
                    .replace('{mine}', conflict.mine || '–')
                    .replace('{theirs}', conflict.theirs || '–')}
                </li>
              ))}
            </ul>
          )}
          {discardState.status === 'error' && (
            <p role="alert" className="mt-2 font-medium text-error">
              {discardState.message ?? text.unexpected}
            </p>
          )}
          <form action={discard} className="mt-3">
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="orgSlug" value={props.orgSlug} />
            <input type="hidden" name="year" value={props.year} />
            <button
              type="submit"
              className="border-2 border-primary bg-white px-4 py-1 font-medium text-primary hover:bg-surface"
            >
              {text.discard}
            </button>
          </form>
        </section>
      )}
      <form action={action} noValidate className="submission-form mt-6 space-y-8">
        {state.status === 'ok' && (
          <div ref={outcomeRef} role="status" tabIndex={-1} data-testid="form-summary" className="no-print">
            <Notice tone="success" className="p-4">
              <h2 id="form-summary-title" className="text-lg font-semibold">
                {state.data?.outcome === 'submitted' ? text.submitted : text.saved}
              </h2>
            </Notice>
          </div>
        )}
        {state.status === 'error' && (
          <ErrorSummary
            id="form-summary"
            title={text.errorSummary}
            message={state.message ?? text.unexpected}
            errors={allErrors.map(([name, messages]) => ({
              field: `field-${name}`,
              message: messages.join(' '),
            }))}
            testId="form-summary"
            focus={state}
            className="no-print border-l-4 border-error bg-white p-4"
          >
            {state.kind === 'conflict' && (
              <>
                {(state.lines?.length ?? 0) > 0 && (
                  <>
                    <p className="mt-2 font-medium">{text.conflictChanges}</p>
                    <ul className="list-disc pl-6" data-testid="conflict-changes">
                      {state.lines?.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </>
                )}
                <p className="mt-2">
                  <a href={props.reloadHref} data-keeps-unsaved>
                    {text.conflictReload}
                  </a>
                </p>
              </>
            )}
          </ErrorSummary>
        )}
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="orgSlug" value={props.orgSlug} />
        <input type="hidden" name="year" value={props.year} />
        <input type="hidden" name="version" value={version} />
        {groups.map((group) => (
          <fieldset key={group.key} className="border-t-2 border-rule pt-4 print-avoid-break">
            <legend className="pr-2 text-xl font-semibold">{text.groups[group.key] ?? group.key}</legend>
            {group.indicators.map((indicator) => {
              const { key } = indicator;
              const label = `${labelOf(indicator, locale)}${indicator.required ? ' *' : ''}`;
              const help = locale === 'en' ? indicator.helpEn : indicator.helpDa;
              const unit = text.units[indicator.kind] ?? '';
              const derivedValue = props.derived?.[key];
              const describedBy = [`help-${key}`, `last-${key}`];
              // a figure counted from the company list is explained like a typed one (issue 16)
              const showComment =
                editable &&
                (warningKeys.has(key) ||
                  Boolean(fields[commentField(key)]) ||
                  (serverErrors[commentField(key)]?.length ?? 0) > 0);
              const explanationAsked = warningKeys.has(key) && !settledKeys.has(key);
              const commentErrors = errorsFor(commentField(key));
              const question = text.questions[key];
              return (
                <div
                  key={key}
                  className="mt-5 border-b border-rule pb-4 print-avoid-break"
                  data-indicator={key}
                >
                  {derivedValue !== undefined ? (
                    <div>
                      <p className="font-medium" id={`label-${key}`}>
                        {label}
                      </p>
                      <output
                        aria-labelledby={`label-${key}`}
                        data-testid={`derived-${key}`}
                        className="mt-1 inline-block w-48 border-2 border-rule bg-surface px-3 py-2 text-right tabular-nums"
                      >
                        {blank ? '' : derivedValue.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB')}
                      </output>
                      <span className="ml-2 text-sm text-muted">
                        {unit} · {text.derived}
                        {text.derivedUnder50[key] ? ` · ${text.derivedUnder50[key]}` : ''}
                      </span>
                    </div>
                  ) : !editable && !blank ? (
                    <div>
                      <p className="font-medium" id={`label-${key}`}>
                        {label}
                      </p>
                      <output
                        aria-labelledby={`label-${key}`}
                        data-testid={`figure-${key}`}
                        className="mt-1 inline-block min-w-48 border-2 border-rule bg-surface px-3 py-2 text-right tabular-nums"
                      >
                        {readOnlyFigure(indicator)}
                      </output>
                      {indicator.kind !== 'amount_dkk' && indicator.kind !== 'share' && (
                        <span className="ml-2 text-sm text-muted">{unit}</span>
                      )}
                    </div>
                  ) : indicator.kind === 'share' ? (
                    <div>
                      <p className="font-medium">{label}</p>
                      <div className="flex flex-wrap gap-x-6">
                        {numberInput(key, `${labelOf(indicator, locale)}: ${text.numerator}`, describedBy)}
                        {numberInput(
                          denominatorField(key),
                          `${labelOf(indicator, locale)}: ${text.denominator}`,
                          describedBy,
                        )}
                      </div>
                    </div>
                  ) : (
                    <div className="flex flex-wrap items-end gap-x-3">
                      {numberInput(key, label, describedBy)}
                      <span className="pb-2 text-sm text-muted">{unit}</span>
                    </div>
                  )}
                  <p id={`help-${key}`} className="mt-1 text-sm text-muted">
                    {help}
                  </p>
                  <p id={`last-${key}`} className="text-sm">
                    {text.lastYear[key]}
                  </p>
                  {question && !blank && (
                    <Notice tone="warning" className="no-print mt-2 text-sm" testId={`question-${key}`}>
                      {question} <a href={`#thread-${key}`}>{text.answerLink}</a>
                    </Notice>
                  )}
                  {showComment && (
                    <div className="mt-2">
                      <label htmlFor={`field-${commentField(key)}`} className="block font-medium">
                        {explanationAsked ? text.comment : text.commentOptional}
                        {' – '}
                        {labelOf(indicator, locale)}
                      </label>
                      {warningKeys.has(key) && (
                        <p id={`hint-${commentField(key)}`} className="text-sm text-warning">
                          {(settledKeys.has(key) ? text.commentSettled : text.commentHint).replace(
                            '{last}',
                            text.lastYear[key] ?? '',
                          )}
                        </p>
                      )}
                      {commentErrors.length > 0 && (
                        <p id={`error-${commentField(key)}`} className="font-medium text-error">
                          {commentErrors.join(' ')}
                        </p>
                      )}
                      <textarea
                        id={`field-${commentField(key)}`}
                        name={commentField(key)}
                        rows={2}
                        value={fields[commentField(key)] ?? ''}
                        onChange={change(commentField(key))}
                        aria-invalid={commentErrors.length > 0 ? true : undefined}
                        aria-describedby={
                          [
                            warningKeys.has(key) ? `hint-${commentField(key)}` : '',
                            commentErrors.length ? `error-${commentField(key)}` : '',
                          ]
                            .filter(Boolean)
                            .join(' ') || undefined
                        }
                        className="mt-1 w-full max-w-xl border-2 border-ink px-3 py-2"
                      />
                    </div>
                  )}
                  {!editable && !blank && fields[commentField(key)] && (
                    <p className="mt-1 text-sm" data-testid={`comment-${key}`}>
                      <span className="font-medium">
                        {warningKeys.has(key) ? text.comment : text.commentShown}:
                      </span>{' '}
                      {fields[commentField(key)]}
                    </p>
                  )}
                  {(text.history[key]?.length ?? 0) > 0 && !blank && (
                    <details className="no-print mt-2 text-sm">
                      <summary className="cursor-pointer">
                        {text.historySummary}: {labelOf(indicator, locale)}
                      </summary>
                      <ul className="mt-1 list-disc pl-6">
                        {(text.history[key] ?? []).map((line, index) => (
                          <li key={index}>{line}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </div>
              );
            })}
          </fieldset>
        ))}
        {editable && (
          <div className="no-print flex flex-wrap items-center gap-4">
            <button
              type="submit"
              name="intent"
              value="draft"
              disabled={pending}
              className="border-2 border-primary bg-white px-5 py-2 font-medium text-primary hover:bg-surface disabled:opacity-60"
            >
              {text.saveDraft}
            </button>
            <button
              type="submit"
              name="intent"
              value="submit"
              disabled={pending}
              className="bg-primary px-5 py-2 font-medium text-white hover:bg-primary-dark disabled:opacity-60"
            >
              {text.submit}
            </button>
            <p className="text-sm text-muted" data-testid="kept-status">
              {unsaved.keptAt ? text.keptAt.replace('{time}', unsaved.keptAt) : text.keptNote}
            </p>
          </div>
        )}
      </form>
    </>
  );
}
