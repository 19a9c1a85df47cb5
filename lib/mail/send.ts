// Outgoing mail, the one path for all of it (invitations, password resets, the secretariat's
// reminders): through SMTP (nodemailer) when SMTP_URL is set; otherwise the message is written to
// the server log and the caller shows the secretariat what was not sent (an invitation's link to copy).
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export async function sendMail(
  mail: OutgoingMail,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ delivered: boolean }> {
  const url = env.SMTP_URL?.trim();
  if (!url) {
    console.log(`[mail] SMTP_URL is not set; not sent to ${mail.to}: ${mail.subject}\n${mail.text}`);
    return { delivered: false };
  }
  const transport = nodemailer.createTransport(url);
  try {
    await transport.sendMail({
      from: env.MAIL_FROM?.trim() || 'Klyngeregnskab <no-reply@klyngeregnskab.invalid>',
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
    return { delivered: true };
  } catch (error) {
    console.error(`[mail] could not send to ${mail.to}: ${error instanceof Error ? error.message : error}`);
    return { delivered: false };
  } finally {
    transport.close();
  }
}
