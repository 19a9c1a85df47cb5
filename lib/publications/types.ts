import type { NationalAccounts } from '@/lib/accounts/types';
import type { EvidenceStatement } from '@/lib/evidence/types';
import type { FrozenDocumentation } from '@/lib/documentation/sections';

/** What a publication freezes: the accounts, the method and the evidence, as they were on the day. */
export interface PublicationSnapshot {
  accounts: NationalAccounts;
  methodology: { da: string; en: string };
  /** the year's evidence statements in the secretariat's order; absent in snapshots made before them */
  evidence?: EvidenceStatement[];
  /** the documentation of the statistic for this version (absent in publications made before it) */
  documentation?: FrozenDocumentation;
}

export interface PublicationSummary {
  year: number;
  version: number;
  publishedAt: string;
  changeNote: string | null;
}

export interface Publication extends PublicationSummary {
  snapshot: PublicationSnapshot;
  /** every version of the year, oldest first, for the correction history */
  history: PublicationSummary[];
}
