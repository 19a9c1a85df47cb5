// Bulk import of many organisations' figures for a year: a dry run lists every problem by row
// before anything is written; the import itself is all-or-nothing in one transaction. Imported
// submissions are approved by the secretariat (it is their data, e.g. historic accounts).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  indicators,
  indicatorYears,
  organisations,
  reportingYears,
  submissions,
  submissionValues,
} from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { checkAdmin } from '@/lib/auth/permissions';
import { type Failure, invalid, notFound, ok } from '@/lib/result';
import { isYearNumber } from '@/lib/validation/input';
import { textProblem } from '@/lib/validation/text';
import type { ImportRow } from './parse';

export interface ImportProblem {
  row: number;
  code: string;
  value?: string;
}

export interface PlannedValue {
  organisationId: number;
  slug: string;
  indicatorId: number;
  key: string;
  value: number;
  denominator: number | null;
  row: number;
}

export interface ImportPlan {
  problems: ImportProblem[];
  values: PlannedValue[];
  organisations: number;
}

const MAX_VALUE = 100_000_000_000;

function wholeNumber(text: string): number | null | 'bad' {
  const clean = text.replace(/[\s\u00a0]/g, '');
  if (clean === '') return null;
  if (/^\d+$/.test(clean) || /^\d{1,3}([.,]\d{3})+$/.test(clean)) {
    const value = Number(clean.replace(/[.,]/g, ''));
    return value <= MAX_VALUE ? value : 'bad';
  }
  return 'bad';
}

/** Checks every row against the database; writes nothing. */
export async function planImport(
  db: Database,
  year: number,
  rows: ImportRow[],
): Promise<ImportPlan | Failure> {
  if (!isYearNumber(year)) return notFound('year_not_found');
  if (!Array.isArray(rows)) return invalid('invalid_input');
  const [yearRow] = await db.select().from(reportingYears).where(eq(reportingYears.year, year));
  if (!yearRow) return notFound('year_not_found');
  // a slug the database could not even compare (NUL, broken Unicode, huge) is simply unknown
  const slugs = [...new Set(rows.map((row) => row.organisation))].filter(
    (slug) => typeof slug === 'string' && slug !== '' && textProblem(slug, 200) === null,
  );
  const organisationRows = slugs.length
    ? await db.select().from(organisations).where(inArray(organisations.slug, slugs))
    : [];
  const organisationBySlug = new Map(organisationRows.map((row) => [row.slug, row]));
  const catalogue = await db
    .select({ id: indicators.id, key: indicators.key, kind: indicators.kind, parentId: indicators.parentId })
    .from(indicators)
    .innerJoin(
      indicatorYears,
      and(eq(indicatorYears.indicatorId, indicators.id), eq(indicatorYears.year, year)),
    );
  const indicatorByKey = new Map(catalogue.map((row) => [row.key, row]));
  const keyById = new Map(catalogue.map((row) => [row.id, row.key]));
  const listed = new Set(
    (
      await db
        .select({ organisationId: submissions.organisationId })
        .from(submissions)
        .where(and(eq(submissions.year, year), eq(submissions.hasCompanyList, true)))
    ).map((row) => row.organisationId),
  );

  const problems: ImportProblem[] = [];
  const values: PlannedValue[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const organisation = organisationBySlug.get(row.organisation);
    const indicator = indicatorByKey.get(row.indicator);
    if (!row.organisation) problems.push({ row: row.row, code: 'organisation_missing' });
    else if (!organisation)
      problems.push({ row: row.row, code: 'organisation_unknown', value: row.organisation });
    else if (
      organisation.activeFrom > year ||
      (organisation.activeTo != null && organisation.activeTo < year)
    ) {
      problems.push({ row: row.row, code: 'organisation_inactive', value: row.organisation });
    }
    if (!row.indicator) problems.push({ row: row.row, code: 'indicator_missing' });
    else if (!indicator) problems.push({ row: row.row, code: 'indicator_unknown', value: row.indicator });
    const value = wholeNumber(row.value);
    const denominator = wholeNumber(row.denominator);
    if (value === null) problems.push({ row: row.row, code: 'value_missing' });
    else if (value === 'bad') problems.push({ row: row.row, code: 'value_invalid', value: row.value });
    if (denominator === 'bad')
      problems.push({ row: row.row, code: 'denominator_invalid', value: row.denominator });
    if (indicator?.kind === 'share') {
      if (denominator === null) problems.push({ row: row.row, code: 'denominator_missing' });
      else if (typeof value === 'number' && typeof denominator === 'number' && value > denominator) {
        problems.push({ row: row.row, code: 'numerator_above_denominator' });
      }
    } else if (indicator && typeof denominator === 'number') {
      problems.push({ row: row.row, code: 'denominator_not_allowed' });
    }
    if (organisation && indicator?.kind === 'companies' && listed.has(organisation.id)) {
      problems.push({ row: row.row, code: 'company_list_present', value: row.indicator });
    }
    if (organisation && indicator) {
      const pair = `${organisation.id}:${indicator.id}`;
      const first = seen.get(pair);
      if (first !== undefined) problems.push({ row: row.row, code: 'duplicate', value: String(first) });
      else seen.set(pair, row.row);
      if (typeof value === 'number' && denominator !== 'bad') {
        values.push({
          organisationId: organisation.id,
          slug: organisation.slug,
          indicatorId: indicator.id,
          key: indicator.key,
          value,
          denominator: indicator.kind === 'share' ? (denominator as number | null) : null,
          row: row.row,
        });
      }
    }
  }
  // subset rule within the file: a child never exceeds its parent for the same organisation
  const byOrganisation = new Map<number, Map<string, { value: number; row: number }>>();
  for (const planned of values) {
    const map = byOrganisation.get(planned.organisationId) ?? new Map();
    map.set(planned.key, { value: planned.value, row: planned.row });
    byOrganisation.set(planned.organisationId, map);
  }
  for (const map of byOrganisation.values()) {
    for (const [key, entry] of map) {
      const indicator = indicatorByKey.get(key)!;
      const parentKey = indicator.parentId == null ? null : keyById.get(indicator.parentId);
      const parent = parentKey ? map.get(parentKey) : undefined;
      if (parent && entry.value > parent.value) {
        problems.push({ row: entry.row, code: 'above_parent', value: parentKey! });
      }
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return { problems, values, organisations: byOrganisation.size };
}

export async function dryRunImport(
  db: Database,
  actor: Actor | null,
  input: { year: number; rows: ImportRow[] },
) {
  const denied = await checkAdmin(db, actor, 'import.dry_run');
  if (denied) return denied;
  const plan = await planImport(db, input.year, input.rows);
  if ('ok' in plan) return plan;
  return ok(plan);
}

/** All or nothing: any problem and nothing is written. */
export async function runImport(
  db: Database,
  actor: Actor | null,
  input: { year: number; rows: ImportRow[] },
) {
  const denied = await checkAdmin(db, actor, 'import.run');
  if (denied) return denied;
  return db.transaction(async (tx) => {
    const plan = await planImport(tx, input.year, input.rows);
    if ('ok' in plan) return plan;
    if (plan.problems.length > 0) return invalid('import_has_problems');
    const now = new Date();
    const grouped = new Map<number, PlannedValue[]>();
    for (const value of plan.values)
      grouped.set(value.organisationId, [...(grouped.get(value.organisationId) ?? []), value]);
    for (const [organisationId, planned] of grouped) {
      const [existing] = await tx
        .select()
        .from(submissions)
        .where(and(eq(submissions.organisationId, organisationId), eq(submissions.year, input.year)));
      let submissionId: number;
      if (existing) {
        await tx
          .update(submissions)
          .set({
            state: 'approved',
            approvedAt: now,
            reviewedBy: actor!.userId,
            updatedBy: actor!.userId,
            updatedAt: now,
            version: sql`${submissions.version} + 1`,
          })
          .where(eq(submissions.id, existing.id));
        submissionId = existing.id;
      } else {
        const [created] = await tx
          .insert(submissions)
          .values({
            organisationId,
            year: input.year,
            state: 'approved',
            createdBy: actor!.userId,
            updatedBy: actor!.userId,
            reviewedBy: actor!.userId,
            approvedAt: now,
          })
          .returning({ id: submissions.id });
        submissionId = created!.id;
      }
      for (const value of planned) {
        await tx
          .insert(submissionValues)
          .values({
            submissionId,
            indicatorId: value.indicatorId,
            value: value.value,
            denominator: value.denominator,
            updatedBy: actor!.userId,
          })
          .onConflictDoUpdate({
            target: [submissionValues.submissionId, submissionValues.indicatorId],
            set: {
              value: value.value,
              denominator: value.denominator,
              updatedBy: actor!.userId,
              updatedAt: now,
            },
          });
      }
      await recordAuditEvent(tx, {
        actorId: actor!.userId,
        actorEmail: actor!.email,
        action: 'import.figures',
        entityType: 'submission',
        entityId: submissionId,
        organisationId,
        before: existing ? { state: existing.state, version: existing.version } : null,
        after: {
          state: 'approved',
          values: Object.fromEntries(
            planned.map((v) => [v.key, { value: v.value, denominator: v.denominator }]),
          ),
        },
        ip: actor!.ip,
      });
    }
    return ok({ organisations: grouped.size, values: plan.values.length });
  });
}
