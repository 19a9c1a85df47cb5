// The values of the schema's enums, as plain constants: db/schema.ts builds its pgEnums from
// these, and lib/domain.ts hands them (with their types) to code that must not load drizzle —
// the browser's form checks, the pages' select fields.
export const ORGANISATION_KINDS = ['cluster', 'innovation_network'] as const;
export const REGIONS = ['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'] as const;
export const USER_ROLES = ['admin', 'staff'] as const;
export const YEAR_STATES = ['open', 'closed', 'published'] as const;
export const INDICATOR_KINDS = ['companies', 'count', 'amount_dkk', 'share'] as const;
export const SUBMISSION_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export const TOKEN_PURPOSES = ['invitation', 'password_reset'] as const;
export const RELEASE_STATUSES = ['scheduled', 'published', 'cancelled'] as const;
export const EVIDENCE_UNITS = ['times', 'percentage_points', 'percent', 'count'] as const;
