// Reads of the conversation about submissions. Not authorised here: the callers are authorised
// reads (the entry form's, lib/submissions/queries.ts; the review's, readConversationForReview).
import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { indicators, submissionMessages, submissions, submissionValues, users } from '@/db/schema';
import { adminQuery } from '@/lib/actions/define';
import { forRequest } from '@/lib/actions/request';
import { notFound, ok } from '@/lib/result';
import { isDatabaseId } from '@/lib/validation/input';
import { type ConversationMessage, type MessageKind, type Thread, threadsOf } from './rules';

export type { Thread };

async function messagesOf(db: Database, submissionIds: number[]) {
  if (submissionIds.length === 0) return [];
  return db
    .select({
      id: submissionMessages.id,
      submissionId: submissionMessages.submissionId,
      indicatorKey: indicators.key,
      fromSecretariat: submissionMessages.fromSecretariat,
      kind: submissionMessages.kind,
      body: submissionMessages.body,
      authorName: users.name,
      authorEmail: users.email,
      at: submissionMessages.createdAt,
    })
    .from(submissionMessages)
    .leftJoin(indicators, eq(indicators.id, submissionMessages.indicatorId))
    .leftJoin(users, eq(users.id, submissionMessages.authorId))
    .where(inArray(submissionMessages.submissionId, submissionIds))
    .orderBy(asc(submissionMessages.id));
}

async function flagsOf(db: Database, submissionIds: number[]) {
  if (submissionIds.length === 0) return [];
  return db
    .select({
      submissionId: submissionValues.submissionId,
      indicatorKey: indicators.key,
      note: submissionValues.flagNote,
    })
    .from(submissionValues)
    .innerJoin(indicators, eq(indicators.id, submissionValues.indicatorId))
    .where(and(inArray(submissionValues.submissionId, submissionIds), eq(submissionValues.flagged, true)));
}

/** The threads of each submission, by its id. */
export async function loadThreads(
  db: Database,
  rows: { id: number; state: string; remark: string | null }[],
  order: string[] = [],
): Promise<Map<number, Thread[]>> {
  const ids = rows.map((row) => row.id);
  const [messages, flags] = await Promise.all([messagesOf(db, ids), flagsOf(db, ids)]);
  const result = new Map<number, Thread[]>();
  for (const row of rows) {
    const own: ConversationMessage[] = messages
      .filter((message) => message.submissionId === row.id)
      .map((message) => ({
        id: message.id,
        indicatorKey: message.indicatorKey,
        fromSecretariat: message.fromSecretariat,
        kind: message.kind as MessageKind,
        body: message.body,
        authorName: message.authorName,
        authorEmail: message.authorEmail,
        at: message.at.toISOString(),
      }));
    const state = {
      flags: flags.filter((flag) => flag.submissionId === row.id),
      state: row.state,
      remark: row.remark,
    };
    result.set(row.id, threadsOf(own, state, order));
  }
  return result;
}

/** The conversation of one submission, for the secretariat's review page. */
export const getConversationForReview = adminQuery(
  'review.conversation.read',
  async ({ db }, submissionId: number) => {
    if (!isDatabaseId(submissionId)) return notFound('submission_not_found');
    const [row] = await db
      .select({ id: submissions.id, state: submissions.state, remark: submissions.remark })
      .from(submissions)
      .where(eq(submissions.id, submissionId));
    if (!row) return notFound('submission_not_found');
    const catalogue = await db
      .select({ key: indicators.key })
      .from(indicators)
      .orderBy(asc(indicators.sortOrder));
    const threads = await loadThreads(
      db,
      [row],
      catalogue.map((indicator) => indicator.key),
    );
    return ok(threads.get(row.id) ?? []);
  },
);

export const readConversationForReview = forRequest(getConversationForReview);
