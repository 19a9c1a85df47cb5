// Staff mutations of a submission: save draft, submit, upload the company list. Each one:
// validate (rules.ts) → authorise → one transaction with the version check (store.ts) → audit
// event with before and after. Nothing is written when any step refuses.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  auditEvents,
  indicators,
  reportingYears,
  type Submission,
  submissions,
  submissionValues,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { checkCanActFor } from '@/lib/auth/permissions';
import { recordAuditEvent } from '@/lib/audit/record';
import { conflict, type Failure, invalid, notFound, ok, type Result } from '@/lib/result';
import { replaceCompanyList } from './company-list-store';
import {
  deriveCompanyIndicators,
  findOrganisationBySlug,
  loadCompanyRows,
  loadFormIndicators,
  publishedValues,
} from './queries';
import {
  type CsvMessages,
  type CsvProblem,
  describeCsvProblem,
  type Entry,
  isEditableState,
  isYearOpenForStaff,
  parseCompanyCsv,
  type RuleMessages,
  validateEntries,
} from './rules';
import { StaleVersionError, updateSubmissionState } from './store';

export interface SubmissionMessages {
  rules: RuleMessages;
  csv: CsvMessages;
  /** fixed texts: the summary lines of refusals */
  text: {
    invalid: string;
    closed: string;
    readOnly: string;
    conflict: string;
    conflictChange: string;
    conflictState: string;
    csvInvalid: string;
    csvMore: string;
    noFile: string;
    notFound: string;
  };
}

export interface SaveInput {
  orgSlug: string;
  year: number;
  /** the version the form was opened at; 0 when there was no submission yet */
  version: number;
  intent: 'draft' | 'submit';
  fields: Record<string, string | undefined>;
  locale: 'da' | 'en';
  messages: SubmissionMessages;
  now?: Date;
}

export interface ConflictChange {
  key: string | null;
  actorEmail: string | null;
  from: Entry | null;
  to: Entry | null;
  state?: string;
}

function fill(template: string, values: Record<string, string | number>) {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

const sameEntry = (a: Entry | null | undefined, b: Entry | null | undefined) =>
  (a?.value ?? null) === (b?.value ?? null) &&
  (a?.denominator ?? null) === (b?.denominator ?? null) &&
  (a?.comment ?? null) === (b?.comment ?? null);

interface Context {
  organisation: { id: number; slug: string; name: string };
  yearRow: typeof reportingYears.$inferSelect;
  submission: Submission | null;
}

async function loadContext(
  db: Database,
  actor: Actor | null,
  orgSlug: string,
  year: number,
  what: string,
  text: SubmissionMessages['text'],
): Promise<Result<Context>> {
  const organisation = await findOrganisationBySlug(db, orgSlug);
  // checked before anything else, outside the transaction, so the refusal's audit event stays
  const refused = await checkCanActFor(db, actor, organisation?.id ?? -1, `${what} ${orgSlug}/${year}`);
  if (refused) return refused;
  if (!organisation) return notFound(text.notFound);
  const [[yearRow], [submission]] = await Promise.all([
    db.select().from(reportingYears).where(eq(reportingYears.year, year)),
    db
      .select()
      .from(submissions)
      .where(and(eq(submissions.organisationId, organisation.id), eq(submissions.year, year))),
  ]);
  if (!yearRow) return notFound(text.notFound);
  return ok({ organisation, yearRow, submission: submission ?? null });
}

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

function conflictFailure(
  messages: SubmissionMessages,
  changes: ConflictChange[],
  labels: Map<string, string>,
  locale: 'da' | 'en',
): Failure {
  const shown = (entry: Entry | null) =>
    entry === null
      ? '–'
      : entry.denominator === null
        ? entry.value.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB')
        : `${entry.value}/${entry.denominator}`;
  const lines = changes.map((change) =>
    change.key === null
      ? fill(messages.text.conflictState, { who: change.actorEmail ?? '?', state: change.state ?? '' })
      : fill(messages.text.conflictChange, {
          who: change.actorEmail ?? '?',
          field: labels.get(change.key) ?? change.key,
          from: shown(change.from),
          to: shown(change.to),
        }),
  );
  return conflict(messages.text.conflict, { changes: lines });
}

export interface SaveOutcome {
  submission: Submission;
  changed: string[];
}

/**
 * The organisation's first save or upload of the year creates its draft. Another request creating
 * it between our read and now is a conflict like a stale version.
 */
async function createDraftSubmission(tx: Database, actor: Actor, organisationId: number, year: number) {
  const [created] = await tx
    .insert(submissions)
    .values({ organisationId, year, state: 'draft', createdBy: actor.userId, updatedBy: actor.userId })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new StaleVersionError(null);
  await recordAuditEvent(tx, {
    actorId: actor.userId,
    actorEmail: actor.email,
    action: 'submission.created',
    entityType: 'submission',
    entityId: created.id,
    organisationId,
    after: { version: 1, state: 'draft', year },
    ip: actor.ip ?? null,
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

/** Save draft or submit: the form's figures, checked by rules.ts, written when the version still holds. */
export async function saveSubmission(
  db: Database,
  actor: Actor | null,
  input: SaveInput,
): Promise<Result<SaveOutcome>> {
  const { messages, locale } = input;
  const now = input.now ?? new Date();
  const context = await loadContext(
    db,
    actor,
    input.orgSlug,
    input.year,
    input.intent === 'submit' ? 'submit submission' : 'save submission',
    messages.text,
  );
  if (!context.ok) return context;
  const { organisation, yearRow, submission } = context.value;
  // everything the checks need, read at once (a stale or closed form wastes these reads, rarely)
  // The stored values are read here, outside the transaction: they belong to the version the
  // form was opened at, because every write of a value bumps the version in the same transaction
  // and the UPDATE below only succeeds while that version still holds.
  const [indicatorList, companyRows, lastYear, indicatorIds, existing] = await Promise.all([
    loadFormIndicators(db, input.year),
    submission?.hasCompanyList ? loadCompanyRows(db, submission.id) : null,
    publishedValues(db, organisation.slug, input.year - 1),
    db.select({ id: indicators.id, key: indicators.key }).from(indicators),
    submission
      ? db
          .select({
            indicatorId: submissionValues.indicatorId,
            value: submissionValues.value,
            denominator: submissionValues.denominator,
            comment: submissionValues.comment,
          })
          .from(submissionValues)
          .where(eq(submissionValues.submissionId, submission.id))
      : [],
  ]);
  const labels = new Map(
    indicatorList.map((indicator) => [
      indicator.key,
      locale === 'en' ? indicator.labelEn : indicator.labelDa,
    ]),
  );

  if ((submission?.version ?? 0) !== input.version) {
    const changes = submission ? await changesSince(db, submission.id, input.version) : [];
    return conflictFailure(messages, changes, labels, locale);
  }
  if (!isYearOpenForStaff(yearRow, submission?.deadlineOverride ?? null, now))
    return invalid(messages.text.closed);
  if (!isEditableState(submission?.state ?? null)) return invalid(messages.text.readOnly);

  const derived = companyRows ? deriveCompanyIndicators(indicatorList, companyRows).derived : undefined;
  const checked = validateEntries({
    indicators: indicatorList,
    fields: input.fields,
    mode: input.intent,
    locale,
    messages: messages.rules,
    lastYear,
    derived,
  });
  if (!checked.ok) return invalid(messages.text.invalid, checked.fieldErrors);

  const idByKey = new Map(indicatorIds.map((row) => [row.key, row.id]));

  try {
    const keyById = new Map(indicatorIds.map((row) => [row.id, row.key]));
    const before: Record<string, Entry> = {};
    for (const row of existing) {
      const key = keyById.get(row.indicatorId);
      if (key)
        before[key] = {
          value: Number(row.value),
          denominator: row.denominator == null ? null : Number(row.denominator),
          comment: row.comment,
        };
    }
    // the typed indicators on this form (derived ones come from the list and are not touched)
    const formKeys = indicatorList
      .map((indicator) => indicator.key)
      .filter((key) => !(derived && key in derived));
    const changedBefore: Record<string, Entry | null> = {};
    const changedAfter: Record<string, Entry | null> = {};
    for (const key of formKeys) {
      const next = checked.values[key] ?? null;
      if (sameEntry(before[key], next)) continue;
      changedBefore[key] = before[key] ?? null;
      changedAfter[key] = next;
    }
    const submit = input.intent === 'submit';
    const removed = Object.keys(changedAfter).filter((key) => changedAfter[key] === null);

    const outcome = await db.transaction(async (tx) => {
      // sent first, so the year row is locked before anything is written; awaited with the writes
      const yearHeld = holdYearOpen(tx, input.year, submission?.deadlineOverride ?? null, now);
      let current = submission;
      if (!current) {
        await yearHeld;
        current = await createDraftSubmission(tx, actor!, organisation.id, input.year);
      }
      const expectedVersion = submission ? input.version : current.version;
      // one statement for every changed value, not one round trip each
      const written = Object.entries(changedAfter).flatMap(([key, entry]) =>
        entry
          ? [
              {
                submissionId: current.id,
                indicatorId: idByKey.get(key)!,
                value: entry.value,
                denominator: entry.denominator,
                comment: entry.comment,
                updatedBy: actor!.userId,
                updatedAt: now,
              },
            ]
          : [],
      );
      // The writes are sent together (pipelined on the transaction's connection): under load each
      // round trip waits a whole turn of the server's event loop. The version-checked UPDATE goes
      // first and locks the submission row; when it finds another version, the throw below rolls
      // back the writes sent after it.
      const [, updated] = await Promise.all([
        yearHeld,
        updateSubmissionState(tx, current.id, expectedVersion, {
          updatedBy: actor!.userId,
          ...(submit ? { state: 'submitted', submittedBy: actor!.userId, submittedAt: now } : {}),
        }),
        removed.length
          ? tx.delete(submissionValues).where(
              and(
                eq(submissionValues.submissionId, current.id),
                inArray(
                  submissionValues.indicatorId,
                  removed.map((key) => idByKey.get(key)!),
                ),
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
        recordAuditEvent(tx, {
          actorId: actor!.userId,
          actorEmail: actor!.email,
          action: submit ? 'submission.submitted' : 'submission.saved',
          entityType: 'submission',
          entityId: current.id,
          organisationId: organisation.id,
          before: { version: current.version, state: current.state, values: changedBefore },
          after: {
            version: expectedVersion + 1,
            state: submit ? 'submitted' : current.state,
            values: changedAfter,
          },
          ip: actor!.ip ?? null,
        }),
      ]);
      if (!updated) throw new StaleVersionError(null);
      return { submission: updated, changed: Object.keys(changedAfter) };
    });
    return ok(outcome);
  } catch (error) {
    if (error instanceof YearClosedError) return invalid(messages.text.closed);
    if (!(error instanceof StaleVersionError)) throw error;
    const [latest] = await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.organisationId, organisation.id), eq(submissions.year, input.year)));
    const changes = latest ? await changesSince(db, latest.id, input.version) : [];
    return conflictFailure(messages, changes, labels, locale);
  }
}

export interface UploadInput {
  orgSlug: string;
  year: number;
  version: number;
  /** the file's text, decoded as UTF-8 */
  csv: string;
  filename?: string;
  locale: 'da' | 'en';
  messages: SubmissionMessages;
  now?: Date;
}

export interface UploadOutcome {
  submission: Submission;
  rows: number;
  derived: Record<string, number>;
}

const MAX_LISTED_PROBLEMS = 50;

/** Lists problems by row; the first MAX_LISTED_PROBLEMS and a count of the rest. */
export function describeCsvProblems(
  problems: CsvProblem[],
  messages: SubmissionMessages,
  locale: 'da' | 'en' = 'da',
): string[] {
  const lines = problems
    .slice(0, MAX_LISTED_PROBLEMS)
    .map((problem) => describeCsvProblem(problem, messages.csv, locale));
  if (problems.length > MAX_LISTED_PROBLEMS)
    lines.push(fill(messages.text.csvMore, { count: problems.length - MAX_LISTED_PROBLEMS }));
  return lines;
}

/** Replaces the company list when every row is good; a file with any error stores nothing. */
export async function uploadCompanyList(
  db: Database,
  actor: Actor | null,
  input: UploadInput,
): Promise<Result<UploadOutcome>> {
  const { messages } = input;
  const now = input.now ?? new Date();
  const context = await loadContext(
    db,
    actor,
    input.orgSlug,
    input.year,
    'upload company list',
    messages.text,
  );
  if (!context.ok) return context;
  const { organisation, yearRow, submission } = context.value;
  if ((submission?.version ?? 0) !== input.version) {
    const indicatorList = await loadFormIndicators(db, input.year);
    const labels = new Map(
      indicatorList.map((indicator) => [
        indicator.key,
        input.locale === 'en' ? indicator.labelEn : indicator.labelDa,
      ]),
    );
    const changes = submission ? await changesSince(db, submission.id, input.version) : [];
    return conflictFailure(messages, changes, labels, input.locale);
  }
  if (!isYearOpenForStaff(yearRow, submission?.deadlineOverride ?? null, now))
    return invalid(messages.text.closed);
  if (!isEditableState(submission?.state ?? null)) return invalid(messages.text.readOnly);

  const parsed = parseCompanyCsv(input.csv);
  if (!parsed.ok)
    return invalid(messages.text.csvInvalid, {
      companies: describeCsvProblems(parsed.problems, messages, input.locale),
    });
  const indicatorList = await loadFormIndicators(db, input.year);
  const summary = deriveCompanyIndicators(indicatorList, parsed.rows);

  try {
    const outcome = await db.transaction(async (tx) => {
      await holdYearOpen(tx, input.year, submission?.deadlineOverride ?? null, now);
      const current = submission ?? (await createDraftSubmission(tx, actor!, organisation.id, input.year));
      const previousRows = current.hasCompanyList ? await loadCompanyRows(tx, current.id) : [];
      const previous = current.hasCompanyList ? deriveCompanyIndicators(indicatorList, previousRows) : null;
      const updated = await updateSubmissionState(
        tx,
        current.id,
        submission ? input.version : current.version,
        {
          hasCompanyList: true,
          updatedBy: actor!.userId,
        },
      );
      if (!updated) throw new StaleVersionError(null);
      await replaceCompanyList(tx, current.id, parsed.rows);
      await recordAuditEvent(tx, {
        actorId: actor!.userId,
        actorEmail: actor!.email,
        action: 'submission.company_list_uploaded',
        entityType: 'submission',
        entityId: current.id,
        organisationId: organisation.id,
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
        ip: actor!.ip ?? null,
      });
      return { submission: updated, rows: summary.rows, derived: summary.derived };
    });
    return ok(outcome);
  } catch (error) {
    if (error instanceof YearClosedError) return invalid(messages.text.closed);
    if (!(error instanceof StaleVersionError)) throw error;
    return conflictFailure(messages, [], new Map(), input.locale);
  }
}
