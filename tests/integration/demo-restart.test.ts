import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { organisations } from '@/db/schema';
import { prepareDemoDatabase } from '@/db/seed/prepare';

// The embedded database lives in a folder; a second start must keep what was entered after the first.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klyngeregnskab-restart-'));
const target = { kind: 'pglite' as const, dataDir };

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('restarting the demo', () => {
  it('seeds once, then keeps the data on the next start', async () => {
    const lines: string[] = [];
    const first = await prepareDemoDatabase(target, (line) => lines.push(line));
    expect(first.seeded).toBe(true);
    expect(first.logins[0]).toBe('admin@example.org');

    const handle = await openDatabase(target);
    await handle.db.insert(organisations).values({
      slug: 'entered-after-start',
      name: 'Entered after the first start',
      kind: 'cluster',
      field: 'Energi',
      region: 'sjaelland',
      activeFrom: 2017,
    });
    await handle.close();

    const second = await prepareDemoDatabase(target, (line) => lines.push(line));
    expect(second.seeded).toBe(false);
    expect(lines.at(-1)).toBe('Demo data already in place: keeping it.');
    const reopened = await openDatabase(target);
    const kept = await reopened.db
      .select()
      .from(organisations)
      .where(eq(organisations.slug, 'entered-after-start'));
    await reopened.close();
    expect(kept).toHaveLength(1);
  }, 180_000);
});
