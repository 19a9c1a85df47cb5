// The demo data set's pure part: the fixed logins, the targets the published figures must hit,
// the evidence statements, the organisations, the CVR pool and how the company lists are built
// (seeded random, the same on every machine). No database here, so the end-to-end tests can read
// who the demo organisations are; db/seed/demo.ts writes them.
import { present } from '@/lib/invariant';
import type { evidenceStatements } from '@/db/schema';
import { REGIONS } from '@/db/enums';
import { cvrCheckDigit } from '@/lib/cvr';
import type { CompanyListRow } from '@/lib/submissions/company-list-store';

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

/** The company survey's shares the 2016 accounts must show (the 2017 edition's), as fractions. */
export const DEMO_SURVEY_TARGETS: Record<number, Record<string, number>> = {
  2016: { survey_new_knowledge: 0.56, survey_innovation: 0.55, survey_competences: 0.4 },
};

/**
 * The 2016 edition's evidence statements: the company survey's source and the econometric
 * findings, in the order the 2017 edition told them. Real findings and sources, unlike the
 * synthetic figures around them.
 */
const CEBR_STUDY = {
  sourceTitle:
    'The Short-run Impact on Total Factor Productivity Growth of the Danish Innovation and Research Support System',
  sourcePublisher:
    'Centre for Economic and Business Research (CEBR) for Styrelsen for Forskning og Innovation',
  sourceYear: 2014,
  sourceUrl:
    'https://ufm.dk/en/publications/2014/the-short-run-impact-on-total-factor-productivity-growth-of-the-danish-innovation-and-research-support-system',
};

export const DEMO_EVIDENCE: Record<number, (typeof evidenceStatements.$inferInsert)[]> = {
  2016: [
    {
      year: 2016,
      key: 'company_survey',
      sortOrder: 10,
      value: null,
      unit: null,
      textDa:
        'Andelene i virksomhedsundersøgelsen kommer fra en spørgeskemaundersøgelse blandt de dedikerede virksomhedsdeltagere i klynger og innovationsnetværk om udbyttet af deres deltagelse i det foregående år.',
      textEn:
        'The company survey’s shares come from a questionnaire sent to the dedicated participating companies of the clusters and innovation networks about what taking part gave them in the previous year.',
      sourceTitle: 'Effekter af virksomheders deltagelse i klynger og innovationsnetværk',
      sourcePublisher: 'Uddannelses- og Forskningsministeriet',
      sourceYear: 2017,
      sourceUrl:
        'https://ufm.dk/publikationer/2017/effekter-af-virksomheders-deltagelse-i-klynger-og-innovationsnetvaerk',
    },
    {
      year: 2016,
      key: 'innovation_likelihood',
      sortOrder: 20,
      value: 4,
      unit: 'times',
      textDa:
        'så stor sandsynlighed for at blive innovative har virksomheder, der deltager i klynger og netværk, sammenlignet med tilsvarende virksomheder.',
      textEn:
        'the likelihood of becoming innovative for companies taking part in clusters and networks, compared with similar companies.',
      ...CEBR_STUDY,
    },
    {
      year: 2016,
      key: 'productivity_growth',
      sortOrder: 30,
      value: 3.6,
      unit: 'percentage_points',
      textDa:
        'højere produktivitetsvækst har virksomheder, der deltager i klynger og netværk, end tilsvarende virksomheder.',
      textEn:
        'higher productivity growth for companies taking part in clusters and networks than for similar companies.',
      ...CEBR_STUDY,
    },
  ],
};

/**
 * When each demo year's accounts came out: late May of the edition year, 10:00 in Copenhagen,
 * after the March deadline and the secretariat's review.
 */
export function demoPublishedAt(year: number): Date {
  return new Date(Date.UTC(year + 1, 4, 24 + (year % 7), 8, 0, 0));
}

export interface SurveyRow {
  denominator: number;
  /** one numerator per share, in the order of the targets */
  numerators: number[];
}

/**
 * Adjusts organisations' survey answers so that the shares over all of them (sum of numerators over
 * sum of denominators) are exactly `targets`: the total number of responses is rounded up to a
 * multiple of `step` (so a share like 0.55 is a whole number of answers) on the largest
 * organisation, then each share's difference is spread over the organisations, largest first,
 * never beyond 0 or an organisation's own responses. Deterministic; the rows are not changed.
 */
export function balanceSurveyShares(rows: SurveyRow[], targets: number[], step = 100): SurveyRow[] {
  const result = rows.map((row) => ({ denominator: row.denominator, numerators: [...row.numerators] }));
  if (result.length === 0) return result;
  const order = result
    .map((row, index) => ({ index, denominator: row.denominator }))
    .sort((a, b) => b.denominator - a.denominator || a.index - b.index)
    .map((entry) => entry.index);
  const total = result.reduce((sum, row) => sum + row.denominator, 0);
  present(result[present(order[0])]).denominator += Math.ceil(total / step) * step - total;
  const responses = Math.ceil(total / step) * step;
  targets.forEach((share, k) => {
    let difference =
      Math.round(share * responses) - result.reduce((sum, row) => sum + present(row.numerators[k]), 0);
    for (const index of order) {
      if (difference === 0) break;
      const row = present(result[index]);
      const change =
        difference > 0
          ? Math.min(difference, row.denominator - present(row.numerators[k]))
          : -Math.min(-difference, present(row.numerators[k]));
      row.numerators[k] = present(row.numerators[k]) + change;
      difference -= change;
    }
    if (difference !== 0)
      throw new Error(`survey share ${share} cannot be reached with ${responses} responses`);
  });
  return result;
}

/** Balances the survey answers of a year's submissions to the year's targets (see balanceSurveyShares). */
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

export type Random = () => number;
export const between = (random: Random, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));

function shuffle<T>(items: T[], random: Random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [present(result[j]), present(result[i])];
  }
  return result;
}

export const FIELDS = [
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
/** The English form of each field name, kept by the secretariat like the Danish one. */
export const FIELD_NAMES_EN: Record<(typeof FIELDS)[number], string> = {
  'Energi og klima': 'Energy and climate',
  'Sundhed og velfærd': 'Health and welfare',
  Fødevarer: 'Food',
  'Digitalisering og IKT': 'Digitalisation and ICT',
  'Produktion og robotter': 'Manufacturing and robotics',
  'Miljø og vand': 'Environment and water',
  Byggeri: 'Construction',
  'Transport og logistik': 'Transport and logistics',
  'Turisme og oplevelser': 'Tourism and experiences',
  'Design og kreative erhverv': 'Design and creative industries',
  'Maritime erhverv': 'Maritime industries',
  'Life science': 'Life science',
};
export const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('da') + text.slice(1);

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
  field: (typeof FIELDS)[number];
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
    const field = present(FIELDS[index % FIELDS.length]);
    const region = present(REGIONS[(index * 3 + (kind === 'cluster' ? 0 : 1)) % REGIONS.length]);
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

export const activeIn = (organisation: DemoOrganisation, year: number) =>
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
  return present(candidates[candidates.length - 1]);
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
      present(lists.get(organisation.slug)).push({
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
