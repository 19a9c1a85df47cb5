// The reporting texts in one object per language: the rule and CSV templates the entry form's
// live checks fill in the browser (the root provider carries no messages), and the summaries.
import { loadMessages } from '@/i18n/messages';
import type { Locale } from '@/lib/format';
import type { CsvMessages, RuleMessages } from './rules';

export interface SubmissionMessages {
  rules: RuleMessages;
  csv: CsvMessages;
  /** the summary lines of refusals (portal.messages) */
  text: Record<
    | 'invalid'
    | 'closed'
    | 'readOnly'
    | 'conflict'
    | 'conflictChange'
    | 'conflictState'
    | 'csvInvalid'
    | 'csvMore'
    | 'noFile'
    | 'notFound',
    string
  >;
}

export function submissionMessages(locale: Locale): SubmissionMessages {
  const portal = loadMessages(locale).portal as Record<string, Record<string, string>>;
  return {
    rules: portal.rules as unknown as SubmissionMessages['rules'],
    csv: portal.csv as unknown as SubmissionMessages['csv'],
    text: portal.messages as unknown as SubmissionMessages['text'],
  };
}
