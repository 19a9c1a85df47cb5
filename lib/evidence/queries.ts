// The secretariat's reads of a year's evidence statements.
import 'server-only';
import { adminQuery } from '@/lib/actions/define';
import { forRequest } from '@/lib/actions/request';
import { getPublication } from '@/lib/publications/read';
import { notFound, ok } from '@/lib/result';
import { param, type SearchParams } from '@/lib/search-params';
import { isYearNumber } from '@/lib/validation/input';
import { listYears } from '@/lib/years/queries';
import { canonicalEvidence, listEvidenceRows, toEvidenceStatement } from './read';

/**
 * The year's statements for the secretariat, and whether they differ from what the latest
 * publication of the year froze (then only a correction shows the change to the public).
 */
export const listEvidence = adminQuery('evidence.read', async ({ db }, input: { year: number }) => {
  if (!isYearNumber(input.year)) return notFound('year_not_found');
  const rows = await listEvidenceRows(db, input.year);
  const publication = await getPublication(db, input.year);
  const published = publication?.snapshot.evidence ?? [];
  return ok({
    rows,
    publishedVersion: publication?.version ?? null,
    changedSincePublication:
      publication !== null &&
      canonicalEvidence(rows.map(toEvidenceStatement)) !== canonicalEvidence(published),
  });
});

/** The evidence page: the years, the one shown (asked for, else the last published, else the newest), its statements. */
export const readEvidencePage = forRequest(async (db, actor, query: SearchParams) => {
  const years = await listYears(db, actor);
  if (!years.ok) return years;
  const asked = Number(param(query, 'year'));
  const year =
    years.value.find((row) => row.year === asked) ??
    years.value.find((row) => row.state === 'published') ??
    years.value[0];
  if (!year) return ok(null);
  const evidence = await listEvidence(db, actor, { year: year.year });
  return evidence.ok ? ok({ years: years.value, year, ...evidence.value }) : evidence;
});
