import { must } from '../helpers/must';
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, participants, publications, submissions, submissionValues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { submissionMessages } from '@/lib/submissions/messages';
import {
  loadCompanyListForDownload,
  loadSubmissionForm,
  loadSubmissionForReview,
} from '@/lib/submissions/queries';
import { parseCompanyCsv } from '@/lib/submissions/rules';
import { saveSubmission, uploadCompanyList } from '@/lib/submissions/save';
import { updateSubmissionState } from '@/lib/submissions/store';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { inWords } from '../helpers/in-words';
import { createOrganisation, createSubmission, createUser, createYear, validCvrs } from '../helpers/fixtures';

let database: TestDatabase;
const YEAR = 2021;
const NOW = new Date('2022-02-01T10:00:00Z');
const messages = { en: submissionMessages('en'), da: submissionMessages('da') };

const actorFor = (
  user: { id: number; email: string; role: 'admin' | 'staff' },
  organisationIds: number[],
): Actor => ({
  userId: user.id,
  email: user.email,
  name: 'Test',
  role: user.role,
  organisationIds,
  // an admin acts only with a second factor enrolled (issue 3)
  totpEnabled: user.role === 'admin',
});

async function staffOf() {
  const { db } = database;
  const organisation = await createOrganisation(db);
  const user = await createUser(db, { organisationIds: [organisation.id] });
  return { organisation, actor: actorFor(user, [organisation.id]) };
}

const save = (
  actor: Actor | null,
  orgSlug: string,
  fields: Record<string, string>,
  options: {
    version?: number;
    intent?: 'draft' | 'submit';
    locale?: 'da' | 'en';
    now?: Date;
    year?: number;
  } = {},
) =>
  inWordsOf(
    options.locale ?? 'en',
    saveSubmission(database.db, actor, {
      orgSlug,
      year: options.year ?? YEAR,
      version: options.version ?? 0,
      intent: options.intent ?? 'draft',
      fields,
      locale: options.locale ?? 'en',
      now: options.now ?? NOW,
    }),
  );

const upload = (actor: Actor, orgSlug: string, csv: string, version: number, locale: 'da' | 'en' = 'en') =>
  inWordsOf(
    locale,
    uploadCompanyList(database.db, actor, { orgSlug, year: YEAR, version, csv, locale, now: NOW }),
  );

/** The failure's keys in words, as the form shows them (lib/actions/messages.ts). */
async function inWordsOf<R extends { ok: boolean }>(locale: 'da' | 'en', result: Promise<R>) {
  return inWords(await result, locale) as R & { lines?: string[] };
}

async function storedValues(organisationId: number) {
  const [submission] = await database.db
    .select()
    .from(submissions)
    .where(and(eq(submissions.organisationId, organisationId), eq(submissions.year, YEAR)));
  if (!submission) return { submission: null, values: 0, companies: 0 };
  const [values] = await database.db
    .select({ n: count() })
    .from(submissionValues)
    .where(eq(submissionValues.submissionId, submission.id));
  const [companies] = await database.db
    .select({ n: count() })
    .from(participants)
    .where(eq(participants.submissionId, submission.id));
  return { submission, values: must(values).n, companies: must(companies).n };
}

const FULL = { participants: '100', new_ideas: '20', new_competences: '30', new_products: '10' };

beforeAll(async () => {
  database = await createTestDatabase();
  await createYear(database.db, YEAR - 1, 'closed');
  await createYear(database.db, YEAR, 'open', { opensOn: '2022-01-01', deadline: '2022-03-01' });
});
afterAll(async () => database?.destroy());

describe('save draft and submit', () => {
  it('saves a draft with some fields empty, then submits when the required ones are there', async () => {
    const { organisation, actor } = await staffOf();
    const draft = await save(actor, organisation.slug, { participants: '100', innovation_projects: '4' });
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(draft.value.submission).toMatchObject({ state: 'draft', version: 2 });

    const incomplete = await save(
      actor,
      organisation.slug,
      { participants: '100' },
      { version: 2, intent: 'submit' },
    );
    expect(incomplete).toMatchObject({ ok: false, kind: 'invalid' });
    if (!incomplete.ok && incomplete.kind === 'invalid')
      expect(Object.keys(must(incomplete.fieldErrors)).sort()).toEqual([
        'new_competences',
        'new_ideas',
        'new_products',
      ]);
    expect((await storedValues(organisation.id)).submission).toMatchObject({ state: 'draft', version: 2 });

    const submitted = await save(actor, organisation.slug, FULL, { version: 2, intent: 'submit' });
    expect(submitted.ok && submitted.value.submission).toMatchObject({ state: 'submitted', version: 3 });
    // innovation_projects was left empty this time: the value is removed
    expect((await storedValues(organisation.id)).values).toBe(4);

    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'submission'), eq(auditEvents.organisationId, organisation.id)));
    expect(events.map((event) => event.action)).toEqual([
      'submission.created',
      'submission.saved',
      'submission.submitted',
      // the receipt mail to the organisation's staff (issue 16), after the submission
      'submission.receipt_sent',
    ]);
    const submittedEvent = must(events[2]);
    expect(submittedEvent.before).toMatchObject({
      state: 'draft',
      version: 2,
      values: { innovation_projects: { value: 4 }, new_ideas: null },
    });
    expect(submittedEvent.after).toMatchObject({
      state: 'submitted',
      version: 3,
      values: { new_ideas: { value: 20 }, innovation_projects: null },
    });

    // read-only once submitted
    const again = await save(actor, organisation.slug, FULL, { version: 3 });
    expect(again).toMatchObject({ ok: false, kind: 'invalid', message: messages.en.text.readOnly });
    const view = await loadSubmissionForm(
      database.db,
      actor,
      { orgSlug: organisation.slug, year: YEAR },
      NOW,
    );
    expect(view.ok && view.value.editable).toBe(false);
  });

  it('refuses new_ideas above participants with the message and stores nothing', async () => {
    const { organisation, actor } = await staffOf();
    const result = await save(
      actor,
      organisation.slug,
      { participants: '10', new_ideas: '11' },
      { locale: 'da' },
    );
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    if (!result.ok && result.kind === 'invalid')
      expect(must(must(result.fieldErrors).new_ideas)[0]).toBe(
        'Virksomheder, der har udviklet nye idéer: kan ikke være større end Deltagende virksomheder (10). Ret et af tallene.',
      );
    expect((await storedValues(organisation.id)).submission).toBeNull();
  });

  it.each([
    ['-1', 'negative'],
    ['2,5', 'whole number'],
    ['lots', 'enter a whole number'],
    ['99999999', 'too large'],
  ])('refuses %s with a message and stores nothing', async (text, fragment) => {
    const { organisation, actor } = await staffOf();
    const result = await save(actor, organisation.slug, { innovation_projects: text });
    expect(result.ok).toBe(false);
    if (!result.ok && result.kind === 'invalid')
      expect(must(must(result.fieldErrors).innovation_projects)[0]).toContain(fragment);
    expect((await storedValues(organisation.id)).submission).toBeNull();
  });

  it('refuses a share numerator above its denominator', async () => {
    const { organisation, actor } = await staffOf();
    const result = await save(actor, organisation.slug, {
      survey_innovation: '12',
      survey_innovation_denominator: '10',
    });
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    const good = await save(actor, organisation.slug, {
      survey_innovation: '6',
      survey_innovation_denominator: '10',
    });
    expect(good.ok).toBe(true);
    const view = await loadSubmissionForm(
      database.db,
      actor,
      { orgSlug: organisation.slug, year: YEAR },
      NOW,
    );
    expect(view.ok && view.value.values.survey_innovation).toMatchObject({ value: 6, denominator: 10 });
  });

  it('returned → fixed and resubmitted; the remark shows on the timeline', async () => {
    const { organisation, actor } = await staffOf();
    const first = await save(actor, organisation.slug, FULL, { intent: 'submit' });
    if (!first.ok) throw new Error('setup');
    // what the secretariat's return does (lib/review), through the same version rule
    const returned = await updateSubmissionState(
      database.db,
      first.value.submission.id,
      first.value.submission.version,
      {
        state: 'returned',
        remark: 'Check new_products',
        returnedAt: NOW,
      },
    );
    expect(returned).toMatchObject({ state: 'returned', version: first.value.submission.version + 1 });
    // a stale version changes nothing
    expect(
      await updateSubmissionState(database.db, first.value.submission.id, first.value.submission.version, {
        state: 'approved',
      }),
    ).toBeNull();
    const view = await loadSubmissionForm(
      database.db,
      actor,
      { orgSlug: organisation.slug, year: YEAR },
      NOW,
    );
    expect(view.ok && view.value.editable).toBe(true);
    const resubmitted = await save(
      actor,
      organisation.slug,
      { ...FULL, new_products: '12' },
      { version: must(returned).version, intent: 'submit' },
    );
    expect(resubmitted.ok && resubmitted.value.submission.state).toBe('submitted');
  });
});

describe('closed years and deadlines', () => {
  it('refuses saves after the deadline, unless the organisation has an extension', async () => {
    const { organisation, actor } = await staffOf();
    const late = new Date('2022-03-02T10:00:00Z');
    const refused = await save(actor, organisation.slug, FULL, { now: late });
    expect(refused).toMatchObject({ ok: false, message: messages.en.text.closed });
    expect((await storedValues(organisation.id)).submission).toBeNull();

    const submission = await createSubmission(database.db, { organisationId: organisation.id, year: YEAR });
    await database.db
      .update(submissions)
      .set({ deadlineOverride: '2022-03-20' })
      .where(eq(submissions.id, submission.id));
    const extended = await save(actor, organisation.slug, FULL, { now: late, version: 1 });
    expect(extended.ok).toBe(true);
  });

  it('refuses saves in a closed year', async () => {
    const { organisation, actor } = await staffOf();
    const result = await save(actor, organisation.slug, FULL, { year: YEAR - 1 });
    expect(result).toMatchObject({ ok: false, message: messages.en.text.closed });
  });
});

describe('no lost update', () => {
  it('refuses the second of two saves from the same version and says what changed', async () => {
    const { organisation, actor } = await staffOf();
    const colleague = actorFor(
      await createUser(database.db, {
        email: `colleague-${organisation.slug}@example.org`,
        organisationIds: [organisation.id],
      }),
      [organisation.id],
    );
    const base = await save(actor, organisation.slug, { participants: '100' });
    if (!base.ok) throw new Error('setup');
    const opened = base.value.submission.version;
    const first = await save(colleague, organisation.slug, { participants: '120' }, { version: opened });
    expect(first.ok).toBe(true);
    const second = await save(actor, organisation.slug, { participants: '90' }, { version: opened });
    expect(second).toMatchObject({ ok: false, kind: 'conflict' });
    if (!second.ok && second.kind === 'conflict')
      expect(second.lines).toEqual([
        `colleague-${organisation.slug}@example.org changed Participating companies from 100 to 120`,
      ]);
    const view = await loadSubmissionForm(
      database.db,
      actor,
      { orgSlug: organisation.slug, year: YEAR },
      NOW,
    );
    expect(view.ok && must(view.value.values.participants).value).toBe(120);
  });

  it('lets exactly one of two simultaneous saves from the same version through', async () => {
    const { organisation, actor } = await staffOf();
    const base = await save(actor, organisation.slug, { participants: '100' });
    if (!base.ok) throw new Error('setup');
    const version = base.value.submission.version;
    const results = await Promise.all([
      save(actor, organisation.slug, { participants: '101' }, { version }),
      save(actor, organisation.slug, { participants: '102' }, { version }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.kind === 'conflict')).toHaveLength(1);
    expect(must((await storedValues(organisation.id)).submission).version).toBe(version + 1);
  });

  it('refuses a first save when someone created the submission meanwhile', async () => {
    const { organisation, actor } = await staffOf();
    await save(actor, organisation.slug, { participants: '5' });
    const stale = await save(actor, organisation.slug, { participants: '6' }, { version: 0 });
    expect(stale).toMatchObject({ ok: false, kind: 'conflict' });
  });
});

describe('access', () => {
  it('[staff A] cannot save, upload, read or download org B; nothing changes and the attempt is audited', async () => {
    const staffA = await staffOf();
    // the address the request came from (lib/auth/client-address.ts) goes on the refusal's event
    const a = { ...staffA, actor: { ...staffA.actor, ip: '203.0.113.77' } };
    const b = await staffOf();
    await save(b.actor, b.organisation.slug, { participants: '50' });
    const before = await storedValues(b.organisation.id);

    expect(await save(a.actor, b.organisation.slug, { participants: '1' }, { version: 2 })).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
    expect(await upload(a.actor, b.organisation.slug, `cvr\n${validCvrs(1)[0]}`, 2)).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
    expect(
      await loadSubmissionForm(database.db, a.actor, { orgSlug: b.organisation.slug, year: YEAR }),
    ).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(
      await loadCompanyListForDownload(database.db, a.actor, { orgSlug: b.organisation.slug, year: YEAR }),
    ).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await loadSubmissionForReview(database.db, a.actor, must(before.submission).id)).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
    expect(await save(null, b.organisation.slug, { participants: '1' }, { version: 2 })).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });

    const after = await storedValues(b.organisation.id);
    expect(must(after.submission).version).toBe(must(before.submission).version);
    const denied = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'access.denied'), eq(auditEvents.organisationId, b.organisation.id)));
    expect(denied.length).toBeGreaterThanOrEqual(5);
    expect(must(denied[0]).actorId).toBe(a.actor.userId);
    const byA = denied.filter((event) => event.actorId === a.actor.userId);
    expect(byA.length).toBeGreaterThanOrEqual(5);
    expect(byA.every((event) => event.ip === '203.0.113.77')).toBe(true);
  });
});

describe('company list', () => {
  const cvrs = validCvrs(10, 3000000);

  it('takes the file Danish Excel writes (semicolon, BOM, CRLF) and derives the company figures', async () => {
    const { organisation, actor } = await staffOf();
    const csv = `\uFEFFcvr;dedicated;under_50;new_ideas;new_competences;new_products\r\n${cvrs[0]};1;1;1;0;0\r\n${cvrs[1]};0;1;0;1;0\r\n${cvrs[2]};0;0;0;0;1\r\n`;
    const result = await upload(actor, organisation.slug, csv, 0);
    expect(result.ok && result.value).toMatchObject({
      rows: 3,
      derived: {
        participants: 3,
        dedicated: 1,
        under_50: 2,
        new_ideas: 1,
        new_competences: 1,
        new_products: 1,
      },
    });
    const view = await loadSubmissionForm(
      database.db,
      actor,
      { orgSlug: organisation.slug, year: YEAR },
      NOW,
    );
    expect(view.ok && view.value.companyList).toMatchObject({
      rows: 3,
      derived: { participants: 3 },
      under50: { new_ideas: 1 },
    });
    expect(view.ok && must(view.value.submission).hasCompanyList).toBe(true);

    // typed company figures are ignored when there is a list; the rest still checked
    const saved = await save(
      actor,
      organisation.slug,
      { participants: '999', innovation_projects: '2' },
      { version: 2 },
    );
    expect(saved.ok).toBe(true);
    const values = await loadSubmissionForm(
      database.db,
      actor,
      { orgSlug: organisation.slug, year: YEAR },
      NOW,
    );
    expect(values.ok && values.value.values.participants).toBeUndefined();
    // a typed subset cannot exceed a derived parent, but derived ones are not typed at all
    const submitted = await save(
      actor,
      organisation.slug,
      { innovation_projects: '2' },
      { version: 3, intent: 'submit' },
    );
    expect(submitted.ok).toBe(true);

    const download = await loadCompanyListForDownload(database.db, actor, {
      orgSlug: organisation.slug,
      year: YEAR,
    });
    expect(download.ok && download.value.rows.map((row) => row.cvr)).toEqual([...cvrs.slice(0, 3)].sort());
  });

  it('takes quoted fields and missing columns (= 0), and replaces the previous list', async () => {
    const { organisation, actor } = await staffOf();
    await upload(actor, organisation.slug, `cvr\n${cvrs.slice(0, 5).join('\n')}`, 0);
    const result = await upload(
      actor,
      organisation.slug,
      `"cvr","new_ideas"\n"${cvrs[5]}","1"\n"${cvrs[6]}",""\n`,
      2,
    );
    expect(result.ok && result.value.derived).toMatchObject({
      participants: 2,
      new_ideas: 1,
      dedicated: 0,
      new_products: 0,
    });
    expect((await storedValues(organisation.id)).companies).toBe(2);
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'submission.company_list_uploaded'),
          eq(auditEvents.organisationId, organisation.id),
        ),
      )
      .orderBy(asc(auditEvents.id));
    expect(must(events[1]).before).toMatchObject({ companyList: { rows: 5 } });
    expect(must(events[1]).after).toMatchObject({ companyList: { rows: 2 } });
  });

  it('lists a bad CVR on row 7 and duplicates, and stores nothing', async () => {
    const { organisation, actor } = await staffOf();
    await upload(actor, organisation.slug, `cvr\n${cvrs[0]}`, 0);
    const csv = ['cvr', cvrs[1], cvrs[2], cvrs[3], cvrs[4], cvrs[5], '12345678', cvrs[1]].join('\r\n');
    const result = await upload(actor, organisation.slug, csv, 2, 'da');
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    if (!result.ok && result.kind === 'invalid')
      expect(must(result.fieldErrors).companies).toEqual([
        'Række 7: CVR-nummeret 12345678 er ugyldigt (kontrolcifferet passer ikke).',
        `Række 8: CVR-nummeret ${cvrs[1]} står også i række 2.`,
      ]);
    const stored = await storedValues(organisation.id);
    expect(stored.companies).toBe(1);
    expect(must(stored.submission).version).toBe(2);
  });

  it('refuses a file that is not CSV', async () => {
    const { organisation, actor } = await staffOf();
    const result = await upload(actor, organisation.slug, 'PK\u0003\u0004\u0000\u0000', 0);
    expect(result).toMatchObject({
      ok: false,
      kind: 'invalid',
      fieldErrors: { companies: [messages.en.csv.notCsv] },
    });
    expect((await storedValues(organisation.id)).submission).toBeNull();
  });

  it('imports a 20,000-row list', async () => {
    const { organisation, actor } = await staffOf();
    const many = validCvrs(20_000, 5000000);
    const csv = `cvr;under_50;new_ideas\r\n${many.map((cvr, index) => `${cvr};${index % 2};${index % 5 === 0 ? 1 : 0}`).join('\r\n')}\r\n`;
    const started = performance.now();
    const result = await upload(actor, organisation.slug, csv, 0);
    const elapsed = performance.now() - started;
    console.log(`20,000-row company list: parsed, checked and stored in ${elapsed.toFixed(0)} ms`);
    expect(result.ok && result.value.derived).toMatchObject({
      participants: 20_000,
      under_50: 10_000,
      new_ideas: 4_000,
    });
    expect((await storedValues(organisation.id)).companies).toBe(20_000);
    const parseStarted = performance.now();
    parseCompanyCsv(csv);
    console.log(`  of which parsing and checking: ${(performance.now() - parseStarted).toFixed(0)} ms`);
  });
});

describe('history and review', () => {
  it('keeps each value’s history and the big-change warnings with their explanations', async () => {
    const { db } = database;
    const { organisation, actor } = await staffOf();
    // last year's published figure for the comparison
    await createSubmission(db, {
      organisationId: organisation.id,
      year: YEAR - 1,
      state: 'approved',
      values: { innovation_projects: 10 },
    });
    // a publication of last year holding this organisation's figure (publishYear needs every organisation settled)
    await db.insert(publications).values({
      year: YEAR - 1,
      version: 1,
      snapshot: {
        accounts: { organisations: [{ slug: organisation.slug, values: { innovation_projects: 10 } }] },
        methodology: { da: '', en: '' },
      },
    });

    const first = await save(actor, organisation.slug, { innovation_projects: '11' });
    const second = await save(
      actor,
      organisation.slug,
      { innovation_projects: '30', innovation_projects_comment: 'New programme' },
      { version: 2 },
    );
    expect(first.ok && second.ok).toBe(true);
    const refused = await save(
      actor,
      organisation.slug,
      { ...FULL, innovation_projects: '30' },
      { version: 3, intent: 'submit' },
    );
    expect(refused).toMatchObject({ ok: false, kind: 'invalid' });
    if (!refused.ok && refused.kind === 'invalid')
      expect(Object.keys(must(refused.fieldErrors))).toEqual(['innovation_projects_comment']);

    const view = await loadSubmissionForReview(
      db,
      actorFor({ id: 0, email: 'admin@example.org', role: 'admin' }, []),
      (second.ok && second.value.submission.id) as number,
      NOW,
    );
    if (!view.ok) throw new Error(view.message);
    expect(view.value.lastYear.innovation_projects).toBe(10);
    expect(view.value.warnings).toEqual([{ key: 'innovation_projects', last: 10, current: 30, change: 2 }]);
    // the staff form reads the same figure out of the latest publication only
    await db.insert(publications).values({
      year: YEAR - 1,
      version: 2,
      changeNote: 'correction',
      snapshot: {
        accounts: { organisations: [{ slug: organisation.slug, values: { innovation_projects: 12 } }] },
        methodology: { da: '', en: '' },
      },
    });
    const form = await loadSubmissionForm(db, actor, { orgSlug: organisation.slug, year: YEAR }, NOW);
    if (!form.ok) throw new Error(form.message);
    expect(form.value.lastYear.innovation_projects).toBe(12);
    expect(form.value.warnings).toEqual([{ key: 'innovation_projects', last: 12, current: 30, change: 1.5 }]);
    expect(view.value.values.innovation_projects).toMatchObject({ value: 30, comment: 'New programme' });
    expect(
      must(view.value.valueHistory.innovation_projects).map((change) => [
        change.from?.value ?? null,
        change.to?.value,
      ]),
    ).toEqual([
      [null, 11],
      [11, 30],
    ]);
    expect(view.value.timeline.map((entry) => entry.action)).toEqual([
      'submission.created',
      'submission.saved',
      'submission.saved',
    ]);
  });
});
