// Writing in the conversation about a submission (issue 16): staff answer the secretariat's
// questions (a flagged value, a return's remark), the secretariat writes back. A message never
// changes the figures, so neither bumps the submission's version (a colleague typing figures
// meanwhile keeps their form) nor waits for the year to be open: questions come during review,
// after the deadline. Flags and returns add their messages through recordMessage (lib/review).
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { indicators, submissionMessages, submissions, submissionValues } from '@/db/schema';
import { adminAction, memberAction, type StepContext } from '@/lib/actions/define';
import type { Actor } from '@/lib/auth/actor';
import { invalid, notFound, ok, type Result } from '@/lib/result';
import { actingFor, submissionRef } from '@/lib/submissions/save';
import { databaseId } from '@/lib/validation/input';
import { storableText, textProblem } from '@/lib/validation/text';
import type { MessageKind } from './rules';

export const MAX_MESSAGE_LENGTH = 2000;

const messageBody = storableText({
  max: MAX_MESSAGE_LENGTH,
  required: true,
  codes: { required: 'body_required', tooLong: 'body_too_long', invalid: 'body_invalid' },
});

/** '' for the submission as a whole, else an indicator's key. */
const aboutKey = z
  .preprocess((value) => (value == null ? '' : value), z.string())
  .refine((key) => key === '' || (/^[a-z][a-z0-9_]*$/.test(key) && textProblem(key, 60) === null), {
    error: 'not_found',
  });

/** Appends a message; the caller's transaction, authority and audit event. */
export async function recordMessage(
  tx: Database,
  message: {
    submissionId: number;
    indicatorId: number | null;
    authorId: number | null;
    fromSecretariat: boolean;
    kind: MessageKind;
    body: string;
  },
) {
  await tx.insert(submissionMessages).values(message);
}

/** The indicator a message is about (null: the submission), or undefined when there is none such. */
async function indicatorOf(db: Database, key: string): Promise<{ id: number } | null | undefined> {
  if (key === '') return null;
  const [row] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.key, key));
  return row ?? undefined;
}

async function write<A extends Actor>(
  ctx: StepContext<A>,
  input: { submissionId: number; organisationId: number; indicatorKey: string; indicatorId: number | null },
  body: string,
  fromSecretariat: boolean,
) {
  await recordMessage(ctx.tx, {
    submissionId: input.submissionId,
    indicatorId: input.indicatorId,
    authorId: ctx.actor.userId,
    fromSecretariat,
    kind: 'message',
    body,
  });
  await ctx.audit({
    action: 'submission.message',
    entityType: 'submission',
    entityId: input.submissionId,
    organisationId: input.organisationId,
    after: {
      indicator: input.indicatorKey || null,
      from: fromSecretariat ? 'secretariat' : 'organisation',
      body,
    },
  });
  return ok({ submissionId: input.submissionId });
}

/**
 * Staff answer a question of the secretariat: about a value it flagged or wrote about, or about
 * the submission as a whole when it was returned with a remark or written about.
 */
export const answerSecretariat = memberAction(
  z.object({
    orgSlug: submissionRef.orgSlug,
    year: submissionRef.year,
    locale: submissionRef.locale,
    indicatorKey: aboutKey,
    body: messageBody,
  }),
  async (ctx, input): Promise<Result<{ submissionId: number }>> => {
    const [submission] = await ctx.tx
      .select()
      .from(submissions)
      .where(and(eq(submissions.organisationId, ctx.organisation.id), eq(submissions.year, input.year)));
    if (!submission) return notFound('not_found');
    const indicator = await indicatorOf(ctx.tx, input.indicatorKey);
    if (indicator === undefined) return notFound('not_found');
    const [asked] = await ctx.tx
      .select({ id: submissionMessages.id })
      .from(submissionMessages)
      .where(
        and(
          eq(submissionMessages.submissionId, submission.id),
          eq(submissionMessages.fromSecretariat, true),
          indicator
            ? eq(submissionMessages.indicatorId, indicator.id)
            : isNull(submissionMessages.indicatorId),
        ),
      )
      .limit(1);
    const [flag] = indicator
      ? await ctx.tx
          .select({ flagged: submissionValues.flagged })
          .from(submissionValues)
          .where(
            and(
              eq(submissionValues.submissionId, submission.id),
              eq(submissionValues.indicatorId, indicator.id),
            ),
          )
      : [];
    const question = asked || (indicator ? flag?.flagged : submission.remark);
    if (!question) return invalid('nothing_to_answer');
    return write(
      ctx,
      {
        submissionId: submission.id,
        organisationId: ctx.organisation.id,
        indicatorKey: input.indicatorKey,
        indicatorId: indicator?.id ?? null,
      },
      input.body,
      false,
    );
  },
  {
    name: (input) => `answer secretariat ${input.orgSlug}/${input.year}`,
    organisation: actingFor,
    messages: 'portal.conversation.errors',
    invalid: 'invalid',
  },
);

/** The secretariat writes in a submission's conversation: about a value, or the submission. */
export const writeToOrganisation = adminAction(
  z.object({
    submissionId: databaseId('not_found'),
    indicatorKey: aboutKey,
    body: messageBody,
  }),
  async (ctx, input): Promise<Result<{ submissionId: number }>> => {
    const [submission] = await ctx.tx
      .select({ id: submissions.id, organisationId: submissions.organisationId })
      .from(submissions)
      .where(eq(submissions.id, input.submissionId));
    if (!submission) return notFound('not_found');
    const indicator = await indicatorOf(ctx.tx, input.indicatorKey);
    if (indicator === undefined) return notFound('not_found');
    return write(
      ctx,
      {
        submissionId: submission.id,
        organisationId: submission.organisationId,
        indicatorKey: input.indicatorKey,
        indicatorId: indicator?.id ?? null,
      },
      input.body,
      true,
    );
  },
  { name: 'submission.message', messages: 'admin.conversation.errors', invalid: 'invalid' },
);
