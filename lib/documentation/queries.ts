// The secretariat's reads of an edition's documentation texts, and its page.
import 'server-only';
import { adminQuery } from '@/lib/actions/define';
import { forRequest } from '@/lib/actions/request';
import { invalid, ok } from '@/lib/result';
import { param, type SearchParams } from '@/lib/search-params';
import { readSiteProfile } from '@/lib/site-profile/profile';
import { isYearNumber } from '@/lib/validation/input';
import { listYears } from '@/lib/years/queries';
import { readDocumentationTexts } from './freeze';

export const getDocumentationTexts = adminQuery(
  'documentation.read',
  async ({ db }, input: { year: number }) => {
    if (!isYearNumber(input.year)) return invalid('year_invalid');
    return ok(await readDocumentationTexts(db, input.year));
  },
  'statistics.errors',
);

/**
 * The documentation page: the years, the one shown (asked for, else the newest), its texts, and
 * the site profile — public details, read once the actor is known to be an admin.
 */
export const readDocumentationPage = forRequest(async (db, actor, query: SearchParams) => {
  const years = await listYears(db, actor);
  if (!years.ok) return years;
  const year = years.value.find((row) => row.year === Number(param(query, 'year'))) ?? years.value[0];
  if (!year) return ok(null);
  const texts = await getDocumentationTexts(db, actor, { year: year.year });
  if (!texts.ok) return texts;
  return ok({ years: years.value, year, texts: texts.value, profile: await readSiteProfile(db) });
});
