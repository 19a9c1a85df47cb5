// The documentation of the statistic for one edition, under Statistics Denmark's headings: what
// the data says (generated from the frozen facts), then what the secretariat wrote, as they were
// when this version was published.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SectionHeading } from '@/components/public/permalink';
import { formatDate, formatDateTime, formatInteger, type Locale } from '@/lib/format';
import { documentationOf } from '@/lib/documentation/read';
import { DOCUMENTATION_SECTIONS, type DocumentationSection } from '@/lib/documentation/sections';
import { LICENCE } from '@/lib/publications/methodology';
import type { Publication } from '@/lib/publications/types';
import { localePath } from '@/i18n/paths';

const ANCHORS: Record<DocumentationSection, string> = {
  content: 'indhold',
  sources: 'kilder',
  processing: 'behandling',
  accuracy: 'praecision',
  timeliness: 'aktualitet',
  comparability: 'sammenlignelighed',
  availability: 'tilgaengelighed',
  contact: 'kontakt',
};

function Paragraphs({ text, testId }: { text: string; testId?: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return null;
  return (
    <div className="mt-3 space-y-3" data-testid={testId}>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}

export async function StatisticDocumentation({
  publication,
  latestVersion,
  locale,
}: {
  publication: Publication;
  latestVersion: number;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: 'statistics' });
  const { facts, texts, frozen } = documentationOf(publication);
  const label = (key: string) =>
    facts.indicators.find((indicator) => indicator.key === key)?.label[locale] ?? key;
  const yearPath = localePath(locale, `/regnskab/${facts.year}`);
  const late =
    facts.release &&
    Math.floor(Date.parse(facts.publishedAt) / 60_000) >
      Math.floor(Date.parse(facts.release.announcedAt) / 60_000);
  const generated: Record<DocumentationSection, React.ReactNode> = {
    content: (
      <p className="mt-2" data-testid="doc-content">
        {t('documentation.generated.content', {
          year: facts.year,
          edition: facts.edition,
          organisations: formatInteger(facts.organisations.total, locale),
          indicators: facts.indicators.length,
        })}
      </p>
    ),
    sources: (
      <>
        <p className="mt-2" data-testid="doc-round">
          {facts.round
            ? t('documentation.generated.round', {
                opensOn: formatDate(facts.round.opensOn, locale),
                deadline: formatDate(facts.round.deadline, locale),
                count: facts.indicators.length,
              })
            : t('documentation.generated.roundUnknown', { count: facts.indicators.length })}
        </p>
        <dl className="mt-2 space-y-2" data-testid="doc-indicators">
          {facts.indicators.map((indicator) => (
            <div key={indicator.key}>
              <dt className="font-semibold">
                {indicator.label[locale]}{' '}
                <span className="font-normal text-muted">
                  ({indicator.key}, {t(`documentation.kind.${indicator.kind}` as 'documentation.kind.count')}
                  {indicator.parentKey
                    ? `, ${t('documentation.subsetOf', { parent: label(indicator.parentKey) })}`
                    : ''}
                  )
                </span>
              </dt>
              {indicator.help[locale] && <dd>{indicator.help[locale]}</dd>}
            </div>
          ))}
        </dl>
      </>
    ),
    processing: (
      <p className="mt-2" data-testid="doc-processing">
        {t('documentation.generated.processing', {
          total: formatInteger(facts.organisations.total, locale),
          withList: formatInteger(facts.organisations.withCompanyList, locale),
          withoutList: formatInteger(facts.organisations.withoutCompanyList, locale),
          excluded: formatInteger(facts.organisations.excluded, locale),
        })}
      </p>
    ),
    accuracy: (
      <>
        <p className="mt-2" data-testid="doc-accuracy">
          {facts.possiblyDoubleCounted.length === 0
            ? t('documentation.generated.noDoubleCounting')
            : t('documentation.generated.doubleCounting', {
                indicators: facts.possiblyDoubleCounted.map(label).join(', '),
              })}
        </p>
        {facts.seriesBreak && (
          <p className="mt-2">
            {t('documentation.generated.seriesBreak', { note: facts.seriesBreak[locale] })}
          </p>
        )}
      </>
    ),
    timeliness: (
      <p className="mt-2" data-testid="doc-timeliness">
        {facts.release
          ? late
            ? t('documentation.generated.publishedLate', {
                publishedAt: formatDateTime(facts.publishedAt, locale),
                announcedAt: formatDateTime(facts.release.announcedAt, locale),
              })
            : t('documentation.generated.publishedOnTime', {
                publishedAt: formatDateTime(facts.publishedAt, locale),
              })
          : t('documentation.generated.publishedUnannounced', {
              publishedAt: formatDateTime(facts.publishedAt, locale),
            })}{' '}
        {facts.round &&
          t('documentation.generated.deadline', { deadline: formatDate(facts.round.deadline, locale) })}
      </p>
    ),
    comparability: (
      <p className="mt-2" data-testid="doc-comparability">
        {facts.seriesBreak
          ? t('documentation.generated.break', { note: facts.seriesBreak[locale] })
          : t('documentation.generated.noBreak')}{' '}
        {facts.catalogueChanges.previousYear === null
          ? ''
          : facts.catalogueChanges.added.length + facts.catalogueChanges.removed.length === 0
            ? t('documentation.generated.sameCatalogue', { previous: facts.catalogueChanges.previousYear })
            : t('documentation.generated.catalogueChanged', {
                previous: facts.catalogueChanges.previousYear,
                added: facts.catalogueChanges.added.map(label).join(', ') || '–',
                removed: facts.catalogueChanges.removed.join(', ') || '–',
              })}
      </p>
    ),
    availability: (
      <>
        <p className="mt-2">{t('documentation.generated.availability', { licence: LICENCE.name })}</p>
        <ul className="mt-2 list-disc pl-6">
          <li>
            <Link href={yearPath}>{t('documentation.links.page', { year: facts.year })}</Link>
          </li>
          <li>
            <a
              href={`${localePath(locale, `/regnskab/${facts.year}/download/zip`)}?version=${publication.version}`}
            >
              {t('documentation.links.zip')}
            </a>
          </li>
          <li>
            <a href={`/api/v1/accounts/${facts.year}?version=${publication.version}`}>JSON</a> ·{' '}
            <a href={`/api/v1/accounts/${facts.year}?version=${publication.version}&format=csv`}>CSV</a> ·{' '}
            <a href={`/api/v1/accounts/${facts.year}?version=${publication.version}&format=jsonstat`}>
              JSON-stat
            </a>{' '}
            · <a href="/api/v1/catalog">DCAT-AP-DK</a>
          </li>
          <li>
            <a href={LICENCE.url} rel="license">
              {LICENCE.name}
            </a>
          </li>
        </ul>
      </>
    ),
    contact: facts.publisher ? (
      <p className="mt-2" data-testid="doc-contact">
        {facts.publisher.name[locale]} ·{' '}
        <a href={`mailto:${facts.publisher.email}`}>{facts.publisher.email}</a>
        {facts.publisher.phone ? ` · ${facts.publisher.phone}` : ''}
      </p>
    ) : (
      <p className="mt-2">{t('documentation.generated.noContact')}</p>
    ),
  };
  return (
    <article>
      <h1 className="text-3xl font-semibold text-primary-darker">
        {t('documentation.title', { year: facts.year })}
      </h1>
      <p className="mt-2 text-lg">
        {t('documentation.lead', {
          version: publication.version,
          date: formatDate(publication.publishedAt, locale),
        })}{' '}
        <Link href={yearPath}>{t('documentation.links.page', { year: facts.year })}</Link>
      </p>
      {publication.version !== latestVersion && (
        <p className="mt-4 border-l-4 border-warning bg-[#fff4d6] p-4" role="note">
          {t('documentation.olderVersion', { version: publication.version, latest: latestVersion })}{' '}
          <Link href={localePath(locale, `/regnskab/${facts.year}/dokumentation`)}>
            {t('documentation.readLatest')}
          </Link>
        </p>
      )}
      {!frozen && (
        <p className="mt-4 border-l-4 border-ink bg-surface p-4" role="note">
          {t('documentation.notFrozen')}
        </p>
      )}
      <nav aria-labelledby="doc-contents" className="mt-6 bg-surface p-4">
        <h2 id="doc-contents" className="font-semibold">
          {t('documentation.contents')}
        </h2>
        <ol className="mt-2 list-decimal pl-6">
          {DOCUMENTATION_SECTIONS.map((section) => (
            <li key={section}>
              <a href={`#${ANCHORS[section]}`}>{t(`documentation.headings.${section}`)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {DOCUMENTATION_SECTIONS.map((section) => (
        <section key={section} aria-labelledby={ANCHORS[section]} className="max-w-3xl">
          <SectionHeading
            id={ANCHORS[section]}
            permalinkLabel={t('documentation.permalink', { name: t(`documentation.headings.${section}`) })}
          >
            {t(`documentation.headings.${section}`)}
          </SectionHeading>
          {generated[section]}
          <Paragraphs text={texts[section][locale]} testId={`doc-text-${section}`} />
        </section>
      ))}
    </article>
  );
}
