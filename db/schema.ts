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
  doublePrecision,
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
import {
  EVIDENCE_UNITS,
  INDICATOR_KINDS,
  ORGANISATION_KINDS,
  REGIONS,
  RELEASE_STATUSES,
  SUBMISSION_STATES,
  TOKEN_PURPOSES,
  USER_ROLES,
  YEAR_STATES,
} from './enums';

export const organisationKind = pgEnum('organisation_kind', ORGANISATION_KINDS);
export const region = pgEnum('region', REGIONS);
export const userRole = pgEnum('user_role', USER_ROLES);
export const yearState = pgEnum('year_state', YEAR_STATES);
export const indicatorKind = pgEnum('indicator_kind', INDICATOR_KINDS);
export const submissionState = pgEnum('submission_state', SUBMISSION_STATES);
export const tokenPurpose = pgEnum('token_purpose', TOKEN_PURPOSES);
export const releaseStatus = pgEnum('release_status', RELEASE_STATUSES);
/** What an evidence statement's figure measures: "4 times", "3.6 percentage points", "56 %", "888". */
export const evidenceUnit = pgEnum('evidence_unit', EVIDENCE_UNITS);

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
    // the public description in Danish and in English (both or neither)
    description: text('description'),
    descriptionEn: text('description_en'),
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

/**
 * The English form of each field name (fagområde). Organisations keep the Danish name in
 * `organisations.field`, and published accounts freeze it; the English form is looked up by it, so
 * one field reads the same in English on every page, table and file.
 */
export const fieldNames = pgTable(
  'field_names',
  {
    nameDa: text('name_da').primaryKey(),
    nameEn: text('name_en').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('field_names_name_en', sql`length(trim(${t.nameEn})) > 0`)],
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
    // the RFC 6238 time step of the last code accepted: a code is good once, and no older one after
    // it, on every instance (lib/auth/credentials.ts claims steps with one conditional UPDATE)
    totpLastStep: integer('totp_last_step'),
    // the one sign-in waiting for its second factor (its id is in the pending cookie): a password
    // step replaces it, the second factor consumes it, so a pending cookie works once
    pendingSignIn: text('pending_sign_in'),
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

/**
 * What a member typed into the entry form and has not saved, kept for them alone until they save
 * or discard it (issue 16): never the submission's values, so it bumps no version and overwrites
 * nothing. `typed` holds the fields that differ from what the form was opened with, `opened` what
 * those fields were then, so a restore can tell the fields someone else saved since.
 */
export const keptDrafts = pgTable(
  'kept_drafts',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    year: integer('year')
      .notNull()
      .references(() => reportingYears.year, { onDelete: 'cascade' }),
    // the submission's version the form was opened at (0: there was none yet)
    baseVersion: integer('base_version').notNull(),
    typed: jsonb('typed').notNull(),
    opened: jsonb('opened').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId, t.year] }),
    check('kept_drafts_base_version', sql`${t.baseVersion} >= 0`),
  ],
);

/**
 * The conversation about a submission (issue 16): the secretariat's flags with their notes and
 * its return remarks, staff's answers and the replies, per value (`indicator_id`) or about the
 * submission as a whole (null). Append-only in use: a message is never edited.
 */
export const submissionMessages = pgTable(
  'submission_messages',
  {
    id: serial('id').primaryKey(),
    submissionId: integer('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    indicatorId: integer('indicator_id').references(() => indicators.id, { onDelete: 'restrict' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    fromSecretariat: boolean('from_secretariat').notNull(),
    // flag: a value marked for follow-up (with its note); unflag: the mark removed; return: the
    // remark of a return; message: anything written in the conversation
    kind: text('kind').notNull(),
    body: text('body').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('submission_messages_submission').on(t.submissionId, t.id),
    check('submission_messages_kind', sql`${t.kind} in ('flag','unflag','return','message')`),
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

/**
 * What research says about the effect of taking part (the econometric findings, the company
 * survey's source), kept by the secretariat for a reporting year and frozen into its publication.
 */
export const evidenceStatements = pgTable(
  'evidence_statements',
  {
    id: serial('id').primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => reportingYears.year, { onDelete: 'restrict' }),
    key: text('key').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    // the finding's figure and what it measures; both null for a statement that names a source only
    value: doublePrecision('value'),
    unit: evidenceUnit('unit'),
    textDa: text('text_da').notNull(),
    textEn: text('text_en').notNull(),
    sourceTitle: text('source_title').notNull(),
    sourcePublisher: text('source_publisher').notNull(),
    sourceYear: integer('source_year'),
    sourceUrl: text('source_url'),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evidence_statements_year_key_unique').on(t.year, t.key),
    check('evidence_statements_key_format', sql`${t.key} ~ '^[a-z][a-z0-9_]*$'`),
    check('evidence_statements_value_unit', sql`(${t.value} is null) = (${t.unit} is null)`),
    check(
      'evidence_statements_texts',
      sql`length(trim(${t.textDa})) > 0 and length(trim(${t.textEn})) > 0 and length(trim(${t.sourceTitle})) > 0 and length(trim(${t.sourcePublisher})) > 0`,
    ),
    check(
      'evidence_statements_source_year',
      sql`${t.sourceYear} is null or ${t.sourceYear} between 1900 and 2100`,
    ),
  ],
);

/**
 * A publication announced for a minute (Danish time on the release calendar): version 1 of a year
 * or a correction. The job runner publishes it at that minute (lib/releases). Until then only its
 * year, version and time are public; the correction's note is the secretariat's until it is out.
 */
export const releases = pgTable(
  'releases',
  {
    id: serial('id').primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => reportingYears.year, { onDelete: 'restrict' }),
    // the version this release will publish
    version: integer('version').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    // the time first announced: a moved release keeps it, so punctuality can be stated
    announcedAt: timestamp('announced_at', { withTimezone: true }).notNull(),
    status: releaseStatus('status').notNull().default('scheduled'),
    // required for corrections (version 2 and later), as on publications
    changeNote: text('change_note'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publicationId: integer('publication_id').references(() => publications.id, { onDelete: 'restrict' }),
    // when the public caches were expired after publishing (null: still to do, the job retries)
    cachesExpiredAt: timestamp('caches_expired_at', { withTimezone: true }),
    // why the job could not publish at the minute (a typed failure code); cleared by moving it
    failure: text('failure'),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one announced release per year at a time: move or cancel it rather than add another
    uniqueIndex('releases_one_scheduled_per_year').on(t.year).where(sql`${t.status} = 'scheduled'`),
    index('releases_due').on(t.status, t.scheduledAt),
    check('releases_version_positive', sql`${t.version} >= 1`),
    check(
      'releases_correction_note',
      sql`${t.version} = 1 or length(trim(coalesce(${t.changeNote}, ''))) > 0`,
    ),
    check(
      'releases_published_has_publication',
      sql`${t.status} <> 'published' or (${t.publicationId} is not null and ${t.publishedAt} is not null)`,
    ),
  ],
);

/** A scheduled release moved or cancelled, with the reason shown on the public calendar. */
export const releaseChanges = pgTable(
  'release_changes',
  {
    id: serial('id').primaryKey(),
    releaseId: integer('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    // the new time of a move; null for a cancellation
    toAt: timestamp('to_at', { withTimezone: true }),
    reasonDa: text('reason_da').notNull(),
    reasonEn: text('reason_en').notNull(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('release_changes_release').on(t.releaseId),
    check('release_changes_kind', sql`${t.kind} in ('moved', 'cancelled')`),
    check('release_changes_move_has_time', sql`(${t.kind} = 'moved') = (${t.toAt} is not null)`),
    check(
      'release_changes_reasons',
      sql`length(trim(${t.reasonDa})) > 0 and length(trim(${t.reasonEn})) > 0`,
    ),
  ],
);

/**
 * The secretariat's own texts of a year's documentation of the statistic, one per heading and
 * language (lib/documentation). Frozen into each publication; editing it changes the next one.
 */
export const documentationTexts = pgTable(
  'documentation_texts',
  {
    year: integer('year')
      .notNull()
      .references(() => reportingYears.year, { onDelete: 'restrict' }),
    section: text('section').notNull(),
    textDa: text('text_da').notNull().default(''),
    textEn: text('text_en').notNull().default(''),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.section] }),
    check('documentation_texts_section_format', sql`${t.section} ~ '^[a-z][a-z_]*$'`),
  ],
);

/**
 * Who publishes the statistics and how to reach them, and the site's accessibility statement:
 * one row, kept by the secretariat (lib/site-profile). The data catalogue, the documentation and
 * the statement read it.
 */
export const siteProfile = pgTable(
  'site_profile',
  {
    id: integer('id').primaryKey().default(1),
    publisherDa: text('publisher_da').notNull(),
    publisherEn: text('publisher_en').notNull(),
    publisherUrl: text('publisher_url'),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    // the accessibility statement (Digitaliseringsstyrelsen's headings)
    accessibilityStatus: text('accessibility_status').notNull().default('partial'),
    accessibilityAssessedOn: date('accessibility_assessed_on', { mode: 'string' }),
    accessibilityMethod: text('accessibility_method').notNull().default('self_assessment'),
    accessibilityIssuesDa: text('accessibility_issues_da').notNull().default(''),
    accessibilityIssuesEn: text('accessibility_issues_en').notNull().default(''),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('site_profile_one_row', sql`${t.id} = 1`),
    check('site_profile_email', sql`${t.contactEmail} ~ '^[^@\\s]+@[^@\\s]+$'`),
    check('site_profile_status', sql`${t.accessibilityStatus} in ('full', 'partial', 'none')`),
    check('site_profile_method', sql`${t.accessibilityMethod} in ('self_assessment', 'third_party')`),
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

/**
 * A submission as it stood when the secretariat returned it: its figures (company counts derived
 * from the list included) and, below, its company list. The review of the resubmission compares
 * with it, so the secretariat sees what changed since the return.
 */
export const submissionSnapshots = pgTable(
  'submission_snapshots',
  {
    id: serial('id').primaryKey(),
    submissionId: integer('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    // the state it was returned from: submitted, or approved (a correction)
    fromState: submissionState('from_state').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
    takenBy: integer('taken_by').references(() => users.id, { onDelete: 'set null' }),
    hasCompanyList: boolean('has_company_list').notNull(),
    // indicator key → { value, denominator, comment }
    values: jsonb('values').notNull(),
  },
  (t) => [index('submission_snapshots_submission').on(t.submissionId, t.id)],
);

/** The company list of a snapshot, row for row as `participants` held it. */
export const snapshotParticipants = pgTable(
  'snapshot_participants',
  {
    snapshotId: integer('snapshot_id')
      .notNull()
      .references(() => submissionSnapshots.id, { onDelete: 'cascade' }),
    cvr: char('cvr', { length: 8 }).notNull(),
    dedicated: boolean('dedicated').notNull(),
    under50: boolean('under_50').notNull(),
    newIdeas: boolean('new_ideas').notNull(),
    newCompetences: boolean('new_competences').notNull(),
    newProducts: boolean('new_products').notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.cvr] })],
);

/**
 * A bulk-import file that passed its dry run, kept so the import needs no second upload: its
 * rows as read, for the secretariat member who uploaded it only, until it expires or is used.
 */
export const importUploads = pgTable(
  'import_uploads',
  {
    id: text('id').primaryKey(),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    year: integer('year')
      .notNull()
      .references(() => reportingYears.year, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    sha256: text('sha256').notNull(),
    rows: jsonb('rows').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    // what the import wrote, for the page that says so afterwards
    written: jsonb('written'),
  },
  (t) => [index('import_uploads_actor').on(t.actorId, t.createdAt)],
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
export type KeptDraft = typeof keptDrafts.$inferSelect;
export type SubmissionMessage = typeof submissionMessages.$inferSelect;
export type EvidenceStatementRow = typeof evidenceStatements.$inferSelect;
export type Release = typeof releases.$inferSelect;
export type SiteProfile = typeof siteProfile.$inferSelect;

/**
 * The secretariat's setting for automatic reminders (issue 16, item 9): one row. Days before the
 * deadline (0: on the deadline day) and after it (1: the first late day); null: none on that side.
 */
export const reminderSettings = pgTable(
  'reminder_settings',
  {
    id: integer('id').primaryKey().default(1),
    daysBefore: integer('days_before'),
    daysAfter: integer('days_after'),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('reminder_settings_one_row', sql`${t.id} = 1`),
    check('reminder_settings_days_before', sql`${t.daysBefore} between 0 and 60`),
    check('reminder_settings_days_after', sql`${t.daysAfter} between 1 and 60`),
  ],
);

/**
 * Every automatic reminder, claimed before it is sent: the unique key lets one instance claim a
 * reminder (one person, one organisation, one deadline, before or after it) and no other, so a
 * reminder goes out once however many instances run the job at once.
 */
export const reminderMails = pgTable(
  'reminder_mails',
  {
    id: serial('id').primaryKey(),
    year: integer('year')
      .notNull()
      .references(() => reportingYears.year, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    kind: text('kind', { enum: ['before', 'after'] }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
    // set once the mail server answered: smtp (accepted), logged (no SMTP_URL), failed (refused)
    sentAt: timestamp('sent_at', { withTimezone: true }),
    delivery: text('delivery', { enum: ['smtp', 'logged', 'failed'] }),
  },
  (t) => [
    uniqueIndex('reminder_mails_once').on(t.year, t.organisationId, t.userId, t.kind, t.deadline),
    index('reminder_mails_year').on(t.year, t.claimedAt),
    check('reminder_mails_kind', sql`${t.kind} in ('before', 'after')`),
  ],
);
