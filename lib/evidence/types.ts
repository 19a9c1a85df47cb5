// Evidence statements: what research says about the effect of taking part, kept by the secretariat
// for a reporting year and frozen into its publication. The shape is the open data's (DESIGN.md).
import { EVIDENCE_UNITS, type EvidenceUnit } from '@/lib/domain';

export { EVIDENCE_UNITS, type EvidenceUnit };

export interface EvidenceSource {
  title: string;
  publisher: string;
  year: number | null;
  url: string | null;
}

export interface EvidenceStatement {
  key: string;
  /** the finding's figure; null (with unit) for a statement that names a source only */
  value: number | null;
  unit: EvidenceUnit | null;
  text: { da: string; en: string };
  source: EvidenceSource;
}
