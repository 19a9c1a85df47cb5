// The one source of truth for the domain (DESIGN.md "Domain"). Constraints that protect the
// official figures live here, in the database, not only in application code.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const organisationKind = pgEnum('organisation_kind', ['cluster', 'innovation_network']);
export const region = pgEnum('region', [
  'hovedstaden',
  'sjaelland',
  'syddanmark',
  'midtjylland',
  'nordjylland',
]);
export const userRole = pgEnum('user_role', ['admin', 'staff']);
export const yearState = pgEnum('year_state', ['open', 'closed', 'published']);
export const indicatorKind = pgEnum('indicator_kind', ['companies', 'count', 'amount_dkk', 'share']);
export const submissionState = pgEnum('submission_state', ['draft', 'submitted', 'returned', 'approved']);
export const tokenPurpose = pgEnum('token_purpose', ['invitation', 'password_reset']);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable(
  'organisations',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: organisationKind('kind').notNull(),
    field: text('field').notNull(),
    region: region('region').notNull(),
    website: text('website'),
    description: text('description'),
    activeFrom: integer('active_from').notNull(),
    // null: still active
    activeTo: integer('active_to'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('organisations_slug_unique').on(t.slug),
    check('organisations_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('organisations_active_range', sql`${t.activeTo} is null or ${t.activeTo} >= ${t.activeFrom}`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull(),
    // null for a user who has not accepted the invitation yet or signs in through OIDC only
    passwordHash: text('password_hash'),
    disabled: boolean('disabled').notNull().default(false),
    // bumped to invalidate every session of the user ("log out everywhere")
    sessionVersion: integer('session_version').notNull().default(1),
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_lower_unique').on(sql`lower(${t.email})`),
    check('users_email_format', sql`${t.email} ~ '^[^@\\s]+@[^@\\s]+$'`),
  ],
);

/** An identity at an external OpenID Connect provider, linked to an invited user. */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('user_identities_provider_subject').on(t.provider, t.subject)],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user').on(t.userId)],
);

/** One-time links for invitations and password resets; only the hash of the token is kept. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: tokenPurpose('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('auth_tokens_hash_unique').on(t.tokenHash)],
);

/** Failed sign-in counters, per email and per address, shared by every app instance. */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  firstFailureAt: timestamp('first_failure_at', { withTimezone: true }).notNull().defaultNow(),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export const memberships = pgTable(
  'memberships',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId] }),
    index('memberships_organisation').on(t.organisationId),
  ],
);

export const reportingYears = pgTable(
  'reporting_years',
  {
    // the activity year, e.g. 2016
    year: integer('year').primaryKey(),
    // the edition it feeds, e.g. 2017
    edition: integer('edition').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    state: yearState('state').notNull().default('open'),
    // a change of method: figures before and after are not directly comparable
    seriesBreakDa: text('series_break_da'),
    seriesBreakEn: text('series_break_en'),
    createdAt: createdAt(),
  },
  (t) => [
    check('reporting_years_year_range', sql`${t.year} between 2000 and 2100`),
    check('reporting_years_deadline_after_open', sql`${t.deadline} >= ${t.opensOn}`),
  ],
);

export const indicators = pgTable(
  'indicators',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    kind: indicatorKind('kind').notNull(),
    // groups the entry form and the published tables: companies, knowledge_institutions, activities, resources, survey
    groupKey: text('group_key').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    labelDa: text('label_da').notNull(),
    labelEn: text('label_en').notNull(),
    helpDa: text('help_da').notNull().default(''),
    helpEn: text('help_en').notNull().default(''),
    // subset rule: this indicator's value never exceeds its parent's
    parentId: integer('parent_id'),
    // for `companies` indicators: the company-list flag it is derived from (null = every listed company)
    participantFlag: text('participant_flag'),
    // marks whether the indicator is required before a submission can be submitted
    required: boolean('required').notNull().default(false),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('indicators_key_unique').on(t.key),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'indicators_parent_fk' }),
    check('indicators_key_format', sql`${t.key} ~ '^[a-z][a-z0-9_]*$'`),
    check(
      'indicators_participant_flag',
      sql`${t.participantFlag} is null or ${t.participantFlag} in ('dedicated','under_50','new_ideas','new_competences','new_products')`,
    ),
  ],
);

/** Which reporting years use which indicators. */
export const indicatorYears = pgTable(
  'indicator_years',
  {
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'restrict' }),
    year: integer('year')
      .notNull()
      .references(() => reportingYears.year, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.year] })],
);

export const submissions = pgTable(
  'submissions',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    year: integer('year')
      .notNull()
      .references(() => reportingYears.year, { onDelete: 'restrict' }),
    state: submissionState('state').notNull().default('draft'),
    // optimistic locking: every write checks and bumps it
    version: integer('version').notNull().default(1),
    hasCompanyList: boolean('has_company_list').notNull().default(false),
    // the secretariat's remark when returning a submission
    remark: text('remark'),
    // an extended deadline for this organisation only
    deadlineOverride: date('deadline_override', { mode: 'string' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    submittedBy: integer('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedBy: integer('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('submissions_organisation_year_unique').on(t.organisationId, t.year),
    index('submissions_year_state').on(t.year, t.state),
    check('submissions_version_positive', sql`${t.version} >= 1`),
  ],
);

/** An organisation left out of a year's accounts by the secretariat, with the reason. */
export const yearExclusions = pgTable(
  'year_exclusions',
  {
    year: integer('year')
      .notNull()
      .references(() => reportingYears.year, { onDelete: 'restrict' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    reason: text('reason').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.organisationId] }),
    check('year_exclusions_reason', sql`length(trim(${t.reason})) > 0`),
  ],
);

/**
 * submission × indicator → number. A share stores its numerator in `value` and its denominator
 * in `denominator`; every other kind leaves `denominator` null.
 */
export const submissionValues = pgTable(
  'submission_values',
  {
    submissionId: integer('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'restrict' }),
    value: bigint('value', { mode: 'number' }).notNull(),
    denominator: bigint('denominator', { mode: 'number' }),
    comment: text('comment'),
    // flagged by the secretariat for follow-up
    flagged: boolean('flagged').notNull().default(false),
    flagNote: text('flag_note'),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.indicatorId] }),
    check('submission_values_non_negative', sql`${t.value} >= 0`),
    check(
      'submission_values_share',
      sql`${t.denominator} is null or (${t.denominator} >= 0 and ${t.value} <= ${t.denominator})`,
    ),
  ],
);

/** submission × company: the company list behind the company indicators. */
export const participants = pgTable(
  'participants',
  {
    submissionId: integer('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    cvr: char('cvr', { length: 8 }).notNull(),
    dedicated: boolean('dedicated').notNull().default(false),
    under50: boolean('under_50').notNull().default(false),
    newIdeas: boolean('new_ideas').notNull().default(false),
    newCompetences: boolean('new_competences').notNull().default(false),
    newProducts: boolean('new_products').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.cvr] }),
    index('participants_cvr').on(t.cvr),
    check('participants_cvr_format', sql`${t.cvr} ~ '^[1-9][0-9]{7}$'`),
  ],
);

/** A year's accounts frozen as an immutable, versioned snapshot. */
export const publications = pgTable(
  'publications',
  {
    id: serial('id').primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => reportingYears.year, { onDelete: 'restrict' }),
    version: integer('version').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: integer('published_by').references(() => users.id, { onDelete: 'set null' }),
    // required for corrections (version 2 and later)
    changeNote: text('change_note'),
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [
    uniqueIndex('publications_year_version_unique').on(t.year, t.version),
    check('publications_version_positive', sql`${t.version} >= 1`),
    check(
      'publications_correction_note',
      sql`${t.version} = 1 or length(trim(coalesce(${t.changeNote}, ''))) > 0`,
    ),
  ],
);

/** Append-only: the database refuses UPDATE and DELETE (trigger in the migrations). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    organisationId: integer('organisation_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_events_at').on(t.at),
    index('audit_events_entity').on(t.entityType, t.entityId),
    index('audit_events_actor').on(t.actorId),
    index('audit_events_organisation').on(t.organisationId),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
export type User = typeof users.$inferSelect;
export type ReportingYear = typeof reportingYears.$inferSelect;
export type Indicator = typeof indicators.$inferSelect;
export type Submission = typeof submissions.$inferSelect;
export type SubmissionValue = typeof submissionValues.$inferSelect;
export type Participant = typeof participants.$inferSelect;
export type Publication = typeof publications.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
