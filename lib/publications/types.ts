import type { NationalAccounts } from '@/lib/accounts/types';

/** What a publication freezes: the accounts and the method, as they were on the day. */
export interface PublicationSnapshot {
  accounts: NationalAccounts;
  methodology: { da: string; en: string };
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
