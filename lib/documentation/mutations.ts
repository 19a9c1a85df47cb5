// The secretariat writes the parts of an edition's documentation the data cannot say (purpose,
// how the review went, the known limits, whom to contact). An adminAction (lib/actions):
// authorised, zod-parsed, one transaction, audited. The texts go into the year's next
// publication; published ones keep theirs.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { documentationTexts, reportingYears } from '@/db/schema';
import { adminAction } from '@/lib/actions/define';
import { notFound, ok } from '@/lib/result';
import { isYearNumber } from '@/lib/validation/input';
import { storableText } from '@/lib/validation/text';
import { readDocumentationTexts } from './freeze';
import { DOCUMENTATION_SECTIONS, type DocumentationSection } from './sections';

export const MAX_DOCUMENTATION_TEXT = 8000;

const text = storableText({ max: MAX_DOCUMENTATION_TEXT });
const sectionFields = Object.fromEntries(
  DOCUMENTATION_SECTIONS.flatMap((section) => [
    [`${section}_da`, text],
    [`${section}_en`, text],
  ]),
);

export const documentationTextsSchema = z.object({
  year: z.coerce.number({ error: 'year_invalid' }).refine(isYearNumber, { error: 'year_invalid' }),
  ...sectionFields,
});

/** `input` holds `year` and `{section}_da` / `{section}_en` for every heading, as the form posts them. */
export const saveDocumentationTexts = adminAction(
  documentationTextsSchema,
  async ({ tx, actor, audit }, parsed) => {
    const values = parsed as Record<string, string | number>;
    const year = parsed.year;
    const [row] = await tx.select().from(reportingYears).where(eq(reportingYears.year, year)).for('update');
    if (!row) return notFound('year_not_found');
    const before = await readDocumentationTexts(tx, year);
    const changed: DocumentationSection[] = [];
    for (const section of DOCUMENTATION_SECTIONS) {
      const da = String(values[`${section}_da`] ?? '');
      const en = String(values[`${section}_en`] ?? '');
      if (before[section].da === da && before[section].en === en) continue;
      changed.push(section);
      const [existing] = await tx
        .select({ section: documentationTexts.section })
        .from(documentationTexts)
        .where(and(eq(documentationTexts.year, year), eq(documentationTexts.section, section)));
      if (existing) {
        await tx
          .update(documentationTexts)
          .set({ textDa: da, textEn: en, updatedBy: actor.userId, updatedAt: new Date() })
          .where(and(eq(documentationTexts.year, year), eq(documentationTexts.section, section)));
      } else {
        await tx
          .insert(documentationTexts)
          .values({ year, section, textDa: da, textEn: en, updatedBy: actor.userId });
      }
    }
    if (changed.length > 0) {
      await audit({
        action: 'documentation.save',
        entityType: 'reporting_year',
        entityId: year,
        before: Object.fromEntries(changed.map((section) => [section, before[section]])),
        after: Object.fromEntries(
          changed.map((section) => [section, { da: values[`${section}_da`], en: values[`${section}_en`] }]),
        ),
      });
    }
    return ok({ year, changed });
  },
  { name: 'documentation.save', messages: 'statistics.errors' },
);
