// The secretariat's tables: a header row of column titles (numbers right-aligned), rows given as
// children, each row's first cell its header (RowHeader). On a narrow screen the table scrolls
// sideways inside a labelled region the keyboard can reach (ScrollRegion), never the page.
import type { ReactNode } from 'react';
import { ScrollRegion } from './scroll-region';

export interface Column {
  label: ReactNode;
  /** figures: right-aligned */
  numeric?: boolean;
}

export function DataTable({
  columns,
  label,
  caption,
  captionVisible = false,
  testId,
  empty,
  className = 'mt-4',
  children,
}: {
  columns: Column[];
  /** what the table is, for the scrolling region around it (default: the caption when it is text) */
  label?: string;
  caption?: ReactNode;
  /** a caption shown as the table's title; otherwise it is for screen readers only */
  captionVisible?: boolean;
  testId?: string;
  /** shown in one full-width row when there are no rows */
  empty?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const rows = Array.isArray(children) ? children.flat().filter(Boolean) : children ? [children] : [];
  const regionLabel = label ?? (typeof caption === 'string' ? caption : undefined);
  const table = (
    <table className="w-full text-left text-sm" data-testid={testId}>
      {caption && (
        <caption className={captionVisible ? 'text-left font-semibold' : 'sr-only'}>{caption}</caption>
      )}
      <thead>
        <tr className="border-b-2 border-ink">
          {columns.map((column, index) => (
            <th
              key={index}
              scope="col"
              className={
                [index === 0 && 'py-2', index < columns.length - 1 && 'pr-3', column.numeric && 'text-right']
                  .filter(Boolean)
                  .join(' ') || undefined
              }
            >
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty ? (
          <tr>
            <td colSpan={columns.length} className="py-2">
              {empty}
            </td>
          </tr>
        ) : (
          children
        )}
      </tbody>
    </table>
  );
  return regionLabel ? (
    <ScrollRegion label={regionLabel} className={className}>
      {table}
    </ScrollRegion>
  ) : (
    <div className={`${className} overflow-x-auto`}>{table}</div>
  );
}

/** One row of a DataTable. */
export function Row({
  testId,
  top = false,
  children,
}: {
  testId?: string;
  top?: boolean;
  children: ReactNode;
}) {
  return (
    <tr className={`border-b border-rule${top ? ' align-top' : ''}`} data-testid={testId}>
      {children}
    </tr>
  );
}

/** The row's first cell: what the row is about. */
export function RowHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="row" className="py-1 pr-3 font-normal">
      {children}
    </th>
  );
}

/** A cell; `numeric` right-aligns a figure, `last` drops the gap after the last column. */
export function Cell({
  numeric = false,
  last = false,
  testId,
  lang,
  className = '',
  children,
}: {
  numeric?: boolean;
  last?: boolean;
  testId?: string;
  /** the cell's language, where it differs from the page's */
  lang?: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <td
      lang={lang}
      data-testid={testId}
      className={`${last ? '' : 'pr-3 '}${numeric ? 'text-right ' : ''}${className}`.trim() || undefined}
    >
      {children}
    </td>
  );
}
