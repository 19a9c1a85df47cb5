// The evidence statements of a publication, in the secretariat's order: each finding's figure
// (where it has one), what it says, and its source with a link.
import { formatEvidenceFigure } from '@/lib/evidence/format';
import type { EvidenceStatement } from '@/lib/evidence/types';
import type { Locale } from '@/lib/format';

export function EvidenceList({
  statements,
  locale,
  sourceLabel,
}: {
  statements: EvidenceStatement[];
  locale: Locale;
  /** "Kilde" / "Source" */
  sourceLabel: string;
}) {
  return (
    <ul className="mt-4 grid gap-4 md:grid-cols-2" data-testid="evidence">
      {statements.map((statement) => {
        const figure = formatEvidenceFigure(statement.value, statement.unit, locale);
        const { source } = statement;
        return (
          <li
            key={statement.key}
            className="border-l-4 border-primary-darker bg-surface p-4"
            data-key={statement.key}
          >
            {figure && <p className="text-3xl font-semibold text-primary-darker">{figure}</p>}
            <p className={figure ? 'mt-1' : undefined}>{statement.text[locale]}</p>
            <p className="mt-2 text-sm text-muted">
              {sourceLabel}:{' '}
              {source.url ? (
                <a href={source.url} rel="noopener">
                  {source.title}
                </a>
              ) : (
                source.title
              )}
              {`, ${source.publisher}${source.year ? `, ${source.year}` : ''}.`}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
