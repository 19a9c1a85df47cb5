// The domain's fixed vocabularies, once: the schema's enums (db/enums.ts builds them for
// db/schema.ts), the indicator groups, the company flags and the states a reporting round shows.
// Pure constants, safe for the browser.
import * as enums from '@/db/enums';

export * from '@/db/enums';

export type OrganisationKind = (typeof enums.ORGANISATION_KINDS)[number];
export type Region = (typeof enums.REGIONS)[number];
export type UserRole = (typeof enums.USER_ROLES)[number];
export type YearState = (typeof enums.YEAR_STATES)[number];
export type IndicatorKind = (typeof enums.INDICATOR_KINDS)[number];
export type SubmissionState = (typeof enums.SUBMISSION_STATES)[number];
export type TokenPurpose = (typeof enums.TOKEN_PURPOSES)[number];
export type EvidenceUnit = (typeof enums.EVIDENCE_UNITS)[number];
export type ReleaseStatus = (typeof enums.RELEASE_STATUSES)[number];

/** How the entry form and the catalogue group indicators, in the form's order. */
export const INDICATOR_GROUPS = [
  'companies',
  'knowledge_institutions',
  'activities',
  'resources',
  'survey',
] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

/** The company list's 0/1 columns (DESIGN.md's form contract), each also a `companies` indicator. */
export const COMPANY_FLAGS = [
  'dedicated',
  'under_50',
  'new_ideas',
  'new_competences',
  'new_products',
] as const;
export type CompanyFlag = (typeof COMPANY_FLAGS)[number];

/** Where an organisation stands in a year's round: a submission state, not started, or excluded. */
export const ROUND_STATES = ['not_started', ...enums.SUBMISSION_STATES, 'excluded'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

/** One company on a list: its CVR number and its 0/1 flags. */
export type CompanyRow = { cvr: string } & Record<CompanyFlag, boolean>;
