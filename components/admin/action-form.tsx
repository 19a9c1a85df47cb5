'use client';
// One accessible form for every secretariat action: posts to a server action (works without
// JavaScript), shows an error summary linking to the fields, errors under each field tied with
// aria-describedby, and the outcome in a live region.
import { useActionState } from 'react';
import type { AdminFormState, FieldSpec } from '@/lib/admin/form-types';

export function ActionForm({
  id,
  action,
  fields = [],
  hidden = {},
  submitLabel,
  errorSummary,
  variant = 'primary',
  multipart = false,
  inline = false,
}: {
  id: string;
  action: (state: AdminFormState, formData: FormData) => Promise<AdminFormState>;
  fields?: FieldSpec[];
  hidden?: Record<string, string | number>;
  submitLabel: string;
  errorSummary: string;
  variant?: 'primary' | 'secondary' | 'danger';
  multipart?: boolean;
  inline?: boolean;
}) {
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(action, { status: 'idle' });
  const errors = state.fieldErrors ?? {};
  const value = (field: FieldSpec) => state.values?.[field.name] ?? field.defaultValue ?? '';
  const buttonClass =
    variant === 'danger'
      ? 'bg-error text-white hover:opacity-90'
      : variant === 'secondary'
        ? 'border-2 border-primary bg-white text-primary hover:bg-surface'
        : 'bg-primary text-white hover:bg-primary-dark';
  return (
    <form
      id={id}
      action={formAction}
      noValidate
      encType={multipart ? 'multipart/form-data' : undefined}
      className={inline ? 'flex flex-wrap items-end gap-3' : 'space-y-4'}
    >
      {state.status === 'error' && (
        <div
          role="alert"
          className="w-full border-l-4 border-error bg-white p-3"
          aria-labelledby={`${id}-error-title`}
        >
          <h3 id={`${id}-error-title`} className="font-semibold">
            {errorSummary}
          </h3>
          {state.message && <p className="text-error">{state.message}</p>}
          {Object.keys(errors).length > 0 && (
            <ul className="list-disc pl-5">
              {Object.entries(errors).map(([name, message]) => (
                <li key={name}>
                  <a href={`#${id}-${name}`} className="text-error">
                    {message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.status === 'ok' && state.message && (
        <p role="status" className="w-full border-l-4 border-success bg-white p-3" data-testid={`${id}-ok`}>
          {state.message}
        </p>
      )}
      {state.lines && state.lines.length > 0 && (
        <ul className="w-full list-disc pl-5 text-sm" data-testid={`${id}-lines`}>
          {state.lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
      {Object.entries(hidden).map(([name, hiddenValue]) => (
        <input key={name} type="hidden" name={name} value={String(hiddenValue)} />
      ))}
      {fields.map((field) => {
        const fieldId = `${id}-${field.name}`;
        const error = errors[field.name];
        const describedBy =
          [field.hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null]
            .filter(Boolean)
            .join(' ') || undefined;
        const inputClass = `mt-1 block border-2 px-3 py-2 ${error ? 'border-error' : 'border-ink'} ${
          field.type === 'textarea' || field.wide ? 'w-full' : ''
        }`;
        if (field.type === 'checkboxes') {
          const checked = new Set(field.checked ?? []);
          return (
            <fieldset key={field.name} id={fieldId} aria-describedby={describedBy} tabIndex={-1}>
              <legend className="font-medium">{field.label}</legend>
              {error && (
                <p id={`${fieldId}-error`} className="text-error">
                  {error}
                </p>
              )}
              <div className="mt-1 max-h-60 overflow-y-auto border border-rule p-2">
                {field.options?.map((option) => (
                  <div key={option.value}>
                    <input
                      type="checkbox"
                      id={`${fieldId}-${option.value}`}
                      name={field.name}
                      value={option.value}
                      defaultChecked={checked.has(option.value)}
                    />{' '}
                    <label htmlFor={`${fieldId}-${option.value}`}>{option.label}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          );
        }
        return (
          <div key={field.name}>
            <label htmlFor={fieldId} className="block font-medium">
              {field.label}
            </label>
            {field.hint && (
              <p id={`${fieldId}-hint`} className="text-sm text-muted">
                {field.hint}
              </p>
            )}
            {error && (
              <p id={`${fieldId}-error`} className="text-error">
                {error}
              </p>
            )}
            {field.type === 'select' ? (
              <select
                id={fieldId}
                name={field.name}
                defaultValue={value(field)}
                aria-describedby={describedBy}
                className={inputClass}
              >
                {field.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : field.type === 'textarea' ? (
              <textarea
                id={fieldId}
                name={field.name}
                defaultValue={value(field)}
                rows={3}
                aria-describedby={describedBy}
                aria-invalid={error ? true : undefined}
                className={inputClass}
              />
            ) : (
              <input
                id={fieldId}
                name={field.name}
                type={field.type ?? 'text'}
                defaultValue={field.type === 'file' ? undefined : value(field)}
                accept={field.accept}
                aria-describedby={describedBy}
                aria-invalid={error ? true : undefined}
                className={inputClass}
              />
            )}
          </div>
        );
      })}
      <div>
        <button
          type="submit"
          disabled={pending}
          className={`px-4 py-2 font-medium disabled:opacity-60 ${buttonClass}`}
        >
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
