// A visible "#" link to a section, table or chart, so any of them can be cited by address.
export function Permalink({ id, label }: { id: string; label: string }) {
  return (
    <a href={`#${id}`} className="no-print ml-2 text-base font-normal" aria-label={label}>
      #
    </a>
  );
}

export function SectionHeading({
  id,
  level = 2,
  children,
  permalinkLabel,
}: {
  id: string;
  level?: 2 | 3;
  children: string;
  permalinkLabel: string;
}) {
  const Tag = level === 2 ? 'h2' : 'h3';
  return (
    <Tag
      id={id}
      className={
        level === 2
          ? 'mt-12 text-2xl font-semibold text-primary-darker scroll-mt-4'
          : 'mt-8 text-xl font-semibold scroll-mt-4'
      }
    >
      {children}
      <Permalink id={id} label={permalinkLabel} />
    </Tag>
  );
}
