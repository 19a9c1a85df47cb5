// A value the code has made sure of (a row it just inserted, a map entry it just set, an array it
// knows is not empty): TypeScript cannot see it, so it is checked, and a broken invariant fails
// here, naming what was missing, instead of as an undefined further on.
export function present<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, got ${value}`);
  return value;
}
