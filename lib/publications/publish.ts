// Freezing a year's accounts into an immutable, versioned publication. The secretariat's action
// wraps this with the session check and cache revalidation; the demo seed calls it directly.
import { and, desc, eq } from 'drizzle-orm';
import { type Database, databaseErrorOf } from '@/db/client';
import { publications, reportingYears, submissions, yearExclusions } from '@/db/schema';
import { computeNationalAccounts, organisationsActiveIn } from '@/lib/accounts/compute';
import { recordAuditEvent } from '@/lib/audit/record';
import { conflict, type Failure, invalid, notFound } from '@/lib/result';
import { textProblem } from '@/lib/validation/text';
import { methodologyNote } from './methodology';
import type { PublicationSnapshot } from './types';

export interface PublishRequest {
  year: number;
  actorId: number | null;
  actorEmail?: string | null;
  /** required from version 2 on: why the published figures changed */
  changeNote?: string | null;
}

export type PublishResult = { ok: true; value: { year: number; version: number } } | Failure;

/** The longest change note a correction may carry (the secretariat's form says the same). */
export const MAX_CHANGE_NOTE_LENGTH = 4000;

export async function publishYear(db: Database, request: PublishRequest): Promise<PublishResult> {
  // refused before any query: a NaN or fractional year, or a note PostgreSQL cannot store (NUL),
  // would otherwise fail inside the transaction as an error instead of a typed failure
  if (!Number.isInteger(request.year) || request.year < 2000 || request.year > 2100) {
    return invalid('year_invalid', { year: ['year_invalid'] });
  }
  if (request.changeNote != null) {
    if (typeof request.changeNote !== 'string') return invalid('change_note_invalid');
    const problem = textProblem(request.changeNote, MAX_CHANGE_NOTE_LENGTH);
    if (problem === 'too_long')
      return invalid('change_note_too_long', { changeNote: ['change_note_too_long'] });
    if (problem) return invalid('change_note_invalid', { changeNote: ['change_note_invalid'] });
  }
  // A serialization failure (another publication or a change of the year committed while this one
  // waited for the year's lock) is retried with a fresh snapshot; it is not the caller's error.
  for (let attempt = 1; ; attempt++) {
    try {
      return await publishOnce(db, request);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || databaseErrorOf(error)?.code !== SERIALIZATION_FAILURE) throw error;
    }
  }
}

const SERIALIZATION_FAILURE = '40001';
const MAX_ATTEMPTS = 5;

/**
 * One transaction at REPEATABLE READ: every query below reads the same snapshot, so the
 * completeness check, the list of approved submissions and their figures all describe one moment.
 * (At READ COMMITTED each statement sees what committed before it: a return committing between
 * the check and computeNationalAccounts left that organisation out of a publication that had
 * passed the check; tests/integration/concurrency.test.ts caught it on PostgreSQL.) Approvals,
 * returns and saves are not blocked: what commits after the snapshot is simply not in it.
 */
function publishOnce(db: Database, request: PublishRequest): Promise<PublishResult> {
  return db.transaction(
    async (tx) => {
      // lock the year so two publications cannot take the same version, and the year cannot be
      // reopened or closed underneath this one
      const [year] = await tx
        .select()
        .from(reportingYears)
        .where(eq(reportingYears.year, request.year))
        .for('update');
      if (!year) return notFound('year_not_found');
      if (year.state === 'open') return conflict('year_still_open');

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
        return conflict('organisations_not_settled', { organisations: unsettled.map((o) => o.slug) });
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
      const snapshot: PublicationSnapshot = { accounts, methodology: methodologyNote };

      const [inserted] = await tx
        .insert(publications)
        .values({
          year: request.year,
          version,
          publishedBy: request.actorId,
          changeNote,
          snapshot,
        })
        .returning({ id: publications.id, publishedAt: publications.publishedAt });
      await tx
        .update(reportingYears)
        .set({ state: 'published' })
        .where(eq(reportingYears.year, request.year));
      await recordAuditEvent(tx, {
        actorId: request.actorId,
        actorEmail: request.actorEmail,
        action: version === 1 ? 'publication.publish' : 'publication.correct',
        entityType: 'publication',
        entityId: inserted?.id,
        before: { state: year.state, version: latest?.version ?? null },
        after: { state: 'published', version, changeNote, netParticipants: participantsOf(snapshot) },
      });
      return { ok: true as const, value: { year: request.year, version } };
    },
    { isolationLevel: 'repeatable read' },
  );
}

function participantsOf(snapshot: PublicationSnapshot): number | null {
  const figure = snapshot.accounts.indicators.find((indicator) => indicator.key === 'participants')?.national;
  return figure && 'net' in figure ? figure.net : null;
}
