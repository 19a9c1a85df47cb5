import { describe, expect, it } from 'vitest';
import { checkCvr, cvrCheckDigit, isValidCvr } from '@/lib/cvr';

describe('CVR modulus-11 rule', () => {
  it('accepts real-shaped valid numbers', () => {
    const firstSeven = '1234567';
    const digit = cvrCheckDigit(firstSeven);
    expect(digit).not.toBeNull();
    expect(isValidCvr(`${firstSeven}${digit}`)).toBe(true);
    expect(isValidCvr('10150817')).toBe(true); // 2·1+7·0+6·1+5·5+4·0+3·8+2·1+1·7 = 66 = 6·11
  });

  it('refuses a wrong check digit', () => {
    expect(checkCvr('10150818')).toEqual({ ok: false, problem: 'checksum' });
  });

  it('refuses a leading zero, wrong length and letters', () => {
    expect(checkCvr('01234567')).toEqual({ ok: false, problem: 'format' });
    expect(checkCvr('1234567')).toEqual({ ok: false, problem: 'format' });
    expect(checkCvr('123456789')).toEqual({ ok: false, problem: 'format' });
    expect(checkCvr('1234567a')).toEqual({ ok: false, problem: 'format' });
    expect(checkCvr('')).toEqual({ ok: false, problem: 'format' });
  });

  it('tolerates spaces as people type them', () => {
    expect(checkCvr('1015 0817')).toEqual({ ok: true, cvr: '10150817' });
  });

  it('has no check digit when the remainder would need a 10', () => {
    for (let n = 1000000; n < 1000200; n++) {
      const digit = cvrCheckDigit(String(n));
      if (digit === null) continue;
      expect(isValidCvr(`${n}${digit}`)).toBe(true);
    }
  });
});
