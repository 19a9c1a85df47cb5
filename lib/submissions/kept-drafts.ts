// The kept draft (issue 16): while a member types, the form keeps what differs from the saved
// report here, for them alone, so leaving the page (a link, a closed tab, a crash) loses nothing.
// It is never the report: keeping it bumps no version, shows in no timeline, and a return to the
// form puts it back only where nobody saved since (kept-draft-rules.ts). Saving the report removes
// it (save.ts). Both actions are memberActions (lib/actions), audited like every change.
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { keptDrafts } from '@/db/schema';
import { type MemberStepContext, memberAction } from '@/lib/actions/define';
import { invalid, ok, type Result } from '@/lib/result';
import { textProblem } from '@/lib/validation/text';
import { loadFormIndicators } from './queries';
import { commentField, denominatorField, MAX_COMMENT_LENGTH } from './rules';
import { actingFor, editableNow, loadChangeContext, submissionRef } from './save';

/** A form's fields as text: names as the form writes them, values as storable text. */
const fieldTexts = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]{0,100}$/, { error: 'invalid' }),
    z
      .string({ error: 'invalid' })
      .refine((text) => textProblem(text, MAX_COMMENT_LENGTH) === null, { error: 'invalid' }),
  )
  .refine((fields) => Object.keys(fields).length <= 500, { error: 'invalid' });

/** The names the entry form of `year` posts: each indicator, a share's denominator, each explanation. */
async function formFieldNames(db: Database, year: number): Promise<Set<string>> {
  const names = new Set<string>();
  for (const indicator of await loadFormIndicators(db, year)) {
    names.add(indicator.key);
    names.add(commentField(indicator.key));
    if (indicator.kind === 'share') names.add(denominatorField(indicator.key));
  }
  return names;
}

function whereOwn(ctx: MemberStepContext, year: number) {
  return and(
    eq(keptDrafts.userId, ctx.actor.userId),
    eq(keptDrafts.organisationId, ctx.organisation.id),
    eq(keptDrafts.year, year),
  );
}

/**
 * Keeps what the member has typed and not saved (the fields that differ from the form as opened,
 * and what they were then), replacing what was kept before; nothing typed removes it.
 */
export const keepDraft = memberAction(
  z.object({ ...submissionRef, typed: fieldTexts, opened: fieldTexts }),
  async (ctx, input): Promise<Result<{ kept: number }>> => {
    const context = await loadChangeContext(ctx.tx, ctx.organisation, input.year);
    if (!context.ok) return context;
    const refused = editableNow(context.value, input.now ?? new Date());
    if (refused) return refused;
    const names = await formFieldNames(ctx.tx, input.year);
    const unknown = [...Object.keys(input.typed), ...Object.keys(input.opened)].filter(
      (name) => !names.has(name),
    );
    if (unknown.length > 0) return invalid('invalid');
    const fields = Object.keys(input.typed);
    if (fields.length === 0) await ctx.tx.delete(keptDrafts).where(whereOwn(ctx, input.year));
    else
      await ctx.tx
        .insert(keptDrafts)
        .values({
          userId: ctx.actor.userId,
          organisationId: ctx.organisation.id,
          year: input.year,
          baseVersion: input.version,
          typed: input.typed,
          opened: input.opened,
          updatedAt: input.now ?? new Date(),
        })
        .onConflictDoUpdate({
          target: [keptDrafts.userId, keptDrafts.organisationId, keptDrafts.year],
          set: {
            baseVersion: sql`excluded.base_version`,
            typed: sql`excluded.typed`,
            opened: sql`excluded.opened`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    // which fields, never what was typed: the draft is the member's own until they save it
    await ctx.audit({
      action: fields.length === 0 ? 'kept_draft.cleared' : 'kept_draft.kept',
      entityType: 'kept_draft',
      entityId: `${ctx.organisation.id}/${input.year}`,
      organisationId: ctx.organisation.id,
      after: { fields, baseVersion: input.version },
    });
    return ok({ kept: fields.length });
  },
  {
    name: (input) => `keep draft ${input.orgSlug}/${input.year}`,
    organisation: actingFor,
    messages: 'portal.messages',
    invalid: 'invalid',
    notFound: 'notFound',
  },
);

/** Throws away what was kept for the member: the form shows the saved report again. */
export const discardKeptDraft = memberAction(
  z.object({
    orgSlug: submissionRef.orgSlug,
    year: submissionRef.year,
    locale: submissionRef.locale,
  }),
  async (ctx, input): Promise<Result<{ discarded: boolean }>> => {
    const removed = await ctx.tx
      .delete(keptDrafts)
      .where(whereOwn(ctx, input.year))
      .returning({ year: keptDrafts.year });
    await ctx.audit({
      action: 'kept_draft.discarded',
      entityType: 'kept_draft',
      entityId: `${ctx.organisation.id}/${input.year}`,
      organisationId: ctx.organisation.id,
      after: { discarded: removed.length > 0 },
    });
    return ok({ discarded: removed.length > 0 });
  },
  {
    name: (input) => `discard kept draft ${input.orgSlug}/${input.year}`,
    organisation: actingFor,
    messages: 'portal.messages',
    invalid: 'invalid',
    notFound: 'notFound',
  },
);
