// Uploads are parsed in worker threads with a heap limit and a deadline (lib/upload-worker): the
// worker's answer is the parser's, a file that takes too long has its worker ended, and more
// uploads at once than the server parses are told it is busy — while this thread stays free.
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '@/lib/bulk-import/parse';
import { parseCompanyList } from '@/lib/submissions/company-list-parse';
import { parseCompanyXlsx } from '@/lib/submissions/company-list-xlsx';
import { parseCompanyCsv } from '@/lib/submissions/rules';
import { parseInWorker } from '@/lib/upload-worker/run';
import { validCvrs } from '../helpers/cvr';
import { xlsxBomb, xlsxOf } from '../helpers/xlsx-files';

const importJob = (buffer: Buffer) => ({
  kind: 'import' as const,
  name: 'tal.xlsx',
  bytes: new Uint8Array(buffer),
});

describe('the upload worker', () => {
  it('answers what the parser answers, for a good file and for a bomb', async () => {
    const good = xlsxOf([
      ['organisation', 'indicator', 'value'],
      ['north', 'participants', 5],
    ]);
    for (const file of [good, xlsxBomb(), xlsxBomb(60_000)]) {
      expect(await parseInWorker(importJob(file), { timeoutMs: 30_000 })).toEqual({
        ok: true,
        value: parseImportFile('tal.xlsx', file),
      });
    }
  });

  it('ends a worker that passes its deadline', async () => {
    expect(await parseInWorker(importJob(xlsxBomb(60_000)), { timeoutMs: 1 })).toEqual({
      ok: false,
      refusal: 'too_slow',
    });
  });

  it('leaves this thread free while it parses: timers keep firing', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const parsed = parseInWorker(importJob(xlsxBomb(60_000)), { timeoutMs: 30_000 });
    await parsed;
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(2);
  });

  it('tells the uploads beyond what it parses at once that the server is busy', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () => parseInWorker(importJob(xlsxBomb(20_000)), { timeoutMs: 30_000 })),
    );
    const busy = outcomes.filter((outcome) => !outcome.ok && outcome.refusal === 'busy');
    // two parse, six wait: the other four are turned away
    expect(busy).toHaveLength(4);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(8);
  });

  it('takes a large company list off this thread and a small one on it, with the same answer', async () => {
    const small = 'cvr\n12345674\n99999999\n';
    const large = `cvr\n${'1\n'.repeat(800_000)}`;
    for (const csv of [small, large]) expect(await parseCompanyList(csv)).toEqual(parseCompanyCsv(csv));
    expect(await parseCompanyList(large)).toEqual({
      ok: false,
      problems: [{ code: 'tooManyRows', max: 20_000, rows: 800_000 }],
    });
  });

  it('reads a large Excel company list in the worker too, with the answer read in this thread gives', async () => {
    const cvrs = validCvrs(10_000, 7_000_000);
    const large = new Uint8Array(
      xlsxOf([['cvr', 'new_ideas'], ...cvrs.map((cvr, index) => [Number(cvr), index % 2])]),
    );
    // past the size read in this thread, so the worker reads it
    expect(large.byteLength).toBeGreaterThan(64 * 1024);
    const inWorker = await parseCompanyList(large);
    expect(inWorker).toEqual(parseCompanyXlsx(large));
    expect(inWorker.ok && inWorker.rows.length).toBe(10_000);
    // and a bomb is refused there by its unpacked size, as here
    const bomb = new Uint8Array(xlsxBomb(1_000_000));
    expect(await parseCompanyList(bomb)).toEqual(parseCompanyXlsx(bomb));
    expect(await parseCompanyList(bomb)).toMatchObject({ ok: false, problems: [{ code: 'xlsxTooLarge' }] });
  });
});
