// Issue 16's pure rules: the kept draft's merge, the conversation's threads, derived figures and
// settled warnings under the ±50 % rule, the timeline's words, and every new text in both languages.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ConversationMessage, threadsOf } from '@/lib/conversation/rules';
import { timelineLabel } from '@/lib/submissions/display';
import { restoreKeptDraft, unsavedFields } from '@/lib/submissions/kept-draft-rules';
import { checkCompanyTable, parseCompanyCsv, validateEntries } from '@/lib/submissions/rules';
import { formIndicator as indicator } from '../helpers/form-indicator';

describe('the kept draft', () => {
  it('keeps only what differs from the form as opened, with what it was', () => {
    expect(unsavedFields({ a: '1', b: '2' }, { a: '1', b: '3', c: '4' })).toEqual({
      typed: { b: '3', c: '4' },
      opened: { b: '2', c: '' },
    });
    expect(unsavedFields({ a: '1' }, { a: '1', b: '' })).toEqual({ typed: {}, opened: {} });
  });

  it('puts typing back where nobody saved since, and keeps the other person’s save where they did', () => {
    const restored = restoreKeptDraft(
      // saved now: a changed by someone else, b untouched, c already what was typed
      { a: '130', b: '2', c: '9' },
      { typed: { a: '150', b: '5', c: '9', d: 'new' }, opened: { a: '100', b: '2', c: '1', d: '' } },
    );
    expect(restored).toEqual({
      fields: { a: '130', b: '5', c: '9', d: 'new' },
      restored: ['b', 'd'],
      conflicts: [{ name: 'a', mine: '150', theirs: '130' }],
    });
  });

  it('a field emptied by the typist is put back empty; one someone else emptied is a conflict', () => {
    expect(restoreKeptDraft({ a: '1' }, { typed: { a: '' }, opened: { a: '1' } }).fields).toEqual({ a: '' });
    expect(restoreKeptDraft({}, { typed: { a: '5' }, opened: { a: '1' } }).conflicts).toEqual([
      { name: 'a', mine: '5', theirs: '' },
    ]);
  });
});

describe('figures from the company list under the ±50 % rule (issue 16)', () => {
  const indicators = [indicator('participants', { required: true }), indicator('new_ideas')];
  const base = { indicators, locale: 'en' as const, lastYear: { participants: 568, new_ideas: 10 } };

  it('a derived figure far off last year needs an explanation on submit, and the explanation is returned', () => {
    const refused = validateEntries({
      ...base,
      fields: {},
      mode: 'submit',
      derived: { participants: 10, new_ideas: 9 },
    });
    expect(refused.ok).toBe(false);
    expect(refused.issues).toEqual({
      participants_comment: [
        { code: 'explanationRequired', values: { field: 'EN participants', last: '568', current: '10' } },
      ],
    });
    expect(refused.warnings).toEqual([{ key: 'participants', last: 568, current: 10, change: -(558 / 568) }]);
    const explained = validateEntries({
      ...base,
      fields: { participants_comment: '  From the CVR list now.  ' },
      mode: 'submit',
      derived: { participants: 10, new_ideas: 9 },
    });
    expect(explained.ok).toBe(true);
    expect(explained.explanations).toEqual({ participants: 'From the CVR list now.', new_ideas: null });
    // a derived figure is never a typed value
    expect(explained.values).toEqual({});
  });

  it('a derived figure’s explanation is held to the same length and characters as a typed one', () => {
    const result = validateEntries({
      ...base,
      fields: { participants_comment: 'x'.repeat(1001) },
      mode: 'draft',
      derived: { participants: 10 },
    });
    expect(result.issues.participants_comment?.map((issue) => issue.code)).toEqual(['commentTooLong']);
  });

  it('a big change still at the approved figure is settled: warned, not asked again; changed, it is asked', () => {
    const settled = { participants: { value: 10, denominator: null } };
    const unchanged = validateEntries({ ...base, fields: { participants: '10' }, mode: 'submit', settled });
    expect(unchanged.ok).toBe(true);
    expect(unchanged.warnings).toEqual([expect.objectContaining({ key: 'participants', settled: true })]);
    const changed = validateEntries({ ...base, fields: { participants: '12' }, mode: 'submit', settled });
    expect(Object.keys(changed.issues)).toEqual(['participants_comment']);
    expect(changed.warnings[0]?.settled).toBeUndefined();
    // derived figures alike
    const derived = validateEntries({
      ...base,
      fields: {},
      mode: 'submit',
      derived: { participants: 10 },
      settled,
    });
    expect(derived.ok).toBe(true);
  });
});

describe('the company list’s rules on any table', () => {
  it('row numbers are the file’s: a spreadsheet that skips rows reports its own numbers', () => {
    const result = checkCompanyTable([
      { row: 1, cells: ['cvr'] },
      { row: 4, cells: ['12345678'] },
    ]);
    expect(result).toEqual({ ok: false, problems: [{ code: 'cvrChecksum', row: 4, value: '12345678' }] });
  });

  it('a CSV gives the same answer through the table as before', () => {
    expect(parseCompanyCsv('cvr\n12345678\n')).toEqual({
      ok: false,
      problems: [{ code: 'cvrChecksum', row: 2, value: '12345678' }],
    });
  });
});

describe('the conversation’s threads', () => {
  const message = (overrides: Partial<ConversationMessage>): ConversationMessage => ({
    id: 1,
    indicatorKey: 'innovation_projects',
    fromSecretariat: true,
    kind: 'flag',
    body: 'Hvilke projekter?',
    authorName: 'Admin',
    authorEmail: 'admin@example.org',
    at: '2022-02-01T10:00:00.000Z',
    ...overrides,
  });

  it('a flag waits for the organisation’s answer until they write; removing it closes the thread', () => {
    const flags = [{ indicatorKey: 'innovation_projects', note: 'Hvilke projekter?' }];
    const asked = threadsOf([message({})], { flags, state: 'submitted', remark: null });
    expect(asked).toEqual([expect.objectContaining({ open: true, awaitingAnswer: true })]);
    const answered = threadsOf([message({}), message({ id: 2, fromSecretariat: false, kind: 'message' })], {
      flags,
      state: 'submitted',
      remark: null,
    });
    expect(answered[0]).toMatchObject({ open: true, awaitingAnswer: false });
    const closed = threadsOf([message({}), message({ id: 2, kind: 'unflag', body: '' })], {
      flags: [],
      state: 'submitted',
      remark: null,
    });
    expect(closed[0]).toMatchObject({ open: false, awaitingAnswer: false });
  });

  it('a flag or remark from before the conversation was kept is its first message; the report’s thread first', () => {
    const threads = threadsOf(
      [],
      {
        flags: [{ indicatorKey: 'participants', note: 'Old note' }],
        state: 'returned',
        remark: 'Tjek tallene.',
      },
      ['participants'],
    );
    expect(
      threads.map((thread) => [thread.indicatorKey, thread.messages[0]?.kind, thread.messages[0]?.body]),
    ).toEqual([
      [null, 'return', 'Tjek tallene.'],
      ['participants', 'flag', 'Old note'],
    ]);
    expect(threads.every((thread) => thread.awaitingAnswer)).toBe(true);
  });

  it('threads follow the form’s order of indicators', () => {
    const threads = threadsOf(
      [message({ indicatorKey: 'b' }), message({ id: 2, indicatorKey: 'a' })],
      { flags: [], state: 'submitted', remark: null },
      ['a', 'b'],
    );
    expect(threads.map((thread) => thread.indicatorKey)).toEqual(['a', 'b']);
  });
});

describe('the timeline in words', () => {
  it('names the secretariat’s steps by what they did: a return is “returned”, never “changed”', () => {
    expect(timelineLabel('submission.return', null)).toBe('returned');
    expect(timelineLabel('submission.approve', null)).toBe('approved');
    expect(timelineLabel('value.flag', null)).toBe('value_flagged');
    expect(timelineLabel('submission.message', { from: 'organisation' })).toBe('organisation_answered');
    expect(timelineLabel('submission.message', { from: 'secretariat' })).toBe('secretariat_wrote');
    expect(timelineLabel('something.else', null)).toBe('other');
  });

  it('every label the timeline can give has a text in both languages', () => {
    for (const locale of ['da', 'en']) {
      const portal = JSON.parse(fs.readFileSync(path.join('messages', locale, 'portal.json'), 'utf8'));
      const labels = [
        'submission.created',
        'submission.saved',
        'submission.submitted',
        'submission.return',
        'submission.approve',
        'submission.company_list_uploaded',
        'submission.extend_deadline',
        'submission.receipt_sent',
        'value.flag',
        'value.unflag',
        'import.figures',
        'other',
      ].map((action) => timelineLabel(action, null));
      for (const label of [...labels, 'organisation_answered', 'secretariat_wrote'])
        expect(typeof portal.form.timeline.actions[label], `${locale} ${label}`).toBe('string');
    }
  });
});

describe('messages in both languages', () => {
  /** Every key path of a messages file. */
  const keysOf = (node: unknown, prefix = ''): string[] =>
    typeof node === 'object' && node !== null
      ? Object.entries(node).flatMap(([key, value]) => keysOf(value, prefix ? `${prefix}.${key}` : key))
      : [prefix];

  it('every Danish text of the portal, the secretariat and their conversation has its English twin, and the reverse', () => {
    for (const file of ['portal.json', 'admin.json', 'conversation.json']) {
      const [da, en] = ['da', 'en'].map((locale) =>
        keysOf(JSON.parse(fs.readFileSync(path.join('messages', locale, file), 'utf8'))).sort(),
      );
      expect(en, file).toEqual(da);
    }
  });
});
