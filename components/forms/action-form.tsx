'use client';
// One accessible form for the simple account forms: labelled fields, an error summary linking to
// them, each field's error under it (aria-describedby), a success message, and recovery codes
// when an action returns them. Works without JavaScript (plain post to the server action).
import { useActionState } from 'react';
import type { FormState } from '@/lib/auth/request';
import { buttonClass, ErrorSummary, FieldError, inputClass } from './error-summary';

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  hint?: string;
  inputMode?: 'numeric' | 'text';
}

export function ActionForm({
  id,
  action,
  fields,
  hidden,
  submit,
  errorSummary,
  recoveryCodesTitle,
}: {
  id: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: FieldSpec[];
  hidden: Record<string, string>;
  submit: string;
  errorSummary: string;
  recoveryCodesTitle?: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  const fieldErrors = state.fieldErrors ?? {};
  const summary = Object.entries(fieldErrors).flatMap(([field, messages]) =>
    messages.map((message) => ({ field: `${id}-${field}`, message })),
  );
  if (!state.done && state.message && summary.length === 0)
    summary.push({ field: '', message: state.message });
  return (
    <form action={formAction} className="mt-4 max-w-md space-y-5" noValidate>
      <ErrorSummary
        title={errorSummary}
        errors={summary.map((s) => ({ field: s.field || undefined, message: s.message }))}
      />
      {state.done && state.message && (
        <p role="status" className="border-l-4 border-primary bg-surface p-4">
          {state.message}
        </p>
      )}
      {state.recoveryCodes && (
        <div className="border-2 border-ink p-4">
          <h3 className="font-semibold">{recoveryCodesTitle}</h3>
          <ul className="mt-2 grid grid-cols-2 gap-1 font-mono" data-testid="recovery-codes">
            {state.recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </div>
      )}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {!state.recoveryCodes &&
        fields.map((field) => {
          const inputId = `${id}-${field.name}`;
          const error = fieldErrors[field.name]?.[0];
          const describedBy = [field.hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null]
            .filter(Boolean)
            .join(' ');
          return (
            <div key={field.name}>
              <label htmlFor={inputId} className="block font-medium">
                {field.label}
              </label>
              {field.hint && (
                <p id={`${inputId}-hint`} className="text-sm text-muted">
                  {field.hint}
                </p>
              )}
              <input
                id={inputId}
                name={field.name}
                type={field.type ?? 'text'}
                autoComplete={field.autoComplete}
                inputMode={field.inputMode}
                aria-describedby={describedBy || undefined}
                aria-invalid={error ? true : undefined}
                className={inputClass}
              />
              <FieldError id={`${inputId}-error`} message={error} />
            </div>
          );
        })}
      {!state.recoveryCodes && (
        <button type="submit" disabled={pending} className={buttonClass}>
          {submit}
        </button>
      )}
    </form>
  );
}
