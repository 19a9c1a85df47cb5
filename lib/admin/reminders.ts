// Reminder mail to the staff of organisations that have not submitted for a year, through the one
// mail path (lib/mail/send.ts): sent by SMTP when SMTP_URL is set, otherwise logged and listed.
import type { Database } from '@/db/client';
import { translate } from '@/i18n/messages';
import { recordAuditEvent } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { checkAdmin } from '@/lib/auth/permissions';
import { formatDate } from '@/lib/format';
import { sendMail } from '@/lib/mail/send';
import { ok } from '@/lib/result';
import { getRoundOverview, reminderRecipients } from './overview';

export async function sendReminders(
  db: Database,
  actor: Actor | null,
  input: { year: number; baseUrl?: string },
  env: NodeJS.ProcessEnv = process.env,
) {
  const denied = await checkAdmin(db, actor, 'round.remind');
  if (denied) return denied;
  const overview = await getRoundOverview(db, actor, { year: input.year });
  if (!overview.ok) return overview;
  const pending = overview.value.rows.filter((row) =>
    ['not_started', 'draft', 'returned'].includes(row.state),
  );
  const deadlines = new Map(pending.map((row) => [row.organisationId, row.deadline]));
  const recipients = await reminderRecipients(
    db,
    pending.map((row) => row.organisationId),
  );
  const sent: { email: string; organisation: string; delivery: 'smtp' | 'logged' }[] = [];
  for (const recipient of recipients) {
    const deadline = formatDate(deadlines.get(recipient.organisationId)!, 'da');
    const link = `${input.baseUrl ?? ''}/portal`;
    const { delivered } = await sendMail(
      {
        to: recipient.email,
        subject: translate('da', 'admin.reminder.subject', { year: input.year }),
        text: translate('da', 'admin.reminder.body', {
          name: recipient.name,
          organisation: recipient.organisation,
          year: input.year,
          deadline,
          link,
        }),
      },
      env,
    );
    // not delivered (no SMTP_URL, or the server refused): written to the log, listed for the secretariat
    sent.push({
      email: recipient.email,
      organisation: recipient.organisation,
      delivery: delivered ? 'smtp' : 'logged',
    });
  }
  await recordAuditEvent(db, {
    actorId: actor!.userId,
    actorEmail: actor!.email,
    action: 'round.remind',
    entityType: 'reporting_year',
    entityId: input.year,
    after: { recipients: sent.map((entry) => entry.email) },
    ip: actor!.ip,
  });
  return ok({ sent });
}
