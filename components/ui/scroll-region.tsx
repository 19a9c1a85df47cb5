import type { ReactNode } from 'react';

/**
 * A labelled, focusable region that scrolls sideways: a wide table on a phone stays reachable by
 * keyboard (axe's scrollable-region-focusable, WCAG 2.1.1) instead of squeezing its figures.
 * `relative` so visually hidden (absolutely positioned) text inside is clipped with the rest.
 */
export function ScrollRegion({
  label,
  children,
  className = 'mt-4',
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className={`table-scroll relative overflow-x-auto ${className}`} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
