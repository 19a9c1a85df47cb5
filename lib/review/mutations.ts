// The secretariat's decisions in a reporting round: approve, return with a remark, flag a value,
// approve every clean submission at once, extend one organisation's deadline, remind those who
// have not submitted. Each is an adminAction (lib/actions): authorised, zod-parsed, one
// transaction, audited.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { indicators, organisations, reportingYears, submissions, submissionValues } from '@/db/schema';
import { translate } from '@/i18n/messages';
import { siteUrl } from '@/lib/site-url';
import { adminAction, type StepContext } from '@/lib/actions/define';
import { recordMessage } from '@/lib/conversation/mutations';
import type { AdminActor } from '@/lib/auth/permissions';
import { formatDate } from '@/lib/format';
import { sendMail } from '@/lib/mail/send';
import { conflict, invalid, notFound, ok, type Result } from '@/lib/result';
import type { Submission } from '@/db/schema';
import { type SubmissionPatch, updateSubmissionState } from '@/lib/submissions/store';
import { databaseId, flag, optionalIsoDate, yearNumber } from '@/lib/validation/input';
import { storableText, textProblem } from '@/lib/validation/text';
import { effectiveValues, reminderRecipients, roundOverview } from './queries';
import { returnDeadlineProblem, reviewWarnings } from './rules';
import { takeReturnSnapshot } from './snapshots';

const versioned = {
  submissionId: databaseId(),
  version: databaseId(),
};

export const remarkSchema = storableText({
  max: 2000,
  required: true,
  codes: { required: 'remark_required', tooLong: 'remark_too_long' },
});

type Transition = {
  from: string[];
  action: string;
  patch: (now: Date, admin: AdminActor) => SubmissionPatch;
  /** more to remember in the event's `before` and `after` (the values as approved, a new deadline) */
  before?: Record<string, unknown>;
  after?: (ctx: StepContext<AdminActor>, before: Submission) => Promise<Record<string, unknown>>;
};

/** One submission from one state to the next, when it still has the version the page showed. */
async function transition(
  ctx: StepContext<AdminActor>,
  input: { submissionId: number; version: number },
  { from, action, patch, before: beforeExtra, after }: Transition,
): Promise<Result<{ version: number; state: string }>> {
  const [before] = await ctx.tx.select().from(submissions).where(eq(submissions.id, input.submissionId));
  if (!before) return notFound('submission_not_found');
  if (before.version !== input.version) return conflict('stale_version', { version: before.version });
  if (!from.includes(before.state)) return conflict('wrong_state', { state: before.state });
  const updated = await updateSubmissionState(ctx.tx, before.id, input.version, patch(new Date(), ctx.actor));
  if (!updated) return conflict('stale_version');
  await ctx.audit({
    action,
    entityType: 'submission',
    entityId: before.id,
    organisationId: before.organisationId,
    before: { state: before.state, version: before.version, remark: before.remark, ...beforeExtra },
    after: {
      state: updated.state,
      version: updated.version,
      remark: updated.remark,
      ...(after ? await after(ctx, before) : {}),
    },
  });
  return ok({ version: updated.version, state: updated.state });
}

/** A submission's figures now (company counts from its list), without their comments. */
async function plainValues(tx: StepContext<AdminActor>['tx'], submissionId: number) {
  const [row] = await tx
    .select({ id: submissions.id, hasCompanyList: submissions.hasCompanyList })
    .from(submissions)
    .where(eq(submissions.id, submissionId));
  const values = await effectiveValues(tx, row ? [row] : []);
  return Object.fromEntries(
    Object.entries(values.get(submissionId) ?? {}).map(([key, value]) => [
      key,
      { value: value.value, denominator: value.denominator },
    ]),
  );
}

/** Submitted → approved; the values as approved are kept, so the review shows what changed since. */
function approve(ctx: StepContext<AdminActor>, input: { submissionId: number; version: number }) {
  return transition(ctx, input, {
    from: ['submitted'],
    action: 'submission.approve',
    patch: (now, admin) => ({ state: 'approved', approvedAt: now, reviewedBy: admin.userId, remark: null }),
    after: async ({ tx }) => ({ values: await plainValues(tx, input.submissionId) }),
  });
}

export const approveSubmission = adminAction(z.object(versioned), approve, { name: 'submission.approve' });

const RETURNABLE = ['submitted', 'approved'];

/**
 * Back to staff with a remark. When staff could not act on it — the year is closed or published,
 * or the organisation's deadline has passed — the return sets a new deadline for that
 * organisation in the same step (required then), so they are not left facing "the year is
 * closed". The submission as returned is kept (lib/review/snapshots.ts): the review of the
 * resubmission shows what changed since.
 */
export const returnSubmission = adminAction(
  z.object({ ...versioned, remark: remarkSchema, deadline: optionalIsoDate() }),
  async (ctx, input) => {
    const [row] = await ctx.tx
      .select({ submission: submissions, year: reportingYears })
      .from(submissions)
      .innerJoin(reportingYears, eq(reportingYears.year, submissions.year))
      .where(eq(submissions.id, input.submissionId));
    if (!row) return notFound('submission_not_found');
    // a stale or settled submission is told as such by the transition, before any deadline
    const returnable = row.submission.version === input.version && RETURNABLE.includes(row.submission.state);
    if (returnable) {
      const problem = returnDeadlineProblem(
        row.year,
        row.submission.deadlineOverride,
        input.deadline,
        new Date(),
      );
      if (problem) return invalid('invalid_input', { deadline: [problem] });
      await takeReturnSnapshot(ctx.tx, row.submission, ctx.actor.userId);
    }
    return transition(ctx, input, {
      from: RETURNABLE,
      action: 'submission.return',
      patch: (at, admin) => ({
        state: 'returned',
        returnedAt: at,
        reviewedBy: admin.userId,
        remark: input.remark,
        ...(input.deadline ? { deadlineOverride: input.deadline } : {}),
      }),
      before: { deadlineOverride: row.submission.deadlineOverride },
      // the remark opens the conversation about the submission (lib/conversation); returning an
      // approved one records what was approved, so a correction asks only about what it changes
      // (lib/submissions/approval.ts, issue 16)
      after: async ({ tx, actor }, before) => {
        await recordMessage(tx, {
          submissionId: before.id,
          indicatorId: null,
          authorId: actor.userId,
          fromSecretariat: true,
          kind: 'return',
          body: input.remark,
        });
        return {
          ...(input.deadline ? { deadlineOverride: input.deadline } : {}),
          ...(before.state === 'approved' ? { approvedValues: await plainValues(tx, before.id) } : {}),
        };
      },
    });
  },
  { name: 'submission.return' },
);

/**
 * Approves every submitted submission of the year with no ±50 % warning, in one transaction; one
 * that changed meanwhile is skipped, not approved on old figures. Says exactly which were approved
 * and which were left for review one by one.
 */
export const bulkApproveWithoutWarnings = adminAction(
  z.object({ year: yearNumber() }),
  async (ctx, { year }) => {
    const candidates = await ctx.tx
      .select({
        id: submissions.id,
        version: submissions.version,
        organisationId: submissions.organisationId,
        hasCompanyList: submissions.hasCompanyList,
      })
      .from(submissions)
      .where(and(eq(submissions.year, year), eq(submissions.state, 'submitted')));
    const approved: number[] = [];
    const skipped: number[] = [];
    if (candidates.length === 0) return ok({ approved, skipped });
    const previous = await ctx.tx
      .select({
        id: submissions.id,
        organisationId: submissions.organisationId,
        hasCompanyList: submissions.hasCompanyList,
      })
      .from(submissions)
      .where(and(eq(submissions.year, year - 1), eq(submissions.state, 'approved')));
    const values = await effectiveValues(ctx.tx, [...candidates, ...previous]);
    const previousByOrg = new Map(previous.map((row) => [row.organisationId, row.id]));
    for (const candidate of candidates) {
      const lastId = previousByOrg.get(candidate.organisationId);
      const warnings = reviewWarnings(
        values.get(candidate.id) ?? {},
        lastId ? (values.get(lastId) ?? {}) : {},
      );
      const result =
        warnings.length === 0
          ? await approve(ctx, { submissionId: candidate.id, version: candidate.version })
          : null;
      (result?.ok ? approved : skipped).push(candidate.id);
    }
    return ok({ approved, skipped });
  },
  { name: 'submission.bulk_approve' },
);

const optionalNote = z.preprocess(
  (value) => (value == null ? '' : value),
  storableText({ max: 1000, codes: { tooLong: 'note_too_long' } }),
);

export const flagValue = adminAction(
  z.object({
    submissionId: databaseId(),
    indicatorKey: z.string().refine((key) => textProblem(key, 60) === null),
    flagged: flag(),
    note: optionalNote,
  }),
  async (ctx, input) => {
    const note = input.note || null;
    const [row] = await ctx.tx
      .select({
        indicatorId: submissionValues.indicatorId,
        flagged: submissionValues.flagged,
        flagNote: submissionValues.flagNote,
        organisationId: submissions.organisationId,
      })
      .from(submissionValues)
      .innerJoin(indicators, eq(indicators.id, submissionValues.indicatorId))
      .innerJoin(submissions, eq(submissions.id, submissionValues.submissionId))
      .where(
        and(eq(submissionValues.submissionId, input.submissionId), eq(indicators.key, input.indicatorKey)),
      );
    if (!row) return notFound('value_not_found');
    const flagNote = input.flagged ? note : null;
    // the flag and its note are the secretariat's question in the value's conversation
    await recordMessage(ctx.tx, {
      submissionId: input.submissionId,
      indicatorId: row.indicatorId,
      authorId: ctx.actor.userId,
      fromSecretariat: true,
      kind: input.flagged ? 'flag' : 'unflag',
      body: flagNote ?? '',
    });
    await ctx.tx
      .update(submissionValues)
      .set({ flagged: input.flagged, flagNote })
      .where(
        and(
          eq(submissionValues.submissionId, input.submissionId),
          eq(submissionValues.indicatorId, row.indicatorId),
        ),
      );
    await ctx.audit({
      action: input.flagged ? 'value.flag' : 'value.unflag',
      entityType: 'submission',
      entityId: input.submissionId,
      organisationId: row.organisationId,
      before: { indicator: input.indicatorKey, flagged: row.flagged, note: row.flagNote },
      after: { indicator: input.indicatorKey, flagged: input.flagged, note: flagNote },
    });
    return ok({ flagged: input.flagged });
  },
  { name: 'submission.flag' },
);

/** An extended deadline for one organisation only (empty removes it); creates an empty draft if none exists yet. */
export const extendDeadline = adminAction(
  z.object({ organisationId: databaseId(), year: yearNumber(), deadline: optionalIsoDate() }),
  async (ctx, { organisationId, year, deadline }) => {
    const { tx, actor } = ctx;
    const [yearRow] = await tx.select().from(reportingYears).where(eq(reportingYears.year, year));
    if (!yearRow) return notFound('year_not_found');
    if (deadline && deadline <= yearRow.deadline)
      return invalid('invalid_input', { deadline: ['deadline_not_later'] });
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
    if (!organisation) return notFound('organisation_not_found');
    const [existing] = await tx
      .select()
      .from(submissions)
      .where(and(eq(submissions.organisationId, organisationId), eq(submissions.year, year)));
    let submissionId: number;
    if (existing) {
      const updated = await updateSubmissionState(tx, existing.id, existing.version, {
        deadlineOverride: deadline,
      });
      if (!updated) return conflict('stale_version');
      submissionId = existing.id;
    } else {
      const [created] = await tx
        .insert(submissions)
        .values({
          organisationId,
          year,
          deadlineOverride: deadline,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })
        .returning({ id: submissions.id });
      if (!created) return conflict('stale_version');
      submissionId = created.id;
    }
    await ctx.audit({
      action: 'submission.extend_deadline',
      entityType: 'submission',
      entityId: submissionId,
      organisationId,
      before: { deadlineOverride: existing?.deadlineOverride ?? null },
      after: { deadlineOverride: deadline },
    });
    return ok({ deadline: deadline ?? yearRow.deadline });
  },
  { name: 'submission.extend_deadline' },
);

export interface SentReminder {
  email: string;
  organisation: string;
  delivery: 'smtp' | 'logged';
}

/**
 * Reminder mail to the staff of organisations that have not submitted (not started, draft,
 * returned), through the one mail path (lib/mail/send.ts): sent by SMTP when SMTP_URL is set,
 * otherwise logged — and listed for the secretariat either way. Mail is not transactional: it
 * runs without one, and the audit event lists who was reminded.
 */
export const sendReminders = adminAction(
  z.object({ year: yearNumber('year_not_found') }),
  async (ctx, { year }) => {
    const overview = await roundOverview(ctx.tx, { year });
    if (!overview.ok) return overview;
    const pending = overview.value.rows.filter((row) =>
      ['not_started', 'draft', 'returned'].includes(row.state),
    );
    const deadlines = new Map(pending.map((row) => [row.organisationId, row.deadline]));
    const recipients = await reminderRecipients(
      ctx.tx,
      pending.map((row) => row.organisationId),
    );
    const sent: SentReminder[] = [];
    for (const recipient of recipients) {
      const deadline = deadlines.get(recipient.organisationId);
      // in Danish and English in one message, as the automatic reminders (lib/reminders/mail.ts):
      // the portal keeps no language per person
      const text = (locale: 'da' | 'en') =>
        translate(locale, 'admin.reminder.body', {
          name: recipient.name,
          organisation: recipient.organisation,
          year,
          deadline: deadline ? formatDate(deadline, locale) : '',
          // on the configured origin (lib/site-url.ts), never the request's
          link: siteUrl(locale === 'en' ? '/en/portal' : '/portal', ctx.config).href,
        });
      const { delivered } = await sendMail(
        {
          to: recipient.email,
          subject: `${translate('da', 'admin.reminder.subject', { year })} / ${translate('en', 'admin.reminder.subject', { year })}`,
          text: `${text('da')}\n\n----- English -----\n\n${text('en')}`,
        },
        ctx.config,
      );
      sent.push({
        email: recipient.email,
        organisation: recipient.organisation,
        delivery: delivered ? 'smtp' : 'logged',
      });
    }
    await ctx.audit({
      action: 'round.remind',
      entityType: 'reporting_year',
      entityId: year,
      after: { recipients: sent.map((entry) => entry.email) },
    });
    return ok({ sent });
  },
  { name: 'round.remind', transaction: false },
);
