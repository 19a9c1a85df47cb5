// Which reminder an organisation is due on a Danish day (issue 16, item 9): days before the
// deadline up to the deadline day, days after it from then on, each once per deadline.
import { describe, expect, it } from 'vitest';
import { addDays, dueReminder, type ReminderKind, reminderDays } from '@/lib/reminders/rules';

const settings = { daysBefore: 7, daysAfter: 3 };
const none = new Set<ReminderKind>();
const due = (today: string, overrides: Partial<Parameters<typeof dueReminder>[0]> = {}) =>
  dueReminder({ state: 'draft', deadline: '2027-03-15', today, settings, sent: none, ...overrides });

describe('reminder days', () => {
  it('counts calendar days across months and leap days', () => {
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-12-30', 3)).toBe('2028-01-02');
  });

  it('puts the reminders the set number of days from the deadline; null is none', () => {
    expect(reminderDays('2027-03-15', settings)).toEqual({ before: '2027-03-08', after: '2027-03-18' });
    expect(reminderDays('2027-03-15', { daysBefore: null, daysAfter: 1 })).toEqual({
      before: null,
      after: '2027-03-16',
    });
  });
});

describe('the reminder due today', () => {
  it('is none until the day before the deadline comes, then "before" up to the deadline day', () => {
    expect(due('2027-03-07')).toBeNull();
    expect(due('2027-03-08')).toBe('before');
    expect(due('2027-03-15')).toBe('before');
  });

  it('is none in the days just after the deadline, then "after" from its day on', () => {
    expect(due('2027-03-16')).toBeNull();
    expect(due('2027-03-17')).toBeNull();
    expect(due('2027-03-18')).toBe('after');
    expect(due('2027-06-01')).toBe('after');
  });

  it('is not due again once sent for this deadline', () => {
    expect(due('2027-03-10', { sent: new Set(['before']) })).toBeNull();
    expect(due('2027-03-20', { sent: new Set(['before', 'after']) })).toBeNull();
    // sent before, not yet after: the after-reminder still comes
    expect(due('2027-03-20', { sent: new Set(['before']) })).toBe('after');
  });

  it('reaches those who have not handed in only', () => {
    for (const state of ['not_started', 'draft', 'returned'])
      expect(due('2027-03-10', { state })).toBe('before');
    for (const state of ['submitted', 'approved', 'excluded'])
      expect(due('2027-03-10', { state })).toBeNull();
  });

  it('sends nothing on a side the secretariat turned off', () => {
    const off = { daysBefore: null, daysAfter: null };
    expect(due('2027-03-10', { settings: off })).toBeNull();
    expect(due('2027-03-20', { settings: off })).toBeNull();
  });

  it('on the deadline day itself with 0 days before', () => {
    const onTheDay = { daysBefore: 0, daysAfter: 1 };
    expect(due('2027-03-14', { settings: onTheDay })).toBeNull();
    expect(due('2027-03-15', { settings: onTheDay })).toBe('before');
    expect(due('2027-03-16', { settings: onTheDay })).toBe('after');
  });
});
