// A titled part of a page: the heading names the section for assistive technology (aria-labelledby).
import type { ReactNode } from 'react';

export function Section({
  id,
  title,
  level = 2,
  className,
  children,
}: {
  /** the heading's id, to link to and to label the section */
  id: string;
  title: ReactNode;
  level?: 2 | 3;
  className?: string;
  children: ReactNode;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id} className={className}>
      <Heading id={id} className={level === 2 ? 'text-xl font-semibold' : 'font-semibold'}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
