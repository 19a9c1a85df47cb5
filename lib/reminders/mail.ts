// The reminder mail, in Danish and English in one message: the portal has no language setting per
// person, so everyone reads it in the language they use. Links go to the configured origin.
import { translate } from '@/i18n/messages';
import { formatDate } from '@/lib/format';
import type { OutgoingMail } from '@/lib/mail/send';
import { siteUrl } from '@/lib/site-url';
import type { ReminderKind } from './rules';

export interface ReminderMailInput {
  to: string;
  name: string;
  organisation: string;
  slug: string;
  year: number;
  deadline: string;
  kind: ReminderKind;
}

export function reminderMail(input: ReminderMailInput, env: NodeJS.ProcessEnv = process.env): OutgoingMail {
  const text = (locale: 'da' | 'en') =>
    translate(locale, `reminders.mail.${input.kind}`, {
      name: input.name,
      organisation: input.organisation,
      year: input.year,
      deadline: formatDate(input.deadline, locale),
      link: siteUrl(`${locale === 'en' ? '/en' : ''}/portal/${input.slug}/${input.year}`, env).href,
    });
  return {
    to: input.to,
    subject: `${translate('da', `reminders.mail.subject.${input.kind}`, { year: input.year })} / ${translate('en', `reminders.mail.subject.${input.kind}`, { year: input.year })}`,
    text: `${text('da')}\n\n----- English -----\n\n${text('en')}`,
  };
}
