'use client';
// The error summary at the top of a form (Det Fælles Designsystem / GOV.UK pattern): a heading,
// the refusal's message, and one link per problem pointing at the field it belongs to. Every form
// of the site shows its refusals with this one. Announced as an alert; `focus` moves the keyboard
// to it when it appears (the portal's long form, where it may be far above the button).
import { type ReactNode, useEffect, useRef } from 'react';

export interface SummaryError {
  /** the id of the field the problem belongs to; none for a problem of the whole form */
  field?: string;
  message: string;
}

export function ErrorSummary({
  id,
  title,
  level = 2,
  message,
  errors = [],
  testId,
  focus,
  className = 'border-l-4 border-error bg-white p-4',
  children,
}: {
  id: string;
  title: string;
  level?: 2 | 3;
  message?: string;
  errors?: SummaryError[];
  testId?: string;
  /** moves focus to the summary whenever this value changes (a new answer) */
  focus?: unknown;
  className?: string;
  /** what else the refusal brings: what others changed, a link to reload */
  children?: ReactNode;
}) {
  const ref = useFocusOnChange(focus);
  const Heading = level === 2 ? 'h2' : 'h3';
  // the message once: not again when it is the title, or one field's own error
  const showMessage = message && message !== title && !errors.some((error) => error.message === message);
  return (
    <div
      ref={ref}
      role="alert"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      data-testid={testId}
      className={className}
    >
      <Heading id={`${id}-title`} className="font-semibold">
        {title}
      </Heading>
      {showMessage && <p>{message}</p>}
      {errors.length > 0 && (
        <ul className="mt-1 list-none p-0">
          {errors.map((error) => (
            <li key={`${error.field}-${error.message}`}>
              {error.field ? (
                <a href={`#${error.field}`} className="text-error underline">
                  {error.message}
                </a>
              ) : (
                <span className="text-error">{error.message}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

/** A ref for an element that takes the keyboard's focus whenever `value` changes (not when undefined). */
export function useFocusOnChange(value: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (value !== undefined) ref.current?.focus();
  }, [value]);
  return ref;
}

/** A form state's field errors as summary entries, each linked to `${prefix}${field}`. */
export function summaryErrors(
  fieldErrors: Record<string, string[]> | undefined,
  prefix: string,
  join = false,
): SummaryError[] {
  return Object.entries(fieldErrors ?? {}).flatMap(([field, messages]) =>
    join
      ? [{ field: `${prefix}${field}`, message: messages.join(' ') }]
      : messages.map((message) => ({ field: `${prefix}${field}`, message })),
  );
}
