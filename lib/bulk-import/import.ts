// Bulk import of many organisations' figures for a year: a check lists every problem by row
// before anything is written and keeps a clean file for its uploader (uploads.ts); the page shows
// what the import will write, and one click imports that file, all or nothing in one transaction.
// Imported submissions are approved by the secretariat (it is their data, e.g. historic accounts).
import { present } from '@/lib/invariant';
import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import {
  indicators,
  indicatorYears,
  organisations,
  reportingYears,
  submissions,
  submissionValues,
} from '@/db/schema';
import { adminAction, adminQuery, type StepContext } from '@/lib/actions/define';
import { forRequest } from '@/lib/actions/request';
import type { AdminActor } from '@/lib/auth/permissions';
import { conflict, type Failure, invalid, notFound, ok, type Result } from '@/lib/result';
import { isYearNumber, yearNumber } from '@/lib/validation/input';
import { textProblem } from '@/lib/validation/text';
import type { ImportRow } from './parse';
import { readImportUpload } from './upload';
import {
  claimUpload,
  fileDigest,
  findUpload,
  markUploadUsed,
  type StoredUpload,
  storeUpload,
} from './uploads';

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
      const indicator = present(indicatorByKey.get(key));
      const parentKey = indicator.parentId == null ? null : keyById.get(indicator.parentId);
      const parent = parentKey ? map.get(parentKey) : undefined;
      if (parent && entry.value > parent.value) {
        problems.push({ row: entry.row, code: 'above_parent', value: present(parentKey) });
      }
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return { problems, values, organisations: byOrganisation.size };
}

const importRow = z.object({
  row: z.number().int(),
  organisation: z.string(),
  indicator: z.string(),
  value: z.string(),
  denominator: z.string(),
});
const importInput = z.object({ year: yearNumber('year_not_found'), rows: z.array(importRow) });

/** Checks every row against the database; writes nothing. */
export const dryRunImport = adminAction(
  importInput,
  async ({ tx }, { year, rows }): Promise<Result<ImportPlan>> => {
    const plan = await planImport(tx, year, rows);
    return 'ok' in plan ? plan : ok(plan);
  },
  { name: 'import.dry_run' },
);

/** All or nothing: any problem and nothing is written. */
export const runImport = adminAction(
  importInput,
  async (ctx, { year, rows }) => {
    const plan = await planImport(ctx.tx, year, rows);
    if ('ok' in plan) return plan;
    if (plan.problems.length > 0) return invalid('import_has_problems');
    return writeImport(ctx, year, plan);
  },
  { name: 'import.run' },
);

/** The planned values written: each organisation's submission approved with its figures, audited. */
async function writeImport(
  ctx: StepContext<AdminActor>,
  year: number,
  plan: ImportPlan,
  file?: { filename: string; sha256: string },
) {
  const { tx, actor } = ctx;
  const now = new Date();
  const grouped = new Map<number, PlannedValue[]>();
  for (const value of plan.values)
    grouped.set(value.organisationId, [...(grouped.get(value.organisationId) ?? []), value]);
  for (const [organisationId, planned] of grouped) {
    const [existing] = await tx
      .select()
      .from(submissions)
      .where(and(eq(submissions.organisationId, organisationId), eq(submissions.year, year)));
    const approval = {
      state: 'approved' as const,
      approvedAt: now,
      reviewedBy: actor.userId,
      updatedBy: actor.userId,
    };
    const [written] = existing
      ? await tx
          .update(submissions)
          .set({ ...approval, updatedAt: now, version: sql`${submissions.version} + 1` })
          .where(eq(submissions.id, existing.id))
          .returning({ id: submissions.id })
      : await tx
          .insert(submissions)
          .values({ ...approval, organisationId, year, createdBy: actor.userId })
          .returning({ id: submissions.id });
    if (!written) return invalid('import_has_problems');
    for (const value of planned) {
      const figures = { value: value.value, denominator: value.denominator, updatedBy: actor.userId };
      await tx
        .insert(submissionValues)
        .values({ submissionId: written.id, indicatorId: value.indicatorId, ...figures })
        .onConflictDoUpdate({
          target: [submissionValues.submissionId, submissionValues.indicatorId],
          set: { ...figures, updatedAt: now },
        });
    }
    await ctx.audit({
      action: 'import.figures',
      entityType: 'submission',
      entityId: written.id,
      organisationId,
      before: existing ? { state: existing.state, version: existing.version } : null,
      after: {
        state: 'approved',
        ...(file ? { file } : {}),
        values: Object.fromEntries(
          planned.map((v) => [v.key, { value: v.value, denominator: v.denominator }]),
        ),
      },
    });
  }
  return ok({ organisations: grouped.size, values: plan.values.length });
}

/** A plan's problems as the form's refusal: how many, then each by row. */
function problemsFailure(problems: ImportProblem[]): Failure {
  return invalid('bulkimport.problems', undefined, {
    values: { count: problems.length },
    lines: problems.map((problem) => ({
      key: 'admin.import.problem',
      values: {
        row: problem.row,
        text: { key: `admin.importProblems.${problem.code}`, values: { value: problem.value ?? '' } },
      },
    })),
  });
}

/**
 * The import form's first step: the file read in a bounded worker (upload.ts) once the caller is
 * checked, then checked row by row against the database, every problem listed by row, no figure
 * written. A clean file is kept for its uploader (uploads.ts): the page then shows what the import
 * will write, and one click imports it.
 */
export const checkImportFile = adminAction(
  z.object({
    year: yearNumber('year_not_found'),
    file: z
      .instanceof(File, { error: 'file_missing' })
      .refine((file) => file.size > 0, { error: 'file_missing' }),
  }),
  async (ctx, { year, file }) => {
    // parsed before the transaction opens: no connection is held while a worker reads the file
    const parsed = await readImportUpload(file, ctx.locale);
    if (!parsed.ok) return parsed;
    const sha256 = fileDigest(await file.arrayBuffer());
    return ctx.transaction(async (inner) => {
      const plan = await planImport(inner.tx, year, parsed.value.rows);
      if ('ok' in plan) return plan;
      if (plan.problems.length > 0) return problemsFailure(plan.problems);
      const upload = await storeUpload(inner.tx, {
        actorId: inner.actor.userId,
        year,
        filename: file.name,
        sha256,
        rows: parsed.value.rows,
      });
      await inner.audit({
        action: 'import.check',
        entityType: 'import_upload',
        entityId: upload.id,
        after: {
          year,
          filename: upload.filename,
          sha256: upload.sha256,
          values: plan.values.length,
          organisations: plan.organisations,
        },
      });
      return ok({ uploadId: upload.id, values: plan.values.length, organisations: plan.organisations });
    });
  },
  { name: 'import.check', transaction: false },
);

/**
 * The import of a checked file, by its uploader: planned afresh against the database as it is
 * now (a file that has problems by now is refused, by row), written all or nothing, and the
 * upload used up in the same transaction — a second click or a replay finds it used.
 */
export const importCheckedFile = adminAction(
  z.object({ uploadId: z.string().max(100) }),
  async (ctx, { uploadId }) => {
    const now = new Date();
    const upload = await claimUpload(ctx.tx, ctx.actor.userId, uploadId, now);
    if (upload === null) return notFound('bulkimport.errors.upload_not_found');
    if (upload === 'used') return conflict('bulkimport.errors.upload_used');
    if (upload === 'expired') return invalid('bulkimport.errors.upload_expired');
    const plan = await planImport(ctx.tx, upload.year, upload.rows);
    if ('ok' in plan) return plan;
    if (plan.problems.length > 0) return problemsFailure(plan.problems);
    const written = await writeImport(ctx, upload.year, plan, {
      filename: upload.filename,
      sha256: upload.sha256,
    });
    if (!written.ok) return written;
    if (!(await markUploadUsed(ctx.tx, upload.id, written.value, now)))
      return conflict('bulkimport.errors.upload_used');
    return ok({ uploadId: upload.id, year: upload.year, ...written.value });
  },
  { name: 'import.run' },
);

export interface PreviewValue {
  organisation: string;
  slug: string;
  key: string;
  labelDa: string;
  labelEn: string;
  kind: string;
  value: number;
  denominator: number | null;
  /** what the organisation's report holds now; null when it holds nothing for the indicator */
  current: { value: number; denominator: number | null } | null;
}

export interface PreviewOrganisation {
  slug: string;
  name: string;
  values: number;
  /** the state of its report for the year now; null when it has none */
  state: string | null;
}

export interface ImportPreview {
  upload: Pick<StoredUpload, 'id' | 'year' | 'filename' | 'createdAt' | 'expiresAt' | 'usedAt' | 'written'>;
  status: 'ready' | 'used' | 'expired';
  /** problems the file has now (the database changed since the check) */
  problems: number;
  organisations: PreviewOrganisation[];
  values: PreviewValue[];
  /** every value the import writes; `values` holds the first PREVIEW_ROWS */
  totalValues: number;
}

export const PREVIEW_ROWS = 200;

/** What importing a checked file will write, beside what is there now; for its uploader only. */
export const getImportPreview = adminQuery(
  'import.preview',
  async ({ db, actor }, uploadId: string): Promise<Result<ImportPreview>> => {
    const upload = await findUpload(db, actor.userId, uploadId);
    if (!upload) return notFound('bulkimport.errors.upload_not_found');
    const status = upload.usedAt ? 'used' : upload.expiresAt <= new Date() ? 'expired' : 'ready';
    const { rows: _rows, sha256: _sha, ...shown } = upload;
    if (status !== 'ready')
      return ok({ upload: shown, status, problems: 0, organisations: [], values: [], totalValues: 0 });
    const plan = await planImport(db, upload.year, upload.rows);
    if ('ok' in plan) return plan;
    const organisationIds = [...new Set(plan.values.map((value) => value.organisationId))];
    const [existing, catalogue, names] = await Promise.all([
      organisationIds.length
        ? db
            .select({
              organisationId: submissions.organisationId,
              state: submissions.state,
              indicatorId: submissionValues.indicatorId,
              value: submissionValues.value,
              denominator: submissionValues.denominator,
            })
            .from(submissions)
            .leftJoin(submissionValues, eq(submissionValues.submissionId, submissions.id))
            .where(
              and(eq(submissions.year, upload.year), inArray(submissions.organisationId, organisationIds)),
            )
        : [],
      db
        .select({
          id: indicators.id,
          labelDa: indicators.labelDa,
          labelEn: indicators.labelEn,
          kind: indicators.kind,
        })
        .from(indicators),
      organisationIds.length
        ? db
            .select({ id: organisations.id, name: organisations.name, slug: organisations.slug })
            .from(organisations)
            .where(inArray(organisations.id, organisationIds))
        : [],
    ]);
    const stateOf = new Map(existing.map((row) => [row.organisationId, row.state]));
    const currentOf = new Map(
      existing
        .filter((row) => row.indicatorId !== null)
        .map((row) => [
          `${row.organisationId}:${row.indicatorId}`,
          { value: Number(row.value), denominator: row.denominator == null ? null : Number(row.denominator) },
        ]),
    );
    const indicatorOf = new Map(catalogue.map((row) => [row.id, row]));
    const nameOf = new Map(names.map((row) => [row.id, row]));
    const sorted = [...plan.values].sort(
      (a, b) =>
        (nameOf.get(a.organisationId)?.name ?? '').localeCompare(
          nameOf.get(b.organisationId)?.name ?? '',
          'da',
        ) || a.row - b.row,
    );
    const countOf = new Map<number, number>();
    for (const value of plan.values)
      countOf.set(value.organisationId, (countOf.get(value.organisationId) ?? 0) + 1);
    return ok({
      upload: shown,
      status,
      problems: plan.problems.length,
      organisations: organisationIds
        .map((id) => ({
          slug: nameOf.get(id)?.slug ?? '',
          name: nameOf.get(id)?.name ?? '',
          values: countOf.get(id) ?? 0,
          state: stateOf.get(id) ?? null,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'da')),
      values: sorted.slice(0, PREVIEW_ROWS).map((value) => {
        const indicator = indicatorOf.get(value.indicatorId);
        return {
          organisation: nameOf.get(value.organisationId)?.name ?? value.slug,
          slug: value.slug,
          key: value.key,
          labelDa: indicator?.labelDa ?? value.key,
          labelEn: indicator?.labelEn ?? value.key,
          kind: indicator?.kind ?? 'count',
          value: value.value,
          denominator: value.denominator,
          current: currentOf.get(`${value.organisationId}:${value.indicatorId}`) ?? null,
        };
      }),
      totalValues: plan.values.length,
    });
  },
  'bulkimport.errors',
);

/** The import page's preview of a checked file: this request's database and actor. */
export const readImportPreview = forRequest(getImportPreview);
