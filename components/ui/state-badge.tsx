// Where something stands (a submission, a reporting year, an organisation in the round), as a
// small labelled mark: the colour follows the state, the words say it.
const TONES: Record<string, string> = {
  approved: 'border-success text-success',
  published: 'border-success text-success',
  submitted: 'border-primary text-primary',
  open: 'border-primary text-primary',
  returned: 'border-warning text-warning',
  excluded: 'border-rule text-muted',
  closed: 'border-rule text-muted',
};

export function StateBadge({
  state,
  label,
  testId,
}: {
  state: string | null;
  label: string;
  testId?: string;
}) {
  return (
    <span
      data-testid={testId}
      data-state={state ?? 'none'}
      className={`inline-block border px-2 text-sm font-medium ${TONES[state ?? ''] ?? 'border-ink text-ink'}`}
    >
      {label}
    </span>
  );
}
