// Erhvervsstyrelsen's rule for CVR numbers: 8 digits, no leading 0, and the digits weighted
// 2,7,6,5,4,3,2,1 sum to a multiple of 11.
const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** The digits of `digits` weighted by WEIGHTS from the left, summed. */
function weightedSum(digits: string): number {
  return [...digits].reduce((sum, digit, index) => sum + Number(digit) * (WEIGHTS[index] ?? 0), 0);
}

export type CvrProblem = 'format' | 'checksum';

export function checkCvr(input: string): { ok: true; cvr: string } | { ok: false; problem: CvrProblem } {
  const cvr = input.replace(/\s+/g, '');
  if (!/^[1-9]\d{7}$/.test(cvr)) return { ok: false, problem: 'format' };
  return weightedSum(cvr) % 11 === 0 ? { ok: true, cvr } : { ok: false, problem: 'checksum' };
}

export function isValidCvr(input: string): boolean {
  return checkCvr(input).ok;
}

/** The check digit that makes seven leading digits a valid CVR number, or null when none does. */
export function cvrCheckDigit(firstSeven: string): number | null {
  if (!/^[1-9]\d{6}$/.test(firstSeven)) return null;
  const digit = (11 - (weightedSum(firstSeven) % 11)) % 11;
  return digit === 10 ? null : digit;
}
