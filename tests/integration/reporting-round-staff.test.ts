// Issue 16, the staff side, against a real database: the kept draft (never over someone else's
// save), derived figures explained like typed ones, the conversation with the secretariat, a
// correction that asks only about what it changes, the XLSX company list under the CSV's rules and
// limits, the receipt mail on submit, and staff inviting a colleague (seen and revocable).
import ExcelJS from 'exceljs';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  authTokens,
  keptDrafts,
  memberships,
  publications,
  submissionMessages,
  submissions,
  submissionValues,
  users,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { answerSecretariat, writeToOrganisation } from '@/lib/conversation/mutations';
import { getConversationForReview } from '@/lib/conversation/queries';
import { getReview } from '@/lib/review/queries';
import { approveSubmission, flagValue, returnSubmission } from '@/lib/review/mutations';
import { parseCompanyXlsx } from '@/lib/submissions/company-list-xlsx';
import { MAX_COMPANY_FILE_BYTES, MAX_COMPANY_ROWS } from '@/lib/submissions/rules';
import { discardKeptDraft, keepDraft } from '@/lib/submissions/kept-drafts';
import { loadPortalOverview, loadSubmissionForm } from '@/lib/submissions/queries';
import { saveSubmission, uploadCompanyList } from '@/lib/submissions/save';
import { companyListTemplateCsv, companyListTemplateXlsx } from '@/lib/submissions/template';
import {
  inviteColleague,
  listColleagues,
  listStaffInvitations,
  MAX_PENDING_INVITATIONS,
  revokeInvitation,
} from '@/lib/users/colleagues';
import { adminActor, staffActor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createSubmission, createUser, createYear, validCvrs } from '../helpers/fixtures';
import { inWords } from '../helpers/in-words';
import { must } from '../helpers/must';
import { decodeMail, openInbox } from '../helpers/smtp-server';
import { xlsxBomb, xlsxOf } from '../helpers/xlsx-files';

const FUTURE_DEADLINE = '2099-03-01';

let database: TestDatabase;
const YEAR = 2021;
const NOW = new Date('2022-02-01T10:00:00Z');
const FULL = { participants: '100', new_ideas: '20', new_competences: '30', new_products: '10' };

/** Last year's published figures, per organisation: every new one adds a version of the publication. */
const published: { slug: string; values: Record<string, number> }[] = [];
async function publishLastYear(slug: string, values: Record<string, number>) {
  published.push({ slug, values });
  await database.db.insert(publications).values({
    year: YEAR - 1,
    version: published.length,
    changeNote: published.length > 1 ? 'another organisation' : null,
    snapshot: { accounts: { organisations: published }, methodology: { da: '', en: '' } },
  });
}

async function organisationWithStaff() {
  const organisation = await createOrganisation(database.db);
  const actor = await staffActor(database.db, [organisation.id]);
  return { organisation, actor };
}

const save = (
  actor: Actor,
  orgSlug: string,
  fields: Record<string, string>,
  options: { version?: number; intent?: 'draft' | 'submit'; smtp?: string } = {},
) =>
  saveSubmission(
    database.db,
    actor,
    {
      orgSlug,
      year: YEAR,
      version: options.version ?? 0,
      intent: options.intent ?? 'draft',
      fields,
      locale: 'en',
      now: NOW,
    },
    { config: configWith(options.smtp), locale: 'en' },
  ).then((result) => inWords(result, 'en'));

/** The configuration with mail going to `smtp` (a test inbox), or nowhere (logged). */
const configWith = (smtp?: string): NodeJS.ProcessEnv => ({
  NODE_ENV: 'test',
  ...(smtp ? { SMTP_URL: smtp } : {}),
});

const formOf = async (actor: Actor, orgSlug: string) => {
  const view = await loadSubmissionForm(database.db, actor, { orgSlug, year: YEAR }, NOW);
  if (!view.ok) throw new Error(view.message);
  return view.value;
};

const fieldErrorsOf = (result: { ok: boolean; fieldErrors?: Record<string, unknown> }) =>
  result.ok ? {} : (result.fieldErrors ?? {});

beforeAll(async () => {
  database = await createTestDatabase();
  await createYear(database.db, YEAR - 1, 'closed');
  await createYear(database.db, YEAR, 'open', { opensOn: '2022-01-01', deadline: '2022-03-01' });
});
afterAll(async () => database?.destroy());

describe('the kept draft', () => {
  it('keeps what was typed for its typist alone, puts it back, and saving the report removes it', async () => {
    const { db } = database;
    const { organisation, actor } = await organisationWithStaff();
    const kept = await keepDraft(db, actor, {
      orgSlug: organisation.slug,
      year: YEAR,
      version: 0,
      typed: { participants: '120', innovation_projects: '4' },
      opened: { participants: '', innovation_projects: '' },
      locale: 'en',
      now: NOW,
    });
    expect(kept).toMatchObject({ ok: true, value: { kept: 2 } });
    // nothing of the report: no submission, no version, no timeline entry
    expect(
      await db.select().from(submissions).where(eq(submissions.organisationId, organisation.id)),
    ).toEqual([]);
    const view = await formOf(actor, organisation.slug);
    expect(view.keptDraft).toMatchObject({
      fields: { participants: '120', innovation_projects: '4' },
      restored: ['participants', 'innovation_projects'],
      conflicts: [],
    });
    expect(view.timeline).toEqual([]);
    // a colleague sees the report, not someone else's typing
    const colleague = await staffActor(db, [organisation.id]);
    expect((await formOf(colleague, organisation.slug)).keptDraft).toBeNull();
    // the audit trail says which fields were kept, never what was typed
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'kept_draft.kept'));
    expect(event?.after).toEqual({ fields: ['participants', 'innovation_projects'], baseVersion: 0 });
    expect(JSON.stringify(event)).not.toContain('120');

    const saved = await save(actor, organisation.slug, { participants: '120', innovation_projects: '4' });
    expect(saved.ok).toBe(true);
    expect(await db.select().from(keptDrafts).where(eq(keptDrafts.organisationId, organisation.id))).toEqual(
      [],
    );
    expect((await formOf(actor, organisation.slug)).keptDraft).toBeNull();
  });

  it('never puts kept typing over a figure someone else saved since; keeps the rest', async () => {
    const { db } = database;
    const { organisation, actor } = await organisationWithStaff();
    const colleague = await staffActor(db, [organisation.id]);
    const first = await save(colleague, organisation.slug, { participants: '100', innovation_projects: '2' });
    expect(first.ok).toBe(true);
    // opened at version 2; types two figures and leaves without saving
    await keepDraft(db, actor, {
      orgSlug: organisation.slug,
      year: YEAR,
      version: 2,
      typed: { participants: '150', innovation_projects: '5' },
      opened: { participants: '100', innovation_projects: '2' },
      locale: 'en',
      now: NOW,
    });
    // meanwhile the colleague saves participants again
    const second = await save(
      colleague,
      organisation.slug,
      { participants: '130', innovation_projects: '2' },
      { version: 2 },
    );
    expect(second.ok).toBe(true);
    const view = await formOf(actor, organisation.slug);
    expect(view.keptDraft?.fields).toMatchObject({ participants: '130', innovation_projects: '5' });
    expect(view.keptDraft?.restored).toEqual(['innovation_projects']);
    expect(view.keptDraft?.conflicts).toEqual([{ name: 'participants', mine: '150', theirs: '130' }]);
    // and the report still holds the colleague's figures: keeping a draft wrote nothing to it
    expect(view.values.participants?.value).toBe(130);
    expect(view.submission?.version).toBe(3);
  });

  it('refuses fields the form does not have, and a closed year; discarding removes it', async () => {
    const { db } = database;
    const { organisation, actor } = await organisationWithStaff();
    const keep = (typed: Record<string, unknown>, now = NOW) =>
      keepDraft(db, actor, {
        orgSlug: organisation.slug,
        year: YEAR,
        version: 0,
        typed,
        opened: {},
        locale: 'en',
        now,
      });
    expect(await keep({ not_an_indicator: '1' })).toMatchObject({ ok: false, kind: 'invalid' });
    expect(await keep({ participants: 'x\u0000' })).toMatchObject({ ok: false, kind: 'invalid' });
    expect(await keep({ participants: 12 })).toMatchObject({ ok: false, kind: 'invalid' });
    expect(await keep({ participants: '1' }, new Date('2022-03-02T10:00:00Z'))).toMatchObject({
      ok: false,
      message: 'portal.messages.closed',
    });
    expect(await db.select().from(keptDrafts).where(eq(keptDrafts.organisationId, organisation.id))).toEqual(
      [],
    );
    expect((await keep({ participants: '1' })).ok).toBe(true);
    const discarded = await discardKeptDraft(db, actor, { orgSlug: organisation.slug, year: YEAR });
    expect(discarded).toMatchObject({ ok: true, value: { discarded: true } });
    expect((await formOf(actor, organisation.slug)).keptDraft).toBeNull();
  });

  it('[staff B] cannot keep or discard a draft of organisation A; the attempt is audited', async () => {
    const { db } = database;
    const { organisation } = await organisationWithStaff();
    const other = await createOrganisation(db);
    const outsider = await staffActor(db, [other.id]);
    const refused = await keepDraft(db, outsider, {
      orgSlug: organisation.slug,
      year: YEAR,
      version: 0,
      typed: { participants: '1' },
      opened: {},
      now: NOW,
    });
    expect(refused).toMatchObject({ ok: false, kind: 'forbidden' });
    expect((await discardKeptDraft(db, outsider, { orgSlug: organisation.slug, year: YEAR })).ok).toBe(false);
    const [denied] = await db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'access.denied'), eq(auditEvents.organisationId, organisation.id)));
    expect(denied?.n).toBe(2);
    expect(await db.select().from(keptDrafts).where(eq(keptDrafts.organisationId, organisation.id))).toEqual(
      [],
    );
  });
});

describe('figures from the company list get the ±50 % rule', () => {
  it('asks for the explanation of a derived figure, stores it, and the reviewer reads it', async () => {
    const { db } = database;
    const { organisation, actor } = await organisationWithStaff();
    await publishLastYear(organisation.slug, {
      participants: 568,
      new_ideas: 2,
      new_competences: 2,
      new_products: 1,
    });
    const cvrs = validCvrs(10, 5_100_000);
    const csv = `cvr,new_ideas,new_competences,new_products\n${cvrs.map((cvr) => `${cvr},1,1,0`).join('\n')}\n`;
    const uploaded = await uploadCompanyList(db, actor, {
      orgSlug: organisation.slug,
      year: YEAR,
      version: 0,
      csv,
      now: NOW,
    });
    expect(uploaded.ok).toBe(true);
    const view = await formOf(actor, organisation.slug);
    expect(view.warnings.map((warning) => warning.key)).toContain('participants');

    const withoutExplanation = await save(actor, organisation.slug, {}, { version: 2, intent: 'submit' });
    expect(withoutExplanation).toMatchObject({ ok: false, kind: 'invalid' });
    expect(fieldErrorsOf(withoutExplanation)).toMatchObject({
      participants_comment: [expect.stringContaining('differs by more than 50%')],
    });
    // and so are new_ideas and new_competences (2 → 10) and new_products (1 → 0)
    expect(Object.keys(fieldErrorsOf(withoutExplanation)).sort()).toEqual([
      'new_competences_comment',
      'new_ideas_comment',
      'new_products_comment',
      'participants_comment',
    ]);
    expect((await formOf(actor, organisation.slug)).submission?.state).toBe('draft');

    const submitted = await save(
      actor,
      organisation.slug,
      {
        participants_comment: 'We count from the CVR list now; 568 were newsletter readers.',
        new_ideas_comment: 'A new programme.',
        new_competences_comment: 'A new programme.',
        new_products_comment: 'None this year.',
      },
      { version: 2, intent: 'submit' },
    );
    expect(submitted.ok).toBe(true);
    if (!submitted.ok) return;
    // stored with the count from the list, the figure the explanation is about
    const stored = await db
      .select({ value: submissionValues.value, comment: submissionValues.comment })
      .from(submissionValues)
      .where(eq(submissionValues.submissionId, submitted.value.submission.id));
    expect(stored).toEqual(
      expect.arrayContaining([
        { value: 10, comment: 'We count from the CVR list now; 568 were newsletter readers.' },
        { value: 10, comment: 'A new programme.' },
      ]),
    );
    const admin = await adminActor(db);
    const review = await getReview(db, admin, submitted.value.submission.id);
    if (!review.ok) throw new Error(review.message);
    // the review compares with last year's approved submission: none here, so no warnings; the
    // explanation is stored with the derived figure and shown with it
    const participantsRow = review.value.rows.find((entry) => entry.key === 'participants');
    expect(participantsRow?.current).toMatchObject({
      value: 10,
      comment: 'We count from the CVR list now; 568 were newsletter readers.',
    });
    // the staff's read-only view shows the explanation with the figure
    const after = await formOf(actor, organisation.slug);
    expect(after.values.participants).toMatchObject({
      value: 10,
      comment: expect.stringContaining('CVR list'),
    });
  });

  it('the reviewer sees a derived figure’s explanation in the warning against last year’s approved report', async () => {
    const { db } = database;
    const { organisation, actor } = await organisationWithStaff();
    await createSubmission(db, {
      organisationId: organisation.id,
      year: YEAR - 1,
      state: 'approved',
      values: { participants: 568, new_ideas: 10, new_competences: 10, new_products: 5 },
    });
    await publishLastYear(organisation.slug, {
      participants: 568,
      new_ideas: 10,
      new_competences: 10,
      new_products: 5,
    });
    const cvrs = validCvrs(10, 5_200_000);
    const csv = `cvr,new_ideas,new_competences,new_products\n${cvrs.map((cvr, i) => `${cvr},1,1,${i < 5 ? 1 : 0}`).join('\n')}\n`;
    await uploadCompanyList(db, actor, { orgSlug: organisation.slug, year: YEAR, version: 0, csv, now: NOW });
    const submitted = await save(
      actor,
      organisation.slug,
      { participants_comment: 'Counted from the CVR list.' },
      { version: 2, intent: 'submit' },
    );
    expect(submitted.ok).toBe(true);
    if (!submitted.ok) return;
    const review = await getReview(db, await adminActor(db), submitted.value.submission.id);
    if (!review.ok) throw new Error(review.message);
    expect(review.value.warnings).toEqual([
      expect.objectContaining({
        key: 'participants',
        last: 568,
        current: 10,
        explanation: 'Counted from the CVR list.',
      }),
    ]);
  });
});

describe('a correction asks only about what it changes', () => {
  it('returned after approval: the approved big changes need no new explanation, a new one does', async () => {
    const { db } = database;
    const { organisation, actor } = await organisationWithStaff();
    await publishLastYear(organisation.slug, {
      participants: 100,
      new_ideas: 20,
      new_competences: 30,
      new_products: 10,
      innovation_projects: 10,
      international_participants: 10,
    });
    // approved before the trail kept values (as the demo's years are): no explanations anywhere
    const submission = await createSubmission(db, {
      organisationId: organisation.id,
      year: YEAR,
      state: 'approved',
      values: {
        participants: 100,
        new_ideas: 20,
        new_competences: 30,
        new_products: 10,
        innovation_projects: 40,
        international_participants: 40,
      },
    });
    const admin = await adminActor(db);
    const returned = await returnSubmission(db, admin, {
      submissionId: submission.id,
      version: submission.version,
      remark: 'Please correct the number of international participants.',
      // the year's deadline has passed: a return gives staff a new one (issue 16, item 7)
      deadline: FUTURE_DEADLINE,
    });
    expect(returned.ok).toBe(true);
    const view = await formOf(actor, organisation.slug);
    // in the form's order
    expect(view.warnings).toEqual([
      expect.objectContaining({ key: 'international_participants', settled: true }),
      expect.objectContaining({ key: 'innovation_projects', settled: true }),
    ]);
    // corrects one figure to another big change: only that one is asked about
    const corrected = await save(
      actor,
      organisation.slug,
      { ...FULL, innovation_projects: '40', international_participants: '35' },
      { version: 2, intent: 'submit' },
    );
    expect(corrected).toMatchObject({ ok: false, kind: 'invalid' });
    expect(Object.keys(fieldErrorsOf(corrected))).toEqual(['international_participants_comment']);
    const explained = await save(
      actor,
      organisation.slug,
      {
        ...FULL,
        innovation_projects: '40',
        international_participants: '35',
        international_participants_comment: 'Five were counted twice.',
      },
      { version: 2, intent: 'submit' },
    );
    expect(explained.ok).toBe(true);
    // the review says the settled one was approved before, not "no explanation given"
    const review = await getReview(db, admin, submission.id);
    if (!review.ok) throw new Error(review.message);
    expect(review.value.warnings).toEqual([]); // no approved report last year to compare with
  });

  it('keeps the explanations answered before and the review marks a figure unchanged since approval', async () => {
    const { db } = database;
    const { organisation, actor } = await organisationWithStaff();
    const lastYear = {
      participants: 100,
      new_ideas: 20,
      new_competences: 30,
      new_products: 10,
      innovation_projects: 10,
    };
    await createSubmission(db, {
      organisationId: organisation.id,
      year: YEAR - 1,
      state: 'approved',
      values: lastYear,
    });
    await publishLastYear(organisation.slug, lastYear);
    const first = await save(
      actor,
      organisation.slug,
      { ...FULL, innovation_projects: '40', innovation_projects_comment: 'A new programme.' },
      { intent: 'submit' },
    );
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const admin = await adminActor(db);
    const approved = await approveSubmission(db, admin, {
      submissionId: first.value.submission.id,
      version: first.value.submission.version,
    });
    expect(approved.ok).toBe(true);
    await returnSubmission(db, admin, {
      submissionId: first.value.submission.id,
      version: first.value.submission.version + 1,
      remark: 'One more look.',
      // the year's deadline has passed: a return gives staff a new one (issue 16, item 7)
      deadline: FUTURE_DEADLINE,
    });
    const view = await formOf(actor, organisation.slug);
    // the answered explanation is still with its figure
    expect(view.values.innovation_projects?.comment).toBe('A new programme.');
    expect(view.warnings).toEqual([expect.objectContaining({ key: 'innovation_projects', settled: true })]);
    // the explanation emptied: still settled, so the submit goes through
    const resubmitted = await save(
      actor,
      organisation.slug,
      { ...FULL, innovation_projects: '40' },
      { version: first.value.submission.version + 2, intent: 'submit' },
    );
    expect(resubmitted.ok).toBe(true);
    const review = await getReview(db, admin, first.value.submission.id);
    if (!review.ok) throw new Error(review.message);
    expect(review.value.warnings).toEqual([
      expect.objectContaining({ key: 'innovation_projects', explanation: null, settled: true }),
    ]);
    expect(review.value.changesSinceApproval).toEqual([]);
  });
});

describe('the conversation with the secretariat', () => {
  async function submittedReport() {
    const { db } = database;
    const { organisation, actor } = await organisationWithStaff();
    const submitted = await save(
      actor,
      organisation.slug,
      { ...FULL, innovation_projects: '4' },
      { intent: 'submit' },
    );
    if (!submitted.ok) throw new Error(submitted.message);
    return { organisation, actor, submission: submitted.value.submission, admin: await adminActor(db) };
  }

  it('a flag’s note reaches staff, who answer it; the secretariat reads the answer; no version is bumped', async () => {
    const { db } = database;
    const { organisation, actor, submission, admin } = await submittedReport();
    const flagged = await flagValue(db, admin, {
      submissionId: submission.id,
      indicatorKey: 'innovation_projects',
      flagged: true,
      note: 'Hvilke projekter? Send liste.',
    });
    expect(flagged.ok).toBe(true);
    const overview = await loadPortalOverview(db, actor, NOW);
    if (!overview.ok) throw new Error(overview.message);
    expect(
      overview.value.entries.find((entry) => entry.organisation.id === organisation.id)?.openQuestions,
    ).toBe(1);
    const view = await formOf(actor, organisation.slug);
    expect(view.threads).toEqual([
      expect.objectContaining({
        indicatorKey: 'innovation_projects',
        open: true,
        awaitingAnswer: true,
        messages: [
          expect.objectContaining({
            kind: 'flag',
            body: 'Hvilke projekter? Send liste.',
            fromSecretariat: true,
          }),
        ],
      }),
    ]);
    // answered while the report is submitted (read-only for its figures)
    const answered = await answerSecretariat(db, actor, {
      orgSlug: organisation.slug,
      year: YEAR,
      indicatorKey: 'innovation_projects',
      body: 'Projekterne A, B, C og D; listen er sendt.',
    });
    expect(answered.ok).toBe(true);
    const conversation = await getConversationForReview(db, admin, submission.id);
    if (!conversation.ok) throw new Error(conversation.message);
    expect(conversation.value[0]).toMatchObject({
      indicatorKey: 'innovation_projects',
      awaitingAnswer: false,
      messages: [
        { kind: 'flag', fromSecretariat: true },
        {
          kind: 'message',
          fromSecretariat: false,
          body: 'Projekterne A, B, C og D; listen er sendt.',
          authorEmail: actor.email,
        },
      ],
    });
    const [after] = await db.select().from(submissions).where(eq(submissions.id, submission.id));
    expect(after?.version).toBe(submission.version);
    const overviewAfter = await loadPortalOverview(db, actor, NOW);
    if (!overviewAfter.ok) throw new Error(overviewAfter.message);
    expect(
      overviewAfter.value.entries.find((entry) => entry.organisation.id === organisation.id)?.openQuestions,
    ).toBe(0);
    // the secretariat writes back; the timeline tells both
    expect(
      (
        await writeToOrganisation(db, admin, {
          submissionId: submission.id,
          indicatorKey: 'innovation_projects',
          body: 'Tak.',
        })
      ).ok,
    ).toBe(true);
    const timeline = (await formOf(actor, organisation.slug)).timeline.map((entry) => entry.action);
    expect(timeline).toEqual(expect.arrayContaining(['value.flag', 'submission.message']));
  });

  it('a return’s remark is the first message about the whole report, and can be answered', async () => {
    const { db } = database;
    const { organisation, actor, submission, admin } = await submittedReport();
    await returnSubmission(db, admin, {
      submissionId: submission.id,
      version: submission.version,
      remark: 'Tjek tallene.',
      // the year's deadline has passed: a return gives staff a new one (issue 16, item 7)
      deadline: FUTURE_DEADLINE,
    });
    const view = await formOf(actor, organisation.slug);
    expect(view.threads[0]).toMatchObject({
      indicatorKey: null,
      awaitingAnswer: true,
      messages: [{ kind: 'return', body: 'Tjek tallene.', fromSecretariat: true }],
    });
    expect(view.timeline.at(-1)?.action).toBe('submission.return');
    const answered = await answerSecretariat(db, actor, {
      orgSlug: organisation.slug,
      year: YEAR,
      indicatorKey: '',
      body: 'Rettet.',
    });
    expect(answered.ok).toBe(true);
    expect((await formOf(actor, organisation.slug)).threads[0]?.awaitingAnswer).toBe(false);
  });

  it('refuses an empty, over-long or unstorable answer, an answer nobody asked for, and staff of another organisation', async () => {
    const { db } = database;
    const { organisation, actor, submission, admin } = await submittedReport();
    await flagValue(db, admin, {
      submissionId: submission.id,
      indicatorKey: 'participants',
      flagged: true,
      note: '',
    });
    const answer = (who: Actor, indicatorKey: string, body: unknown) =>
      answerSecretariat(db, who, { orgSlug: organisation.slug, year: YEAR, indicatorKey, body }).then(
        (result) => inWords(result, 'en'),
      );
    expect(await answer(actor, 'participants', '  ')).toMatchObject({
      ok: false,
      kind: 'invalid',
      fieldErrors: { body: ['Write an answer.'] },
    });
    expect(await answer(actor, 'participants', 'x'.repeat(2001))).toMatchObject({
      fieldErrors: { body: ['The answer can be at most 2,000 characters.'] },
    });
    expect(await answer(actor, 'participants', 'a\u0000b')).toMatchObject({ ok: false, kind: 'invalid' });
    expect(await answer(actor, 'new_products', 'Unasked.')).toMatchObject({
      ok: false,
      message: 'The secretariat has not asked anything here; nothing was sent.',
    });
    expect(await answer(actor, 'no_such_indicator', 'Hm.')).toMatchObject({ ok: false, kind: 'not_found' });
    const outsider = await staffActor(db, [(await createOrganisation(db)).id]);
    expect(await answer(outsider, 'participants', 'Not mine.')).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
    expect(
      await writeToOrganisation(db, actor, {
        submissionId: submission.id,
        indicatorKey: '',
        body: 'Staff posing.',
      }),
    ).toMatchObject({ ok: false, kind: 'forbidden' });
    const messages = await db
      .select()
      .from(submissionMessages)
      .where(eq(submissionMessages.submissionId, submission.id));
    // only the flag
    expect(messages.map((message) => message.kind)).toEqual(['flag']);
  });
});

describe('the company list as an Excel workbook', () => {
  async function workbook(rows: (string | number)[][], sheets = 1): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Virksomheder');
    for (const row of rows) sheet.addRow(row);
    for (let n = 1; n < sheets; n++) book.addWorksheet(`Ark ${n}`).addRow(['ignored']);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it('takes a list Excel saved, with numbers and text cells, and derives the same figures as the CSV', async () => {
    const { db } = database;
    const { organisation, actor } = await organisationWithStaff();
    const cvrs = validCvrs(4, 5_300_000);
    const bytes = await workbook(
      [
        ['CVR', 'Navn', 'new_ideas', 'under_50'],
        [Number(cvrs[0]), 'Alfa ApS', 1, 1],
        [must(cvrs[1]), 'Beta A/S', 0, 1],
        [Number(cvrs[2]), 'Gamma', 1, 0],
        [must(cvrs[3]), 'Delta', '', ''],
      ],
      2,
    );
    const uploaded = await uploadCompanyList(db, actor, {
      orgSlug: organisation.slug,
      year: YEAR,
      version: 0,
      xlsx: bytes,
      filename: 'virksomheder.xlsx',
      now: NOW,
    });
    expect(uploaded).toMatchObject({
      ok: true,
      value: { rows: 4, derived: { participants: 4, new_ideas: 2, under_50: 2 } },
    });
  });

  it('the CSV’s rules with the spreadsheet’s row numbers: a bad CVR, a duplicate, a bad flag; nothing stored', async () => {
    const { db } = database;
    const { organisation, actor } = await organisationWithStaff();
    const cvrs = validCvrs(2, 5_400_000);
    const bytes = await workbook([
      ['cvr', 'new_ideas'],
      [must(cvrs[0]), 1],
      ['12345678', 0],
      [must(cvrs[0]), 0],
      [must(cvrs[1]), 'ja'],
    ]);
    const refused = inWords(
      await uploadCompanyList(db, actor, {
        orgSlug: organisation.slug,
        year: YEAR,
        version: 0,
        xlsx: bytes,
        now: NOW,
      }),
      'en',
    );
    expect(refused).toMatchObject({ ok: false, kind: 'invalid' });
    const lines = fieldErrorsOf(refused).companies as string[];
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Row 3: /);
    expect(lines[1]).toMatch(/^Row 4: .*also on row 2/);
    expect(lines[2]).toMatch(/^Row 5: /);
    expect(
      await db.select().from(submissions).where(eq(submissions.organisationId, organisation.id)),
    ).toEqual([]);
  });

  it('refuses a zip bomb by its unpacked size before inflating it, a lying one, too many rows, and damage', () => {
    // a million rows: ~60 MB of XML from a file of a few hundred kilobytes
    const bomb = xlsxBomb(1_000_000);
    expect(bomb.byteLength).toBeLessThan(MAX_COMPANY_FILE_BYTES);
    expect(parseCompanyXlsx(bomb)).toEqual({ ok: false, problems: [{ code: 'xlsxTooLarge', maxMb: 32 }] });
    // the same, declaring a small size: inflated only that far, and refused as damaged
    expect(parseCompanyXlsx(xlsxBomb(1_000_000, { declare: 10_000 }))).toEqual({
      ok: false,
      problems: [{ code: 'notXlsx' }],
    });
    // small enough to unpack, but more rows than a list may have: stopped at the first row over
    expect(parseCompanyXlsx(xlsxBomb(MAX_COMPANY_ROWS + 5))).toEqual({
      ok: false,
      problems: [{ code: 'xlsxTooManyRows', max: MAX_COMPANY_ROWS }],
    });
    expect(parseCompanyXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({
      ok: false,
      problems: [{ code: 'notXlsx' }],
    });
    expect(parseCompanyXlsx(xlsxOf([['cvr']]))).toEqual({ ok: false, problems: [{ code: 'empty' }] });
    expect(parseCompanyXlsx(xlsxOf([['name'], ['Alfa']]))).toEqual({
      ok: false,
      problems: [{ code: 'noCvrColumn' }],
    });
  });

  it('a refused workbook through the upload: the reason in words, nothing stored', async () => {
    const { db } = database;
    const { organisation, actor } = await organisationWithStaff();
    const refused = inWords(
      await uploadCompanyList(db, actor, {
        orgSlug: organisation.slug,
        year: YEAR,
        version: 0,
        xlsx: new Uint8Array(xlsxBomb(1_000_000)),
        now: NOW,
      }),
      'da',
    );
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { companies: [expect.stringContaining('mere end 32 MB udpakket')] },
    });
    expect(
      await db.select().from(submissions).where(eq(submissions.organisationId, organisation.id)),
    ).toEqual([]);
  });

  it('the templates: the header row per language as CSV, and a workbook the upload reads back', async () => {
    expect(companyListTemplateCsv('da')).toBe(
      '\uFEFFcvr;dedicated;under_50;new_ideas;new_competences;new_products\r\n',
    );
    expect(companyListTemplateCsv('en')).toBe(
      '\uFEFFcvr,dedicated,under_50,new_ideas,new_competences,new_products\r\n',
    );
    const template = new Uint8Array(await companyListTemplateXlsx('da'));
    // as downloaded: the header and no companies
    expect(parseCompanyXlsx(template)).toEqual({ ok: false, problems: [{ code: 'empty' }] });
    // filled in: read like any list
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    const [cvr] = validCvrs(1, 5_500_000);
    must(book.worksheets[0]).addRow([cvr, 1, 0, 1, 0, 0]);
    const filled = new Uint8Array(await book.xlsx.writeBuffer());
    expect(parseCompanyXlsx(filled)).toMatchObject({
      ok: true,
      rows: [{ cvr, dedicated: true, new_ideas: true }],
    });
  });
});

describe('the receipt mail on submit', () => {
  it('goes to every staff member of the organisation, as plain text with the figures; a draft sends none', async () => {
    const { db } = database;
    const { organisation, actor } = await organisationWithStaff();
    const colleague = await createUser(db, {
      organisationIds: [organisation.id],
      email: `colleague-${organisation.slug}@example.org`,
    });
    await createUser(db, { organisationIds: [organisation.id], disabled: true });
    const inbox = await openInbox();
    try {
      expect((await save(actor, organisation.slug, FULL, { smtp: inbox.url })).ok).toBe(true);
      expect(inbox.waiting()).toEqual([]);
      const submitted = await save(
        actor,
        organisation.slug,
        { ...FULL, public_funding: '2400000' },
        {
          version: 2,
          intent: 'submit',
          smtp: inbox.url,
        },
      );
      expect(submitted.ok).toBe(true);
      const mails = [await inbox.next(), await inbox.next()];
      expect(mails.map((mail) => mail.to[0]).sort()).toEqual([actor.email, colleague.email].sort());
      const { contentType, body } = decodeMail(must(mails[0]));
      expect(contentType).toMatch(/^text\/plain/);
      expect(body).toContain(`submitted the report for ${organisation.name}`);
      expect(body).toContain('- Participating companies: 100');
      expect(body).toContain('DKK 2,400,000');
      expect(body).toContain(`/en/portal/${organisation.slug}/${YEAR}`);
      expect(inbox.waiting()).toEqual([]);
      const [receipt] = await db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.action, 'submission.receipt_sent'),
            eq(auditEvents.organisationId, organisation.id),
          ),
        );
      expect(receipt?.after).toMatchObject({
        recipients: expect.arrayContaining([{ email: actor.email, delivered: true }]),
      });
    } finally {
      await inbox.close();
    }
  });
});

describe('staff invite a colleague', () => {
  it('to their own organisation only, as staff, with a one-time link; the secretariat sees and revokes it', async () => {
    const { db } = database;
    const { organisation, actor } = await organisationWithStaff();
    const inbox = await openInbox();
    let userId: number;
    try {
      const invited = await inviteColleague(
        db,
        actor,
        // a role or other organisations posted beside are not the form's: ignored
        {
          orgSlug: organisation.slug,
          email: ' New.Colleague@Example.org ',
          name: 'Ny Kollega',
          role: 'admin',
          organisationIds: [1],
        },
        { config: configWith(inbox.url), locale: 'da' },
      );
      expect(invited).toMatchObject({
        ok: true,
        value: { email: 'new.colleague@example.org', delivered: true },
      });
      if (!invited.ok) return;
      userId = invited.value.userId;
      const mail = await inbox.next();
      expect(mail.to).toEqual(['new.colleague@example.org']);
      expect(decodeMail(mail).body).toContain('/invitation/');
    } finally {
      await inbox.close();
    }
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ role: 'staff', passwordHash: null });
    expect(await db.select().from(memberships).where(eq(memberships.userId, userId))).toEqual([
      expect.objectContaining({ organisationId: organisation.id }),
    ]);
    const colleagues = await listColleagues(db, actor, { organisationId: organisation.id });
    expect(colleagues.ok && colleagues.value.find((entry) => entry.id === userId)).toMatchObject({
      pending: true,
    });
    const [invitedEvent] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.invited'), eq(auditEvents.entityId, String(userId))));
    expect(invitedEvent).toMatchObject({
      actorId: actor.userId,
      organisationId: organisation.id,
      after: {
        email: 'new.colleague@example.org',
        role: 'staff',
        organisationIds: [organisation.id],
        invitedBy: 'organisation',
      },
    });

    const admin = await adminActor(db);
    const invitations = await listStaffInvitations(db, admin);
    expect(invitations.ok && invitations.value.find((entry) => entry.userId === userId)).toMatchObject({
      email: 'new.colleague@example.org',
      invitedByEmail: actor.email,
      organisations: [organisation.name],
    });
    expect((await listStaffInvitations(db, actor)).ok).toBe(false);
    expect((await revokeInvitation(db, actor, { userId })).ok).toBe(false);
    expect(await revokeInvitation(db, admin, { userId })).toMatchObject({ ok: true });
    expect(await db.select().from(users).where(eq(users.id, userId))).toEqual([]);
    expect(await db.select().from(authTokens).where(eq(authTokens.userId, userId))).toEqual([]);
    const [revokedEvent] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'user.invitation_revoked'));
    expect(revokedEvent?.before).toMatchObject({
      email: 'new.colleague@example.org',
      organisationIds: [organisation.id],
    });
  });

  it('refuses an address in use, staff of another organisation, bad input and too many waiting; nothing created', async () => {
    const { db } = database;
    const { organisation, actor } = await organisationWithStaff();
    const invite = (who: Actor, email: string, name = 'Kollega') =>
      inviteColleague(db, who, { orgSlug: organisation.slug, email, name }, { config: configWith() }).then(
        (result) => inWords(result, 'en'),
      );
    expect(await invite(actor, actor.email.toUpperCase())).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.stringContaining('already exists')] },
    });
    expect(await invite(actor, 'not an address')).toMatchObject({ ok: false, kind: 'invalid' });
    expect(await invite(actor, 'ok@example.org', '')).toMatchObject({ ok: false, kind: 'invalid' });
    const outsider = await staffActor(db, [(await createOrganisation(db)).id]);
    expect(await invite(outsider, 'sneaky@example.org')).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await db.select().from(users).where(eq(users.email, 'sneaky@example.org'))).toEqual([]);
    for (let n = 0; n < MAX_PENDING_INVITATIONS; n++)
      expect((await invite(actor, `waiting-${n}-${organisation.slug}@example.org`)).ok).toBe(true);
    expect(await invite(actor, `one-too-many-${organisation.slug}@example.org`)).toMatchObject({
      ok: false,
      message: expect.stringContaining(`${MAX_PENDING_INVITATIONS} invitations nobody has accepted`),
    });
  });

  it('an accepted invitation is not revoked (disable the user instead)', async () => {
    const { db } = database;
    const user = await createUser(db, { passwordHash: 'x' });
    expect(await revokeInvitation(db, await adminActor(db), { userId: user.id })).toMatchObject({
      ok: false,
      kind: 'conflict',
      message: 'admin.errors.invitation_accepted',
    });
  });
});
