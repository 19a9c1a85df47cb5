// The site's own accessibility statement, under the headings of Digitaliseringsstyrelsen's template
// (was.digst.dk): the commitment, compliance status, content that is not accessible, how the
// statement was made, feedback and contact, and the enforcement procedure.
import { getTranslations } from 'next-intl/server';
import type { SiteProfile } from '@/lib/site-profile/profile';
import { formatDate, type Locale } from '@/lib/format';

export async function AccessibilityStatement({
  profile,
  locale,
}: {
  profile: SiteProfile | null;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: 'statistics' });
  const publisher = profile
    ? locale === 'en'
      ? profile.publisherEn
      : profile.publisherDa
    : t('was.publisherUnknown');
  const issues = profile
    ? locale === 'en'
      ? profile.accessibilityIssuesEn
      : profile.accessibilityIssuesDa
    : '';
  const heading = 'mt-8 text-2xl font-semibold text-primary-darker';
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-semibold text-primary-darker">{t('was.title')}</h1>
      <p className="mt-4">{t('was.commitment', { publisher })}</p>
      <h2 className={heading}>{t('was.statusHeading')}</h2>
      <p className="mt-2" data-testid="was-status">
        {t(`was.status.${profile?.accessibilityStatus ?? 'partial'}` as 'was.status.full')}
      </p>
      <h2 className={heading}>{t('was.issuesHeading')}</h2>
      {issues.trim() ? (
        issues
          .split(/\n\s*\n/)
          .filter((paragraph) => paragraph.trim())
          .map((paragraph, index) => (
            <p key={index} className="mt-2">
              {paragraph.trim()}
            </p>
          ))
      ) : (
        <p className="mt-2">{t('was.noIssues')}</p>
      )}
      <h2 className={heading}>{t('was.preparationHeading')}</h2>
      <p className="mt-2">
        {profile?.accessibilityAssessedOn
          ? t(`was.preparation.${profile.accessibilityMethod}` as 'was.preparation.self_assessment', {
              date: formatDate(profile.accessibilityAssessedOn, locale),
            })
          : t('was.notAssessed')}
      </p>
      <p className="mt-2">{t('was.testing')}</p>
      <h2 className={heading}>{t('was.feedbackHeading')}</h2>
      {profile ? (
        <p className="mt-2">
          {t('was.feedback')} <a href={`mailto:${profile.contactEmail}`}>{profile.contactEmail}</a>
          {profile.contactPhone ? ` · ${profile.contactPhone}` : ''}
        </p>
      ) : (
        <p className="mt-2">{t('was.noContact')}</p>
      )}
      <h2 className={heading}>{t('was.enforcementHeading')}</h2>
      <p className="mt-2">
        {t('was.enforcement')} <a href="https://www.was.digst.dk/">{t('was.enforcementLink')}</a>
      </p>
    </article>
  );
}
