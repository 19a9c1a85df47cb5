// The receipt of a submitted report (issue 16): a plain-text mail to every staff member of the
// organisation, through the one mail path (lib/mail/send.ts), saying who submitted what and when,
// with the figures as submitted and a link to the report. Sent after the submission has committed:
// a mail that fails costs the submission nothing, and the audit trail records who was sent it.
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { translate } from '@/i18n/messages';
import { localePath } from '@/i18n/paths';
import type { MemberStepContext } from '@/lib/actions/define';
import { formatDateTime, type Locale } from '@/lib/format';
import { sendMail } from '@/lib/mail/send';
import { siteUrl } from '@/lib/site-url';
import { ok } from '@/lib/result';
import { formatFigure } from './display';
import { type Entry, type FormIndicator, labelOf } from './rules';

/** The organisation's staff who take part: enabled staff members. */
export async function organisationStaff(db: Database, organisationId: number) {
  return db
    .select({ email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.organisationId, organisationId), eq(users.disabled, false), eq(users.role, 'staff')),
    )
    .orderBy(asc(users.email));
}

/** The receipt's text, one figure a line as the language writes numbers. */
export function receiptMail(input: {
  locale: Locale;
  organisation: string;
  year: number;
  submittedBy: string;
  submittedAt: Date;
  indicators: FormIndicator[];
  figures: Record<string, Entry | number>;
  link: string;
}) {
  const { locale } = input;
  const lines = input.indicators
    .filter((indicator) => input.figures[indicator.key] !== undefined)
    .map(
      (indicator) =>
        `- ${labelOf(indicator, locale)}: ${formatFigure(indicator.kind, input.figures[indicator.key], locale)}`,
    );
  return {
    subject: translate(locale, 'portal.receipt.subject', {
      organisation: input.organisation,
      year: input.year,
    }),
    text: translate(locale, 'portal.receipt.body', {
      organisation: input.organisation,
      year: input.year,
      who: input.submittedBy,
      when: formatDateTime(input.submittedAt, locale),
      figures: lines.length > 0 ? lines.join('\n') : translate(locale, 'portal.receipt.noFigures'),
      link: input.link,
    }),
  };
}

/** Sends the receipt to each of the organisation's staff and records who it went to. */
export async function sendSubmissionReceipt(
  ctx: MemberStepContext,
  input: {
    submissionId: number;
    year: number;
    submittedAt: Date;
    indicators: FormIndicator[];
    figures: Record<string, Entry | number>;
  },
) {
  const recipients = await organisationStaff(ctx.tx, ctx.organisation.id);
  const mail = receiptMail({
    locale: ctx.locale,
    organisation: ctx.organisation.name,
    year: input.year,
    submittedBy: ctx.actor.name ? `${ctx.actor.name} (${ctx.actor.email})` : ctx.actor.email,
    submittedAt: input.submittedAt,
    indicators: input.indicators,
    figures: input.figures,
    link: siteUrl(localePath(ctx.locale, `/portal/${ctx.organisation.slug}/${input.year}`), ctx.config).href,
  });
  const sent: { email: string; delivered: boolean }[] = [];
  for (const recipient of recipients) {
    const { delivered } = await sendMail({ to: recipient.email, ...mail }, ctx.config);
    sent.push({ email: recipient.email, delivered });
  }
  await ctx.transaction(async ({ audit }) => {
    await audit({
      action: 'submission.receipt_sent',
      entityType: 'submission',
      entityId: input.submissionId,
      organisationId: ctx.organisation.id,
      after: { recipients: sent },
    });
    return ok(undefined);
  });
  return sent;
}
