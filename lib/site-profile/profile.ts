// Who publishes the statistics, how to reach them, and the site's accessibility statement: one
// row the secretariat keeps. Reading is public (it is printed on public pages); saving is the
// secretariat's (mutations.ts).
import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { siteProfile, type SiteProfile } from '@/db/schema';
import { isoDateSchema } from '@/lib/validation/input';
import { storableText } from '@/lib/validation/text';

export type { SiteProfile };

export const ACCESSIBILITY_STATUSES = ['full', 'partial', 'none'] as const;
export const ACCESSIBILITY_METHODS = ['self_assessment', 'third_party'] as const;

const optional = (schema: z.ZodType<string>) =>
  z.union([z.literal(''), schema]).transform((value) => value || null);

export const siteProfileSchema = z.object({
  publisherDa: storableText({ max: 200, required: true }),
  publisherEn: storableText({ max: 200, required: true }),
  publisherUrl: optional(
    z
      .string()
      .trim()
      .regex(/^https:\/\/[^\s/]+\.[^\s]+$/, { error: 'url_invalid' })
      .max(500),
  ),
  contactEmail: z
    .string()
    .trim()
    .max(320)
    .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, { error: 'email_invalid' }),
  contactPhone: optional(storableText({ max: 40 })),
  accessibilityStatus: z.enum(ACCESSIBILITY_STATUSES, { error: 'invalid_input' }),
  accessibilityAssessedOn: optional(isoDateSchema),
  accessibilityMethod: z.enum(ACCESSIBILITY_METHODS, { error: 'invalid_input' }),
  accessibilityIssuesDa: storableText({ max: 8000 }),
  accessibilityIssuesEn: storableText({ max: 8000 }),
});

export async function readSiteProfile(db: Database): Promise<SiteProfile | null> {
  const [row] = await db.select().from(siteProfile);
  return row ?? null;
}
