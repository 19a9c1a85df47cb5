// The frame around an embedded chart: its title, the chart, and the source with the licence.
import type { ReactNode } from 'react';

export function EmbedFrame({
  title,
  sourceHref,
  sourceText,
  children,
}: {
  title: string;
  sourceHref: string;
  sourceText: string;
  children: ReactNode;
}) {
  return (
    <figure>
      <figcaption>
        <h1 className="text-lg font-semibold text-primary-darker">{title}</h1>
      </figcaption>
      {children}
      <p className="mt-2 text-sm">
        <a href={sourceHref} target="_top">
          {sourceText}
        </a>
      </p>
    </figure>
  );
}
