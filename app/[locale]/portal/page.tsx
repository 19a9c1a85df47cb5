import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { Notice } from '@/components/ui/notice';
import { StateBadge } from '@/components/ui/state-badge';
import { localePath } from '@/i18n/paths';
import { requirePageActor } from '@/lib/auth/session';
import { formatDate, type Locale } from '@/lib/format';
import { formatFigure } from '@/lib/submissions/display';
import { portalOverviewForPage } from '@/lib/submissions/queries';
import { labelOf } from '@/lib/submissions/rules';
import { inviteColleagueAction } from '@/lib/users/colleague-actions';
import { readColleagues } from '@/lib/users/colleagues';

// per request: it reads the session
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'portal' });
  return { title: t('title') };
}

export default async function PortalPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePageActor(locale, localePath(locale, '/portal'));
  const t = await getTranslations({ locale, namespace: 'portal' });
  const result = await portalOverviewForPage();
  const overview = result.ok ? result.value : { entries: [], headlineIndicators: [] };
  const colleagues = await readColleagues();
  return (
    <>
      <h1 className="text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 max-w-3xl">{t('intro')}</p>
      {actor.organisationIds.length === 0 && <p className="mt-6">{t('noOrganisations')}</p>}
      {actor.organisationIds.length > 0 && overview.entries.length === 0 && (
        <p className="mt-6">{t('noOpenYear')}</p>
      )}
      <ul className="mt-6 space-y-6">
        {overview.entries.map((entry) => {
          const href = localePath(locale, `/portal/${entry.organisation.slug}/${entry.year}`);
          const stateLabel = t(`states.${entry.state ?? 'none'}`);
          return (
            <li
              key={`${entry.organisation.id}-${entry.year}`}
              className="border-2 border-rule p-5"
              data-testid={`portal-${entry.organisation.slug}`}
            >
              <h2 className="text-xl font-semibold">
                <Link href={href}>
                  {t('open', { organisation: entry.organisation.name, year: entry.year })}
                </Link>
              </h2>
              <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
                <dt className="font-medium">{t('state')}</dt>
                <dd>
                  <StateBadge state={entry.state} label={stateLabel} testId="state" />
                </dd>
                <dt className="font-medium">{t('deadline')}</dt>
                <dd>
                  {formatDate(entry.deadline, locale)} ·{' '}
                  {entry.daysLeft < 0 ? t('deadlinePassed') : t('daysLeft', { days: entry.daysLeft })}
                </dd>
                {entry.remark && (
                  <>
                    <dt className="font-medium">{t('remark')}</dt>
                    <dd>{entry.remark}</dd>
                  </>
                )}
              </dl>
              {entry.openQuestions > 0 && (
                <Notice tone="warning" className="mt-3" testId="open-questions">
                  {t('conversation.openQuestions', { count: entry.openQuestions })}{' '}
                  <Link href={`${href}#questions`}>{t('conversation.readAndAnswer')}</Link>
                </Notice>
              )}
              {Object.keys(entry.lastYear).length > 0 ? (
                <table className="mt-4 text-sm">
                  <caption className="text-left font-medium">
                    {t('lastYear', { year: entry.year - 1 })}
                  </caption>
                  <tbody>
                    {overview.headlineIndicators.map((indicator) => (
                      <tr key={indicator.key} className="border-t border-rule">
                        <th scope="row" className="py-1 pr-6 text-left font-normal">
                          {labelOf(indicator, locale)}
                        </th>
                        <td className="py-1 text-right tabular-nums">
                          {formatFigure(indicator.kind, entry.lastYear[indicator.key], locale)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="mt-4 text-sm">{t('noLastYear', { year: entry.year - 1 })}</p>
              )}
            </li>
          );
        })}
      </ul>
      {colleagues.map(({ organisation, colleagues: people }) => (
        <section
          key={organisation.id}
          aria-labelledby={`colleagues-${organisation.slug}-title`}
          className="mt-10 max-w-3xl"
          data-testid={`colleagues-${organisation.slug}`}
        >
          <h2 id={`colleagues-${organisation.slug}-title`} className="text-2xl font-semibold">
            {t('colleagues.title', { organisation: organisation.name })}
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {people.map((colleague) => (
              <li key={colleague.id}>
                {colleague.name} ({colleague.email}){colleague.pending ? ` · ${t('colleagues.pending')}` : ''}
              </li>
            ))}
          </ul>
          <h3 className="mt-4 text-lg font-semibold">{t('colleagues.invite')}</h3>
          <p className="mt-1 text-sm">{t('colleagues.inviteIntro')}</p>
          <div className="mt-2 max-w-xl">
            <ActionForm
              id={`invite-${organisation.slug}`}
              action={inviteColleagueAction}
              hidden={{ locale, orgSlug: organisation.slug }}
              fields={[
                {
                  name: 'email',
                  label: t('colleagues.email'),
                  type: 'email',
                  autoComplete: 'off',
                  wide: true,
                },
                { name: 'name', label: t('colleagues.name'), autoComplete: 'off', wide: true },
              ]}
              submitLabel={t('colleagues.send')}
              errorSummary={t('form.errorSummary')}
            />
          </div>
        </section>
      ))}
    </>
  );
}
