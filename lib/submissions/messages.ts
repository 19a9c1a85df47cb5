// The reporting texts in one object per language, for lib/submissions core functions (server) and
// as props for the client form (the root provider carries no messages).
import { loadMessages } from '@/i18n/messages';
import type { Locale } from '@/lib/format';
import type { SubmissionMessages } from './save';

export function submissionMessages(locale: Locale): SubmissionMessages {
  const portal = loadMessages(locale).portal as Record<string, Record<string, string>>;
  return {
    rules: portal.rules as unknown as SubmissionMessages['rules'],
    csv: portal.csv as unknown as SubmissionMessages['csv'],
    text: portal.messages as unknown as SubmissionMessages['text'],
  };
}
