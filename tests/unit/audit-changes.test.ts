// An audit event's before and after as a change list a person reads (issue 16, item 11), and
// the Danish days and times the log is filtered and exported by.
import { describe, expect, it } from 'vitest';
import { changeEntries, describeChanges, MAX_CHANGE_LINES, type Vocabulary } from '@/lib/audit/changes';
import { danishDate, danishDayEnd, danishDayStart, danishTimestamp } from '@/lib/time-zone';

const words: Vocabulary = {
  field: (name) =>
    ({
      state: 'Status',
      remark: 'Bemærkning',
      deadlineOverride: 'Organisationens frist',
      comment: 'Forklaring',
    })[name],
  indicator: (key) =>
    ({ participants: 'Deltagende virksomheder', innovation_projects: 'Innovationsprojekter' })[key],
  code: (field, value) =>
    field === 'state' ? { submitted: 'Indsendt', returned: 'Sendt retur' }[value] : undefined,
  yes: 'Ja',
  no: 'Nej',
  none: '–',
  number: (value) => new Intl.NumberFormat('da-DK').format(value),
  date: (iso) => `dato ${iso}`,
  dateTime: (instant) => `tid ${instant.toISOString()}`,
};

describe('the change list', () => {
  it('says each changed field in words, states and figures included, and leaves the rest out', () => {
    const { lines } = describeChanges(
      { state: 'submitted', version: 3, remark: null, deadlineOverride: null },
      { state: 'returned', version: 3, remark: 'Tjek listen', deadlineOverride: '2024-05-20' },
      words,
    );
    expect(lines).toEqual([
      { field: 'Status', before: 'Indsendt', after: 'Sendt retur' },
      { field: 'Bemærkning', before: '–', after: 'Tjek listen' },
      { field: 'Organisationens frist', before: '–', after: 'dato 2024-05-20' },
    ]);
  });

  it('names a submission’s figures by their indicator, a removed figure and an explanation included', () => {
    const { lines } = describeChanges(
      {
        values: {
          participants: { value: 1200, denominator: null, comment: null },
          innovation_projects: null,
        },
      },
      {
        values: {
          participants: { value: 1300, denominator: null, comment: 'Flere medlemmer' },
          innovation_projects: { value: 4, denominator: null, comment: null },
        },
      },
      words,
    );
    expect(lines).toEqual([
      { field: 'Deltagende virksomheder', before: '1.200', after: '1.300' },
      { field: 'Deltagende virksomheder › Forklaring', before: '–', after: 'Flere medlemmer' },
      { field: 'Innovationsprojekter', before: '–', after: '4' },
    ]);
    const removed = describeChanges(
      { values: { participants: { value: 5 } } },
      { values: { participants: null } },
      words,
    );
    expect(removed.lines).toEqual([{ field: 'Deltagende virksomheder', before: '5', after: '–' }]);
  });

  it('shows lists, booleans, timestamps and unknown fields as they are, never as JSON', () => {
    const { lines } = describeChanges(
      null,
      {
        recipients: ['a@example.org', 'b@example.org'],
        flagged: true,
        at: '2024-01-02T03:04:05.000Z',
        mystery: 'x',
      },
      words,
    );
    expect(lines).toEqual([
      { field: 'recipients', before: '–', after: 'a@example.org, b@example.org' },
      { field: 'flagged', before: '–', after: 'Ja' },
      { field: 'at', before: '–', after: 'tid 2024-01-02T03:04:05.000Z' },
      { field: 'mystery', before: '–', after: 'x' },
    ]);
  });

  it('a long change list is cut with the number left out; nothing changed is no line', () => {
    const many = Object.fromEntries(
      Array.from({ length: MAX_CHANGE_LINES + 5 }, (_, index) => [`f${index}`, index]),
    );
    const { lines, more } = describeChanges({}, many, words);
    expect(lines).toHaveLength(MAX_CHANGE_LINES);
    expect(more).toBe(5);
    expect(changeEntries({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toEqual([]);
  });
});

describe('Danish time', () => {
  it('a day begins at Danish midnight, summer and winter', () => {
    expect(danishDayStart('2024-01-15').toISOString()).toBe('2024-01-14T23:00:00.000Z');
    expect(danishDayStart('2024-07-15').toISOString()).toBe('2024-07-14T22:00:00.000Z');
    expect(danishDayEnd('2024-03-30').toISOString()).toBe('2024-03-30T23:00:00.000Z');
    // the night the clocks go forward, and back
    expect(danishDayEnd('2024-03-31').toISOString()).toBe('2024-03-31T22:00:00.000Z');
    expect(danishDayEnd('2024-10-27').toISOString()).toBe('2024-10-27T23:00:00.000Z');
  });

  it('timestamps and days are Danish wall-clock time', () => {
    expect(danishTimestamp(new Date('2024-07-01T22:30:00Z'))).toBe('2024-07-02 00:30');
    expect(danishTimestamp(new Date('2024-12-31T23:59:00Z'))).toBe('2025-01-01 00:59');
    expect(danishDate(new Date('2024-07-01T22:30:00Z'))).toBe('2024-07-02');
  });
});
