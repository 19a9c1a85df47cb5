// The demo data set of DESIGN.md: deterministic (seeded random) and synthetic. The published 2016
// accounts come out at 16,500 / 3,789 / 4,832 / 1,524 net of double counting because the company
// lists are built with exactly that many distinct companies and flags, and at survey shares of
// exactly 56 %, 55 % and 40 % because the survey's numerators and denominators are balanced to
// them; the numbers on the page are computed from these by lib/accounts like any real year's.
import { present } from '@/lib/invariant';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  documentationTexts,
  releases,
  siteProfile,
  evidenceStatements,
  fieldNames,
  indicators,
  memberships,
  organisations,
  reportingYears,
  submissions,
  submissionValues,
  users,
} from '@/db/schema';
import { publishYear } from '@/lib/publications/publish';
import { replaceCompanyList } from '@/lib/submissions/company-list-store';
import { hashPassword } from '@/lib/users/password';
import { ensureCatalogue } from './catalogue';
import {
  activeIn,
  balanceSurveyShares,
  between,
  buildCompanyLists,
  DEMO_ADMIN_EMAIL,
  DEMO_ADMIN_TOTP_SECRET,
  DEMO_DISABLED_EMAIL,
  DEMO_EVIDENCE,
  DEMO_OPEN_YEAR,
  DEMO_PASSWORD,
  DEMO_SURVEY_TARGETS,
  DEMO_TARGETS,
  DEMO_YEARS,
  demoCvrPool,
  demoOrganisations,
  demoPublishedAt,
  FIELD_NAMES_EN,
  FIELDS,
  lowerFirst,
  type Random,
  seededRandom,
} from './demo-data';

export * from './demo-data';

async function balanceDemoSurvey(db: Database, submissionIds: number[], targets: Record<string, number>) {
  const keys = Object.keys(targets);
  const rows = await db
    .select({
      submissionId: submissionValues.submissionId,
      indicatorId: submissionValues.indicatorId,
      key: indicators.key,
      value: submissionValues.value,
      denominator: submissionValues.denominator,
    })
    .from(submissionValues)
    .innerJoin(indicators, eq(indicators.id, submissionValues.indicatorId))
    .where(and(inArray(submissionValues.submissionId, submissionIds), inArray(indicators.key, keys)));
  const bySubmission = new Map<number, typeof rows>();
  for (const row of rows)
    bySubmission.set(row.submissionId, [...(bySubmission.get(row.submissionId) ?? []), row]);
  const ids = [...bySubmission.keys()].sort((a, b) => a - b);
  const surveyRows = ids.map((id) => {
    const own = present(bySubmission.get(id));
    return {
      // one survey per organisation: every share has the same number of responses
      denominator: Number(present(own[0]).denominator),
      numerators: keys.map((key) => Number(own.find((row) => row.key === key)?.value ?? 0)),
    };
  });
  const balanced = balanceSurveyShares(
    surveyRows,
    keys.map((key) => present(targets[key])),
  );
  for (const [position, id] of ids.entries()) {
    for (const [k, key] of keys.entries()) {
      const row = present(bySubmission.get(id)).find((entry) => entry.key === key);
      if (!row) continue;
      const next = {
        value: present(present(balanced[position]).numerators[k]),
        denominator: present(balanced[position]).denominator,
      };
      if (next.value === Number(row.value) && next.denominator === Number(row.denominator)) continue;
      await db
        .update(submissionValues)
        .set(next)
        .where(and(eq(submissionValues.submissionId, id), eq(submissionValues.indicatorId, row.indicatorId)));
    }
  }
}

/** mulberry32: small, fast and the same on every machine. */
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
    indicatorId: present(ids.get(key)),
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
  const adminId = present(admin).id;
  // who publishes the demo's statistics, and its accessibility statement (synthetic, like the rest)
  await db.insert(siteProfile).values({
    publisherDa: 'Sekretariatet for Klyngeregnskab (demo)',
    publisherEn: 'The Klyngeregnskab secretariat (demo)',
    contactEmail: 'klyngeregnskab@example.org',
    accessibilityStatus: 'partial',
    accessibilityAssessedOn: isoDay(today),
    accessibilityMethod: 'self_assessment',
    accessibilityIssuesDa:
      'Regnearkene (XLSX) til download er ikke vurderet for tilgængelighed. De samme tal findes som tabeller på siderne og som CSV-filer.',
    accessibilityIssuesEn:
      'The spreadsheets (XLSX) for download have not been assessed for accessibility. The same figures are on the pages as tables and in the CSV files.',
    updatedBy: adminId,
  });

  await db
    .insert(fieldNames)
    .values(FIELDS.map((field) => ({ nameDa: field, nameEn: FIELD_NAMES_EN[field] })));
  const organisationIds = new Map<string, number>();
  const staffIds = new Map<string, number>();
  for (const organisation of demo) {
    const fieldEn = FIELD_NAMES_EN[organisation.field];
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
            ? `Syntetisk demoklynge inden for ${lowerFirst(organisation.field)}.`
            : `Syntetisk demonetværk inden for ${lowerFirst(organisation.field)}.`,
        descriptionEn:
          organisation.kind === 'cluster'
            ? `A synthetic demo cluster in ${lowerFirst(fieldEn)}.`
            : `A synthetic demo innovation network in ${lowerFirst(fieldEn)}.`,
        activeFrom: organisation.activeFrom,
        activeTo: organisation.activeTo,
      })
      .returning();
    organisationIds.set(organisation.slug, present(row).id);
    const [staff] = await db
      .insert(users)
      .values({
        email: `${organisation.slug}@example.org`,
        name: `Medarbejder, ${organisation.name}`,
        role: 'staff',
        passwordHash,
      })
      .returning();
    staffIds.set(organisation.slug, present(staff).id);
    await db.insert(memberships).values({ userId: present(staff).id, organisationId: present(row).id });
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
  await db.insert(memberships).values({
    userId: present(disabled).id,
    organisationId: present(organisationIds.get(present(demo[0]).slug)),
  });

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
  // the secretariat's own parts of each edition's documentation (the rest is written from the data)
  for (const year of DEMO_YEARS) {
    await db.insert(documentationTexts).values([
      {
        year,
        section: 'content',
        textDa: `Performanceregnskabet følger op på de offentligt støttede klynger og innovationsnetværk. Det skal vise, hvor mange virksomheder der deltager, og hvad deltagelsen fører til: nye idéer, nye kompetencer og nye produkter, serviceydelser eller processer. Dette er demoens syntetiske udgave for aktivitetsåret ${year}.`,
        textEn: `The performance accounts follow up on the publicly funded clusters and innovation networks. They show how many companies take part and what taking part leads to: new ideas, new competences and new products, services or processes. This is the demo's synthetic edition for activity year ${year}.`,
        updatedBy: adminId,
      },
      {
        year,
        section: 'accuracy',
        textDa:
          'Organisationerne vurderer selv, om en virksomhed har fået nye idéer eller kompetencer. Sekretariatet har spurgt ind til tal, der afveg markant fra året før.',
        textEn:
          'The organisations judge for themselves whether a company gained new ideas or competences. The secretariat queried figures that differed markedly from the year before.',
        updatedBy: adminId,
      },
      {
        year,
        section: 'contact',
        textDa: 'Spørgsmål til tallene besvares af sekretariatet inden for fem arbejdsdage.',
        textEn: 'Questions about the figures are answered by the secretariat within five working days.',
        updatedBy: adminId,
      },
    ]);
  }

  for (const year of DEMO_YEARS) {
    const random = seededRandom(year);
    const active = demo.filter((organisation) => activeIn(organisation, year));
    const target = DEMO_TARGETS[year];
    const lists = target ? buildCompanyLists(year, target, active, pool) : null;
    const open = year === DEMO_OPEN_YEAR;
    const approvedIds: number[] = [];
    for (const [index, organisation] of active.entries()) {
      const organisationId = present(organisationIds.get(organisation.slug));
      const staffId = present(staffIds.get(organisation.slug));
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
        await insertValues(db, present(submission).id, ids, {
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
      await insertValues(db, present(submission).id, ids, {
        ...companyValues,
        ...otherValues(random, participantCount, organisation.weight),
      });
      if (list) await replaceCompanyList(db, present(submission).id, list);
      approvedIds.push(present(submission).id);
    }
    if (!open) {
      const surveyTargets = DEMO_SURVEY_TARGETS[year];
      if (surveyTargets) await balanceDemoSurvey(db, approvedIds, surveyTargets);
      const evidence = DEMO_EVIDENCE[year];
      if (evidence)
        await db.insert(evidenceStatements).values(evidence.map((row) => ({ ...row, updatedBy: adminId })));
      // each edition was announced on the release calendar and came out at its minute
      const publishedAt = demoPublishedAt(year);
      const [release] = await db
        .insert(releases)
        .values({ year, version: 1, scheduledAt: publishedAt, announcedAt: publishedAt, createdBy: adminId })
        .returning();
      const result = await publishYear(db, {
        year,
        actorId: adminId,
        actorEmail: DEMO_ADMIN_EMAIL,
        publishedAt,
        releaseId: present(release).id,
      });
      if (!result.ok) throw new Error(`demo seed could not publish ${year}: ${result.message}`);
      await db
        .update(releases)
        .set({
          status: 'published',
          publishedAt,
          publicationId: result.value.publicationId,
          cachesExpiredAt: publishedAt,
        })
        .where(eq(releases.id, present(release).id));
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
