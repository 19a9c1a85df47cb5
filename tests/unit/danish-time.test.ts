import { describe, expect, it } from 'vitest';
import { danishTimeToInstant, danishWallClock } from '@/lib/time-zone';

describe('release times in Danish time', () => {
  it('reads winter time as UTC+1 and summer time as UTC+2', () => {
    expect(danishTimeToInstant('2018-03-01', '10:00')).toEqual(new Date('2018-03-01T09:00:00Z'));
    expect(danishTimeToInstant('2018-06-01', '10:00')).toEqual(new Date('2018-06-01T08:00:00Z'));
  });

  it('refuses the half hour skipped when summer time begins', () => {
    expect(danishTimeToInstant('2018-03-25', '02:30')).toBe('time_does_not_exist');
    expect(danishTimeToInstant('2018-03-25', '03:00')).toEqual(new Date('2018-03-25T01:00:00Z'));
  });

  it('takes a repeated time at the end of summer time the first time round', () => {
    expect(danishTimeToInstant('2018-10-28', '02:30')).toEqual(new Date('2018-10-28T00:30:00Z'));
  });

  it('refuses dates and times that are not there', () => {
    expect(danishTimeToInstant('2018-02-30', '10:00')).toBe('date_invalid');
    expect(danishTimeToInstant('1. marts', '10:00')).toBe('date_invalid');
    expect(danishTimeToInstant('2018-03-01', '24:00')).toBe('time_invalid');
    expect(danishTimeToInstant('2018-03-01', '10')).toBe('time_invalid');
  });

  it('reads an instant back as the Danish wall clock', () => {
    expect(danishWallClock(new Date('2018-03-01T09:00:00Z'))).toEqual({ date: '2018-03-01', time: '10:00' });
    expect(danishWallClock(new Date('2018-06-30T22:30:00Z'))).toEqual({ date: '2018-07-01', time: '00:30' });
  });
});
