import { describe, expect, it } from 'vitest';
import { formatDkk, formatInteger, formatPercent, formatShare } from '@/lib/format';

// Intl output uses non-breaking spaces; compare with plain spaces.
const plain = (text: string) => text.replace(/\u00a0|\u202f/g, ' ');

describe('numbers the Danish and the English way', () => {
  it('groups thousands with a full stop in Danish and a comma in English', () => {
    expect(formatInteger(16_500, 'da')).toBe('16.500');
    expect(formatInteger(16_500, 'en')).toBe('16,500');
    expect(formatInteger(1_234_567, 'da')).toBe('1.234.567');
  });

  it('writes percentages with a decimal comma and a space in Danish', () => {
    expect(plain(formatPercent(0.23, 'da'))).toBe('23,0 %');
    expect(plain(formatPercent(0.23, 'en'))).toBe('23.0%');
  });

  it('turns a share into a percentage and shows a dash when there is no denominator', () => {
    expect(plain(formatShare(56, 100, 'da'))).toBe('56,0 %');
    expect(formatShare(1, 0, 'da')).toBe('–');
  });

  it('writes kroner per language', () => {
    expect(plain(formatDkk(1_500_000, 'da'))).toBe('1.500.000 kr.');
    expect(plain(formatDkk(1_500_000, 'en'))).toBe('DKK 1,500,000');
  });
});
