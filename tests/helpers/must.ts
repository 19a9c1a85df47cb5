// For tests: a value the test has made sure of (a row it inserted, an element it just found). If it
// is missing after all, the test fails here, saying what was missing, instead of further on.
export function must<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, got ${value}`);
  return value;
}
