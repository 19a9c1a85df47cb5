// Danish time (Europe/Copenhagen) for what people read and filter by: a day in a filter starts
// at Danish midnight, an export's timestamps are Danish wall-clock time, not UTC, and release
// times are announced in Danish time ("1. marts 2018 kl. 10.00") and stored as instants.
// Pure: no I/O, unit-tested across the changes to and from summer time.
export const DANISH_TIME_ZONE = 'Europe/Copenhagen';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: DANISH_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Danish wall-clock fields of an instant. */
function wallClock(instant: Date) {
  const fields = Object.fromEntries(
    parts.formatToParts(instant).map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  return {
    year: Number(fields.year),
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
  };
}

/** How far Danish time is ahead of UTC at an instant, in milliseconds (1 or 2 hours). */
function offsetAt(instant: Date): number {
  const wall = wallClock(instant);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a Danish calendar day (YYYY-MM-DD) begins. Denmark changes clocks at 02:00 and
 * 03:00, never at midnight, so the offset an hour either side of midnight is the day's.
 */
export function danishDayStart(isoDate: string): Date {
  const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
  return new Date(utcMidnight - offsetAt(new Date(utcMidnight)));
}

/** The instant the Danish day after `isoDate` begins: the end of a "to" filter. */
export function danishDayEnd(isoDate: string): Date {
  const next = new Date(Date.parse(`${isoDate}T00:00:00Z`) + 24 * 3600 * 1000).toISOString().slice(0, 10);
  return danishDayStart(next);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "2017-03-01 14:05" in Danish time: what a spreadsheet sorts and reads as a date in any language. */
export function danishTimestamp(instant: Date): string {
  const wall = wallClock(instant);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** The Danish calendar day of an instant, YYYY-MM-DD. */
export function danishDate(instant: Date): string {
  const wall = wallClock(instant);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The Danish wall-clock reading of an instant: { date: '2018-03-01', time: '10:00' }. */
export function danishWallClock(instant: Date): { date: string; time: string } {
  const wall = wallClock(instant);
  return { date: danishDate(instant), time: `${pad(wall.hour)}:${pad(wall.minute)}` };
}

export type DanishTimeProblem = 'date_invalid' | 'time_invalid' | 'time_does_not_exist';

/**
 * The instant a Danish date and time of day name. A time skipped when summer time begins (02:30
 * on the last Sunday of March) does not exist; a time that happens twice when it ends is taken
 * the first time, in summer time.
 */
export function danishTimeToInstant(date: string, time: string): Date | DanishTimeProblem {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!dateMatch) return 'date_invalid';
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time.trim());
  if (!timeMatch) return 'time_invalid';
  const [year, month, day] = dateMatch.slice(1).map(Number) as [number, number, number];
  const [hour, minute] = timeMatch.slice(1).map(Number) as [number, number];
  if (hour > 23 || minute > 59) return 'time_invalid';
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return 'date_invalid';
  }
  const wanted = `${date.trim()} ${time.trim()}`;
  // Denmark is UTC+1 or UTC+2: try summer time first (the earlier instant of a repeated hour)
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3600_000);
    const reading = danishWallClock(candidate);
    if (`${reading.date} ${reading.time}` === wanted) return candidate;
  }
  return 'time_does_not_exist';
}
