// Many people at once (issue 8, item 3): staff saving the same and different submissions in
// parallel, company-list uploads and submits racing saves, and a publication racing the
// secretariat's approvals and returns. Every call goes through the core functions the server
// actions call. On PGlite the calls interleave query by query on one connection; on PostgreSQL
// (scripts/with-postgres.sh) they run on a pool of connections, truly in parallel, with row locks.
import { must } from '../helpers/must';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import {
  auditEvents,
  participants,
  publications,
  submissions,
  submissionValues,
  yearExclusions,
} from '@/db/schema';
import { computeNationalAccounts } from '@/lib/accounts/compute';
import type { NationalAccounts } from '@/lib/accounts/types';
import type { Actor } from '@/lib/auth/actor';
import { publishYear } from '@/lib/publications/publish';
import type { PublicationSnapshot } from '@/lib/publications/types';
import type { Result } from '@/lib/result';
import { approveSubmission, returnSubmission } from '@/lib/review/mutations';
import { changeYear } from '@/lib/years/mutations';
import { submissionMessages } from '@/lib/submissions/messages';
import { type SaveOutcome, saveSubmission, uploadCompanyList } from '@/lib/submissions/save';
import { adminActor, staffActor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { inWords } from '../helpers/in-words';
import { createOrganisation, createSubmission, createYear, validCvrs } from '../helpers/fixtures';

let database: TestDatabase;
const YEAR = 2021; // open for reporting
const PUBLISHED_YEAR = 2019; // closed, to be published
const NOW = new Date('2022-02-01T10:00:00Z');
const messages = submissionMessages('en');
const onPostgres = () => database.target.kind === 'postgres';

/** Fails instead of hanging when a batch never finishes (a deadlock or a lost connection). */
async function bounded<T>(label: string, work: Promise<T>, ms = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every call at once and insists that none threw: failures must be typed results. */
async function allTyped<T>(label: string, calls: Promise<T>[]): Promise<T[]> {
  const settled = await bounded(label, Promise.allSettled(calls));
  const thrown = settled.filter((outcome) => outcome.status === 'rejected');
  expect(thrown.map((outcome) => String((outcome as PromiseRejectedResult).reason))).toEqual([]);
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
}

const save = (
  actor: Actor,
  orgSlug: string,
  version: number,
  fields: Record<string, string>,
  intent: 'draft' | 'submit' = 'draft',
  year = YEAR,
) =>
  inEnglish(
    saveSubmission(database.db, actor, { orgSlug, year, version, intent, fields, locale: 'en', now: NOW }),
  );

const upload = (actor: Actor, orgSlug: string, version: number, csv: string) =>
  inEnglish(
    uploadCompanyList(database.db, actor, {
      orgSlug,
      year: YEAR,
      version,
      csv,
      filename: 'companies.csv',
      locale: 'en',
      now: NOW,
    }),
  );

/** The failure's keys in words, as the form shows them (lib/actions/messages.ts). */
async function inEnglish<R extends { ok: boolean }>(result: Promise<R>) {
  return inWords(await result, 'en') as R & { lines?: string[] };
}

/** The conflict every loser must get: the message the form shows, naming who changed what. */
function expectConflict(result: Result<unknown>, winnerEmail: string | null) {
  expect(result).toMatchObject({ ok: false, kind: 'conflict', message: messages.text.conflict });
  if (winnerEmail === null) return;
  const lines = (result as { lines?: string[] }).lines;
  expect(lines?.some((line) => line.startsWith(winnerEmail))).toBe(true);
}

async function submissionOf(organisationId: number, year = YEAR) {
  const [row] = await database.db
    .select()
    .from(submissions)
    .where(and(eq(submissions.organisationId, organisationId), eq(submissions.year, year)));
  return row ?? null;
}

async function storedFields(submissionId: number): Promise<Record<string, string>> {
  const rows = await queryRows<{ key: string; value: string }>(
    database.db,
    sql`select i.key, v.value::text as value from submission_values v
        join indicators i on i.id = v.indicator_id where v.submission_id = ${submissionId}`,
  );
  return Object.fromEntries(rows.map((row) => [row.key, String(Number(row.value))]));
}

async function eventsOf(submissionId: number) {
  return database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'submission'), eq(auditEvents.entityId, String(submissionId))))
    .orderBy(asc(auditEvents.id));
}

/** Nothing left waiting or half-done on the server once a storm is over (PostgreSQL only). */
async function expectNoLocksLeft() {
  if (!onPostgres()) return;
  const waiting = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from pg_locks where not granted`,
  );
  expect(must(waiting[0]).n).toBe(0);
  const stuck = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and state like 'idle in transaction%'`,
  );
  expect(must(stuck[0]).n).toBe(0);
}

interface Team {
  organisation: { id: number; slug: string };
  staff: Actor[];
}

async function team(staffCount: number, activeFrom = YEAR): Promise<Team> {
  const organisation = await createOrganisation(database.db, { activeFrom });
  const staff: Actor[] = [];
  for (let i = 0; i < staffCount; i++) staff.push(await staffActor(database.db, [organisation.id]));
  return { organisation, staff };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await createYear(database.db, PUBLISHED_YEAR, 'closed');
  await createYear(database.db, YEAR - 1, 'closed');
  await createYear(database.db, YEAR, 'open', { opensOn: '2022-01-01', deadline: '2022-03-01' });
});
afterAll(async () => database?.destroy());

describe('staff saving at the same time', () => {
  const ORGANISATIONS = 10;
  const STAFF_PER_ORGANISATION = 2;
  const SAVES_PER_STAFF = 3;
  const ROUNDS = 3;

  it('20 staff of 10 organisations: one save wins per submission and version, the rest get the conflict message, nothing is lost', async () => {
    const teams: Team[] = [];
    for (let i = 0; i < ORGANISATIONS; i++) teams.push(await team(STAFF_PER_ORGANISATION));
    const fieldsFor = (round: number, org: number, staff: number, attempt: number) => {
      const n = 1 + round * 100 + staff * 10 + attempt;
      return {
        participants: String(100 + n),
        new_ideas: String(n),
        innovation_projects: String(org * 1000 + n),
      };
    };
    const successes = new Map<number, number>(); // organisation id → successful saves
    const versions = new Map<number, number>(); // organisation id → version the forms were opened at

    // round 0 creates the drafts: every staff member saves at once from "no submission yet" (version 0)
    for (let round = 0; round < ROUNDS; round++) {
      const calls: {
        org: number;
        actor: Actor;
        fields: Record<string, string>;
        run: Promise<Result<SaveOutcome>>;
      }[] = [];
      teams.forEach((entry, org) => {
        entry.staff.forEach((actor, staff) => {
          for (let attempt = 0; attempt < SAVES_PER_STAFF; attempt++) {
            const fields = fieldsFor(round, org, staff, attempt);
            const version = versions.get(entry.organisation.id) ?? 0;
            calls.push({ org, actor, fields, run: save(actor, entry.organisation.slug, version, fields) });
          }
        });
      });
      const results = await allTyped(
        `round ${round}`,
        calls.map((call) => call.run),
      );

      for (const [org, entry] of teams.entries()) {
        const mine = calls
          .map((call, index) => ({ ...call, result: must(results[index]) }))
          .filter((c) => c.org === org);
        const winners = mine.filter((call) => call.result.ok);
        // different submissions never block each other: every organisation gets its one save in
        expect(winners).toHaveLength(1);
        const winner = must(winners[0]);
        for (const loser of mine.filter((call) => !call.result.ok))
          expectConflict(loser.result, winner.actor.email);

        const startedAt = versions.get(entry.organisation.id) ?? 0;
        const stored = await submissionOf(entry.organisation.id);
        // version 0 → the draft is created at 1 and saved at 2; afterwards one step per round
        expect(must(stored).version).toBe(startedAt === 0 ? 2 : startedAt + 1);
        expect(winner.result.ok && winner.result.value.submission.version).toBe(must(stored).version);
        // no lost update: what is stored is exactly what the winner typed
        expect(await storedFields(must(stored).id)).toEqual(winner.fields);
        versions.set(entry.organisation.id, must(stored).version);
        successes.set(entry.organisation.id, (successes.get(entry.organisation.id) ?? 0) + 1);
      }
    }

    // the audit trail: one created event, then exactly one event per successful save, one per version
    for (const entry of teams) {
      const submission = await submissionOf(entry.organisation.id);
      const events = await eventsOf(must(submission).id);
      expect(events.map((event) => event.action)).toEqual([
        'submission.created',
        ...Array(successes.get(entry.organisation.id)).fill('submission.saved'),
      ]);
      expect(events.map((event) => (event.after as { version: number }).version)).toEqual(
        Array.from({ length: events.length }, (_, index) => index + 1),
      );
      const [created] = await database.db
        .select({ n: count() })
        .from(submissions)
        .where(eq(submissions.organisationId, entry.organisation.id));
      expect(must(created).n).toBe(1);
    }
    await expectNoLocksLeft();
    if (onPostgres()) {
      // the storm really ran on several connections at once
      const connections = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database()`,
      );
      expect(must(connections[0]).n).toBeGreaterThan(1);
    }
  });

  it('saves of different submissions all succeed when each starts from its own current version', async () => {
    const teams: Team[] = [];
    for (let i = 0; i < ORGANISATIONS; i++) teams.push(await team(1));
    let version = new Map<number, number>();
    for (let round = 0; round < 3; round++) {
      const results = await allTyped(
        `independent round ${round}`,
        teams.map((entry, org) =>
          save(must(entry.staff[0]), entry.organisation.slug, version.get(entry.organisation.id) ?? 0, {
            innovation_projects: String(org + round * 10),
          }),
        ),
      );
      expect(results.every((result) => result.ok)).toBe(true);
      version = new Map(
        results.map((result, org) => [
          must(teams[org]).organisation.id,
          result.ok ? result.value.submission.version : -1,
        ]),
      );
    }
    for (const [org, entry] of teams.entries()) {
      const submission = await submissionOf(entry.organisation.id);
      expect(await storedFields(must(submission).id)).toEqual({ innovation_projects: String(org + 20) });
    }
    await expectNoLocksLeft();
  });

  it('a company-list upload racing a save of the same submission: one wins whole, the other gets the conflict', async () => {
    const teams: Team[] = [];
    for (let i = 0; i < ORGANISATIONS; i++) teams.push(await team(2));
    const drafts = await allTyped(
      'drafts',
      teams.map((entry) =>
        save(must(entry.staff[0]), entry.organisation.slug, 0, { innovation_projects: '1' }),
      ),
    );
    const cvrs = validCvrs(5);
    const csv = `cvr;dedicated;under_50;new_ideas;new_competences;new_products\r\n${cvrs
      .map((cvr, index) => `${cvr};1;${index % 2};1;0;0`)
      .join('\r\n')}\r\n`;
    const races = await allTyped<Result<{ submission: { version: number } }>>(
      'upload against save',
      teams.flatMap((entry, org) => {
        const version = must(drafts[org]).ok
          ? (drafts[org] as { value: SaveOutcome }).value.submission.version
          : -1;
        return [
          upload(must(entry.staff[0]), entry.organisation.slug, version, csv),
          save(must(entry.staff[1]), entry.organisation.slug, version, {
            innovation_projects: '2',
            participants: '9',
          }),
        ];
      }),
    );
    for (const [org, entry] of teams.entries()) {
      const [uploaded, saved] = [must(races[org * 2]), must(races[org * 2 + 1])];
      expect([uploaded.ok, saved.ok].filter(Boolean)).toHaveLength(1);
      const submission = must(await submissionOf(entry.organisation.id));
      const [companies] = await database.db
        .select({ n: count() })
        .from(participants)
        .where(eq(participants.submissionId, submission.id));
      if (uploaded.ok) {
        expectConflict(saved, null);
        expect(submission).toMatchObject({
          hasCompanyList: true,
          version: uploaded.value.submission.version,
        });
        expect(must(companies).n).toBe(5);
        expect(await storedFields(submission.id)).toEqual({ innovation_projects: '1' });
      } else {
        expectConflict(uploaded, null);
        expect(submission).toMatchObject({ hasCompanyList: false });
        expect(must(companies).n).toBe(0);
        expect(await storedFields(submission.id)).toEqual({ innovation_projects: '2', participants: '9' });
      }
      const actions = (await eventsOf(submission.id)).map((event) => event.action);
      expect(actions).toEqual([
        'submission.created',
        'submission.saved',
        uploaded.ok ? 'submission.company_list_uploaded' : 'submission.saved',
      ]);
    }
    await expectNoLocksLeft();
  });

  it('a submit racing a draft save: exactly one lands, a submitted report keeps the submitted figures', async () => {
    const teams: Team[] = [];
    for (let i = 0; i < ORGANISATIONS; i++) teams.push(await team(2));
    const FULL = { participants: '100', new_ideas: '20', new_competences: '30', new_products: '10' };
    const DRAFT = { participants: '50', innovation_projects: '7' };
    // the first save is neither, so whichever wins the race below changes something to report
    const FIRST = { innovation_projects: '1' };
    const results = await allTyped(
      'submit against save',
      teams.flatMap((entry) => [
        save(must(entry.staff[0]), entry.organisation.slug, 0, FIRST),
        save(must(entry.staff[1]), entry.organisation.slug, 0, FIRST),
      ]),
    );
    // both created the draft from nothing: one of each pair won
    const versions = teams.map((_, org) => {
      const pair = [must(results[org * 2]), must(results[org * 2 + 1])];
      expect(pair.filter((result) => result.ok)).toHaveLength(1);
      const won = pair.find((result) => result.ok) as { value: SaveOutcome };
      return won.value.submission.version;
    });

    const race = await allTyped(
      'submit against draft',
      teams.flatMap((entry, org) => [
        save(must(entry.staff[0]), entry.organisation.slug, must(versions[org]), FULL, 'submit'),
        save(must(entry.staff[1]), entry.organisation.slug, must(versions[org]), DRAFT),
      ]),
    );
    for (const [org, entry] of teams.entries()) {
      const [submitted, drafted] = [must(race[org * 2]), must(race[org * 2 + 1])];
      expect([submitted.ok, drafted.ok].filter(Boolean)).toHaveLength(1);
      const submission = must(await submissionOf(entry.organisation.id));
      if (submitted.ok) {
        expectConflict(drafted, must(entry.staff[0]).email);
        expect(submission.state).toBe('submitted');
        expect(await storedFields(submission.id)).toEqual(FULL);
      } else {
        expectConflict(submitted, must(entry.staff[1]).email);
        expect(submission.state).toBe('draft');
        expect(await storedFields(submission.id)).toEqual(DRAFT);
      }
      const events = await eventsOf(submission.id);
      expect(events.filter((event) => event.action === 'submission.submitted')).toHaveLength(
        submitted.ok ? 1 : 0,
      );
      // the last change of the submission (a receipt mail after a submit changes nothing)
      const changes = events.filter((event) => event.action !== 'submission.receipt_sent');
      expect(must(changes.at(-1)).after).toMatchObject({ version: submission.version });
    }
    await expectNoLocksLeft();
  });
});

describe('closing the year while staff save', () => {
  it('no save lands after the close: each one either went in before it or gets the closed message', async () => {
    const { db } = database;
    const CLOSING_YEAR = 2022;
    await createYear(db, CLOSING_YEAR, 'open', { opensOn: '2022-01-01', deadline: '2022-03-01' });
    const admin = await adminActor(db);
    const teams: Team[] = [];
    for (let i = 0; i < 10; i++) teams.push(await team(1));
    const lastSaved = new Map<number, Record<string, string>>();
    let announceSave = () => {};
    const someoneSaved = new Promise<void>((resolve) => {
      announceSave = resolve;
    });

    // each staff member saves again and again, from the version the last save returned, until refused
    const chains = teams.map(async (entry, org) => {
      const outcomes: Result<SaveOutcome>[] = [];
      let version = 0;
      // until refused: a fixed number of saves can all land before the close on a busy machine;
      // the bound only keeps a broken close from looping for ever
      for (let attempt = 0; attempt < 1000; attempt++) {
        const fields = { innovation_projects: String(org * 100 + attempt) };
        const result = await save(
          must(entry.staff[0]),
          entry.organisation.slug,
          version,
          fields,
          'draft',
          CLOSING_YEAR,
        );
        outcomes.push(result);
        if (!result.ok) break;
        version = result.value.submission.version;
        lastSaved.set(entry.organisation.id, fields);
        announceSave();
      }
      return outcomes;
    });
    // the secretariat closes the year once the storm is under way (some saves went in before it)
    const close = (async () => {
      await someoneSaved;
      return changeYear(db, admin, { year: CLOSING_YEAR, change: { kind: 'close' } });
    })();
    const [closed, ...outcomes] = await allTyped<unknown>('saves against the close', [close, ...chains]);
    expect(closed).toMatchObject({ ok: true });

    const [closeEvent] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'year.close'), eq(auditEvents.entityId, String(CLOSING_YEAR))));
    for (const [org, entry] of teams.entries()) {
      const results = outcomes[org] as Result<SaveOutcome>[];
      // the chain ran until the close refused it, and the refusal is the message the form shows
      expect(results.at(-1)).toMatchObject({ ok: false, kind: 'invalid', message: messages.text.closed });
      expect(results.slice(0, -1).every((result) => result.ok)).toBe(true);
      const submission = await submissionOf(entry.organisation.id, CLOSING_YEAR);
      if (!submission) {
        expect(lastSaved.has(entry.organisation.id)).toBe(false);
        continue;
      }
      // every change of the submission was recorded before the year was closed
      for (const event of await eventsOf(submission.id)) expect(event.id).toBeLessThan(must(closeEvent).id);
      expect(await storedFields(submission.id)).toEqual(lastSaved.get(entry.organisation.id));
    }
    await expectNoLocksLeft();
  });
});

describe('publishing while the secretariat approves and returns and staff save', () => {
  const ORGANISATIONS = 8;
  const CYCLES = 12;

  /** The accounts with the organisation order fixed, so two computations compare equal. */
  const normalised = (accounts: NationalAccounts) => ({
    ...accounts,
    organisations: [...accounts.organisations].sort((a, b) => a.slug.localeCompare(b.slug)),
  });

  it('every publication is the approved figures of one moment; nothing returned or drafted leaks in', async () => {
    const { db } = database;
    const admin = await adminActor(db);
    const teams: Team[] = [];
    const submissionIds: number[] = [];
    const cvrs = validCvrs(40);
    for (let org = 0; org < ORGANISATIONS; org++) {
      const entry = await team(1, PUBLISHED_YEAR);
      teams.push(entry);
      const submission = await createSubmission(db, {
        organisationId: entry.organisation.id,
        year: PUBLISHED_YEAR,
        state: 'approved',
        ...(org % 2 === 0
          ? {
              values: { innovation_projects: org + 1, public_funding: 1000 * (org + 1) },
              // overlapping lists, so the distinct-company counts depend on who is in
              companies: cvrs
                .slice(org * 3, org * 3 + 8)
                .map((cvr, index) => ({ cvr, newIdeas: index % 2 === 0 })),
            }
          : {
              values: {
                participants: 10 + org,
                innovation_projects: org + 1,
                public_funding: 1000 * (org + 1),
              },
            }),
      });
      submissionIds.push(submission.id);
    }
    // the organisations of the other tests report from 2021 on: not part of 2019
    const excluded = await createOrganisation(db, { activeFrom: PUBLISHED_YEAR, name: 'Stopped' });
    await db
      .insert(yearExclusions)
      .values({ year: PUBLISHED_YEAR, organisationId: excluded.id, reason: 'Ophørt' });
    // staff of an organisation reporting for the open year, saving throughout
    const busy = await team(1);
    let busyVersion = 0;

    // the only publication that may ever come out: every organisation approved, as stored now
    const reference = normalised(must(await computeNationalAccounts(db, PUBLISHED_YEAR)));
    expect(reference.organisations).toHaveLength(ORGANISATIONS);

    let published = 0;
    let refused = 0;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      // every cycle starts with all approved but one submitted (awaiting approval) on odd cycles
      const pending = cycle % 2 === 1 ? must(submissionIds[cycle % ORGANISATIONS]) : null;
      await db
        .update(submissions)
        .set({ state: 'approved', remark: null, deadlineOverride: null })
        .where(inArray(submissions.id, submissionIds));
      if (pending !== null)
        await db.update(submissions).set({ state: 'submitted' }).where(eq(submissions.id, pending));
      const before = await db.select().from(submissions).where(inArray(submissions.id, submissionIds));
      const versionOf = new Map(before.map((row) => [row.id, row.version]));

      // returns of three approved submissions, one after another, starting a little later each cycle
      const toReturn = submissionIds.filter((id) => id !== pending).slice(cycle % 3, (cycle % 3) + 3);
      const returns = (async () => {
        for (let i = 0; i < cycle % 5; i++) await db.execute(sql`select 1`);
        const outcomes = [];
        for (const id of toReturn)
          outcomes.push(
            await returnSubmission(db, admin, {
              submissionId: id,
              version: must(versionOf.get(id)),
              remark: 'Tjek tallene',
              // the year is closed for publishing: a return gives the organisation a new deadline
              deadline: '2099-03-01',
            }),
          );
        return outcomes;
      })();
      const approval = pending
        ? approveSubmission(db, admin, { submissionId: pending, version: must(versionOf.get(pending)) })
        : Promise.resolve(null);
      // staff of the organisations being returned try to put draft figures in: the year is closed
      // for them (or, when the return got there first, their form is out of date)
      const drafts = toReturn.map((id) => {
        const entry = must(teams[submissionIds.indexOf(id)]);
        return save(
          must(entry.staff[0]),
          entry.organisation.slug,
          must(versionOf.get(id)),
          { innovation_projects: '999999' },
          'draft',
          PUBLISHED_YEAR,
        );
      });
      const openYearSave = save(must(busy.staff[0]), busy.organisation.slug, busyVersion, {
        innovation_projects: String(cycle),
      });
      const publish = publishYear(db, {
        year: PUBLISHED_YEAR,
        actorId: admin.userId,
        actorEmail: admin.email,
        changeNote: `Cycle ${cycle}`,
      });

      const [publishResult, returnResults, approvalResult, draftResults, busyResult] = await bounded(
        `cycle ${cycle}`,
        Promise.all([publish, returns, approval, Promise.all(drafts), openYearSave]),
      );
      // the secretariat's own actions never fail for the publication's sake: it waits, then goes on
      for (const result of returnResults)
        expect(result).toMatchObject({ ok: true, value: { state: 'returned' } });
      if (approvalResult) expect(approvalResult).toMatchObject({ ok: true, value: { state: 'approved' } });
      for (const result of draftResults)
        expect([messages.text.closed, messages.text.conflict]).toContain(!result.ok && result.message);
      expect(busyResult.ok).toBe(true);
      if (busyResult.ok) busyVersion = busyResult.value.submission.version;

      const stored = await db
        .select()
        .from(publications)
        .where(eq(publications.year, PUBLISHED_YEAR))
        .orderBy(asc(publications.version));
      if (publishResult.ok) {
        published++;
        const latest = must(stored.at(-1));
        expect(latest.version).toBe(publishResult.value.version);
        // all approved at one moment, or the publication would have been refused
        expect(normalised((latest.snapshot as PublicationSnapshot).accounts)).toEqual(reference);
      } else {
        refused++;
        expect(publishResult).toMatchObject({
          ok: false,
          kind: 'conflict',
          message: 'admin.errors.organisations_not_settled',
        });
      }
      expect(stored).toHaveLength(published);
    }
    // the storm produced both outcomes, or it proved little
    expect(published).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    // one audit event per publication, versions 1…n
    const events = await db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.action, ['publication.publish', 'publication.correct']));
    expect(events.map((event) => (event.after as { version: number }).version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: published }, (_, index) => index + 1),
    );
    // no draft figure of the closed year was written
    const values = await db
      .select({ value: submissionValues.value })
      .from(submissionValues)
      .where(and(inArray(submissionValues.submissionId, submissionIds), eq(submissionValues.value, 999999)));
    expect(values).toEqual([]);
    await expectNoLocksLeft();
  });

  it('publications of one year started at once each get their own version, none fails', async () => {
    const { db } = database;
    const YEAR_2018 = 2018;
    await createYear(db, YEAR_2018, 'closed');
    for (let org = 0; org < 3; org++) {
      const organisation = await createOrganisation(db, { activeFrom: YEAR_2018, activeTo: YEAR_2018 });
      await createSubmission(db, {
        organisationId: organisation.id,
        year: YEAR_2018,
        state: 'approved',
        values: { innovation_projects: org + 1 },
      });
    }
    const results = await allTyped(
      'simultaneous publications',
      Array.from({ length: 4 }, (_, index) =>
        publishYear(db, { year: YEAR_2018, actorId: null, changeNote: `Attempt ${index}` }),
      ),
    );
    expect(results.map((result) => result.ok && result.value.version).sort()).toEqual([1, 2, 3, 4]);
    const stored = await db.select().from(publications).where(eq(publications.year, YEAR_2018));
    expect(stored.map((row) => row.version).sort()).toEqual([1, 2, 3, 4]);
    await expectNoLocksLeft();
  });
});
