// The page's query string as Next hands it over: a name may come once, repeated, or not at all.
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of `name` ('' when absent): what a filter or a choice in the address means. */
export function param(query: SearchParams, name: string): string {
  const value = query[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}
