// A year's evidence statements as the open data has them, in the secretariat's order. No session:
// the publication step freezes them, and the secretariat's page checks the session before calling.
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { type EvidenceStatementRow, evidenceStatements } from '@/db/schema';
import type { EvidenceStatement } from './types';

export function toEvidenceStatement(row: EvidenceStatementRow): EvidenceStatement {
  return {
    key: row.key,
    value: row.value,
    unit: row.unit,
    text: { da: row.textDa, en: row.textEn },
    source: {
      title: row.sourceTitle,
      publisher: row.sourcePublisher,
      year: row.sourceYear,
      url: row.sourceUrl,
    },
  };
}

export async function listEvidenceRows(db: Database, year: number): Promise<EvidenceStatementRow[]> {
  return db
    .select()
    .from(evidenceStatements)
    .where(eq(evidenceStatements.year, year))
    .orderBy(asc(evidenceStatements.sortOrder), asc(evidenceStatements.key));
}

export async function evidenceForYear(db: Database, year: number): Promise<EvidenceStatement[]> {
  return (await listEvidenceRows(db, year)).map(toEvidenceStatement);
}

/** The statements in one fixed key order: jsonb keeps its own, so stored and live ones compare equal. */
export function canonicalEvidence(statements: EvidenceStatement[]): string {
  return JSON.stringify(
    statements.map((statement) => [
      statement.key,
      statement.value,
      statement.unit,
      statement.text.da,
      statement.text.en,
      statement.source.title,
      statement.source.publisher,
      statement.source.year,
      statement.source.url,
    ]),
  );
}
