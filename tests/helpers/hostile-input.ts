// fast-check arbitraries for what an attacker or a broken client can send: use them in property
// tests of every function that takes input (see tests/integration/hostile-input.test.ts).
import fc from 'fast-check';

/** Text fields: random text of every kind, markup, SQL, formulas, NUL, broken Unicode, 1 MB. */
export const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    "'; drop table submissions; --",
    "x'); delete from publications; --",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '=HYPERLINK("http://evil")',
    '=cmd|"/c calc"!A1',
    '\u0000',
    'a\u0000b',
    '\uD800',
    '\uDC00',
    '١٢٣٤٥٦٧٨',
    '１２３４５６７８',
    ' 12 34 56 78 ',
    'NaN',
    '1e309',
    '-0',
    '   ',
    '',
  ),
  fc.constant('x'.repeat(1_000_000)),
);

/** Where a number is expected: huge, negative, fractional, NaN, infinite, and not numbers at all. */
export const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.bigInt().map((value) => Number(value)),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    Number('1e309'),
    2 ** 31,
    2 ** 53 + 1,
  ),
);

/** Values of the wrong type for any field. */
export const wrongType = fc.constantFrom<unknown>(
  null,
  undefined,
  {},
  [],
  [1],
  true,
  false,
  '1',
  Symbol.for('x').description,
);
