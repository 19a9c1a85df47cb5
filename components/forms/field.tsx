// One form field, the accessible way: its label, an optional hint, its error (when there is one)
// and the control, tied together with aria-describedby and aria-invalid. `children` draws the
// control from the props it must carry; FieldInput draws the common ones from a spec.
import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export function Field({
  id,
  label,
  hint,
  hintId = `${id}-hint`,
  error,
  errorId = `${id}-error`,
  describedBy = [],
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  hintId?: string;
  error?: string;
  errorId?: string;
  /** ids of other text that describes the field (help, last year's figure) */
  describedBy?: string[];
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const ids = [...describedBy, ...(hint ? [hintId] : []), ...(error ? [errorId] : [])];
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
      {children({
        id,
        'aria-describedby': ids.join(' ') || undefined,
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 font-medium text-error">
      {message}
    </p>
  );
}

/** What a spec-drawn field can be (the secretariat's and the account's forms). */
export interface FieldSpec {
  name: string;
  label: string;
  type?:
    | 'text'
    | 'email'
    | 'password'
    | 'date'
    | 'number'
    | 'url'
    | 'file'
    | 'select'
    | 'textarea'
    | 'checkboxes';
  hint?: string;
  defaultValue?: string;
  options?: { value: string; label: string }[];
  /** checkboxes ticked to begin with */
  checked?: string[];
  accept?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
  /** the whole width of the form */
  wide?: boolean;
}

export const inputClass = 'mt-1 block max-w-full border-2 border-ink px-3 py-2';

/** A field drawn from its spec, with `value` (what was posted) or its default in it. */
export function FieldInput({
  spec,
  id,
  value,
  error,
}: {
  spec: FieldSpec;
  id: string;
  value?: string;
  error?: string;
}) {
  const className = `${inputClass} ${error ? 'border-error' : ''} ${spec.type === 'textarea' || spec.wide ? 'w-full' : ''}`;
  const shown = value ?? spec.defaultValue ?? '';
  if (spec.type === 'checkboxes') {
    const checked = new Set(spec.checked ?? []);
    const describedBy = [spec.hint ? `${id}-hint` : null, error ? `${id}-error` : null]
      .filter(Boolean)
      .join(' ');
    return (
      <fieldset id={id} aria-describedby={describedBy || undefined} tabIndex={-1}>
        <legend className="font-medium">{spec.label}</legend>
        <FieldError id={`${id}-error`} message={error} />
        <div className="mt-1 max-h-60 overflow-y-auto border border-rule p-2">
          {spec.options?.map((option) => (
            <div key={option.value}>
              <input
                type="checkbox"
                id={`${id}-${option.value}`}
                name={spec.name}
                value={option.value}
                defaultChecked={checked.has(option.value)}
              />{' '}
              <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    );
  }
  return (
    <Field id={id} label={spec.label} hint={spec.hint} error={error}>
      {(control) =>
        spec.type === 'select' ? (
          <select {...control} name={spec.name} defaultValue={shown} className={className}>
            {spec.options?.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        ) : spec.type === 'textarea' ? (
          <textarea {...control} name={spec.name} defaultValue={shown} rows={3} className={className} />
        ) : (
          <input
            {...control}
            name={spec.name}
            type={spec.type ?? 'text'}
            defaultValue={spec.type === 'file' || spec.type === 'password' ? undefined : shown}
            accept={spec.accept}
            autoComplete={spec.autoComplete}
            inputMode={spec.inputMode}
            className={className}
          />
        )
      }
    </Field>
  );
}
