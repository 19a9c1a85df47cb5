// The demo data set of DESIGN.md: deterministic (seeded random) and synthetic. The published 2016
// accounts come out at 16,500 / 3,789 / 4,832 / 1,524 net of double counting because the company
// lists are built with exactly that many distinct companies and flags; the numbers on the page are
// computed from the lists by lib/accounts like any real year's.
import { and, count, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  memberships,
  organisations,
  reportingYears,
  submissions,
  submissionValues,
  users,
} from '@/db/schema';
import { cvrCheckDigit } from '@/lib/cvr';
import { publishYear } from '@/lib/publications/publish';
import { type CompanyListRow, replaceCompanyList } from '@/lib/submissions/company-list-store';
import { hashPassword } from '@/lib/users/password';
import { ensureCatalogue } from './catalogue';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_ADMIN_EMAIL = 'admin@example.org';
export const DEMO_DISABLED_EMAIL = 'disabled@example.org';
export const DEMO_ADMIN_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
export const DEMO_YEARS = [2013, 2014, 2015, 2016, 2017] as const;
export const DEMO_OPEN_YEAR = 2017;

/** Net company figures each published demo year must show; 2016 is the real 2017 edition's. */
export const DEMO_TARGETS: Record<
  number,
  { participants: number; newIdeas: number; newCompetences: number; newProducts: number }
> = {
  2015: { participants: 15_240, newIdeas: 3_410, newCompetences: 4_390, newProducts: 1_380 },
  2016: { participants: 16_500, newIdeas: 3_789, newCompetences: 4_832, newProducts: 1_524 },
};

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

function shuffle<T>(items: T[], random: Random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

const FIELDS = [
  'Energi og klima',
  'Sundhed og velfærd',
  'Fødevarer',
  'Digitalisering og IKT',
  'Produktion og robotter',
  'Miljø og vand',
  'Byggeri',
  'Transport og logistik',
  'Turisme og oplevelser',
  'Design og kreative erhverv',
  'Maritime erhverv',
  'Life science',
] as const;
const STEMS: Record<(typeof FIELDS)[number], string> = {
  'Energi og klima': 'Energi',
  'Sundhed og velfærd': 'Velfærds',
  Fødevarer: 'Fødevare',
  'Digitalisering og IKT': 'Digital',
  'Produktion og robotter': 'Robot',
  'Miljø og vand': 'Vand',
  Byggeri: 'Bygge',
  'Transport og logistik': 'Logistik',
  'Turisme og oplevelser': 'Turisme',
  'Design og kreative erhverv': 'Design',
  'Maritime erhverv': 'Maritim',
  'Life science': 'Biotek',
};
const REGIONS = ['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland'] as const;
const PLACES: Record<(typeof REGIONS)[number], string> = {
  hovedstaden: 'Hovedstaden',
  sjaelland: 'Sjælland',
  syddanmark: 'Syddanmark',
  midtjylland: 'Midtjylland',
  nordjylland: 'Nordjylland',
};

export interface DemoOrganisation {
  slug: string;
  name: string;
  kind: 'cluster' | 'innovation_network';
  field: string;
  region: (typeof REGIONS)[number];
  activeFrom: number;
  activeTo: number | null;
  /** relative size: how many companies it reaches */
  weight: number;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** 31 clusters and 22 innovation networks across fields and regions. */
export function demoOrganisations(): DemoOrganisation[] {
  const random = seededRandom(2017);
  const result: DemoOrganisation[] = [];
  const used = new Set<string>();
  const add = (kind: DemoOrganisation['kind'], index: number) => {
    const field = FIELDS[index % FIELDS.length]!;
    const region = REGIONS[(index * 3 + (kind === 'cluster' ? 0 : 1)) % REGIONS.length]!;
    const base =
      kind === 'cluster'
        ? `${STEMS[field]}klyngen ${PLACES[region]}`
        : `Innovationsnetværk for ${field.toLowerCase()}`;
    let name = base;
    if (used.has(name)) name = `${base} – ${PLACES[region]}`;
    for (let n = 2; used.has(name); n++) name = `${base} ${n}`;
    used.add(name);
    // a few start late or stop early, so the number of organisations changes over the years
    const activeFrom = kind === 'cluster' && index % 9 === 4 ? 2015 : 2013;
    const activeTo = kind === 'cluster' && index % 13 === 7 ? 2015 : null;
    result.push({
      slug: slugify(name).slice(0, 60).replace(/-+$/, ''),
      name,
      kind,
      field,
      region,
      activeFrom,
      activeTo,
      weight: 0.35 + random() * 1.65,
    });
  };
  for (let i = 0; i < 31; i++) add('cluster', i);
  for (let i = 0; i < 22; i++) add('innovation_network', i);
  return result;
}

const activeIn = (organisation: DemoOrganisation, year: number) =>
  organisation.activeFrom <= year && (organisation.activeTo === null || organisation.activeTo >= year);

/** A deterministic pool of distinct, valid CVR numbers. */
export function demoCvrPool(size: number): string[] {
  const random = seededRandom(11);
  const seen = new Set<string>();
  const pool: string[] = [];
  while (pool.length < size) {
    const firstSeven = String(between(random, 1_000_000, 9_999_999));
    const digit = cvrCheckDigit(firstSeven);
    if (digit === null) continue;
    const cvr = `${firstSeven}${digit}`;
    if (seen.has(cvr)) continue;
    seen.add(cvr);
    pool.push(cvr);
  }
  return pool;
}

function pickWeighted(candidates: DemoOrganisation[], total: number, random: Random): DemoOrganisation {
  let point = random() * total;
  for (const candidate of candidates) {
    point -= candidate.weight;
    if (point <= 0) return candidate;
  }
  return candidates[candidates.length - 1]!;
}

/**
 * Company lists for one year with exactly `target` distinct companies and flags, net of double
 * counting: a company-level flag is set on its first organisation's row and sometimes on others,
 * never on a company whose company-level flag is off.
 */
export function buildCompanyLists(
  year: number,
  target: (typeof DEMO_TARGETS)[number],
  active: DemoOrganisation[],
  pool: string[],
): Map<string, CompanyListRow[]> {
  const random = seededRandom(year * 7919);
  const companies = shuffle(pool, random).slice(0, target.participants);
  const totalWeight = active.reduce((sum, organisation) => sum + organisation.weight, 0);
  const chosen = (count: number) => new Set(shuffle(companies, random).slice(0, count));
  const withIdeas = chosen(target.newIdeas);
  const withCompetences = chosen(target.newCompetences);
  const withProducts = chosen(target.newProducts);
  const dedicated = chosen(Math.round(target.participants * 0.26));
  const under50 = chosen(Math.round(target.participants * 0.78));

  const lists = new Map<string, CompanyListRow[]>(active.map((organisation) => [organisation.slug, []]));
  for (const cvr of companies) {
    const roll = random();
    const organisationCount = roll < 0.82 ? 1 : roll < 0.95 ? 2 : roll < 0.99 ? 3 : 4;
    const mine: DemoOrganisation[] = [];
    for (let attempt = 0; mine.length < organisationCount && attempt < 20; attempt++) {
      const organisation = pickWeighted(active, totalWeight, random);
      if (!mine.includes(organisation)) mine.push(organisation);
    }
    mine.forEach((organisation, index) => {
      const primary = index === 0;
      const echo = (set: Set<string>) => set.has(cvr) && (primary || random() < 0.35);
      lists.get(organisation.slug)!.push({
        cvr,
        dedicated: dedicated.has(cvr) && (primary || random() < 0.2),
        under_50: under50.has(cvr),
        new_ideas: echo(withIdeas),
        new_competences: echo(withCompetences),
        new_products: echo(withProducts),
      });
    });
  }
  return lists;
}

type ValueMap = Record<string, number | { numerator: number; denominator: number }>;

function otherValues(random: Random, participants: number, weight: number): ValueMap {
  const responses = Math.max(5, Math.round(participants * (0.25 + random() * 0.15)));
  const share = (mean: number) => ({
    numerator: Math.min(responses, Math.round(responses * (mean - 0.08 + random() * 0.16))),
    denominator: responses,
  });
  return {
    knowledge_universities: between(random, 0, 4),
    knowledge_gts_institutes: between(random, 0, 3),
    knowledge_university_colleges: between(random, 0, 2),
    knowledge_business_academies: between(random, 0, 2),
    knowledge_vocational_schools: between(random, 0, 2),
    international_participants: between(random, 0, Math.round(40 * weight)),
    innovation_projects: between(random, 1, Math.round(6 + 14 * weight)),
    public_funding: Math.round((1_500_000 + random() * 6_500_000) / 1000) * 1000,
    private_funding: Math.round((400_000 + random() * 4_600_000) / 1000) * 1000,
    eu_funding: random() < 0.4 ? 0 : Math.round((200_000 + random() * 2_800_000) / 1000) * 1000,
    survey_new_knowledge: share(0.56),
    survey_innovation: share(0.55),
    survey_competences: share(0.4),
  };
}

/** Counts reported without a company list (before the 2015 change of method). */
function reportedCompanyValues(random: Random, weight: number, scale: number): ValueMap {
  const participants = Math.round((120 + 330 * weight) * scale);
  const part = (ratio: number) => Math.round(participants * (ratio - 0.04 + random() * 0.08));
  return {
    participants,
    dedicated: part(0.26),
    under_50: part(0.77),
    new_ideas: part(0.22),
    new_competences: part(0.28),
    new_products: part(0.09),
  };
}

async function insertValues(db: Database, submissionId: number, ids: Map<string, number>, values: ValueMap) {
  const rows = Object.entries(values).map(([key, value]) => ({
    submissionId,
    indicatorId: ids.get(key)!,
    value: typeof value === 'number' ? value : value.numerator,
    denominator: typeof value === 'number' ? null : value.denominator,
  }));
  if (rows.length) await db.insert(submissionValues).values(rows);
}

function isoDay(date: Date) {
  return date.toISOString().slice(0, 10);
}

export async function isDemoSeeded(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) > 0;
}

/** Builds the whole demo data set into an empty, migrated database. */
export async function seedDemo(db: Database, today = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const demo = demoOrganisations();
  const pool = demoCvrPool(24_000);

  const [admin] = await db
    .insert(users)
    .values({
      email: DEMO_ADMIN_EMAIL,
      name: 'Sekretariatet (demo)',
      role: 'admin',
      passwordHash,
      totpSecret: DEMO_ADMIN_TOTP_SECRET,
      totpEnabledAt: new Date('2018-01-01T00:00:00Z'),
    })
    .returning();
  const adminId = admin!.id;

  const organisationIds = new Map<string, number>();
  const staffIds = new Map<string, number>();
  for (const organisation of demo) {
    const [row] = await db
      .insert(organisations)
      .values({
        slug: organisation.slug,
        name: organisation.name,
        kind: organisation.kind,
        field: organisation.field,
        region: organisation.region,
        website: `https://${organisation.slug}.example.org`,
        description:
          organisation.kind === 'cluster'
            ? `Syntetisk demoklynge inden for ${organisation.field.toLowerCase()}.`
            : `Syntetisk demonetværk inden for ${organisation.field.toLowerCase()}.`,
        activeFrom: organisation.activeFrom,
        activeTo: organisation.activeTo,
      })
      .returning();
    organisationIds.set(organisation.slug, row!.id);
    const [staff] = await db
      .insert(users)
      .values({
        email: `${organisation.slug}@example.org`,
        name: `Medarbejder, ${organisation.name}`,
        role: 'staff',
        passwordHash,
      })
      .returning();
    staffIds.set(organisation.slug, staff!.id);
    await db.insert(memberships).values({ userId: staff!.id, organisationId: row!.id });
  }

  // a disabled account (member of the first organisation): its old sessions must stop working
  const [disabled] = await db
    .insert(users)
    .values({
      email: DEMO_DISABLED_EMAIL,
      name: 'Tidligere medarbejder (demo)',
      role: 'staff',
      passwordHash,
      disabled: true,
    })
    .returning();
  await db
    .insert(memberships)
    .values({ userId: disabled!.id, organisationId: organisationIds.get(demo[0]!.slug)! });

  const openDeadline = new Date(today.getTime() + 56 * 24 * 3600 * 1000);
  for (const year of DEMO_YEARS) {
    const open = year === DEMO_OPEN_YEAR;
    await db.insert(reportingYears).values({
      year,
      edition: year + 1,
      opensOn: open ? isoDay(new Date(today.getTime() - 30 * 24 * 3600 * 1000)) : `${year + 1}-01-05`,
      deadline: open ? isoDay(openDeadline) : `${year + 1}-03-15`,
      state: open ? 'open' : 'closed',
      seriesBreakDa:
        year === 2015
          ? 'Fra 2015 opgøres virksomhedstallene ud fra lister med CVR-numre, netto for dobbelttælling. Tal før 2015 er organisationernes egne optællinger og er ikke direkte sammenlignelige.'
          : null,
      seriesBreakEn:
        year === 2015
          ? 'From 2015 company figures are counted from lists of CVR numbers, net of double counting. Figures before 2015 are the organisations’ own counts and are not directly comparable.'
          : null,
    });
  }
  const ids = await ensureCatalogue(db, [...DEMO_YEARS]);

  for (const year of DEMO_YEARS) {
    const random = seededRandom(year);
    const active = demo.filter((organisation) => activeIn(organisation, year));
    const target = DEMO_TARGETS[year];
    const lists = target ? buildCompanyLists(year, target, active, pool) : null;
    const open = year === DEMO_OPEN_YEAR;
    for (const [index, organisation] of active.entries()) {
      const organisationId = organisationIds.get(organisation.slug)!;
      const staffId = staffIds.get(organisation.slug)!;
      const submittedAt = new Date(Date.UTC(year + 1, 1, 1 + (index % 40)));
      if (open) {
        // 2017: some not started, some drafts, a few submitted or returned
        const stage = index % 5;
        if (stage === 0 || stage === 3) continue;
        const state = stage === 4 ? (index % 2 ? 'submitted' : 'returned') : 'draft';
        const [submission] = await db
          .insert(submissions)
          .values({
            organisationId,
            year,
            state,
            createdBy: staffId,
            updatedBy: staffId,
            submittedBy: state === 'draft' ? null : staffId,
            submittedAt: state === 'draft' ? null : today,
            returnedAt: state === 'returned' ? today : null,
            reviewedBy: state === 'returned' ? adminId : null,
            remark:
              state === 'returned'
                ? 'Tjek venligst antallet af innovationsprojekter; det er meget højere end sidste år.'
                : null,
          })
          .returning();
        const values = otherValues(random, 300, organisation.weight);
        const partial = state === 'draft' ? Object.fromEntries(Object.entries(values).slice(0, 6)) : values;
        await insertValues(db, submission!.id, ids, {
          ...partial,
          ...(state === 'draft' ? {} : reportedCompanyValues(random, organisation.weight, 1.1)),
        });
        continue;
      }
      const list = lists?.get(organisation.slug);
      const companyValues = list
        ? {}
        : reportedCompanyValues(random, organisation.weight, year === 2013 ? 0.53 : 0.585);
      const participantCount = list ? list.length : (companyValues.participants as number);
      const [submission] = await db
        .insert(submissions)
        .values({
          organisationId,
          year,
          state: 'approved',
          hasCompanyList: Boolean(list),
          createdBy: staffId,
          updatedBy: staffId,
          submittedBy: staffId,
          reviewedBy: adminId,
          submittedAt,
          approvedAt: new Date(submittedAt.getTime() + 20 * 24 * 3600 * 1000),
        })
        .returning();
      await insertValues(db, submission!.id, ids, {
        ...companyValues,
        ...otherValues(random, participantCount, organisation.weight),
      });
      if (list) await replaceCompanyList(db, submission!.id, list);
    }
    if (!open) {
      const result = await publishYear(db, { year, actorId: adminId, actorEmail: DEMO_ADMIN_EMAIL });
      if (!result.ok) throw new Error(`demo seed could not publish ${year}: ${result.message}`);
    }
  }
}

export async function demoLogins(db: Database): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.role, 'staff'), eq(users.disabled, false)))
    .orderBy(users.email)
    .limit(3);
  return [DEMO_ADMIN_EMAIL, ...rows.map((row) => row.email)];
}
