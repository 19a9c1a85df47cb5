// The documentation of an edition, built inside the publishing transaction from what the database
// holds at that moment (the round's dates, the catalogue of that year and the year before, the
// counts, the release announced for it, the publisher) and the secretariat's texts, so that it is
// frozen with the figures it documents. A later correction freezes its own; the earlier stays.
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  documentationTexts,
  indicators,
  indicatorYears,
  releases,
  reportingYears,
  siteProfile,
} from '@/db/schema';
import type { NationalAccounts } from '@/lib/accounts/types';
import {
  type DocumentationFacts,
  emptyTexts,
  type FrozenDocumentation,
  factsOfAccounts,
  isDocumentationSection,
} from './sections';

async function catalogueKeys(db: Database, year: number): Promise<string[]> {
  const rows = await db
    .select({ key: indicators.key })
    .from(indicatorYears)
    .innerJoin(indicators, eq(indicators.id, indicatorYears.indicatorId))
    .where(eq(indicatorYears.year, year));
  return rows.map((row) => row.key).sort();
}

export async function readDocumentationTexts(db: Database, year: number) {
  const texts = emptyTexts();
  const rows = await db.select().from(documentationTexts).where(eq(documentationTexts.year, year));
  for (const row of rows)
    if (isDocumentationSection(row.section)) texts[row.section] = { da: row.textDa, en: row.textEn };
  return texts;
}

export async function freezeDocumentation(
  db: Database,
  input: { accounts: NationalAccounts; publishedAt: Date; releaseId?: number },
): Promise<FrozenDocumentation> {
  const { accounts } = input;
  const year = accounts.year;
  const [round] = await db.select().from(reportingYears).where(eq(reportingYears.year, year));
  const [previous] = await db
    .select({ year: reportingYears.year })
    .from(reportingYears)
    .where(eq(reportingYears.year, year - 1));
  const current = accounts.indicators.map((indicator) => indicator.key).sort();
  const before = previous ? await catalogueKeys(db, previous.year) : [];
  const [release] = input.releaseId
    ? await db.select().from(releases).where(eq(releases.id, input.releaseId))
    : await db
        .select()
        .from(releases)
        .where(and(eq(releases.year, year), eq(releases.status, 'scheduled'), isNull(releases.failure)));
  const [profile] = await db.select().from(siteProfile);
  const facts: DocumentationFacts = {
    ...factsOfAccounts(accounts),
    round: round ? { opensOn: round.opensOn, deadline: round.deadline } : null,
    catalogueChanges: {
      previousYear: previous ? previous.year : null,
      added: previous ? current.filter((key) => !before.includes(key)) : [],
      removed: previous ? before.filter((key) => !current.includes(key)) : [],
    },
    release: release
      ? { announcedAt: release.announcedAt.toISOString(), scheduledAt: release.scheduledAt.toISOString() }
      : null,
    publishedAt: input.publishedAt.toISOString(),
    publisher: profile
      ? {
          name: { da: profile.publisherDa, en: profile.publisherEn },
          email: profile.contactEmail,
          phone: profile.contactPhone,
          url: profile.publisherUrl,
        }
      : null,
  };
  return { facts, texts: await readDocumentationTexts(db, year) };
}
