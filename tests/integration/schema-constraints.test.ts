import { must } from '../helpers/must';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseErrorOf, queryRows } from '@/db/client';
import { auditEvents, participants, submissions, submissionValues, users } from '@/db/schema';
import { recordAuditEvent } from '@/lib/audit/record';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createSubmission, createUser, createYear, validCvrs } from '../helpers/fixtures';

// The rules that protect official figures hold in the database itself, whatever code writes.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await createYear(database.db, 2020);
});
afterAll(async () => {
  await database.destroy();
});

/** The constraint a statement broke, or null when it went through. */
async function violation(statement: () => Promise<unknown>): Promise<string | null> {
  try {
    await statement();
    return null;
  } catch (error) {
    const info = databaseErrorOf(error);
    if (!info) throw error;
    return info.constraint ?? `${info.code} ${info.message}`;
  }
}

describe('database constraints', () => {
  it('refuses a second user with the same email in other letters', async () => {
    await createUser(database.db, { email: 'Anna@Example.org' });
    expect(
      await violation(() =>
        database.db.insert(users).values({ email: 'anna@example.ORG', name: 'x', role: 'staff' }),
      ),
    ).toBe('users_email_lower_unique');
  });

  it('refuses a second submission for the same organisation and year', async () => {
    const organisation = await createOrganisation(database.db);
    await createSubmission(database.db, { organisationId: organisation.id, year: 2020 });
    expect(
      await violation(() =>
        database.db.insert(submissions).values({ organisationId: organisation.id, year: 2020 }),
      ),
    ).toBe('submissions_organisation_year_unique');
  });

  it('refuses CVR numbers that are not 8 digits without a leading zero', async () => {
    const organisation = await createOrganisation(database.db);
    const submission = await createSubmission(database.db, { organisationId: organisation.id, year: 2020 });
    for (const cvr of ['01234567', '1234567', '1234567x']) {
      expect(
        await violation(() => database.db.insert(participants).values({ submissionId: submission.id, cvr })),
      ).toMatch(/participants_cvr_format|22001/);
    }
    expect(
      await violation(() =>
        database.db.insert(participants).values({ submissionId: submission.id, cvr: must(validCvrs(1)[0]) }),
      ),
    ).toBeNull();
  });

  it('refuses negative values and a numerator above its denominator', async () => {
    const organisation = await createOrganisation(database.db);
    const submission = await createSubmission(database.db, { organisationId: organisation.id, year: 2020 });
    const [indicator] = await queryRows<{ id: number }>(
      database.db,
      sql`select id from indicators where key = 'participants'`,
    );
    const [share] = await queryRows<{ id: number }>(
      database.db,
      sql`select id from indicators where key = 'survey_innovation'`,
    );
    expect(
      await violation(() =>
        database.db
          .insert(submissionValues)
          .values({ submissionId: submission.id, indicatorId: must(indicator).id, value: -1 }),
      ),
    ).toBe('submission_values_non_negative');
    expect(
      await violation(() =>
        database.db
          .insert(submissionValues)
          .values({ submissionId: submission.id, indicatorId: must(share).id, value: 11, denominator: 10 }),
      ),
    ).toBe('submission_values_share');
  });

  it('refuses a submission for an organisation that does not exist', async () => {
    expect(
      await violation(() => database.db.insert(submissions).values({ organisationId: 999_999, year: 2020 })),
    ).toBe('submissions_organisation_id_organisations_id_fk');
  });
});

describe('the audit trail is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of audit events, in the database itself', async () => {
    await recordAuditEvent(database.db, { action: 'test.event', entityType: 'test', after: { n: 1 } });
    expect(await violation(() => database.db.update(auditEvents).set({ action: 'changed' }))).toMatch(
      /42501|append-only/,
    );
    expect(await violation(() => database.db.delete(auditEvents))).toMatch(/42501|append-only/);
    expect(await violation(() => database.db.execute(sql`truncate audit_events`))).toMatch(
      /42501|append-only/,
    );
    const rows = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_events where entity_type = 'test'`,
    );
    expect(rows).toEqual([{ action: 'test.event' }]);
  });
});
