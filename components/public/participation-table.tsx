// The companies by how many organisations they took part in. Only companies on a company list can
// be told apart, so for a year (or the part of one) reported as counts it is not known: the table
// says "–" and why, never 0.
import { formatInteger, type Locale } from '@/lib/format';

export interface ParticipationText {
  heading: string;
  organisations: string;
  companies: string;
  rows: { one: string; two: string; threePlus: string };
  /** when no organisation reported a company list */
  unknown: string;
  /** when only some did: "… {listed} of {total} organisations …" filled in by the caller */
  partial: string;
}

export function ParticipationTable({
  participation,
  known,
  complete,
  locale,
  text,
  className = 'figure-table min-w-[20rem]',
}: {
  participation: { one: number; two: number; threePlus: number };
  known: boolean;
  complete: boolean;
  locale: Locale;
  text: ParticipationText;
  className?: string;
}) {
  const noteId = 'deltagelse-note';
  return (
    <>
      <table className={className} aria-describedby={known && complete ? undefined : noteId}>
        <caption className="sr-only">{text.heading}</caption>
        <thead>
          <tr>
            <th scope="col">{text.organisations}</th>
            <th scope="col" className="num text-right">
              {text.companies}
            </th>
          </tr>
        </thead>
        <tbody>
          {(['one', 'two', 'threePlus'] as const).map((key) => (
            <tr key={key} data-testid={`participation-${key}`}>
              <th scope="row">{text.rows[key]}</th>
              <td className="num text-right">{known ? formatInteger(participation[key], locale) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!(known && complete) && (
        <p id={noteId} className="mt-2 max-w-3xl text-sm" data-testid="participation-note">
          {known ? text.partial : text.unknown}
        </p>
      )}
    </>
  );
}
