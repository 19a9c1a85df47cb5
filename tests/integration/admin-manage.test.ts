import { must } from '../helpers/must';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  auditEvents,
  fieldNames,
  indicators,
  indicatorYears,
  organisations,
  publications,
  reportingYears,
  submissions,
  users,
} from '@/db/schema';
import { listAuditEvents } from '@/lib/audit/queries';
import type { Actor } from '@/lib/auth/actor';
import { loadActor } from '@/lib/auth/actor';
import { checkImportFile, dryRunImport, runImport } from '@/lib/bulk-import/import';
import { parseImportCsv, parseImportFile } from '@/lib/bulk-import/parse';
import { readImportUpload } from '@/lib/bulk-import/upload';
import { buildExport } from '@/lib/exports/exports';
import { neutraliseFormula as neutralise } from '@/lib/csv/safe-cell';
import { toCsv } from '@/lib/exports/format';
import {
  addIndicator,
  deleteIndicator,
  retireIndicator,
  updateIndicatorTexts,
} from '@/lib/indicators/mutations';
import { listIndicators } from '@/lib/indicators/queries';
import { getOrganisation, listOrganisations } from '@/lib/organisations/queries';
import {
  createOrganisation,
  setOrganisationActiveTo,
  updateOrganisation,
} from '@/lib/organisations/mutations';
import { publishAccounts } from '@/lib/publications/mutations';
import { getLiveAccounts } from '@/lib/publications/queries';
import { changeUser, invitePerson } from '@/lib/users/mutations';
import { listUsers } from '@/lib/users/queries';
import {
  changeYear,
  createReportingYear,
  excludeOrganisation,
  includeOrganisation,
} from '@/lib/years/mutations';
import { getPublication } from '@/lib/publications/read';
import { peekToken } from '@/lib/auth/tokens';
import { adminActor, staffActor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { inWords } from '../helpers/in-words';
import { xlsxBomb } from '../helpers/xlsx-files';
import {
  createOrganisation as makeOrganisation,
  createSubmission,
  createYear,
  validCvrs,
} from '../helpers/fixtures';

let database: TestDatabase;
let admin: Actor;
let staff: Actor;
let north: number;
let south: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await createYear(db, 2020, 'closed');
  north = (await makeOrganisation(db, { slug: 'north', name: 'North', activeFrom: 2015 })).id;
  south = (
    await makeOrganisation(db, { slug: 'south', name: 'South', activeFrom: 2015, kind: 'innovation_network' })
  ).id;
  admin = await adminActor(db);
  staff = await staffActor(db, [north]);
});

afterAll(async () => {
  await database.destroy();
});

describe('reporting years', () => {
  it('[staff] cannot create or change a year', async () => {
    const { db } = database;
    expect(
      await createReportingYear(db, staff, { year: 2021, opensOn: '2022-01-01', deadline: '2022-03-01' }),
    ).toMatchObject({ kind: 'forbidden' });
    expect(
      await changeYear(db, staff, { year: 2020, change: { kind: 'reopen', reason: 'x' } }),
    ).toMatchObject({ kind: 'forbidden' });
    expect(await db.select().from(reportingYears)).toHaveLength(1);
  });

  it('creates a year with the previous year’s indicators; refuses bad dates and duplicates', async () => {
    const { db } = database;
    expect(
      await createReportingYear(db, admin, { year: 2021, opensOn: '2022-03-01', deadline: '2022-01-01' }),
    ).toMatchObject({
      kind: 'invalid',
      fieldErrors: { deadline: ['admin.errors.deadline_before_open'] },
    });
    expect(
      await createReportingYear(db, admin, { year: 'x', opensOn: '2022-01-01', deadline: '2022-03-01' }),
    ).toMatchObject({ fieldErrors: { year: ['admin.errors.year_invalid'] } });
    const created = await createReportingYear(db, admin, {
      year: 2021,
      opensOn: '2099-01-01',
      deadline: '2099-03-01',
    });
    expect(created).toMatchObject({ ok: true, value: { year: 2021 } });
    const used = await db.select().from(indicatorYears).where(eq(indicatorYears.year, 2021));
    expect(used.length).toBeGreaterThan(10);
    expect(
      await createReportingYear(db, admin, { year: 2021, opensOn: '2022-01-01', deadline: '2022-03-01' }),
    ).toMatchObject({ fieldErrors: { year: ['admin.errors.year_exists'] } });
  });

  it('opens now, sets the deadline, closes, and reopens only with a reason', async () => {
    const { db } = database;
    expect(await changeYear(db, admin, { year: 2021, change: { kind: 'open' } })).toMatchObject({ ok: true });
    const [opened] = await db.select().from(reportingYears).where(eq(reportingYears.year, 2021));
    expect(must(opened).opensOn).toBe(new Date().toISOString().slice(0, 10));
    expect(
      await changeYear(db, admin, { year: 2021, change: { kind: 'deadline', deadline: 'soon' } }),
    ).toMatchObject({ fieldErrors: { deadline: ['admin.errors.date_invalid'] } });
    expect(
      await changeYear(db, admin, { year: 2021, change: { kind: 'deadline', deadline: '2099-06-01' } }),
    ).toMatchObject({ ok: true });
    expect(await changeYear(db, admin, { year: 2021, change: { kind: 'close' } })).toMatchObject({
      ok: true,
    });
    expect(
      await changeYear(db, admin, { year: 2021, change: { kind: 'reopen', reason: ' ' } }),
    ).toMatchObject({ fieldErrors: { reason: ['admin.errors.reason_required'] } });
    const [closed] = await db.select().from(reportingYears).where(eq(reportingYears.year, 2021));
    expect(closed).toMatchObject({ state: 'closed', deadline: '2099-06-01' });
    expect(
      await changeYear(db, admin, { year: 2021, change: { kind: 'reopen', reason: 'Forkert tal' } }),
    ).toMatchObject({ ok: true });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, 'year.reopen'));
    expect(events[0]).toMatchObject({
      before: { state: 'closed' },
      after: { state: 'open', reason: 'Forkert tal' },
    });
  });
});

describe('publishing and corrections', () => {
  it('requires every active organisation approved or excluded with a reason, then version 1, then a correction with a note', async () => {
    const { db } = database;
    const [a, b, c] = validCvrs(3);
    await createSubmission(db, {
      organisationId: north,
      year: 2020,
      state: 'approved',
      companies: [{ cvr: must(a) }, { cvr: must(b) }],
    });
    expect(await publishAccounts(db, staff, { year: 2020 })).toMatchObject({ kind: 'forbidden' });
    expect(await publishAccounts(db, admin, { year: 2020 })).toMatchObject({
      kind: 'conflict',
      message: 'admin.errors.organisations_not_settled',
      details: { organisations: ['south'] },
    });
    expect(
      await excludeOrganisation(db, admin, { year: 2020, organisationId: south, reason: '  ' }),
    ).toMatchObject({ fieldErrors: { reason: ['admin.errors.reason_required'] } });
    expect(
      await excludeOrganisation(db, staff, { year: 2020, organisationId: south, reason: 'x' }),
    ).toMatchObject({ kind: 'forbidden' });
    expect(
      await excludeOrganisation(db, admin, { year: 2020, organisationId: south, reason: 'Ophørt' }),
    ).toMatchObject({ ok: true });
    const live = await getLiveAccounts(db, admin, { year: 2020 });
    expect(
      live.ok && must(live.value.current.indicators.find((i) => i.key === 'participants')).national,
    ).toMatchObject({ net: 2 });
    expect(await getLiveAccounts(db, staff, { year: 2020 })).toMatchObject({ kind: 'forbidden' });
    expect(await publishAccounts(db, admin, { year: 2020 })).toMatchObject({
      ok: true,
      value: { version: 1 },
    });
    // a correction: the exclusion lifted, south approved with a shared company
    expect(await includeOrganisation(db, admin, { year: 2020, organisationId: south })).toMatchObject({
      ok: true,
    });
    await createSubmission(db, {
      organisationId: south,
      year: 2020,
      state: 'approved',
      companies: [{ cvr: must(b) }, { cvr: must(c) }],
    });
    expect(await publishAccounts(db, admin, { year: 2020, changeNote: '' })).toMatchObject({
      kind: 'invalid',
      message: 'admin.errors.change_note_required',
    });
    expect(await publishAccounts(db, admin, { year: 2020, changeNote: 'South tilføjet' })).toMatchObject({
      ok: true,
      value: { version: 2 },
    });
    const v1 = await getPublication(db, 2020, 1);
    const v2 = await getPublication(db, 2020);
    expect(
      must(must(v1).snapshot.accounts.indicators.find((i) => i.key === 'participants')).national,
    ).toMatchObject({
      net: 2,
    });
    expect(
      must(must(v2).snapshot.accounts.indicators.find((i) => i.key === 'participants')).national,
    ).toMatchObject({
      net: 3,
      gross: 4,
      overlap: 1,
    });
    expect(must(v2).changeNote).toBe('South tilføjet');
    expect(await db.select().from(publications).where(eq(publications.year, 2020))).toHaveLength(2);
  });
});

describe('exports', () => {
  it('[staff] cannot export', async () => {
    expect(
      await buildExport(database.db, staff, { year: 2020, kind: 'accounts', format: 'csv' }),
    ).toMatchObject({ kind: 'forbidden' });
  });

  it('writes CSV with a BOM and semicolons, neutralises formula cells, and never a CVR number', async () => {
    expect(neutralise('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutralise('-1+2')).toBe("'-1+2");
    expect(neutralise('@x')).toBe("'@x");
    expect(neutralise('Energi')).toBe('Energi');
    expect(toCsv({ name: 't', header: ['a', 'b'], rows: [['+x;y', 5]] })).toBe('\uFEFFa;b\r\n"\'+x;y";5\r\n');
    const { db } = database;
    await db.update(organisations).set({ name: '=HYPERLINK("x")' }).where(eq(organisations.id, north));
    const accounts = await buildExport(db, admin, { year: 2020, kind: 'organisations', format: 'csv' });
    if (!accounts.ok) throw new Error(accounts.message);
    const text = accounts.value.body as string;
    expect(text.startsWith('\uFEFFår;slug;navn')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    for (const cvr of validCvrs(3)) expect(text).not.toContain(cvr);
    const overlap = await buildExport(db, admin, { year: 2020, kind: 'overlap', format: 'csv' });
    expect(overlap.ok && (overlap.value.body as string)).toContain(';north;south;1');
    const completeness = await buildExport(db, admin, { year: 2020, kind: 'completeness', format: 'csv' });
    expect(completeness.ok && (completeness.value.body as string)).toContain('north');
  });

  it('writes XLSX that reads back, for a published version too', async () => {
    const result = await buildExport(database.db, admin, {
      year: 2020,
      kind: 'accounts',
      format: 'xlsx',
      version: 1,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.filename).toBe('klyngeregnskab-2020-regnskab-v1.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(result.value.body as never);
    const sheet = must(workbook.worksheets[0]);
    const participants = must(
      must(sheet.getRows(2, sheet.rowCount - 1)).find((row) => row.getCell(2).value === 'participants'),
    );
    expect(participants.getCell(5).value).toBe(2);
  });
});

describe('organisations', () => {
  it('creates, edits and deactivates; refuses bad input and taken slugs; [staff] refused', async () => {
    const { db } = database;
    const input = {
      slug: 'east',
      name: 'East',
      kind: 'cluster',
      field: 'Energi',
      fieldEn: 'Energy',
      region: 'sjaelland',
      website: '',
      activeFrom: '2020',
    };
    expect(await createOrganisation(db, staff, input)).toMatchObject({ kind: 'forbidden' });
    expect(await createOrganisation(db, admin, { ...input, slug: 'Øst!', region: 'mars' })).toMatchObject({
      fieldErrors: { slug: ['admin.errors.slug_invalid'], region: ['admin.errors.region_invalid'] },
    });
    expect(await createOrganisation(db, admin, { ...input, slug: 'north' })).toMatchObject({
      fieldErrors: { slug: ['admin.errors.slug_taken'] },
    });
    const created = await createOrganisation(db, admin, input);
    if (!created.ok) throw new Error(created.message);
    expect(
      await updateOrganisation(db, admin, { id: created.value.id, ...input, name: 'East Cluster' }),
    ).toMatchObject({ ok: true });
    expect(await setOrganisationActiveTo(db, admin, { id: created.value.id, lastYear: 2019 })).toMatchObject({
      fieldErrors: { lastYear: ['admin.errors.year_before_active_from'] },
    });
    expect(await setOrganisationActiveTo(db, admin, { id: created.value.id, lastYear: 2021 })).toMatchObject({
      ok: true,
    });
    const [row] = await db.select().from(organisations).where(eq(organisations.id, created.value.id));
    expect(row).toMatchObject({ name: 'East Cluster', activeTo: 2021, website: null });
    const events = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(created.value.id)));
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['organisation.create', 'organisation.update', 'organisation.deactivate']),
    );
  });

  it('keeps the English field name once per field and the description in both languages or neither', async () => {
    const { db } = database;
    const input = {
      slug: 'west',
      name: 'West',
      kind: 'cluster',
      field: 'Vand',
      fieldEn: 'Water',
      region: 'syddanmark',
      website: '',
      activeFrom: '2020',
      description: 'Klyngen for vand.',
      descriptionEn: '',
    };
    // a field without its English form, or a description in one language only: refused, nothing stored
    expect(await createOrganisation(db, admin, { ...input, fieldEn: '  ' })).toMatchObject({
      fieldErrors: { fieldEn: ['admin.errors.required'] },
    });
    expect(await createOrganisation(db, admin, input)).toMatchObject({
      fieldErrors: { descriptionEn: ['admin.errors.description_en_required'] },
    });
    expect(
      await createOrganisation(db, admin, { ...input, description: '', descriptionEn: 'Water.' }),
    ).toMatchObject({
      fieldErrors: { description: ['admin.errors.description_da_required'] },
    });
    expect(await db.select().from(organisations).where(eq(organisations.slug, 'west'))).toEqual([]);
    expect(await db.select().from(fieldNames).where(eq(fieldNames.nameDa, 'Vand'))).toEqual([]);

    const created = await createOrganisation(db, admin, { ...input, descriptionEn: 'The water cluster.' });
    if (!created.ok) throw new Error(created.message);
    const second = await createOrganisation(db, admin, {
      ...input,
      slug: 'west-two',
      name: 'West Two',
      description: '',
      descriptionEn: '',
      fieldEn: 'Water and wastewater',
    });
    if (!second.ok) throw new Error(second.message);
    // one English form for the field: the latest, for both organisations
    const first = await getOrganisation(db, admin, created.value.id);
    expect(first).toMatchObject({
      ok: true,
      value: {
        field: 'Vand',
        fieldEn: 'Water and wastewater',
        description: 'Klyngen for vand.',
        descriptionEn: 'The water cluster.',
      },
    });
    const listed = await listOrganisations(db, admin);
    expect(listed.ok && listed.value.filter((o) => o.field === 'Vand').map((o) => o.fieldEn)).toEqual([
      'Water and wastewater',
      'Water and wastewater',
    ]);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityId, String(second.value.id)), eq(auditEvents.action, 'organisation.create')),
      );
    expect(event).toMatchObject({ before: { fieldEn: 'Water' }, after: { fieldEn: 'Water and wastewater' } });
    expect(await updateOrganisation(db, staff, { id: created.value.id, ...input })).toMatchObject({
      kind: 'forbidden',
    });
  });
});

describe('users and memberships', () => {
  it('invites a user (one-time link), changes role and memberships, disables, logs out everywhere; [staff] refused', async () => {
    const { db } = database;
    const invite = async (actor: Actor | null, input: Parameters<typeof invitePerson>[2]) =>
      inWords(await invitePerson(db, actor, input, { locale: 'en' }));
    expect(
      await invite(staff, { email: 'x@example.org', name: 'X', role: 'staff', organisationIds: [north] }),
    ).toMatchObject({ kind: 'forbidden' });
    expect(await db.select().from(users).where(eq(users.email, 'x@example.org'))).toEqual([]);
    expect(await invite(admin, { email: 'nope', name: '', role: 'staff' })).toMatchObject({
      kind: 'invalid',
      fieldErrors: { email: ['Enter a valid email address.'], name: ["Enter the person's name."] },
    });
    expect(
      await invite(admin, { email: 'new@example.org', name: 'New', role: 'staff', organisationIds: [] }),
    ).toMatchObject({
      fieldErrors: { organisationIds: ['Choose at least one organisation for a staff member.'] },
    });
    expect(await db.select().from(users).where(eq(users.email, 'new@example.org'))).toEqual([]);
    const previousSmtp = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    // the link is on the configured origin (lib/site-url.ts)
    vi.stubEnv('SITE_URL', 'https://klynge.example');
    const created = await invite(admin, {
      email: 'New@Example.org',
      name: 'New',
      role: 'staff',
      organisationIds: [north],
    });
    vi.unstubAllEnvs();
    if (previousSmtp !== undefined) process.env.SMTP_URL = previousSmtp;
    if (!created.ok) throw new Error(created.message);
    // no SMTP_URL: nothing is mailed and the secretariat gets the one-time link to copy
    expect(created.value).toMatchObject({ email: 'new@example.org', delivered: false });
    expect(created.value.link).toMatch(/^https:\/\/klynge\.example\/en\/invitation\/[\w-]{20,}$/);
    expect(await peekToken(db, must(created.value.link.split('/').pop()), 'invitation')).toMatchObject({
      userId: created.value.userId,
    });
    expect(
      await invite(admin, {
        email: 'new@example.org',
        name: 'Twin',
        role: 'staff',
        organisationIds: [north],
      }),
    ).toMatchObject({ kind: 'conflict', message: 'A user with that email address already exists.' });
    // the secretariat belongs to no organisation
    const secretary = await invite(admin, {
      email: 'secretary@example.org',
      name: 'S',
      role: 'admin',
      organisationIds: [north],
    });
    if (!secretary.ok) throw new Error(secretary.message);
    const secretaryList = await listUsers(db, admin);
    expect(
      secretaryList.ok && secretaryList.value.find((u) => u.id === secretary.value.userId),
    ).toMatchObject({
      role: 'admin',
      organisations: [],
    });
    const userId = created.value.userId;
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    expect(await loadActor(db, userId, must(row).sessionVersion)).not.toBeNull();
    expect(
      await changeUser(db, admin, {
        userId,
        change: { kind: 'memberships', organisationIds: [north, south] },
      }),
    ).toMatchObject({ ok: true });
    expect(await changeUser(db, admin, { userId, change: { kind: 'logout_everywhere' } })).toMatchObject({
      ok: true,
    });
    // the old session no longer resolves to an actor
    expect(await loadActor(db, userId, must(row).sessionVersion)).toBeNull();
    expect(await loadActor(db, userId, must(row).sessionVersion + 1)).toMatchObject({
      organisationIds: expect.arrayContaining([north, south]),
    });
    expect(await changeUser(db, admin, { userId, change: { kind: 'disable' } })).toMatchObject({ ok: true });
    expect(await loadActor(db, userId, must(row).sessionVersion + 2)).toBeNull();
    expect(await changeUser(db, admin, { userId: admin.userId, change: { kind: 'disable' } })).toMatchObject({
      kind: 'conflict',
      message: 'admin.errors.cannot_change_self',
    });
    expect(await changeUser(db, staff, { userId, change: { kind: 'enable' } })).toMatchObject({
      kind: 'forbidden',
    });
    const list = await listUsers(db, admin);
    expect(list.ok && list.value.find((user) => user.id === userId)).toMatchObject({
      disabled: true,
      invited: true,
    });
  });
});

describe('indicator catalogue', () => {
  it('adds for a year, edits texts, retires; a used indicator cannot be deleted; [staff] refused', async () => {
    const { db } = database;
    const input = {
      key: 'hackathons',
      kind: 'count',
      groupKey: 'activities',
      labelDa: 'Hackathons',
      labelEn: 'Hackathons',
      year: 2021,
    };
    expect(await addIndicator(db, staff, input)).toMatchObject({ kind: 'forbidden' });
    expect(await addIndicator(db, admin, { ...input, key: 'Bad Key', labelDa: '' })).toMatchObject({
      fieldErrors: { key: ['admin.errors.key_invalid'], labelDa: ['admin.errors.required'] },
    });
    const added = await addIndicator(db, admin, input);
    if (!added.ok) throw new Error(added.message);
    expect(await addIndicator(db, admin, input)).toMatchObject({
      fieldErrors: { key: ['admin.errors.key_taken'] },
    });
    expect(
      await updateIndicatorTexts(db, admin, {
        id: added.value.id,
        labelDa: 'Hackathons afholdt',
        labelEn: 'Hackathons held',
        helpDa: 'Antal',
        helpEn: 'Number',
      }),
    ).toMatchObject({ ok: true });
    await createSubmission(db, { organisationId: south, year: 2021, values: { innovation_projects: 4 } });
    const [used] = await db.select().from(indicators).where(eq(indicators.key, 'innovation_projects'));
    expect(await deleteIndicator(db, admin, { id: must(used).id })).toMatchObject({
      kind: 'conflict',
      message: 'admin.errors.indicator_in_use',
    });
    expect(await retireIndicator(db, admin, { id: must(used).id })).toMatchObject({ ok: true });
    expect(await deleteIndicator(db, admin, { id: added.value.id })).toMatchObject({ ok: true });
    const list = await listIndicators(db, admin);
    expect(list.ok && list.value.find((row) => row.key === 'hackathons')).toBeUndefined();
    expect(
      list.ok && must(list.value.find((row) => row.key === 'innovation_projects')).retiredAt,
    ).not.toBeNull();
  });
});

describe('bulk import', () => {
  it('[anonymous, staff] an upload is refused and audited before a byte of it is read; the secretariat’s is parsed', async () => {
    const { db } = database;
    const bomb = new File([new Uint8Array(xlsxBomb())], 'tal.xlsx');
    const deniedBefore = (await db.select().from(auditEvents).where(eq(auditEvents.action, 'access.denied')))
      .length;
    for (const actor of [null, staff]) {
      // a file whose reading would be refused for its size: the refusal is for the caller instead
      expect(await checkImportFile(db, actor, { year: 2018, file: bomb })).toMatchObject({
        kind: 'forbidden',
      });
    }
    const denied = await db.select().from(auditEvents).where(eq(auditEvents.action, 'access.denied'));
    expect(denied.length - deniedBefore).toBe(2);
    const refused = await checkImportFile(db, admin, { year: 2018, file: bomb }, { locale: 'en' });
    expect(refused).toMatchObject({
      ok: false,
      kind: 'invalid',
      message: 'admin.errors.import_has_problems',
    });
    expect((inWords(refused) as { fieldErrors?: unknown }).fieldErrors).toEqual({
      file: [
        'the spreadsheet is larger than 32 MB unpacked; no import sheet is that large – split it or save it again from Excel',
      ],
    });
    const rows = await readImportUpload(
      new File(['organisation;indicator;value\nnorth;innovation_projects;5\n'], 'tal.csv'),
      'en',
    );
    expect(rows).toMatchObject({
      ok: true,
      value: { rows: [{ row: 2, organisation: 'north', value: '5' }] },
    });
    expect(
      inWords(await checkImportFile(db, admin, { year: 2018, file: 'not a file' }, { locale: 'en' })),
    ).toMatchObject({
      kind: 'invalid',
      fieldErrors: { file: ['Choose a file.'] },
    });
  });

  it('parses CSV with semicolons and a BOM, and XLSX; refuses a file that is neither', async () => {
    expect(parseImportCsv('\uFEFForganisation;indicator;value\nnorth;innovation_projects;5\n')).toMatchObject(
      {
        ok: true,
        rows: [
          { row: 2, organisation: 'north', indicator: 'innovation_projects', value: '5', denominator: '' },
        ],
      },
    );
    expect(parseImportCsv('a,b\n1,2')).toEqual({ ok: false, problem: 'columns_missing' });
    expect(await parseImportFile('x.pdf', new TextEncoder().encode('%PDF').buffer as ArrayBuffer)).toEqual({
      ok: false,
      problem: 'file_type',
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('x');
    sheet.addRow(['organisation', 'indicator', 'value', 'denominator']);
    sheet.addRow(['north', 'survey_new_knowledge', 3, 4]);
    const buffer = await workbook.xlsx.writeBuffer();
    expect(await parseImportFile('figures.xlsx', buffer as ArrayBuffer)).toMatchObject({
      ok: true,
      rows: [{ organisation: 'north', indicator: 'survey_new_knowledge', value: '3', denominator: '4' }],
    });
  });

  it('lists every problem by row in a dry run, and writes nothing when any row is wrong', async () => {
    const { db } = database;
    await createYear(db, 2018, 'closed');
    const csv = [
      'organisation;indicator;value;denominator',
      'north;innovation_projects;12;',
      'nowhere;innovation_projects;1;',
      'north;no_such;1;',
      'south;innovation_projects;-3;',
      'south;survey_new_knowledge;5;4',
      'north;innovation_projects;13;',
      'south;participants;10;',
      'south;new_ideas;11;',
    ].join('\n');
    const parsed = parseImportCsv(csv);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(await dryRunImport(db, staff, { year: 2018, rows: parsed.rows })).toMatchObject({
      kind: 'forbidden',
    });
    const plan = await dryRunImport(db, admin, { year: 2018, rows: parsed.rows });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.problems).toEqual([
      { row: 3, code: 'organisation_unknown', value: 'nowhere' },
      { row: 4, code: 'indicator_unknown', value: 'no_such' },
      { row: 5, code: 'value_invalid', value: '-3' },
      { row: 6, code: 'numerator_above_denominator' },
      { row: 7, code: 'duplicate', value: '2' },
      { row: 9, code: 'above_parent', value: 'participants' },
    ]);
    expect(await runImport(db, admin, { year: 2018, rows: parsed.rows })).toMatchObject({
      kind: 'invalid',
      message: 'admin.errors.import_has_problems',
    });
    expect(await db.select().from(submissions).where(eq(submissions.year, 2018))).toEqual([]);
  });

  it('imports a clean file all at once as approved figures, audited', async () => {
    const { db } = database;
    const parsed = parseImportCsv(
      'organisation,indicator,value,denominator\nnorth,participants,40,\nnorth,new_ideas,10,\nsouth,participants,"1,200",\nsouth,survey_new_knowledge,3,4\n',
    );
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(await runImport(db, admin, { year: 2018, rows: parsed.rows })).toMatchObject({
      ok: true,
      value: { organisations: 2, values: 4 },
    });
    const live = await getLiveAccounts(db, admin, { year: 2018 });
    if (!live.ok) throw new Error(live.message);
    expect(must(live.value.current.indicators.find((i) => i.key === 'participants')).national).toMatchObject({
      net: 1240,
      possiblyDoubleCounted: true,
    });
    const audit = await listAuditEvents(db, admin, { action: 'import.figures' });
    expect(audit.ok && audit.value).toHaveLength(2);
  });
});

describe('audit log', () => {
  it('filters by user, organisation, action and date; [staff] refused', async () => {
    const { db } = database;
    const byAction = await listAuditEvents(db, admin, { action: 'year.' });
    expect(byAction.ok && byAction.value.every((event) => event.action.startsWith('year.'))).toBe(true);
    expect(byAction.ok && byAction.value.length).toBeGreaterThan(3);
    const byOrganisation = await listAuditEvents(db, admin, { organisationId: south });
    expect(byOrganisation.ok && byOrganisation.value.every((event) => event.organisation === 'South')).toBe(
      true,
    );
    const byUser = await listAuditEvents(db, admin, { user: staff.email });
    expect(byUser.ok && byUser.value.every((event) => event.action === 'access.denied')).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const future = await listAuditEvents(db, admin, { from: '2999-01-01' });
    expect(future.ok && future.value).toEqual([]);
    const todays = await listAuditEvents(db, admin, { from: today, to: today });
    expect(todays.ok && todays.value.length).toBeGreaterThan(0);
    expect(await listAuditEvents(db, staff, {})).toMatchObject({ kind: 'forbidden' });
  });
});
