'use client';
// The one form for every kit action (lib/actions/form.ts): posts to its server action (works
// without JavaScript), shows the error summary linking to the fields, each field's error under
// it (aria-describedby), the outcome in a live region, further lines (problems by row,
// recipients, a link to copy) and recovery codes when the action hands them back.
import { useActionState } from 'react';
import type { AnyFormAction, FormState } from '@/lib/actions/form-state';
import { Notice } from '@/components/ui/notice';
import { ErrorSummary, summaryErrors } from './error-summary';
import { type FieldSpec, FieldInput } from './field';

export type { FieldSpec };

const BUTTONS = {
  primary: 'bg-primary text-white hover:bg-primary-dark',
  secondary: 'border-2 border-primary bg-white text-primary hover:bg-surface',
  danger: 'bg-error text-white hover:opacity-90',
} as const;

const LAYOUTS = {
  /** the secretariat's forms */
  stacked: 'space-y-4',
  /** one line: a button with a field or two */
  inline: 'flex flex-wrap items-end gap-3',
  /** the account and sign-in pages' forms: one column, every field its full width */
  narrow: 'mt-4 max-w-md space-y-5',
} as const;

type Data = { recoveryCodes?: string[] } | undefined;

export function ActionForm({
  id,
  action,
  fields = [],
  hidden = {},
  submitLabel,
  errorSummary,
  variant = 'primary',
  layout = 'stacked',
  multipart = false,
  recoveryCodesTitle,
}: {
  id: string;
  action: AnyFormAction<Data>;
  fields?: FieldSpec[];
  hidden?: Record<string, string | number>;
  submitLabel: string;
  errorSummary: string;
  variant?: keyof typeof BUTTONS;
  layout?: keyof typeof LAYOUTS;
  multipart?: boolean;
  recoveryCodesTitle?: string;
}) {
  const [state, formAction, pending] = useActionState<FormState<Data>, FormData>(action, { status: 'idle' });
  const errors = state.fieldErrors ?? {};
  const recoveryCodes = state.data?.recoveryCodes;
  const narrow = layout === 'narrow';
  return (
    <form
      id={id}
      action={formAction}
      noValidate
      encType={multipart ? 'multipart/form-data' : undefined}
      className={LAYOUTS[layout]}
    >
      {state.status === 'error' && (
        <ErrorSummary
          id={`${id}-error`}
          title={errorSummary}
          level={narrow ? 2 : 3}
          message={state.message}
          errors={summaryErrors(errors, `${id}-`)}
          className={`w-full border-l-4 border-error bg-white ${narrow ? 'p-4' : 'p-3'}`}
        />
      )}
      {state.status === 'ok' && state.message && (
        <Notice tone={narrow ? 'info' : 'success'} role="status" testId={`${id}-ok`} className="w-full">
          {state.message}
        </Notice>
      )}
      {state.lines && state.lines.length > 0 && (
        <ul className="w-full list-disc pl-5 text-sm" data-testid={`${id}-lines`}>
          {state.lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
      {recoveryCodes && (
        <div className="border-2 border-ink p-4">
          <h3 className="font-semibold">{recoveryCodesTitle}</h3>
          <ul className="mt-2 grid grid-cols-2 gap-1 font-mono" data-testid="recovery-codes">
            {recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </div>
      )}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      {!recoveryCodes && (
        <>
          {fields.map((field) => (
            <FieldInput
              key={field.name}
              spec={narrow ? { ...field, wide: true } : field}
              id={`${id}-${field.name}`}
              value={state.values?.[field.name]}
              error={errors[field.name]?.[0]}
            />
          ))}
          <div>
            <button
              type="submit"
              disabled={pending}
              className={`px-4 py-2 font-medium disabled:opacity-60 ${BUTTONS[variant]}`}
            >
              {submitLabel}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
