// Freezing a year's accounts into an immutable, versioned publication. The secretariat's action
// (mutations.ts) wraps this with the session check and cache revalidation; the demo seed calls it
// directly.
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { type Database, databaseErrorOf } from '@/db/client';
import { publications, releases, reportingYears, submissions, yearExclusions } from '@/db/schema';
import { computeNationalAccounts, organisationsActiveIn } from '@/lib/accounts/compute';
import { qualifyFailure } from '@/lib/actions/messages';
import { recordAuditEvent } from '@/lib/audit/record';
import { evidenceForYear } from '@/lib/evidence/read';
import { conflict, type Failure, invalid, notFound } from '@/lib/result';
import { textProblem } from '@/lib/validation/text';
import { freezeDocumentation } from '@/lib/documentation/freeze';
import { methodologyNote } from './methodology';
import type { PublicationSnapshot } from './types';

export interface PublishRequest {
  year: number;
  actorId: number | null;
  actorEmail?: string | null;
  ip?: string | null;
  /** required from version 2 on: why the published figures changed */
  changeNote?: string | null;
  /**
   * When it goes out: the app's clock (lib/clock) for the secretariat and the release job, or the
   * day an edition came out for loading years published before this system (the demo's 2013–2016).
   * The database's clock when not given.
   */
  publishedAt?: Date;
  /** the scheduled release this publishes (lib/releases); without it a scheduled year is refused */
  releaseId?: number;
}

export interface Published {
  year: number;
  version: number;
  publicationId: number;
  publishedAt: Date;
}

export type PublishResult = { ok: true; value: Published } | Failure;

/** The longest change note a correction may carry (the secretariat's form says the same). */
export const MAX_CHANGE_NOTE_LENGTH = 4000;

/** Publishes the year's accounts as the next version; a refusal's keys are the secretariat's (admin.errors). */
export async function publishYear(db: Database, request: PublishRequest): Promise<PublishResult> {
  const result = await publishChecked(db, request);
  return result.ok ? result : qualifyFailure(result, 'admin.errors');
}

async function publishChecked(db: Database, request: PublishRequest): Promise<PublishResult> {
  // refused before any query: a NaN or fractional year, or a note PostgreSQL cannot store (NUL),
  // would otherwise fail inside the transaction as an error instead of a typed failure
  if (!Number.isInteger(request.year) || request.year < 2000 || request.year > 2100) {
    return invalid('year_invalid', { year: ['year_invalid'] });
  }
  if (
    request.publishedAt !== undefined &&
    !(request.publishedAt instanceof Date && Number.isFinite(request.publishedAt.getTime()))
  ) {
    return invalid('published_at_invalid');
  }
  if (request.changeNote != null) {
    if (typeof request.changeNote !== 'string') return invalid('change_note_invalid');
    const problem = textProblem(request.changeNote, MAX_CHANGE_NOTE_LENGTH);
    if (problem === 'too_long')
      return invalid('change_note_too_long', { changeNote: ['change_note_too_long'] });
    if (problem) return invalid('change_note_invalid', { changeNote: ['change_note_invalid'] });
  }
  return retryOnSerializationFailure(() =>
    db.transaction((tx) => publishInTransaction(tx, request), { isolationLevel: 'repeatable read' }),
  );
}

const SERIALIZATION_FAILURE = '40001';
const MAX_ATTEMPTS = 5;

/**
 * A serialization failure (another publication or a change of the year committed while this one
 * waited for the year's lock) is retried with a fresh snapshot; it is not the caller's error.
 */
export async function retryOnSerializationFailure<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || databaseErrorOf(error)?.code !== SERIALIZATION_FAILURE) throw error;
    }
  }
}

/**
 * Run inside one transaction at REPEATABLE READ (publishYear's, or the release job's): every query
 * below reads the same snapshot, so the completeness check, the list of approved submissions and their figures all describe one moment.
 * (At READ COMMITTED each statement sees what committed before it: a return committing between
 * the check and computeNationalAccounts left that organisation out of a publication that had
 * passed the check; tests/integration/concurrency.test.ts caught it on PostgreSQL.) Approvals,
 * returns and saves are not blocked: what commits after the snapshot is simply not in it.
 */
export async function publishInTransaction(tx: Database, request: PublishRequest): Promise<PublishResult> {
  // lock the year so two publications cannot take the same version, and the year cannot be
  // reopened or closed underneath this one
  const [year] = await tx
    .select()
    .from(reportingYears)
    .where(eq(reportingYears.year, request.year))
    .for('update');
  if (!year) return notFound('year_not_found');
  if (year.state === 'open') return conflict('year_still_open');
  // an announced release publishes the year at its minute: publishing it now, outside the
  // release, would break the announcement (move or cancel the release instead)
  const [scheduled] = await tx
    .select({ id: releases.id, scheduledAt: releases.scheduledAt })
    .from(releases)
    .where(and(eq(releases.year, request.year), eq(releases.status, 'scheduled')));
  if (scheduled && scheduled.id !== request.releaseId) {
    return conflict('release_scheduled', { scheduledAt: scheduled.scheduledAt.toISOString() });
  }

  const active = await organisationsActiveIn(tx, request.year);
  const approvedRows = await tx
    .select({ organisationId: submissions.organisationId })
    .from(submissions)
    .where(and(eq(submissions.year, request.year), eq(submissions.state, 'approved')));
  const excludedRows = await tx
    .select({ organisationId: yearExclusions.organisationId })
    .from(yearExclusions)
    .where(eq(yearExclusions.year, request.year));
  const settled = new Set([...approvedRows, ...excludedRows].map((row) => row.organisationId));
  const unsettled = active.filter((organisation) => !settled.has(organisation.id));
  if (unsettled.length > 0) {
    const slugs = unsettled.map((organisation) => organisation.slug);
    return conflict(
      'organisations_not_settled',
      { organisations: slugs },
      { lines: [{ key: 'admin.accounts.unsettled', values: { organisations: slugs.join(', ') } }] },
    );
  }

  const [latest] = await tx
    .select({ version: publications.version })
    .from(publications)
    .where(eq(publications.year, request.year))
    .orderBy(desc(publications.version))
    .limit(1);
  const version = (latest?.version ?? 0) + 1;
  const changeNote = request.changeNote?.trim() || null;
  if (version > 1 && !changeNote) {
    return invalid('change_note_required', { changeNote: ['change_note_required'] });
  }

  const accounts = await computeNationalAccounts(tx, request.year);
  if (!accounts) return notFound('year_not_found');
  const publishedAt = request.publishedAt ?? new Date();
  const documentation = await freezeDocumentation(tx, {
    accounts,
    publishedAt,
    releaseId: request.releaseId,
  });
  const evidence = await evidenceForYear(tx, request.year);
  const snapshot: PublicationSnapshot = { accounts, methodology: methodologyNote, evidence, documentation };

  const [inserted] = await tx
    .insert(publications)
    .values({
      year: request.year,
      version,
      publishedBy: request.actorId,
      changeNote,
      snapshot,
      publishedAt,
    })
    .returning({ id: publications.id, publishedAt: publications.publishedAt });
  if (!inserted) throw new Error(`the publication of ${request.year} was not stored`);
  await tx.update(reportingYears).set({ state: 'published' }).where(eq(reportingYears.year, request.year));
  await recordAuditEvent(tx, {
    actorId: request.actorId,
    actorEmail: request.actorEmail,
    ip: request.ip,
    action: version === 1 ? 'publication.publish' : 'publication.correct',
    entityType: 'publication',
    entityId: inserted.id,
    before: { state: year.state, version: latest?.version ?? null },
    after: { state: 'published', version, changeNote, netParticipants: participantsOf(snapshot) },
  });
  return {
    ok: true as const,
    value: { year: request.year, version, publicationId: inserted.id, publishedAt: inserted.publishedAt },
  };
}

function participantsOf(snapshot: PublicationSnapshot): number | null {
  const figure = snapshot.accounts.indicators.find((indicator) => indicator.key === 'participants')?.national;
  return figure && 'net' in figure ? figure.net : null;
}
