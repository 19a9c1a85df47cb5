import Link from 'next/link';

/** What a refused visitor sees: no data of the organisation, a way back. */
export function ForbiddenNotice({
  title,
  body,
  back,
  href,
}: {
  title: string;
  body: string;
  back: string;
  href: string;
}) {
  return (
    <section aria-labelledby="forbidden-title" data-status="403">
      <h1 id="forbidden-title" className="text-3xl font-semibold">
        {title}
      </h1>
      <p className="mt-4 max-w-2xl">{body}</p>
      <p className="mt-4">
        <Link href={href}>{back}</Link>
      </p>
    </section>
  );
}
