// What a reader sees at an address with nothing behind it: what happened, in the site's frame and
// language, and where to go instead. The status is 404 (notFound() sets it).
import Link from 'next/link';
import type { ReactNode } from 'react';

export function NotFoundNotice({
  title,
  body,
  whereTo,
  links,
  children,
}: {
  title: string;
  body: string;
  whereTo: string;
  links: { href: string; label: string }[];
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby="not-found-title" data-status="404">
      <h1 id="not-found-title" className="text-3xl font-semibold text-primary-darker">
        {title}
      </h1>
      <p className="mt-4 max-w-2xl">{body}</p>
      {children}
      <h2 className="mt-8 text-xl font-semibold">{whereTo}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
