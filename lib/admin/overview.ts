// The round overview: every organisation active in a year, its submission state, last change,
// deadline and lateness, counts per state. Filters by kind, field and region come from the URL.
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { memberships, organisations, reportingYears, submissions, users, yearExclusions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { checkAdmin } from '@/lib/auth/permissions';
import { effectiveDeadline, isLate } from '@/lib/review/rules';
import { type Failure, notFound, ok } from '@/lib/result';
import { isYearNumber } from '@/lib/validation/input';

export type RoundState = 'not_started' | 'draft' | 'submitted' | 'returned' | 'approved' | 'excluded';
export const ROUND_STATES: readonly RoundState[] = [
  'not_started',
  'draft',
  'submitted',
  'returned',
  'approved',
  'excluded',
];

export interface RoundFilters {
  kind?: string;
  field?: string;
  region?: string;
  state?: string;
}

export interface RoundRow {
  organisationId: number;
  slug: string;
  name: string;
  kind: string;
  field: string;
  region: string;
  state: RoundState;
  submissionId: number | null;
  version: number | null;
  lastChange: Date | null;
  submittedAt: Date | null;
  deadline: string;
  extended: boolean;
  late: boolean;
  exclusionReason: string | null;
}

export interface RoundOverview {
  year: { year: number; edition: number; state: string; opensOn: string; deadline: string };
  rows: RoundRow[];
  counts: Record<RoundState, number>;
  late: number;
  fields: string[];
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export async function getRoundOverview(
  db: Database,
  actor: Actor | null,
  input: { year: number; filters?: RoundFilters; today?: string },
): Promise<{ ok: true; value: RoundOverview } | Failure> {
  const denied = await checkAdmin(db, actor, 'round.read');
  if (denied) return denied;
  if (!isYearNumber(input.year)) return notFound('year_not_found');
  const [year] = await db.select().from(reportingYears).where(eq(reportingYears.year, input.year));
  if (!year) return notFound('year_not_found');
  const today = input.today ?? todayIso();
  const rows = await db
    .select({
      organisation: organisations,
      submissionId: submissions.id,
      state: submissions.state,
      version: submissions.version,
      updatedAt: submissions.updatedAt,
      submittedAt: submissions.submittedAt,
      deadlineOverride: submissions.deadlineOverride,
      exclusionReason: yearExclusions.reason,
    })
    .from(organisations)
    .leftJoin(
      submissions,
      and(eq(submissions.organisationId, organisations.id), eq(submissions.year, input.year)),
    )
    .leftJoin(
      yearExclusions,
      and(eq(yearExclusions.organisationId, organisations.id), eq(yearExclusions.year, input.year)),
    )
    .where(
      and(
        sql`${organisations.activeFrom} <= ${input.year}`,
        or(isNull(organisations.activeTo), sql`${organisations.activeTo} >= ${input.year}`),
      ),
    )
    .orderBy(asc(organisations.name));

  const all: RoundRow[] = rows.map((row) => {
    const state: RoundState = row.exclusionReason ? 'excluded' : (row.state ?? 'not_started');
    const deadline = effectiveDeadline(year.deadline, row.deadlineOverride);
    return {
      organisationId: row.organisation.id,
      slug: row.organisation.slug,
      name: row.organisation.name,
      kind: row.organisation.kind,
      field: row.organisation.field,
      region: row.organisation.region,
      state,
      submissionId: row.submissionId,
      version: row.version,
      lastChange: row.updatedAt,
      submittedAt: row.submittedAt,
      deadline,
      extended: deadline !== year.deadline,
      late:
        state !== 'excluded' && isLate({ deadline, submittedAt: row.submittedAt, state: row.state, today }),
      exclusionReason: row.exclusionReason,
    };
  });
  const filters = input.filters ?? {};
  const filtered = all.filter(
    (row) =>
      (!filters.kind || row.kind === filters.kind) &&
      (!filters.field || row.field === filters.field) &&
      (!filters.region || row.region === filters.region) &&
      (!filters.state || row.state === filters.state),
  );
  const counts = Object.fromEntries(ROUND_STATES.map((state) => [state, 0])) as Record<RoundState, number>;
  for (const row of filtered) counts[row.state]++;
  return ok({
    year: {
      year: year.year,
      edition: year.edition,
      state: year.state,
      opensOn: year.opensOn,
      deadline: year.deadline,
    },
    rows: filtered,
    counts,
    late: filtered.filter((row) => row.late).length,
    fields: [...new Set(all.map((row) => row.field))].sort((a, b) => a.localeCompare(b, 'da')),
  });
}

/** The staff to remind: members of organisations that have not submitted (not started, draft, returned). */
export async function reminderRecipients(db: Database, organisationIds: number[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      email: users.email,
      name: users.name,
      organisation: organisations.name,
      organisationId: organisations.id,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        inArray(memberships.organisationId, organisationIds),
        eq(users.disabled, false),
        eq(users.role, 'staff'),
      ),
    )
    .orderBy(asc(organisations.name), asc(users.email));
}
