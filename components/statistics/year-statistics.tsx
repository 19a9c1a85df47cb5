// What the statistics office adds to a year page: the figures this version corrected (each with
// its previous value and the version's note), the documentation and the zip, a citation (short
// and full, with version and the day it was read), and the dataset's DCAT-AP-DK JSON-LD.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SectionHeading } from '@/components/public/permalink';
import { RetrievedDate } from './retrieved-date';
import { ScrollRegion } from '@/components/public/scroll-region';
import { siteOrigin } from '@/lib/site-url';
import { datasetDocument } from '@/lib/catalog/dcat';
import { scriptJson } from '@/lib/catalog/script-json';
import { now } from '@/lib/clock';
import { formatDate, formatInteger, type Locale } from '@/lib/format';
import type { Publication } from '@/lib/publications/types';
import { localePath } from '@/i18n/paths';
import { revisedFigures } from '@/lib/revisions/diff';
import { cachedSiteProfile } from '@/lib/site-profile/cached';

export async function YearStatistics({
  publication,
  previous,
  latestVersion,
  locale,
}: {
  publication: Publication;
  /** the version before this one, for what a correction changed */
  previous: Publication | null;
  latestVersion: number;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: 'statistics' });
  const origin = siteOrigin();
  const profile = await cachedSiteProfile();
  const { year, version } = publication;
  const versioned = version === latestVersion ? `/regnskab/${year}` : `/regnskab/${year}/v/${version}`;
  const permanentUrl = `${origin}${localePath(locale, `/regnskab/${year}/v/${version}`)}`;
  const publisher = profile
    ? locale === 'en'
      ? profile.publisherEn
      : profile.publisherDa
    : 'Klyngeregnskab';
  const changes = previous ? revisedFigures(previous, publication) : [];
  const retrieved = formatDate(now(), locale);
  const value = (number: number | null) => (number === null ? '–' : formatInteger(number, locale));
  return (
    <>
      {previous && (
        <section aria-labelledby="revideret">
          <SectionHeading id="revideret" permalinkLabel={t('revisions.permalink')}>
            {t('revisions.onPage', { version })}
          </SectionHeading>
          <p className="mt-2 max-w-3xl" role="note">
            {t('revisions.note', { version, previous: previous.version, note: publication.changeNote ?? '' })}
          </p>
          {changes.length === 0 ? (
            <p className="mt-2">{t('revisions.noFigures')}</p>
          ) : (
            <ScrollRegion label={t('revisions.onPage', { version })}>
              <table className="figure-table w-full min-w-[36rem]" data-testid="revised-figures">
                <caption className="sr-only">{t('revisions.onPage', { version })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('revisions.unit')}</th>
                    <th scope="col">{t('revisions.indicator')}</th>
                    <th scope="col" className="num">
                      {t('revisions.previous', { version: previous.version })}
                    </th>
                    <th scope="col" className="num">
                      {t('revisions.current', { version })}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr key={`${change.unit}-${change.indicator}-${change.measure}`}>
                      <th scope="row">{change.unitName ?? t('revisions.national')}</th>
                      <td>
                        {change.label[locale]} ({t(`revisions.measure.${change.measure}`)})
                      </td>
                      <td className="num">{value(change.previous)}</td>
                      <td className="num">{value(change.current)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </section>
      )}
      <SectionHeading id="dokumentation" permalinkLabel={t('citation.documentationPermalink')}>
        {t('citation.documentationHeading')}
      </SectionHeading>
      <ul className="mt-2 list-disc pl-6">
        <li>
          <Link href={localePath(locale, `${versioned}/dokumentation`)}>
            {t('citation.documentation', { year })}
          </Link>
        </li>
        <li>
          <a href={`${localePath(locale, `/regnskab/${year}/download/zip`)}?version=${version}`} download>
            {t('citation.zip', { version })}
          </a>
        </li>
        <li>
          <a href={`/api/v1/accounts/${year}?version=${version}&format=jsonstat`}>{t('citation.jsonstat')}</a>
        </li>
        <li>
          <Link href={localePath(locale, '/regnskab/revisioner')}>{t('citation.revisions')}</Link>
        </li>
      </ul>
      <SectionHeading id="citation" permalinkLabel={t('citation.permalink')}>
        {t('citation.heading')}
      </SectionHeading>
      <dl className="mt-2 max-w-3xl space-y-2" data-testid="citation">
        <dt className="font-semibold">{t('citation.short')}</dt>
        <dd>{t('citation.shortText', { publisher, year, version })}</dd>
        <dt className="font-semibold">{t('citation.full')}</dt>
        <dd>
          {t('citation.fullText', {
            publisher,
            year,
            version,
            published: formatDate(publication.publishedAt, locale),
            url: permanentUrl,
          })}{' '}
          {t('citation.retrieved')} <RetrievedDate rendered={retrieved} locale={locale} />.
        </dd>
      </dl>
      <script
        type="application/ld+json"
        // a data block: the public pages' Content-Security-Policy governs scripts that run, and this
        // one does not (browsers never execute application/ld+json)
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with < escaped, see scriptJson
        dangerouslySetInnerHTML={{ __html: scriptJson(datasetDocument(publication, origin, profile)) }}
      />
    </>
  );
}
