// The release calendar as a list: upcoming releases first (soonest first), then what was
// published or cancelled (newest first), each move and cancellation with its reason.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatDateTime, type Locale } from '@/lib/format';
import { localePath } from '@/i18n/paths';
import { present } from '@/lib/invariant';
import type { CalendarEntry } from '@/lib/releases/read';

export async function ReleaseCalendar({ entries, locale }: { entries: CalendarEntry[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'statistics' });
  const upcoming = entries
    .filter((entry) => entry.status === 'scheduled')
    .sort((a, b) => Date.parse(present(a.scheduledAt)) - Date.parse(present(b.scheduledAt)));
  const past = entries.filter((entry) => entry.status !== 'scheduled');
  const at = (value: string) => formatDateTime(value, locale);
  const title = (entry: CalendarEntry) =>
    entry.version === 1
      ? t('calendar.edition', { year: entry.year })
      : t('calendar.correction', { year: entry.year, version: entry.version });
  const changes = (entry: CalendarEntry) =>
    entry.changes.length > 0 && (
      <ul className="mt-1 list-disc pl-5 text-sm">
        {entry.changes.map((change) => (
          <li key={`${change.kind}-${change.at}`}>
            {change.kind === 'moved'
              ? t('calendar.moved', {
                  from: at(change.fromAt),
                  to: at(present(change.toAt)),
                  when: at(change.at),
                })
              : t('calendar.cancelledOn', { from: at(change.fromAt), when: at(change.at) })}{' '}
            {change.reason[locale]}
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <h2 id="kommende" className="mt-10 text-2xl font-semibold text-primary-darker">
        {t('calendar.upcoming')}
      </h2>
      {upcoming.length === 0 ? (
        <p className="mt-2">{t('calendar.noneUpcoming')}</p>
      ) : (
        <ul className="mt-4 space-y-4" data-testid="upcoming-releases">
          {upcoming.map((entry) => (
            <li key={`${entry.year}-${entry.version}`} className="border-l-4 border-primary bg-surface p-4">
              <p className="font-semibold">{title(entry)}</p>
              <p>
                <time dateTime={present(entry.scheduledAt)}>{at(present(entry.scheduledAt))}</time>
                {' · '}
                {entry.delayed ? t('calendar.status.delayed') : t('calendar.status.scheduled')}
              </p>
              {changes(entry)}
            </li>
          ))}
        </ul>
      )}
      <h2 id="tidligere" className="mt-10 text-2xl font-semibold text-primary-darker">
        {t('calendar.past')}
      </h2>
      {past.length === 0 ? (
        <p className="mt-2">{t('calendar.nonePast')}</p>
      ) : (
        <ul className="mt-4 space-y-3" data-testid="past-releases">
          {past.map((entry) => (
            <li key={`${entry.year}-${entry.version}-${entry.status}-${entry.scheduledAt}`}>
              <p className="font-semibold">
                {entry.status === 'published' ? (
                  <Link
                    href={localePath(
                      locale,
                      entry.version === 1
                        ? `/regnskab/${entry.year}`
                        : `/regnskab/${entry.year}/v/${entry.version}`,
                    )}
                  >
                    {title(entry)}
                  </Link>
                ) : (
                  title(entry)
                )}
              </p>
              <p>
                {entry.status === 'cancelled'
                  ? t('calendar.status.cancelled')
                  : entry.scheduledAt === null
                    ? t('calendar.publishedUnannounced', { at: at(present(entry.publishedAt)) })
                    : entry.announcedAt !== null &&
                        Math.floor(Date.parse(present(entry.publishedAt)) / 60_000) >
                          Math.floor(Date.parse(entry.announcedAt) / 60_000)
                      ? t('calendar.publishedLate', {
                          at: at(present(entry.publishedAt)),
                          announced: at(entry.announcedAt),
                        })
                      : t('calendar.publishedOnTime', { at: at(present(entry.publishedAt)) })}
              </p>
              {changes(entry)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
