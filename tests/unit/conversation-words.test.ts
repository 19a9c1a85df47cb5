// The conversation read from either side (issue 16): one namespace of words, where a thread
// stands said for its reader, in both languages.
import { describe, expect, it } from 'vitest';
import { threadViews } from '@/lib/conversation/display';
import type { Thread } from '@/lib/conversation/rules';
import { threadWords } from '@/lib/conversation/words';

const flag = {
  id: 1,
  indicatorKey: 'innovation_projects',
  fromSecretariat: true,
  kind: 'flag' as const,
  body: 'Hvorfor så mange?',
  authorName: 'Sekretær',
  authorEmail: 'admin@example.org',
  at: '2026-11-30T10:00:00.000Z',
};
const threads: Thread[] = [
  { indicatorKey: 'innovation_projects', messages: [flag], open: true, awaitingAnswer: true },
  {
    indicatorKey: 'participants',
    messages: [
      { ...flag, id: 2, indicatorKey: 'participants' },
      {
        ...flag,
        id: 3,
        indicatorKey: 'participants',
        fromSecretariat: false,
        kind: 'message',
        body: 'Fordi.',
      },
    ],
    open: true,
    awaitingAnswer: false,
  },
  {
    indicatorKey: null,
    messages: [{ ...flag, id: 4, indicatorKey: null, kind: 'return' }],
    open: false,
    awaitingAnswer: false,
  },
];
const labels = { innovation_projects: 'Innovationsprojekter', participants: 'Deltagende virksomheder' };

const read = (locale: 'da' | 'en', side: 'organisation' | 'secretariat') =>
  threadViews(threads, { side, locale, labels, words: threadWords(locale, side) });

describe('the conversation in words', () => {
  it('tells each side where a thread stands, in its own words', () => {
    const statuses: [locale: 'da' | 'en', side: 'organisation' | 'secretariat', words: string[]][] = [
      ['da', 'organisation', ['venter på jeres svar', 'besvaret', 'afsluttet']],
      ['da', 'secretariat', ['venter på organisationens svar', 'organisationen har svaret', 'afsluttet']],
      ['en', 'organisation', ['waiting for your answer', 'answered', 'closed']],
      [
        'en',
        'secretariat',
        ["waiting for the organisation's answer", 'the organisation has answered', 'closed'],
      ],
    ];
    for (const [locale, side, words] of statuses)
      expect(
        read(locale, side).map((thread) => thread.status),
        `${locale} ${side}`,
      ).toEqual(words);
  });

  it('names the whole report, the secretariat and what a flag or return did, the same on both sides', () => {
    for (const side of ['organisation', 'secretariat'] as const) {
      const [flagged, , whole] = read('da', side);
      expect(whole?.title).toBe('Indberetningen som helhed');
      expect(whole?.messages[0]?.kind).toBe('sendt retur');
      expect(flagged?.messages[0]?.kind).toBe('markeret til opfølgning');
    }
    // the secretariat sees which of its people wrote; the organisation sees the secretariat
    expect(read('da', 'organisation')[0]?.messages[0]?.who).toBe('Sekretariatet');
    expect(read('da', 'secretariat')[0]?.messages[0]?.who).toBe('Sekretariatet (Sekretær)');
    expect(read('en', 'organisation')[2]?.title).toBe('The report as a whole');
  });
});
