// JSON for a <script type="application/ld+json"> block: `<` (and the two line separators JSON
// allows but JavaScript once did not) escaped, so no text inside can close the element or open
// another. Pure.
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
