// Staff mutations of a submission: save draft, submit, upload the company list. Each is a
// memberAction (lib/actions): the organisation named in the input is checked first (a refusal is
// audited), then the version, the year and the rules (rules.ts), then one transaction with the
// version check (store.ts) and an audit event with before and after. Nothing is written when any
// step refuses. Their messages are the portal's (portal.messages, portal.rules, portal.csv).
import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import {
  auditEvents,
  indicators,
  keptDrafts,
  reportingYears,
  type Submission,
  submissions,
  submissionValues,
} from '@/db/schema';
import { type ActingFor, type MemberStepContext, memberAction } from '@/lib/actions/define';
import type { Locale } from '@/lib/format';
import {
  conflict,
  type Failure,
  type FieldErrors,
  invalid,
  type Message,
  notFound,
  ok,
  type Result,
} from '@/lib/result';
import { isYearNumber, wholeNumber, yearNumber } from '@/lib/validation/input';
import { textProblem } from '@/lib/validation/text';
import { valuesAtLastApproval } from './approval';
import { parseCompanyList } from './company-list-parse';
import { replaceCompanyList } from './company-list-store';
import {
  deriveCompanyIndicators,
  findOrganisationBySlug,
  loadCompanyRows,
  loadFormIndicators,
  publishedValues,
} from './queries';
import { sendSubmissionReceipt } from './receipt';
import {
  type CsvProblem,
  csvProblemMessage,
  type Entry,
  type FormIndicator,
  isEditableState,
  isYearOpenForStaff,
  labelOf,
  type RuleIssue,
  validateEntries,
} from './rules';
import { StaleVersionError, updateSubmissionState } from './store';
import { storedValuesOf } from './stored-values';

export const PORTAL = {
  messages: 'portal.messages',
  invalid: 'invalid',
  notFound: 'notFound',
  transaction: false,
} as const;

/** The submission a form was opened at: which organisation, year and version. */
export const submissionRef = {
  orgSlug: z.string().refine((slug) => textProblem(slug, 200) === null),
  // a tampered year (abc, Infinity, 2147483648, 2017.5) is no year: not found, after the caller's
  // check and before any query (loadChangeContext)
  year: yearNumber().catch(Number.NaN),
  /** the version the form was opened at; 0 when there was no submission yet */
  version: wholeNumber('conflict', { min: 0 }),
  locale: z.enum(['da', 'en']).catch('da'),
  /** the moment of the change (tests move it; a form cannot post a Date) */
  now: z.date().optional(),
};

export const actingFor = (db: Database, input: { orgSlug: string }) =>
  findOrganisationBySlug(db, input.orgSlug);

export interface ConflictChange {
  key: string | null;
  actorEmail: string | null;
  from: Entry | null;
  to: Entry | null;
  state?: string;
}

const sameEntry = (a: Entry | null | undefined, b: Entry | null | undefined) =>
  (a?.value ?? null) === (b?.value ?? null) &&
  (a?.denominator ?? null) === (b?.denominator ?? null) &&
  (a?.comment ?? null) === (b?.comment ?? null);

/** What others changed since `version`, from the audit trail: shown with a conflict. */
async function changesSince(db: Database, submissionId: number, version: number): Promise<ConflictChange[]> {
  const events = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'submission'), eq(auditEvents.entityId, String(submissionId))));
  const changes: ConflictChange[] = [];
  for (const event of events.sort((a, b) => a.id - b.id)) {
    const after = (event.after ?? {}) as {
      version?: number;
      state?: string;
      values?: Record<string, Entry | null>;
    };
    const before = (event.before ?? {}) as { state?: string; values?: Record<string, Entry | null> };
    if ((after.version ?? 0) <= version) continue;
    for (const [key, to] of Object.entries(after.values ?? {}))
      changes.push({ key, actorEmail: event.actorEmail, from: before.values?.[key] ?? null, to });
    if (after.state && after.state !== before.state)
      changes.push({ key: null, actorEmail: event.actorEmail, from: null, to: null, state: after.state });
  }
  return changes;
}

/** The refusal of a stale form, with who changed what since it was opened, one line each. */
function conflictFailure(changes: ConflictChange[], labels: Map<string, string>, locale: Locale): Failure {
  const shown = (entry: Entry | null) =>
    entry === null
      ? '–'
      : entry.denominator === null
        ? entry.value.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB')
        : `${entry.value}/${entry.denominator}`;
  const lines = changes.map(
    (change): Message =>
      change.key === null
        ? {
            key: 'portal.messages.conflictState',
            values: { who: change.actorEmail ?? '?', state: change.state ?? '' },
          }
        : {
            key: 'portal.messages.conflictChange',
            values: {
              who: change.actorEmail ?? '?',
              field: labels.get(change.key) ?? change.key,
              from: shown(change.from),
              to: shown(change.to),
            },
          },
  );
  return conflict('conflict', { changes }, { lines });
}

async function staleFormFailure(
  db: Database,
  submission: Submission | null,
  version: number,
  indicatorList: FormIndicator[],
  locale: Locale,
) {
  const labels = new Map(indicatorList.map((indicator) => [indicator.key, labelOf(indicator, locale)]));
  const changes = submission ? await changesSince(db, submission.id, version) : [];
  return conflictFailure(changes, labels, locale);
}

/**
 * The organisation's first save or upload of the year creates its draft. Another request creating
 * it between our read and now is a conflict like a stale version.
 */
async function createDraftSubmission(ctx: MemberStepContext, year: number) {
  const [created] = await ctx.tx
    .insert(submissions)
    .values({
      organisationId: ctx.organisation.id,
      year,
      state: 'draft',
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new StaleVersionError(null);
  await ctx.audit({
    action: 'submission.created',
    entityType: 'submission',
    entityId: created.id,
    organisationId: ctx.organisation.id,
    after: { version: 1, state: 'draft', year },
  });
  return created;
}

/** Thrown inside a transaction when the year closed after the request's first look at it. */
class YearClosedError extends Error {
  constructor() {
    super('reporting year closed');
    this.name = 'YearClosedError';
  }
}

/**
 * Checks again, inside the transaction, that the year is still open, and holds it open (a share
 * lock on its row) until the change commits: closing the year takes the row's update lock, so it
 * waits for saves under way, and a save that starts after the close sees the closed year. Without
 * this a save that had read the year before the close could land after it.
 */
async function holdYearOpen(tx: Database, year: number, deadlineOverride: string | null, now: Date) {
  const [row] = await tx.select().from(reportingYears).where(eq(reportingYears.year, year)).for('share');
  if (!row || !isYearOpenForStaff(row, deadlineOverride, now)) throw new YearClosedError();
}

/** Runs a change's transaction; a year closed or a version taken meanwhile becomes its refusal. */
async function inChangeTransaction<T>(
  ctx: MemberStepContext,
  run: (ctx: MemberStepContext) => Promise<T>,
  stale: () => Promise<Failure>,
): Promise<Result<T>> {
  try {
    return await ctx.transaction<T>(async (inner) =>
      ok(await run({ ...inner, organisation: ctx.organisation })),
    );
  } catch (error) {
    if (error instanceof YearClosedError) return invalid('closed');
    if (error instanceof StaleVersionError) return stale();
    throw error;
  }
}

export interface ChangeContext {
  yearRow: typeof reportingYears.$inferSelect;
  submission: Submission | null;
}

export async function loadChangeContext(
  db: Database,
  organisation: ActingFor,
  year: number,
): Promise<Result<ChangeContext>> {
  if (!isYearNumber(year)) return notFound('notFound');
  const [[yearRow], [submission]] = await Promise.all([
    db.select().from(reportingYears).where(eq(reportingYears.year, year)),
    db
      .select()
      .from(submissions)
      .where(and(eq(submissions.organisationId, organisation.id), eq(submissions.year, year))),
  ]);
  if (!yearRow) return notFound('notFound');
  return ok({ yearRow, submission: submission ?? null });
}

/** Only a form opened at the current version, in an open year, on a draft or returned report. */
export function editableNow(context: ChangeContext, now: Date): Failure | null {
  if (!isYearOpenForStaff(context.yearRow, context.submission?.deadlineOverride ?? null, now))
    return invalid('closed');
  if (!isEditableState(context.submission?.state ?? null)) return invalid('readOnly');
  return null;
}

// ---- save draft / submit ----

export interface SaveOutcome {
  submission: Submission;
  changed: string[];
}

/** The rules' issues as the failure's field errors (portal.rules keys). */
function ruleErrors(issues: Record<string, RuleIssue[]>): FieldErrors {
  return Object.fromEntries(
    Object.entries(issues).map(([field, list]) => [
      field,
      list.map((issue) => ({ key: `portal.rules.${issue.code}`, values: issue.values })),
    ]),
  );
}

/** The typed entries that differ from what is stored (derived company counts are not typed). */
function changedEntries(
  stored: Record<string, Entry>,
  next: Record<string, Entry>,
  formKeys: string[],
): { before: Record<string, Entry | null>; after: Record<string, Entry | null> } {
  const before: Record<string, Entry | null> = {};
  const after: Record<string, Entry | null> = {};
  for (const key of formKeys) {
    const value = next[key] ?? null;
    if (sameEntry(stored[key], value)) continue;
    before[key] = stored[key] ?? null;
    after[key] = value;
  }
  return { before, after };
}

/**
 * The stored entries of figures counted from the company list: the count with its explanation
 * when one is given (issue 16: a big change of a derived figure is explained like a typed one),
 * and an earlier row's explanation removed when it is emptied. No row is made without one.
 */
function derivedEntries(
  stored: Record<string, Entry>,
  derived: Record<string, number>,
  explanations: Record<string, string | null>,
): Record<string, Entry> {
  const entries: Record<string, Entry> = {};
  for (const [key, count] of Object.entries(derived)) {
    const explanation = explanations[key] ?? null;
    if (explanation) entries[key] = { value: count, denominator: null, comment: explanation };
    else if (stored[key]) entries[key] = { ...stored[key], comment: null };
  }
  return entries;
}

async function storedEntries(db: Database, submission: Submission | null): Promise<Record<string, Entry>> {
  if (!submission) return {};
  return (await storedValuesOf(db, [submission.id])).get(submission.id) ?? {};
}

/**
 * The changed values written with the version-checked state change, sent together (pipelined on
 * the transaction's connection: under load each round trip waits a whole turn of the server's
 * event loop). The version-checked UPDATE goes first and locks the submission row; when it finds
 * another version, the throw rolls back the writes sent after it.
 */
async function writeFigures(
  ctx: MemberStepContext,
  input: { year: number; version: number; submit: boolean; now: Date },
  existing: Submission | null,
  change: { before: Record<string, Entry | null>; after: Record<string, Entry | null> },
  idByKey: Map<string, number>,
): Promise<SaveOutcome> {
  const { tx, actor, now } = { ...ctx, now: input.now };
  // sent first, so the year row is locked before anything is written; awaited with the writes
  const yearHeld = holdYearOpen(tx, input.year, existing?.deadlineOverride ?? null, now);
  let current = existing;
  if (!current) {
    await yearHeld;
    current = await createDraftSubmission(ctx, input.year);
  }
  const expectedVersion = existing ? input.version : current.version;
  const id = (key: string) => idByKey.get(key) ?? -1;
  const removed = Object.keys(change.after).filter((key) => change.after[key] === null);
  const written = Object.entries(change.after).flatMap(([key, entry]) =>
    entry
      ? [
          {
            submissionId: current.id,
            indicatorId: id(key),
            value: entry.value,
            denominator: entry.denominator,
            comment: entry.comment,
            updatedBy: actor.userId,
            updatedAt: now,
          },
        ]
      : [],
  );
  const [, updated] = await Promise.all([
    yearHeld,
    updateSubmissionState(tx, current.id, expectedVersion, {
      updatedBy: actor.userId,
      ...(input.submit ? { state: 'submitted', submittedBy: actor.userId, submittedAt: now } : {}),
    }),
    removed.length
      ? tx
          .delete(submissionValues)
          .where(
            and(
              eq(submissionValues.submissionId, current.id),
              inArray(submissionValues.indicatorId, removed.map(id)),
            ),
          )
      : null,
    written.length
      ? tx
          .insert(submissionValues)
          .values(written)
          .onConflictDoUpdate({
            target: [submissionValues.submissionId, submissionValues.indicatorId],
            set: {
              value: sql`excluded.value`,
              denominator: sql`excluded.denominator`,
              comment: sql`excluded.comment`,
              updatedBy: sql`excluded.updated_by`,
              updatedAt: sql`excluded.updated_at`,
            },
          })
      : null,
    // what they typed is saved now: the draft kept for them (kept-drafts.ts) has served
    tx
      .delete(keptDrafts)
      .where(
        and(
          eq(keptDrafts.userId, actor.userId),
          eq(keptDrafts.organisationId, ctx.organisation.id),
          eq(keptDrafts.year, input.year),
        ),
      ),
    ctx.audit({
      action: input.submit ? 'submission.submitted' : 'submission.saved',
      entityType: 'submission',
      entityId: current.id,
      organisationId: ctx.organisation.id,
      before: { version: current.version, state: current.state, values: change.before },
      after: {
        version: expectedVersion + 1,
        state: input.submit ? 'submitted' : current.state,
        values: change.after,
      },
    }),
  ]);
  if (!updated) throw new StaleVersionError(null);
  return { submission: updated, changed: Object.keys(change.after) };
}

/** Save draft or submit: the form's figures, checked by rules.ts, written when the version still holds. */
export const saveSubmission = memberAction(
  z.object({
    ...submissionRef,
    intent: z.enum(['draft', 'submit']).catch('draft'),
    /** the posted fields: `<key>`, `<key>_denominator`, `<key>_comment` */
    fields: z.record(z.string(), z.string().optional()),
  }),
  async (ctx, input): Promise<Result<SaveOutcome>> => {
    const now = input.now ?? new Date();
    const context = await loadChangeContext(ctx.tx, ctx.organisation, input.year);
    if (!context.ok) return context;
    const { submission } = context.value;
    // everything the checks need, read at once. The stored values are read outside the
    // transaction: they belong to the version the form was opened at, because every write of a
    // value bumps the version in the same transaction and the UPDATE only succeeds while it holds.
    const [indicatorList, companyRows, lastYear, indicatorIds, stored, settled] = await Promise.all([
      loadFormIndicators(ctx.tx, input.year),
      submission?.hasCompanyList ? loadCompanyRows(ctx.tx, submission.id) : null,
      publishedValues(ctx.tx, ctx.organisation.slug, input.year - 1),
      ctx.tx.select({ id: indicators.id, key: indicators.key }).from(indicators),
      storedEntries(ctx.tx, submission),
      submission ? valuesAtLastApproval(ctx.tx, submission.id) : null,
    ]);
    const stale = () => staleFormFailureNow(ctx.tx, ctx.organisation, input, indicatorList);
    if ((submission?.version ?? 0) !== input.version)
      return staleFormFailure(ctx.tx, submission, input.version, indicatorList, input.locale);
    const refused = editableNow(context.value, now);
    if (refused) return refused;

    const derived = companyRows ? deriveCompanyIndicators(indicatorList, companyRows).derived : undefined;
    const checked = validateEntries({
      indicators: indicatorList,
      fields: input.fields,
      mode: input.intent,
      locale: input.locale,
      lastYear,
      derived,
      settled: settled ?? undefined,
    });
    if (!checked.ok) return invalid('invalid', ruleErrors(checked.issues));

    const next = { ...checked.values, ...derivedEntries(stored, derived ?? {}, checked.explanations) };
    const change = changedEntries(
      stored,
      next,
      indicatorList.map((indicator) => indicator.key),
    );
    const idByKey = new Map(indicatorIds.map((row) => [row.key, row.id]));
    const submit = input.intent === 'submit';
    const saved = await inChangeTransaction(
      ctx,
      (inner) =>
        writeFigures(
          inner,
          { year: input.year, version: input.version, submit, now },
          submission,
          change,
          idByKey,
        ),
      stale,
    );
    if (saved.ok && submit)
      await sendSubmissionReceipt(ctx, {
        submissionId: saved.value.submission.id,
        year: input.year,
        submittedAt: now,
        indicators: indicatorList,
        figures: { ...checked.values, ...(derived ?? {}) },
      });
    return saved;
  },
  {
    name: (input) =>
      `${input.intent === 'submit' ? 'submit submission' : 'save submission'} ${input.orgSlug}/${input.year}`,
    organisation: actingFor,
    ...PORTAL,
  },
);

/** The conflict after a lost race: who changed what, read afresh. */
async function staleFormFailureNow(
  db: Database,
  organisation: ActingFor,
  input: { year: number; version: number; locale: Locale },
  indicatorList: FormIndicator[],
) {
  const [latest] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.organisationId, organisation.id), eq(submissions.year, input.year)));
  return staleFormFailure(db, latest ?? null, input.version, indicatorList, input.locale);
}

// ---- the company list ----

export interface UploadOutcome {
  submission: Submission;
  rows: number;
  derived: Record<string, number>;
}

const MAX_LISTED_PROBLEMS = 50;

/** Problems by row: the first MAX_LISTED_PROBLEMS and a count of the rest. */
export function csvProblemMessages(problems: CsvProblem[], locale: Locale = 'da') {
  const lines = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => csvProblemMessage(problem, locale));
  if (problems.length > MAX_LISTED_PROBLEMS)
    lines.push({ key: 'portal.messages.csvMore', values: { count: problems.length - MAX_LISTED_PROBLEMS } });
  return lines;
}

/** Replaces the company list when every row is good; a file with any error stores nothing. */
export const uploadCompanyList = memberAction(
  z
    .object({
      ...submissionRef,
      /** a CSV file's text, decoded as UTF-8 */
      csv: z.string().optional(),
      /** an Excel workbook's bytes (XLSX) */
      xlsx: z.instanceof(Uint8Array).optional(),
      filename: z.string().max(300).optional(),
    })
    .refine((input) => (input.csv === undefined) !== (input.xlsx === undefined), {
      error: 'noFile',
      path: ['companies'],
    }),
  async (ctx, input): Promise<Result<UploadOutcome>> => {
    const now = input.now ?? new Date();
    const context = await loadChangeContext(ctx.tx, ctx.organisation, input.year);
    if (!context.ok) return context;
    const { submission } = context.value;
    if ((submission?.version ?? 0) !== input.version)
      return staleFormFailure(
        ctx.tx,
        submission,
        input.version,
        await loadFormIndicators(ctx.tx, input.year),
        input.locale,
      );
    const refused = editableNow(context.value, now);
    if (refused) return refused;

    // a large file (CSV or workbook) is parsed in a bounded worker (company-list-parse.ts), after
    // the checks above
    const parsed = await parseCompanyList(input.xlsx ?? input.csv ?? '');
    if (!parsed.ok)
      return invalid('csvInvalid', { companies: csvProblemMessages(parsed.problems, input.locale) });
    const indicatorList = await loadFormIndicators(ctx.tx, input.year);
    const summary = deriveCompanyIndicators(indicatorList, parsed.rows);

    return inChangeTransaction(
      ctx,
      async (inner) => {
        await holdYearOpen(inner.tx, input.year, submission?.deadlineOverride ?? null, now);
        const current = submission ?? (await createDraftSubmission(inner, input.year));
        const previous = current.hasCompanyList
          ? deriveCompanyIndicators(indicatorList, await loadCompanyRows(inner.tx, current.id))
          : null;
        const updated = await updateSubmissionState(
          inner.tx,
          current.id,
          submission ? input.version : current.version,
          {
            hasCompanyList: true,
            updatedBy: inner.actor.userId,
          },
        );
        if (!updated) throw new StaleVersionError(null);
        await replaceCompanyList(inner.tx, current.id, parsed.rows);
        await inner.audit({
          action: 'submission.company_list_uploaded',
          entityType: 'submission',
          entityId: current.id,
          organisationId: inner.organisation.id,
          before: {
            version: current.version,
            state: current.state,
            companyList: previous ? { rows: previous.rows, derived: previous.derived } : null,
          },
          after: {
            version: updated.version,
            state: updated.state,
            filename: input.filename ?? null,
            companyList: { rows: summary.rows, derived: summary.derived },
          },
        });
        return { submission: updated, rows: summary.rows, derived: summary.derived };
      },
      async () => conflictFailure([], new Map(), input.locale),
    );
  },
  {
    name: (input) => `upload company list ${input.orgSlug}/${input.year}`,
    organisation: actingFor,
    ...PORTAL,
  },
);
