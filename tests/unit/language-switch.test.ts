import { describe, expect, it } from 'vitest';
import { pathInOtherLocale } from '@/components/layout/language-switch';

describe('the language switch keeps the reader on the same page', () => {
  it('adds /en for English', () => {
    expect(pathInOtherLocale('/', 'en')).toBe('/en');
    expect(pathInOtherLocale('/regnskab/2016', 'en')).toBe('/en/regnskab/2016');
  });
  it('removes /en for Danish, and only a whole /en segment', () => {
    expect(pathInOtherLocale('/en', 'da')).toBe('/');
    expect(pathInOtherLocale('/en/klynger/x', 'da')).toBe('/klynger/x');
    expect(pathInOtherLocale('/energi', 'da')).toBe('/energi');
  });
});
