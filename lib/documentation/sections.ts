// The headings of the documentation of a statistic, as Statistics Denmark documents its own
// (statistikdokumentation), in their order. Pure.
import { isShareFigure, type NationalAccounts } from '@/lib/accounts/types';

export const DOCUMENTATION_SECTIONS = [
  'content',
  'sources',
  'processing',
  'accuracy',
  'timeliness',
  'comparability',
  'availability',
  'contact',
] as const;

export type DocumentationSection = (typeof DOCUMENTATION_SECTIONS)[number];

export function isDocumentationSection(value: unknown): value is DocumentationSection {
  return typeof value === 'string' && (DOCUMENTATION_SECTIONS as readonly string[]).includes(value);
}

/** What the data says about an edition, frozen with its publication (generated, never typed). */
export interface DocumentationFacts {
  year: number;
  edition: number;
  round: { opensOn: string; deadline: string } | null;
  indicators: {
    key: string;
    kind: string;
    label: { da: string; en: string };
    help: { da: string; en: string };
    parentKey: string | null;
  }[];
  organisations: { total: number; withCompanyList: number; withoutCompanyList: number; excluded: number };
  possiblyDoubleCounted: string[];
  seriesBreak: { da: string; en: string } | null;
  catalogueChanges: { previousYear: number | null; added: string[]; removed: string[] };
  release: { announcedAt: string; scheduledAt: string } | null;
  publishedAt: string;
  publisher: {
    name: { da: string; en: string };
    email: string;
    phone: string | null;
    url: string | null;
  } | null;
}

export type DocumentationTexts = Record<DocumentationSection, { da: string; en: string }>;

/** A publication's documentation: the facts and the secretariat's texts as they were that day. */
export interface FrozenDocumentation {
  facts: DocumentationFacts;
  texts: DocumentationTexts;
}

/** The facts the accounts themselves state: the same whether frozen at publishing or read back from an older snapshot. */
export function factsOfAccounts(
  accounts: NationalAccounts,
): Pick<
  DocumentationFacts,
  'year' | 'edition' | 'indicators' | 'organisations' | 'possiblyDoubleCounted' | 'seriesBreak'
> {
  const withCompanyList = accounts.organisations.filter((organisation) => organisation.hasCompanyList).length;
  return {
    year: accounts.year,
    edition: accounts.edition,
    indicators: [...accounts.indicators]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map(({ key, kind, label, help, parentKey }) => ({ key, kind, label, help, parentKey })),
    organisations: {
      total: accounts.organisations.length,
      withCompanyList,
      withoutCompanyList: accounts.organisations.length - withCompanyList,
      excluded: accounts.excluded.length,
    },
    possiblyDoubleCounted: accounts.indicators
      .filter((indicator) => !isShareFigure(indicator.national) && indicator.national.possiblyDoubleCounted)
      .map((indicator) => indicator.key),
    seriesBreak: accounts.seriesBreak,
  };
}

export function emptyTexts(): DocumentationTexts {
  return Object.fromEntries(
    DOCUMENTATION_SECTIONS.map((section) => [section, { da: '', en: '' }]),
  ) as DocumentationTexts;
}
