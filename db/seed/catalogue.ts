// The indicator catalogue the accounts start with: the seed's four company outcomes and what the
// real accounts carried. It is data: the secretariat edits and extends it in the admin.
import { present } from '@/lib/invariant';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { indicators, indicatorYears } from '@/db/schema';

export interface CatalogueEntry {
  key: string;
  kind: 'companies' | 'count' | 'amount_dkk' | 'share';
  groupKey: 'companies' | 'knowledge_institutions' | 'activities' | 'resources' | 'survey';
  parent?: string;
  participantFlag?: 'dedicated' | 'under_50' | 'new_ideas' | 'new_competences' | 'new_products';
  required?: boolean;
  labelDa: string;
  labelEn: string;
  helpDa: string;
  helpEn: string;
}

export const CATALOGUE: CatalogueEntry[] = [
  {
    key: 'participants',
    kind: 'companies',
    groupKey: 'companies',
    required: true,
    labelDa: 'Deltagende virksomheder',
    labelEn: 'Participating companies',
    helpDa:
      'Virksomheder, der har deltaget i organisationens aktiviteter i året. Hver virksomhed tælles én gang.',
    helpEn:
      'Companies that took part in the organisation’s activities during the year. Each company counts once.',
  },
  {
    key: 'dedicated',
    kind: 'companies',
    groupKey: 'companies',
    parent: 'participants',
    participantFlag: 'dedicated',
    labelDa: 'Dedikerede virksomheder',
    labelEn: 'Dedicated companies',
    helpDa: 'Virksomheder, der er formelt knyttet til organisationen ved aftale, projekt eller kontingent.',
    helpEn: 'Companies formally tied to the organisation by agreement, project or fee.',
  },
  {
    key: 'under_50',
    kind: 'companies',
    groupKey: 'companies',
    parent: 'participants',
    participantFlag: 'under_50',
    labelDa: 'Virksomheder med under 50 ansatte',
    labelEn: 'Companies with fewer than 50 employees',
    helpDa: 'Deltagende virksomheder med færre end 50 ansatte.',
    helpEn: 'Participating companies with fewer than 50 employees.',
  },
  {
    key: 'new_ideas',
    kind: 'companies',
    groupKey: 'companies',
    parent: 'participants',
    participantFlag: 'new_ideas',
    required: true,
    labelDa: 'Virksomheder, der har udviklet nye idéer',
    labelEn: 'Companies that developed new ideas',
    helpDa: 'Virksomheder, der har udviklet nye idéer, som senere kan føre til innovation.',
    helpEn: 'Companies that developed new ideas that can later lead to innovation.',
  },
  {
    key: 'new_competences',
    kind: 'companies',
    groupKey: 'companies',
    parent: 'participants',
    participantFlag: 'new_competences',
    required: true,
    labelDa: 'Virksomheder med nye kompetencer og værktøjer',
    labelEn: 'Companies with new competences and tools',
    helpDa:
      'Virksomheder, der har fået nye kompetencer og værktøjer, der markant forbedrer deres evne til at innovere.',
    helpEn:
      'Companies that gained new competences and tools that markedly improve their capacity to innovate.',
  },
  {
    key: 'new_products',
    kind: 'companies',
    groupKey: 'companies',
    parent: 'participants',
    participantFlag: 'new_products',
    required: true,
    labelDa: 'Virksomheder med nye produkter, services eller processer',
    labelEn: 'Companies with new products, services or processes',
    helpDa:
      'Virksomheder, der har udviklet nye produkter, services eller processer som resultat af deltagelsen.',
    helpEn: 'Companies that developed new products, services or processes as a result of taking part.',
  },
  ...(
    [
      ['universities', 'Universiteter', 'Universities'],
      ['gts_institutes', 'GTS-institutter', 'GTS institutes (approved technological service institutes)'],
      ['university_colleges', 'Professionshøjskoler', 'University colleges'],
      ['business_academies', 'Erhvervsakademier', 'Business academies'],
      ['vocational_schools', 'Erhvervsskoler', 'Vocational schools'],
    ] as const
  ).map(
    ([key, labelDa, labelEn]): CatalogueEntry => ({
      key: `knowledge_${key}`,
      kind: 'count',
      groupKey: 'knowledge_institutions',
      labelDa: `Deltagende vidensinstitutioner: ${labelDa.toLowerCase()}`,
      labelEn: `Participating knowledge institutions: ${labelEn.toLowerCase()}`,
      helpDa: `Antal ${labelDa.toLowerCase()}, der har deltaget i aktiviteterne.`,
      helpEn: `Number of ${labelEn.toLowerCase()} that took part in the activities.`,
    }),
  ),
  {
    key: 'international_participants',
    kind: 'count',
    groupKey: 'activities',
    labelDa: 'Internationale deltagere',
    labelEn: 'International participants',
    helpDa: 'Udenlandske virksomheder og vidensinstitutioner, der har deltaget i aktiviteterne.',
    helpEn: 'Foreign companies and knowledge institutions that took part in the activities.',
  },
  {
    key: 'innovation_projects',
    kind: 'count',
    groupKey: 'activities',
    labelDa: 'Innovationsprojekter',
    labelEn: 'Innovation projects',
    helpDa:
      'Samarbejdsprojekter om innovation mellem virksomheder og videninstitutioner, som organisationen har igangsat eller drevet.',
    helpEn:
      'Collaborative innovation projects between companies and knowledge institutions that the organisation started or ran.',
  },
  {
    key: 'public_funding',
    kind: 'amount_dkk',
    groupKey: 'resources',
    labelDa: 'Offentligt tilskud',
    labelEn: 'Public grant',
    helpDa: 'Basisbevilling og andre offentlige tilskud i kroner.',
    helpEn: 'Core grant and other public funding, in Danish kroner.',
  },
  {
    key: 'private_funding',
    kind: 'amount_dkk',
    groupKey: 'resources',
    labelDa: 'Privat medfinansiering',
    labelEn: 'Private co-funding',
    helpDa: 'Kontingenter, betaling og kontant medfinansiering fra virksomheder i kroner.',
    helpEn: 'Fees, payments and cash co-funding from companies, in Danish kroner.',
  },
  {
    key: 'eu_funding',
    kind: 'amount_dkk',
    groupKey: 'resources',
    labelDa: 'EU-finansiering',
    labelEn: 'EU funding',
    helpDa: 'Midler fra EU-programmer i kroner.',
    helpEn: 'Funding from EU programmes, in Danish kroner.',
  },
  {
    key: 'survey_new_knowledge',
    kind: 'share',
    groupKey: 'survey',
    labelDa: 'Har fået ny, relevant viden',
    labelEn: 'Gained new relevant knowledge',
    helpDa: 'Virksomhedsundersøgelsen: antal svar "ja" ud af antal besvarelser.',
    helpEn: 'The company survey: the number answering "yes" out of the number of responses.',
  },
  {
    key: 'survey_innovation',
    kind: 'share',
    groupKey: 'survey',
    labelDa: 'Har skabt eller forventer at skabe innovation',
    labelEn: 'Created or expect to create innovation',
    helpDa: 'Virksomhedsundersøgelsen: antal svar "ja" ud af antal besvarelser.',
    helpEn: 'The company survey: the number answering "yes" out of the number of responses.',
  },
  {
    key: 'survey_competences',
    kind: 'share',
    groupKey: 'survey',
    labelDa: 'Har styrket deres kompetencer',
    labelEn: 'Strengthened their competences',
    helpDa: 'Virksomhedsundersøgelsen: antal svar "ja" ud af antal besvarelser.',
    helpEn: 'The company survey: the number answering "yes" out of the number of responses.',
  },
];

/**
 * Makes sure every catalogue entry exists and is used by `years`; leaves entries the secretariat
 * has edited alone. Returns indicator ids by key.
 */
export async function ensureCatalogue(db: Database, years: number[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [index, entry] of CATALOGUE.entries()) {
    await db
      .insert(indicators)
      .values({
        key: entry.key,
        kind: entry.kind,
        groupKey: entry.groupKey,
        sortOrder: (index + 1) * 10,
        labelDa: entry.labelDa,
        labelEn: entry.labelEn,
        helpDa: entry.helpDa,
        helpEn: entry.helpEn,
        participantFlag: entry.participantFlag ?? null,
        required: entry.required ?? false,
        parentId: entry.parent ? (ids.get(entry.parent) ?? null) : null,
      })
      .onConflictDoNothing({ target: indicators.key });
    const [row] = await db
      .select({ id: indicators.id })
      .from(indicators)
      .where(eq(indicators.key, entry.key));
    ids.set(entry.key, present(row).id);
  }
  for (const year of years) {
    await db
      .insert(indicatorYears)
      .values([...ids.values()].map((indicatorId) => ({ indicatorId, year })))
      .onConflictDoNothing();
  }
  return ids;
}
