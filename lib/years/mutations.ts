// Reporting years: create (with the previous year's indicators), open, set the deadline, close,
// reopen with a reason; exclusions of organisations with a reason, one or all unsettled at once.
// Each is an adminAction (lib/actions): authorised, zod-parsed, one transaction, audited.
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { indicators, indicatorYears, organisations, reportingYears, yearExclusions } from '@/db/schema';
import { adminAction, type StepContext } from '@/lib/actions/define';
import type { AdminActor } from '@/lib/auth/permissions';
import { roundOverview } from '@/lib/review/queries';
import { conflict, invalid, notFound, ok, type Result } from '@/lib/result';
import { databaseId, isoDateSchema, wholeNumber, yearNumber } from '@/lib/validation/input';
import { storableText } from '@/lib/validation/text';

export const createYearSchema = z
  .object({
    year: wholeNumber('year_invalid', { min: 2000, max: 2100 }),
    opensOn: isoDateSchema,
    deadline: isoDateSchema,
  })
  .refine((value) => value.deadline >= value.opensOn, { path: ['deadline'], error: 'deadline_before_open' });

export const createReportingYear = adminAction(
  createYearSchema,
  async ({ tx, audit }, { year, opensOn, deadline }) => {
    const [existing] = await tx.select().from(reportingYears).where(eq(reportingYears.year, year));
    if (existing) return invalid('invalid_input', { year: ['year_exists'] });
    await tx.insert(reportingYears).values({ year, edition: year + 1, opensOn, deadline, state: 'open' });
    // the new year uses what the year before it used, retired indicators left out
    const used = await tx
      .select({ indicatorId: indicatorYears.indicatorId })
      .from(indicatorYears)
      .innerJoin(indicators, eq(indicators.id, indicatorYears.indicatorId))
      .where(and(eq(indicatorYears.year, year - 1), isNull(indicators.retiredAt)));
    if (used.length > 0)
      await tx.insert(indicatorYears).values(used.map((row) => ({ indicatorId: row.indicatorId, year })));
    await audit({
      action: 'year.create',
      entityType: 'reporting_year',
      entityId: year,
      after: { year, edition: year + 1, opensOn, deadline, state: 'open', indicators: used.length },
    });
    return ok({ year, indicators: used.length });
  },
  { name: 'year.create' },
);

const reason = storableText({
  max: 1000,
  required: true,
  codes: { required: 'reason_required', tooLong: 'reason_too_long' },
});

const YEAR_CHANGES = ['deadline', 'open', 'close', 'reopen'] as const;

const yearChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deadline'), deadline: isoDateSchema }),
  z.object({ kind: z.literal('open') }),
  z.object({ kind: z.literal('close') }),
  z.object({ kind: z.literal('reopen'), reason }),
]);

/** The kind of a posted change names the audited action: only a known one gets that far. */
function changeName(prefix: string, kinds: readonly string[]) {
  return (input: unknown) => {
    const kind = (input as { change?: { kind?: unknown } } | null)?.change?.kind;
    return typeof kind === 'string' && kinds.includes(kind) ? `${prefix}.${kind}` : null;
  };
}

export const changeYear = adminAction(
  z.object({ year: yearNumber(), change: yearChange }),
  async ({ tx, audit }, { year, change }) => {
    const [before] = await tx
      .select()
      .from(reportingYears)
      .where(eq(reportingYears.year, year))
      .for('update');
    if (!before) return notFound('year_not_found');
    const today = new Date().toISOString().slice(0, 10);
    let patch: Partial<typeof reportingYears.$inferInsert>;
    switch (change.kind) {
      case 'deadline':
        if (change.deadline < before.opensOn)
          return invalid('invalid_input', { deadline: ['deadline_before_open'] });
        patch = { deadline: change.deadline };
        break;
      case 'open':
        // opening now: reporting starts today if it was planned for later
        if (before.state !== 'open') return conflict('year_not_open_state');
        if (before.opensOn <= today) return conflict('year_already_open');
        // biome-ignore lint/complexity/useMathMinMax: ISO date strings, which Math.max would turn into NaN
        patch = { opensOn: today, deadline: before.deadline < today ? today : before.deadline };
        break;
      case 'close':
        if (before.state !== 'open') return conflict('year_not_open');
        patch = { state: 'closed' };
        break;
      case 'reopen':
        if (before.state === 'open') return conflict('year_already_open');
        patch = { state: 'open' };
        break;
    }
    await tx.update(reportingYears).set(patch).where(eq(reportingYears.year, year));
    await audit({
      action: `year.${change.kind}`,
      entityType: 'reporting_year',
      entityId: year,
      before: { state: before.state, opensOn: before.opensOn, deadline: before.deadline },
      after: { ...patch, ...(change.kind === 'reopen' ? { reason: change.reason } : {}) },
    });
    return ok({ year });
  },
  { name: changeName('year', YEAR_CHANGES) },
);

async function exclude(
  { tx, actor, audit }: StepContext<AdminActor>,
  input: { year: number; organisationId: number; reason: string },
): Promise<Result<{ year: number }>> {
  const [organisation] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!organisation) return notFound('organisation_not_found');
  const [existing] = await tx
    .select()
    .from(yearExclusions)
    .where(and(eq(yearExclusions.year, input.year), eq(yearExclusions.organisationId, input.organisationId)));
  if (existing) return conflict('already_excluded');
  await tx.insert(yearExclusions).values({ ...input, createdBy: actor.userId });
  await audit({
    action: 'year.exclude',
    entityType: 'reporting_year',
    entityId: input.year,
    organisationId: input.organisationId,
    after: { reason: input.reason },
  });
  return ok({ year: input.year });
}

async function yearExists(ctx: StepContext<AdminActor>, year: number) {
  const [row] = await ctx.tx.select().from(reportingYears).where(eq(reportingYears.year, year));
  return row !== undefined;
}

export const excludeOrganisation = adminAction(
  z.object({ year: yearNumber(), organisationId: databaseId(), reason }),
  async (ctx, input) =>
    (await yearExists(ctx, input.year)) ? exclude(ctx, input) : notFound('year_not_found'),
  { name: 'year.exclude' },
);

/**
 * Excludes every active organisation of the year that is neither approved nor excluded yet, with
 * one reason, in one transaction: all of them, or (on any refusal) none.
 */
export const excludeUnsettled = adminAction(
  z.object({ year: yearNumber(), reason }),
  async (ctx, { year, reason }) => {
    const overview = await roundOverview(ctx.tx, { year });
    if (!overview.ok) return overview;
    const unsettled = overview.value.rows.filter(
      (row) => row.state !== 'approved' && row.state !== 'excluded',
    );
    for (const row of unsettled) {
      const excluded = await exclude(ctx, { year, organisationId: row.organisationId, reason });
      if (!excluded.ok) return excluded;
    }
    return ok({ year, excluded: unsettled.map((row) => row.slug) });
  },
  { name: 'year.exclude' },
);

export const includeOrganisation = adminAction(
  z.object({ year: yearNumber(), organisationId: databaseId() }),
  async ({ tx, audit }, { year, organisationId }) => {
    const where = and(eq(yearExclusions.year, year), eq(yearExclusions.organisationId, organisationId));
    const [existing] = await tx.select().from(yearExclusions).where(where);
    if (!existing) return notFound('exclusion_not_found');
    await tx.delete(yearExclusions).where(where);
    await audit({
      action: 'year.include',
      entityType: 'reporting_year',
      entityId: year,
      organisationId,
      before: { reason: existing.reason },
    });
    return ok({ year });
  },
  { name: 'year.include' },
);
