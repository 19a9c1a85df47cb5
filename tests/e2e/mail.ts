// The test SMTP server (tests/helpers/smtp-server.ts) on the port playwright.config.ts gives the
// app (E2E_PORT + 1000): a test starts it, triggers a mail, and reads the link out of it.
import { openInbox as openInboxOn } from '../helpers/smtp-server';
import { SMTP_PORT } from './ports';

export { decodeMail, type Inbox, linkIn } from '../helpers/smtp-server';

export const openInbox = (options: { hold?: boolean } = {}) => openInboxOn(SMTP_PORT, options);
