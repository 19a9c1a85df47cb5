// Erhvervsstyrelsen's rule for CVR numbers: 8 digits, no leading 0, and the digits weighted
// 2,7,6,5,4,3,2,1 sum to a multiple of 11.
const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

export type CvrProblem = 'format' | 'checksum';

export function checkCvr(input: string): { ok: true; cvr: string } | { ok: false; problem: CvrProblem } {
  const cvr = input.replace(/\s+/g, '');
  if (!/^[1-9]\d{7}$/.test(cvr)) return { ok: false, problem: 'format' };
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(cvr[i]) * WEIGHTS[i]!;
  return sum % 11 === 0 ? { ok: true, cvr } : { ok: false, problem: 'checksum' };
}

export function isValidCvr(input: string): boolean {
  return checkCvr(input).ok;
}

/** The check digit that makes seven leading digits a valid CVR number, or null when none does. */
export function cvrCheckDigit(firstSeven: string): number | null {
  if (!/^[1-9]\d{6}$/.test(firstSeven)) return null;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(firstSeven[i]) * WEIGHTS[i]!;
  const digit = (11 - (sum % 11)) % 11;
  return digit === 10 ? null : digit;
}
