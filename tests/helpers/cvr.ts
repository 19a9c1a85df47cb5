// One generator of valid CVR numbers for every test: the next `count` numbers from `start` (the
// first seven digits) whose modulus-11 check digit exists (lib/cvr.ts). Deterministic, so two
// tests that need different companies pick different starts.
import { cvrCheckDigit } from '../../lib/cvr';

export function validCvrs(count: number, start = 1_000_000): string[] {
  const result: string[] = [];
  for (let n = start; result.length < count; n++) {
    const digit = cvrCheckDigit(String(n));
    if (digit !== null) result.push(`${n}${digit}`);
  }
  return result;
}
