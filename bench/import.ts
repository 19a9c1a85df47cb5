// Times a 20,000-row company list import through the staff upload (the server action's core:
// parse, check every CVR, find duplicates, replace the list in one transaction, audit), as a CSV
// and as the Excel workbook Excel saves (read in the upload worker), against PostgreSQL's own COPY
// of the same rows. Prints JSON for bench/run.ts.
import { must } from '../tests/helpers/must';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { memberships, organisations, reportingYears, submissions, users } from '@/db/schema';
import { ensureCatalogue } from '@/db/seed/catalogue';
import type { Actor } from '@/lib/auth/actor';
import { validCvrs } from '../tests/helpers/cvr';
import { uploadCompanyList } from '@/lib/submissions/save';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROWS = 20_000;
const YEAR = 2099;

const cvrs = (count: number) => validCvrs(count, 3_000_000);

const median = (values: number[]) => must([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);
const summary = (values: number[]) => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
  runs: values.length,
});

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('bench/import.ts needs DATABASE_URL');
  const handle = await openDatabase({ kind: 'postgres', url });
  await handle.migrate();
  const { db } = handle;

  await db
    .insert(reportingYears)
    .values({ year: YEAR, edition: YEAR + 1, opensOn: '2000-01-01', deadline: '2100-12-31', state: 'open' })
    .onConflictDoNothing();
  await ensureCatalogue(db, [YEAR]);
  const [organisation] = await db
    .insert(organisations)
    .values({
      slug: `import-bench-${Date.now()}`,
      name: 'Import benchmark',
      kind: 'cluster',
      field: 'Bench',
      region: 'hovedstaden',
      activeFrom: YEAR,
    })
    .returning();
  const [user] = await db
    .insert(users)
    .values({ email: `import-bench-${Date.now()}@example.org`, name: 'Import benchmark', role: 'staff' })
    .returning();
  await db.insert(memberships).values({ userId: must(user).id, organisationId: must(organisation).id });
  const actor: Actor = {
    userId: must(user).id,
    email: must(user).email,
    name: must(user).name,
    role: 'staff',
    organisationIds: [must(organisation).id],
    totpEnabled: false,
  };

  const companies = cvrs(ROWS);
  // as Danish Excel saves it: BOM, semicolons, CRLF
  const csv = `\ufeffcvr;dedicated;under_50;new_ideas;new_competences;new_products\r\n${companies
    .map(
      (cvr, index) =>
        `${cvr};${index % 4 === 0 ? 1 : 0};${index % 5 ? 1 : 0};${index % 4 === 1 ? 1 : 0};${index % 3 === 0 ? 1 : 0};${index % 11 === 0 ? 1 : 0}`,
    )
    .join('\r\n')}\r\n`;

  // the same rows as an Excel workbook: the template's columns, numbers as numbers
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Virksomheder');
  sheet.addRow(['cvr', 'dedicated', 'under_50', 'new_ideas', 'new_competences', 'new_products']);
  for (const [index, cvr] of companies.entries())
    sheet.addRow([
      Number(cvr),
      index % 4 === 0 ? 1 : 0,
      index % 5 ? 1 : 0,
      index % 4 === 1 ? 1 : 0,
      index % 3 === 0 ? 1 : 0,
      index % 11 === 0 ? 1 : 0,
    ]);
  const xlsx = new Uint8Array(await book.xlsx.writeBuffer());

  const timeUploads = async (file: { csv: string } | { xlsx: Uint8Array }) => {
    const times: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const [current] = await db
        .select()
        .from(submissions)
        .where(eq(submissions.organisationId, must(organisation).id));
      const started = performance.now();
      const result = await uploadCompanyList(db, actor, {
        orgSlug: must(organisation).slug,
        year: YEAR,
        version: current?.version ?? 0,
        ...file,
        locale: 'da',
      });
      const elapsed = performance.now() - started;
      if (!result.ok) throw new Error(`upload refused: ${result.message}`);
      if (run > 0) times.push(elapsed); // the first run warms the caches
    }
    return times;
  };
  const uploads = await timeUploads({ csv });
  const xlsxUploads = await timeUploads({ xlsx });

  // COPY of the same rows into a table shaped like participants
  const client = postgres(url, { max: 1, onnotice: () => {} });
  await client`create temporary table copy_target (like participants including defaults)`;
  const lines = companies.map(
    (cvr, index) =>
      `1\t${cvr}\t${index % 4 === 0}\t${index % 5 !== 0}\t${index % 4 === 1}\t${index % 3 === 0}\t${index % 11 === 0}\n`,
  );
  const copies: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    await client`truncate copy_target`;
    const started = performance.now();
    const writable =
      await client`copy copy_target (submission_id, cvr, dedicated, under_50, new_ideas, new_competences, new_products) from stdin`.writable();
    await pipeline(Readable.from(lines), writable);
    const elapsed = performance.now() - started;
    if (run > 0) copies.push(elapsed);
  }
  await client.end();
  await handle.close();
  console.log(
    JSON.stringify({
      rows: ROWS,
      uploadMs: summary(uploads),
      xlsxUploadMs: summary(xlsxUploads),
      xlsxBytes: xlsx.byteLength,
      copyMs: summary(copies),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
