// A labelled select (a filter, or a choice a page posts by GET): the label above, the current
// choice preselected.
export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  id,
  name,
  label,
  options,
  value,
}: {
  id: string;
  name: string;
  label: string;
  options: Option[];
  value?: string;
}) {
  return (
    <div className="min-w-0 max-w-full">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ''}
        className="mt-1 max-w-full border-2 border-ink px-2 py-1"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
