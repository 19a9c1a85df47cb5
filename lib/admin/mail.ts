// Outgoing mail: through nodemailer when SMTP_URL is set; otherwise logged (and shown to the
// secretariat), so a demo without a mail server still tells what would have been sent.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export type MailDelivery = 'smtp' | 'logged';

export async function deliverMail(
  mail: OutgoingMail,
  env: NodeJS.ProcessEnv = process.env,
): Promise<MailDelivery> {
  const url = env.SMTP_URL?.trim();
  if (!url) {
    console.info(`[mail not sent: no SMTP_URL] to=${mail.to} subject=${JSON.stringify(mail.subject)}`);
    return 'logged';
  }
  const transport = nodemailer.createTransport(url);
  await transport.sendMail({
    from: env.MAIL_FROM?.trim() || 'Klyngeregnskab <noreply@klyngeregnskab.example>',
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
  });
  return 'smtp';
}
