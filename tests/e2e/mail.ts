// A real SMTP server for end-to-end tests, on the port playwright.config.ts gives the app
// (E2E_PORT + 1000): a test starts it, triggers a mail, and reads the link out of it.
import { SMTPServer } from 'smtp-server';

export interface Inbox {
  next(): Promise<string>;
  close(): Promise<void>;
}

export async function openInbox(): Promise<Inbox> {
  const queue: string[] = [];
  const waiting: ((raw: string) => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const resolve = waiting.shift();
        if (resolve) resolve(raw);
        else queue.push(raw);
        callback();
      });
    },
  });
  const port = Number(process.env.E2E_PORT ?? 3100) + 1000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    next: () => {
      const raw = queue.shift();
      return raw ? Promise.resolve(raw) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a plain-text mail (quoted-printable soft line breaks undone). */
export function linkIn(raw: string): URL {
  const body = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = body.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in:\n${raw}`);
  return new URL(match[0]);
}

/** A single-part mail's Content-Type header and its body decoded to text (quoted-printable, base64 or as is; LF line ends). */
export function decodeMail(raw: string): { contentType: string; body: string } {
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
      } else bytes.push(...Buffer.from(text[index]!, 'utf8'));
    }
    body = Buffer.from(bytes).toString('utf8');
  } else if (encoding === 'base64')
    body = Buffer.from(encoded.replace(/\s+/g, ''), 'base64').toString('utf8');
  else body = encoded;
  return { contentType: header('Content-Type'), body: body.replace(/\r\n/g, '\n') };
}
