// One real SMTP server for tests (the `smtp-server` package on 127.0.0.1): integration tests
// point SMTP_URL at it, end-to-end tests give it the port the app sends to. Each mail is kept
// whole, with its envelope's recipients, until a test takes it.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface Inbox {
  /** smtp://127.0.0.1:<port>, for SMTP_URL */
  url: string;
  /** the next mail: one already here, or the next to arrive */
  next(): Promise<ReceivedMail>;
  /** mails arrived and not taken yet */
  waiting(): ReceivedMail[];
  /** with `hold`: the mails whose sending is held (the sender still waits for our answer) */
  held(): number;
  /** with `hold`: answers every held mail, so their senders carry on */
  release(): void;
  close(): Promise<void>;
}

/**
 * Starts the server on `port` (0: any free one). `hold`: the server takes each mail but does not
 * answer the sender until release() — a mail server that is slow to accept, to show what the app
 * does while a mail is being sent.
 */
export async function openInbox(port = 0, options: { hold?: boolean } = {}): Promise<Inbox> {
  const queue: ReceivedMail[] = [];
  const takers: ((mail: ReceivedMail) => void)[] = [];
  const holding: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const mail = { to: session.envelope.rcptTo.map((recipient) => recipient.address), raw };
        const deliver = () => {
          const take = takers.shift();
          if (take) take(mail);
          else queue.push(mail);
          callback();
        };
        if (options.hold) holding.push(deliver);
        else deliver();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    next: () => {
      const mail = queue.shift();
      return mail ? Promise.resolve(mail) : new Promise((resolve) => takers.push(resolve));
    },
    waiting: () => [...queue],
    held: () => holding.length,
    release: () => {
      for (const deliver of holding.splice(0)) deliver();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a plain-text mail (quoted-printable soft line breaks undone). */
export function linkIn(mail: ReceivedMail | string): URL {
  const raw = typeof mail === 'string' ? mail : mail.raw;
  const body = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = body.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in:\n${raw}`);
  return new URL(match[0]);
}

/** A single-part mail's Content-Type header and its body decoded to text (quoted-printable, base64 or as is; LF line ends). */
export function decodeMail(mail: ReceivedMail | string): { contentType: string; body: string } {
  const raw = typeof mail === 'string' ? mail : mail.raw;
  const split = raw.indexOf('\r\n\r\n');
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const encoded = raw.slice(split + 4);
  const header = (name: string) =>
    headerText
      .split('\r\n')
      .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      ?.slice(name.length + 1)
      .trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  let body: string;
  if (encoding === 'quoted-printable') {
    const bytes: number[] = [];
    const text = encoded.replace(/=\r?\n/g, '');
    for (let index = 0; index < text.length; index++) {
      const match = text[index] === '=' ? text.slice(index + 1, index + 3).match(/^[0-9A-Fa-f]{2}$/) : null;
      if (match) {
        bytes.push(Number.parseInt(match[0], 16));
        index += 2;
      } else bytes.push(...Buffer.from(text.charAt(index), 'utf8'));
    }
    body = Buffer.from(bytes).toString('utf8');
  } else if (encoding === 'base64')
    body = Buffer.from(encoded.replace(/\s+/g, ''), 'base64').toString('utf8');
  else body = encoded;
  return { contentType: header('Content-Type'), body: body.replace(/\r\n/g, '\n') };
}
