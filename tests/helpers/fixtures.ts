// Small builders for integration tests: each test makes exactly the data it reads.
import { must } from './must';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  indicators,
  memberships,
  organisations,
  participants,
  reportingYears,
  submissions,
  submissionValues,
  users,
} from '@/db/schema';
import { ensureCatalogue } from '@/db/seed/catalogue';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createYear(
  db: Database,
  year: number,
  state: 'open' | 'closed' | 'published' = 'open',
  overrides: Partial<typeof reportingYears.$inferInsert> = {},
) {
  await db.insert(reportingYears).values({
    year,
    edition: year + 1,
    opensOn: `${year + 1}-01-01`,
    deadline: `${year + 1}-03-01`,
    state,
    ...overrides,
  });
  await ensureCatalogue(db, [year]);
  return year;
}

export async function createOrganisation(
  db: Database,
  overrides: Partial<typeof organisations.$inferInsert> = {},
) {
  const slug = overrides.slug ?? `org-${unique()}`;
  const [row] = await db
    .insert(organisations)
    .values({
      slug,
      name: overrides.name ?? `Organisation ${slug}`,
      kind: 'cluster',
      field: 'Energi',
      region: 'hovedstaden',
      activeFrom: 2000,
      ...overrides,
    })
    .returning();
  return must(row);
}

export async function createUser(
  db: Database,
  overrides: Partial<typeof users.$inferInsert> & { organisationIds?: number[] } = {},
) {
  const { organisationIds = [], ...values } = overrides;
  const [row] = await db
    .insert(users)
    .values({ email: `user-${unique()}@example.org`, name: 'Test Person', role: 'staff', ...values })
    .returning();
  for (const organisationId of organisationIds)
    await db.insert(memberships).values({ userId: must(row).id, organisationId });
  return must(row);
}

export interface CompanyFixture {
  cvr: string;
  dedicated?: boolean;
  under50?: boolean;
  newIdeas?: boolean;
  newCompetences?: boolean;
  newProducts?: boolean;
}

export async function createSubmission(
  db: Database,
  input: {
    organisationId: number;
    year: number;
    state?: 'draft' | 'submitted' | 'returned' | 'approved';
    values?: Record<string, number | { numerator: number; denominator: number }>;
    companies?: CompanyFixture[];
  },
) {
  const [submission] = await db
    .insert(submissions)
    .values({
      organisationId: input.organisationId,
      year: input.year,
      state: input.state ?? 'draft',
      hasCompanyList: input.companies !== undefined,
    })
    .returning();
  for (const [key, value] of Object.entries(input.values ?? {})) {
    const [indicator] = await db.select().from(indicators).where(eq(indicators.key, key));
    if (!indicator) throw new Error(`no indicator ${key}`);
    await db.insert(submissionValues).values({
      submissionId: must(submission).id,
      indicatorId: indicator.id,
      value: typeof value === 'number' ? value : value.numerator,
      denominator: typeof value === 'number' ? null : value.denominator,
    });
  }
  if (input.companies?.length) {
    await db.insert(participants).values(
      input.companies.map((company) => ({
        submissionId: must(submission).id,
        cvr: company.cvr,
        dedicated: company.dedicated ?? false,
        under50: company.under50 ?? false,
        newIdeas: company.newIdeas ?? false,
        newCompetences: company.newCompetences ?? false,
        newProducts: company.newProducts ?? false,
      })),
    );
  }
  return must(submission);
}

export { validCvrs } from './cvr';

/** A submission's row as stored now (its state and version after an action). */
export async function submissionById(db: Database, id: number) {
  const [row] = await db.select().from(submissions).where(eq(submissions.id, id));
  return must(row);
}
