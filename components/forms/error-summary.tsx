// The error summary at the top of a form (Det Fælles Designsystem / GOV.UK pattern): a heading and
// one link per problem, pointing at the field it belongs to.
export function ErrorSummary({
  title,
  errors,
}: {
  title: string;
  errors: { field?: string; message: string }[];
}) {
  if (errors.length === 0) return null;
  return (
    <div
      role="alert"
      aria-labelledby="error-summary-title"
      className="border-l-4 border-error bg-white p-4"
      tabIndex={-1}
    >
      <h2 id="error-summary-title" className="font-semibold">
        {title}
      </h2>
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

export const inputClass = 'mt-1 w-full border-2 border-ink px-3 py-2';
export const buttonClass =
  'bg-primary px-5 py-2 font-medium text-white hover:bg-primary-dark disabled:opacity-60';
