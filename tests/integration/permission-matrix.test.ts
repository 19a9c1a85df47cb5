// Runs the permission matrix (tests/integration/permission-matrix.ts): the table must cover every
// route and server action in the code, and every action's core function must answer each role as
// the table says — a refusal changes nothing and is an audit event.
import { must } from '../helpers/must';
import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema';
import { type Actor, loadActor } from '@/lib/auth/actor';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createUser, createYear } from '../helpers/fixtures';
import { actions, type MatrixContext, ROLES, type Role, routes } from './permission-matrix';

const root = process.cwd();

function walk(folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(relative);
    return [relative];
  });
}

function discoverRoutes(): string[] {
  return walk('app')
    .filter((file) => /(^|\/)(page\.tsx|route\.ts)$/.test(file))
    .sort();
}

/** Every exported function of every module that starts with 'use server'. */
function discoverActions(): { file: string; name: string }[] {
  const found: { file: string; name: string }[] = [];
  for (const folder of ['app', 'lib', 'components']) {
    for (const file of walk(folder).filter((f) => /\.tsx?$/.test(f))) {
      const source = fs.readFileSync(path.join(root, file), 'utf8');
      const directive = /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*['"]use server['"]/.test(source);
      if (directive) {
        for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+([A-Za-z0-9_$]+)/g)) {
          found.push({ file, name: must(match[1]) });
        }
      } else if (/['"]use server['"]/.test(source)) {
        // an inline 'use server' inside a function: give it a module and a table entry instead
        found.push({ file, name: '(inline server action)' });
      }
    }
  }
  return found.sort((a, b) => `${a.file}#${a.name}`.localeCompare(`${b.file}#${b.name}`));
}

describe('the permission matrix covers the code', () => {
  it('has an entry for every route, and none for routes that do not exist', () => {
    const inCode = discoverRoutes();
    const inTable = routes.map((route) => route.file).sort();
    expect({ missingFromTable: inCode.filter((f) => !inTable.includes(f)) }).toEqual({
      missingFromTable: [],
    });
    expect({ notInCode: inTable.filter((f) => !inCode.includes(f)) }).toEqual({ notInCode: [] });
  });

  it('has an entry for every server action, and none for actions that do not exist', () => {
    const key = (a: { file: string; name: string }) => `${a.file}#${a.name}`;
    const inCode = discoverActions().map(key);
    const inTable = actions.map(key);
    expect({ missingFromTable: inCode.filter((k) => !inTable.includes(k)) }).toEqual({
      missingFromTable: [],
    });
    expect({ notInCode: inTable.filter((k) => !inCode.includes(k)) }).toEqual({ notInCode: [] });
  });

  it('says for every role what each non-public action answers, with a way to run it', () => {
    for (const action of actions) {
      if (action.answers === 'public') continue;
      expect({ action: action.name, runnable: typeof action.run }).toEqual({
        action: action.name,
        runnable: 'function',
      });
    }
  });
});

let database: TestDatabase;
let context: MatrixContext;

/** A fresh set of the five visitors for each run, so one action's effect cannot leak into another's. */
async function visitors(): Promise<Record<Role, Actor | null>> {
  const totp = { totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: new Date() };
  const staffA = await createUser(database.db, { organisationIds: [context.organisationA.id] });
  const staffB = await createUser(database.db, { organisationIds: [context.organisationB.id] });
  const disabled = await createUser(database.db, {
    organisationIds: [context.organisationA.id],
    disabled: true,
  });
  const admin = await createUser(database.db, { role: 'admin', ...totp });
  return {
    anonymous: null,
    staffA: await loadActor(database.db, staffA.id, 1),
    staffB: await loadActor(database.db, staffB.id, 1),
    // the old session of a disabled user resolves to no actor at all
    disabled: await loadActor(database.db, disabled.id, 1),
    admin: await loadActor(database.db, admin.id, 1),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const organisationA = await createOrganisation(database.db, { slug: 'matrix-a' });
  const organisationB = await createOrganisation(database.db, { slug: 'matrix-b' });
  const year = await createYear(database.db, 2030);
  context = { db: database.db, organisationA, organisationB, year };
});
afterAll(() => database?.destroy());

async function deniedCount(): Promise<number> {
  const [row] = await database.db
    .select({ n: count() })
    .from(auditEvents)
    .where(eq(auditEvents.action, 'access.denied'));
  return row?.n ?? 0;
}

/** Everything but the audit log, as a fingerprint: a refused action must leave it unchanged. */
async function fingerprint(): Promise<string> {
  const tables = await database.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'audit_events' and table_type = 'BASE TABLE' order by 1`,
  );
  const names = (
    (Array.isArray(tables) ? tables : (tables as { rows: unknown[] }).rows) as { table_name: string }[]
  ).map((r) => r.table_name);
  const parts: string[] = [];
  for (const name of names) {
    const result = await database.db.execute(
      sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${name}" t`),
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { h: string }[];
    parts.push(`${name}:${rows[0]?.h}`);
  }
  return parts.join(',');
}

describe('every server action answers each role as the matrix says', () => {
  for (const action of actions) {
    if (action.answers === 'public' || !action.run) continue;
    for (const role of ROLES) {
      const expected = action.answers[role];
      it(`[${role}] ${action.name} → ${expected}`, async () => {
        const actor = (await visitors())[role];
        const before = expected === 'forbidden' ? await fingerprint() : '';
        const denied = await deniedCount();
        const result = await must(action.run)(context, actor);
        if (expected === 'forbidden') {
          expect(result).toMatchObject({ ok: false, kind: 'forbidden' });
          expect(await deniedCount()).toBe(denied + 1);
          expect(await fingerprint()).toBe(before);
        } else {
          expect(result.kind).not.toBe('forbidden');
          expect(await deniedCount()).toBe(denied);
        }
      });
    }
  }
});

describe('attacks', () => {
  it('[staff B] cannot act for organisation A by naming it (edited URL or hidden field)', async () => {
    const { staffB } = await visitors();
    const { authoriseFor } = await import('@/lib/auth/permissions');
    const before = await deniedCount();
    expect(
      await authoriseFor(database.db, staffB, context.organisationA.id, 'submission.save'),
    ).toMatchObject({
      kind: 'forbidden',
    });
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'access.denied'),
          eq(auditEvents.organisationId, context.organisationA.id),
          eq(auditEvents.actorId, must(staffB).userId),
        ),
      );
    expect(events).toHaveLength(1);
    expect(await deniedCount()).toBe(before + 1);
  });

  it('[staff A] after "log out everywhere" an old session no longer resolves to an actor', async () => {
    const { staffA } = await visitors();
    const { logOutEverywhere } = await import('@/lib/users/account');
    await logOutEverywhere(database.db, staffA);
    expect(await loadActor(database.db, must(staffA).userId, 1)).toBeNull();
  });
});
