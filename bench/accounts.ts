// Times computeNationalAccounts for the latest year of the large data set against one
// hand-written count(DISTINCT cvr) over the same rows. Prints JSON for bench/run.ts.
import { must } from '../tests/helpers/must';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '@/db/client';
import { computeNationalAccounts } from '@/lib/accounts/compute';
import { LARGE, loadLargeDataset } from './large-dataset';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);

function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: must(sorted[Math.floor(sorted.length / 2)]),
    min: must(sorted[0]),
    max: must(sorted[sorted.length - 1]),
    runs: sorted.length,
  };
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  await run(); // warm the caches once
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('bench/accounts.ts needs DATABASE_URL (bench/run.ts starts PostgreSQL)');
  const handle = await openDatabase({ kind: 'postgres', url });
  await handle.migrate();
  const [existing] = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::int as n from organisations`,
  );
  if (!existing?.n) await loadLargeDataset(handle.db);
  const [rows] = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::int as n from participants p join submissions s on s.id = p.submission_id where s.year = ${LARGE.lastYear}`,
  );
  const accounts = await time(() => computeNationalAccounts(handle.db, LARGE.lastYear));
  const baseline = await time(() =>
    queryRows(
      handle.db,
      sql`select count(distinct p.cvr) from participants p join submissions s on s.id = p.submission_id
          where s.year = ${LARGE.lastYear} and s.state = 'approved'`,
    ),
  );
  const result = await computeNationalAccounts(handle.db, LARGE.lastYear);
  console.log(
    JSON.stringify({
      rows: rows?.n,
      organisations: result?.organisationCounts.total,
      distinctCompanies: result?.indicators.find((indicator) => indicator.key === 'participants')?.national,
      accountsMs: summarise(accounts),
      countDistinctMs: summarise(baseline),
    }),
  );
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
