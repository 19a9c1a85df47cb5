'use client';
// The entry form, generated from the catalogue. Without JavaScript it is a plain form post to the
// server action; with it, the same rules (lib/submissions/rules.ts) run as you type.
import { useActionState, useEffect, useMemo, useRef, useState } from 'react';
import { type SubmissionFormState, saveSubmissionAction } from '@/lib/submissions/actions';
import {
  commentField,
  denominatorField,
  type FormIndicator,
  type LastYearValue,
  labelOf,
  type RuleMessages,
  validateEntries,
} from '@/lib/submissions/rules';

export interface SubmissionFormText {
  groups: Record<string, string>;
  units: Record<string, string>;
  required: string;
  numerator: string;
  denominator: string;
  comment: string;
  commentHint: string;
  commentOptional: string;
  derived: string;
  saveDraft: string;
  submit: string;
  saved: string;
  submitted: string;
  errorSummary: string;
  conflictChanges: string;
  conflictReload: string;
  forbidden: string;
  unexpected: string;
  /** per indicator key: "Last year: 120" */
  lastYear: Record<string, string>;
  /** per indicator key: the value history lines */
  history: Record<string, string[]>;
  historySummary: string;
  derivedUnder50: Record<string, string>;
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
  rules: RuleMessages;
  text: SubmissionFormText;
  reloadHref: string;
}

const inputClass =
  'mt-1 w-48 border-2 border-ink px-3 py-2 text-right tabular-nums read-only:border-rule read-only:bg-surface aria-[invalid=true]:border-error';

export function SubmissionForm(props: SubmissionFormProps) {
  const { locale, indicators, text, editable, blank } = props;
  const [state, action, pending] = useActionState<SubmissionFormState, FormData>(saveSubmissionAction, {
    status: 'idle',
  });
  const [fields, setFields] = useState<Record<string, string>>(() =>
    blank ? {} : { ...props.initialFields, ...(state.fields ?? {}) },
  );
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const summaryRef = useRef<HTMLDivElement>(null);

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
      }),
    [indicators, fields, locale, props.rules, props.lastYear, props.derived],
  );
  const serverErrors = state.status === 'invalid' ? (state.fieldErrors ?? {}) : {};
  const errorsFor = (name: string): string[] => {
    if (touched.has(name)) return live.fieldErrors[name] ?? [];
    return serverErrors[name] ?? [];
  };
  const warningKeys = new Set([...live.warnings.map((warning) => warning.key), ...props.initialWarnings]);

  useEffect(() => {
    if (state.status !== 'idle') summaryRef.current?.focus();
  }, [state]);

  const version = Math.max(props.version, state.version ?? 0);
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
    const ids = [...describedBy, ...(errors.length ? [`error-${name}`] : [])];
    return (
      <div className="mt-2">
        <label htmlFor={`field-${name}`} className="block font-medium">
          {label}
        </label>
        {errors.length > 0 && (
          <p id={`error-${name}`} className="mt-1 font-medium text-error">
            {errors.join(' ')}
          </p>
        )}
        <input
          id={`field-${name}`}
          name={name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={fields[name] ?? ''}
          onChange={change(name)}
          readOnly={!editable}
          aria-invalid={errors.length > 0 ? true : undefined}
          aria-describedby={ids.join(' ') || undefined}
          className={inputClass}
        />
      </div>
    );
  };

  return (
    <form action={action} noValidate className="submission-form mt-6 space-y-8">
      {state.status !== 'idle' && (
        <div
          ref={summaryRef}
          tabIndex={-1}
          data-testid="form-summary"
          role={state.status === 'saved' || state.status === 'submitted' ? 'status' : 'alert'}
          className={`no-print border-l-4 p-4 ${
            state.status === 'saved' || state.status === 'submitted'
              ? 'border-success bg-white'
              : 'border-error bg-white'
          }`}
        >
          <h2 id="form-summary-title" className="text-lg font-semibold">
            {state.status === 'saved'
              ? text.saved
              : state.status === 'submitted'
                ? text.submitted
                : text.errorSummary}
          </h2>
          {state.status === 'forbidden' && <p>{text.forbidden}</p>}
          {state.status === 'error' && !state.message && <p>{text.unexpected}</p>}
          {state.message && <p>{state.message}</p>}
          {state.status === 'invalid' && allErrors.length > 0 && (
            <ul className="mt-2 list-disc pl-6">
              {allErrors.map(([name, messages]) => (
                <li key={name}>
                  <a href={`#field-${name}`} className="text-error">
                    {messages.join(' ')}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {state.status === 'conflict' && (
            <>
              {(state.conflictChanges?.length ?? 0) > 0 && (
                <>
                  <p className="mt-2 font-medium">{text.conflictChanges}</p>
                  <ul className="list-disc pl-6" data-testid="conflict-changes">
                    {state.conflictChanges!.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </>
              )}
              <p className="mt-2">
                <a href={props.reloadHref}>{text.conflictReload}</a>
              </p>
            </>
          )}
        </div>
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
            const showComment =
              editable &&
              derivedValue === undefined &&
              (warningKeys.has(key) ||
                Boolean(fields[commentField(key)]) ||
                (serverErrors[commentField(key)]?.length ?? 0) > 0);
            const commentErrors = errorsFor(commentField(key));
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
                {showComment && (
                  <div className="mt-2">
                    <label htmlFor={`field-${commentField(key)}`} className="block font-medium">
                      {warningKeys.has(key) ? text.comment : text.commentOptional}
                      {' – '}
                      {labelOf(indicator, locale)}
                    </label>
                    {warningKeys.has(key) && (
                      <p id={`hint-${commentField(key)}`} className="text-sm text-warning">
                        {text.commentHint.replace('{last}', text.lastYear[key] ?? '')}
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
                  <p className="mt-1 text-sm">
                    {text.commentOptional}: {fields[commentField(key)]}
                  </p>
                )}
                {(text.history[key]?.length ?? 0) > 0 && !blank && (
                  <details className="no-print mt-2 text-sm">
                    <summary className="cursor-pointer">
                      {text.historySummary}: {labelOf(indicator, locale)}
                    </summary>
                    <ul className="mt-1 list-disc pl-6">
                      {text.history[key]!.map((line, index) => (
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
        <div className="no-print flex flex-wrap gap-4">
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
        </div>
      )}
    </form>
  );
}
