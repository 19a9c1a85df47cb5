import { describe, expect, it } from 'vitest';
import { localePath, pathInOtherLocale } from '@/i18n/paths';

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

  it('builds paths in a language the same way', () => {
    expect(localePath('da', '/admin')).toBe('/admin');
    expect(localePath('en', '/admin')).toBe('/en/admin');
    expect(localePath('en', '/')).toBe('/en');
    expect(localePath('da')).toBe('/');
  });
});
