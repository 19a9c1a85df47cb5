// The filters above a list: a GET form (the choice is in the address, so it can be bookmarked
// and works without JavaScript), its fields side by side, one button to apply them.
import type { ReactNode } from 'react';

export function FilterBar({
  label,
  submitLabel,
  action,
  className = 'mt-6',
  children,
}: {
  label?: string;
  submitLabel: string;
  /** where the filtered page opens, e.g. '#companies' to come back to the filtered section */
  action?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      action={action}
      className={`${className} flex flex-wrap items-end gap-4`}
      aria-label={label}
    >
      {children}
      <button type="submit" className="bg-primary px-4 py-2 font-medium text-white">
        {submitLabel}
      </button>
    </form>
  );
}

/** A text or date filter: the label above, an optional hint tied to it. */
export function FilterInput({
  id,
  name,
  label,
  value,
  type = 'text',
  hint,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  type?: 'text' | 'date';
  hint?: string;
}) {
  return (
    <div className="min-w-0 max-w-full">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="max-w-xs text-sm text-muted">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-1 max-w-full border-2 border-ink px-2 py-1"
      />
    </div>
  );
}
