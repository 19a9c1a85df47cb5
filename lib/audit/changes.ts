// Pure: an audit event's before and after as a change list a person reads — one line per field
// that differs, "Frist: 1. marts 2021 → 15. marts 2021" — instead of two blobs of JSON. The words
// (field names, indicator names, states, dates) come from a Vocabulary the caller builds.
export type Leaf = string | number | boolean | null;
type Flat = Map<string, Leaf | Leaf[]>;

const MAX_DEPTH = 4;
/** beyond this many lines an event's change list says how many more there are */
export const MAX_CHANGE_LINES = 60;

function flatten(value: unknown, path: string[], into: Flat, depth = 0): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object') {
    into.set(path.join('\u0000'), value as Leaf);
    return;
  }
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) {
      into.set(path.join('\u0000'), value as Leaf[]);
      return;
    }
    if (depth >= MAX_DEPTH) {
      into.set(path.join('\u0000'), JSON.stringify(value));
      return;
    }
    value.forEach((item, index) => {
      flatten(item, [...path, String(index)], into, depth + 1);
    });
    return;
  }
  if (depth >= MAX_DEPTH) {
    into.set(path.join('\u0000'), JSON.stringify(value));
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  // an empty object reads as nothing, like null
  if (entries.length === 0 && path.length > 0) into.set(path.join('\u0000'), null);
  for (const [key, item] of entries) flatten(item, [...path, key], into, depth + 1);
}

/**
 * A null on one side where the other has fields below it (a value removed: `{ participants: null }`
 * against `{ participants: { value: 5 } }`) means each of those fields is gone.
 */
function dropCoveredNulls(side: Flat, other: Flat): void {
  for (const [path, value] of [...side]) {
    if (value !== null) continue;
    const prefix = `${path}\u0000`;
    if ([...other.keys()].some((key) => key.startsWith(prefix))) side.delete(path);
  }
}

const same = (a: Leaf | Leaf[] | undefined, b: Leaf | Leaf[] | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface ChangeEntry {
  path: string[];
  /** undefined: the field is not on that side (added, or removed) */
  before: Leaf | Leaf[] | undefined;
  after: Leaf | Leaf[] | undefined;
}

/** Every field that differs between before and after, in the order after (then before) has them. */
export function changeEntries(before: unknown, after: unknown): ChangeEntry[] {
  const was: Flat = new Map();
  const now: Flat = new Map();
  flatten(before, [], was);
  flatten(after, [], now);
  dropCoveredNulls(was, now);
  dropCoveredNulls(now, was);
  const paths = [...new Set([...now.keys(), ...was.keys()])];
  return paths
    .filter((path) => !same(was.get(path), now.get(path)))
    .map((path) => ({
      path: path === '' ? [] : path.split('\u0000'),
      before: was.get(path),
      after: now.get(path),
    }));
}

export interface Vocabulary {
  /** a field's name in words (state, deadlineOverride, remark …), or undefined */
  field(name: string): string | undefined;
  /** an indicator's name by its key, or undefined */
  indicator(key: string): string | undefined;
  /** a code in words by the field it sits in (state → "Godkendt", region → "Hovedstaden"), or undefined */
  code(field: string, value: string): string | undefined;
  yes: string;
  no: string;
  none: string;
  number(value: number): string;
  date(isoDate: string): string;
  dateTime(instant: Date): string;
}

export interface ChangeLine {
  field: string;
  before: string;
  after: string;
}

/** Fields under which the keys are indicators: a submission's values, a list's derived counts. */
const INDICATOR_MAPS = new Set(['values', 'derived']);
function fieldLabel(path: string[], words: Vocabulary): string {
  const labels: string[] = [];
  path.forEach((segment, index) => {
    const parent = path[index - 1];
    const last = index === path.length - 1;
    if (/^\d+$/.test(segment)) labels.push(String(Number(segment) + 1));
    else if (parent && INDICATOR_MAPS.has(parent)) labels.push(words.indicator(segment) ?? segment);
    // the indicator's name follows: "Deltagende virksomheder", not "Tal › Deltagende virksomheder"
    else if (INDICATOR_MAPS.has(segment) && !last) return;
    // a figure's own value: "Deltagende virksomheder", not "… › Værdi"
    else if (segment === 'value' && last && INDICATOR_MAPS.has(path[index - 2] ?? '')) return;
    else labels.push(words.field(segment) ?? segment);
  });
  return labels.join(' › ') || (words.field('value') ?? 'value');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function leafText(value: Leaf | Leaf[] | undefined, field: string, words: Vocabulary): string {
  if (value === undefined || value === null || value === '') return words.none;
  if (Array.isArray(value)) {
    return value.length === 0 ? words.none : value.map((item) => leafText(item, field, words)).join(', ');
  }
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return words.number(value);
  const code = words.code(field, value);
  if (code) return code;
  if (ISO_DATE.test(value)) return words.date(value);
  if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return words.dateTime(new Date(value));
  return value;
}

/** The change list in words; a long one ends with how many lines were left out. */
export function describeChanges(
  before: unknown,
  after: unknown,
  words: Vocabulary,
): { lines: ChangeLine[]; more: number } {
  const entries = changeEntries(before, after);
  const lines = entries.slice(0, MAX_CHANGE_LINES).map((entry) => {
    const field = entry.path.filter((segment) => !/^\d+$/.test(segment)).at(-1) ?? '';
    return {
      field: fieldLabel(entry.path, words),
      before: leafText(entry.before, field, words),
      after: leafText(entry.after, field, words),
    };
  });
  return { lines, more: Math.max(0, entries.length - MAX_CHANGE_LINES) };
}
