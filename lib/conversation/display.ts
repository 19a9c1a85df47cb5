// The conversation's threads put in words for one side's page (pure): who wrote, when, what a
// flag or return did, where each thread stands for this reader, and whether they may write in it.
import { formatDateTime, type Locale } from '@/lib/format';
import type { Thread } from './rules';

export interface ThreadMessageView {
  id: number;
  who: string;
  when: string | null;
  /** what the message did besides its text: "Marked for follow-up", "Returned" */
  kind: string | null;
  body: string;
  fromSecretariat: boolean;
}

export interface ThreadView {
  /** the indicator's key, or '' for the submission as a whole */
  key: string;
  title: string;
  /** "waiting for your answer", "answered", "closed" */
  status: string;
  awaitingAnswer: boolean;
  messages: ThreadMessageView[];
  /** whether the reader may write in it here */
  writable: boolean;
}

export interface ThreadWords {
  /** the title of the thread about the submission as a whole */
  submission: string;
  secretariat: string;
  awaiting: string;
  answered: string;
  closed: string;
  kinds: { flag: string; unflag: string; return: string };
}

export function threadViews(
  threads: Thread[],
  options: {
    side: 'organisation' | 'secretariat';
    locale: Locale;
    /** indicator key → its label */
    labels: Record<string, string>;
    words: ThreadWords;
  },
): ThreadView[] {
  const { side, locale, words } = options;
  return threads.map((thread) => {
    const last = thread.messages.at(-1);
    return {
      key: thread.indicatorKey ?? '',
      title: thread.indicatorKey
        ? (options.labels[thread.indicatorKey] ?? thread.indicatorKey)
        : words.submission,
      status: thread.awaitingAnswer ? words.awaiting : thread.open ? words.answered : words.closed,
      awaitingAnswer: thread.awaitingAnswer,
      // staff answer where the secretariat asks; the secretariat may always write
      writable: side === 'secretariat' || thread.open || last?.fromSecretariat === true,
      messages: thread.messages.map((message) => ({
        id: message.id,
        fromSecretariat: message.fromSecretariat,
        who: message.fromSecretariat
          ? side === 'secretariat' && message.authorName
            ? `${words.secretariat} (${message.authorName})`
            : words.secretariat
          : message.authorName && message.authorEmail
            ? `${message.authorName} (${message.authorEmail})`
            : (message.authorEmail ?? message.authorName ?? '–'),
        when: message.at ? formatDateTime(message.at, locale) : null,
        kind: message.kind === 'message' ? null : words.kinds[message.kind],
        body: message.body,
      })),
    };
  });
}
