// The secretariat's live accounts, remembered until what they are computed from changes. Computing
// a year means a pass over every company of its lists (the distinct counts), twice with last year's
// comparison: most of a second on the embedded database. The figures change only when a
// submission, a value, an exclusion, an organisation, an indicator or the year itself does, so each
// read first asks the database for a fingerprint of those rows and reuses the last answer while it
// is the same. The fingerprint comes from the shared database, so every instance sees a change at
// once; there is no expiry to forget.
import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '@/db/client';

/**
 * One string over every row the accounts of `years` are computed from (lib/accounts/compute.ts:
 * keep the two in step). `xmin` is the transaction that last wrote a row: any insert, update or
 * delete changes the string. A company list is written only together with its submission
 * (lib/submissions/company-list-store.ts), so the submission's row stands for its participants.
 */
export async function accountsInputsFingerprint(db: Database, years: number[]): Promise<string> {
  const yearList = sql.join(
    years.map((year) => sql`${year}::int`),
    sql`, `,
  );
  const rowsOf = (table: SQL, key: SQL, where: SQL = sql`true`) =>
    sql`(select md5(coalesce(string_agg(${key} || ':' || xmin::text, ',' order by ${key}), '')) from ${table} where ${where})`;
  const [row] = await queryRows<{ fingerprint: string }>(
    db,
    sql`select concat_ws('/',
          ${rowsOf(sql`reporting_years`, sql`year::text`, sql`year in (${yearList})`)},
          ${rowsOf(sql`indicator_years`, sql`year || '.' || indicator_id`, sql`year in (${yearList})`)},
          ${rowsOf(sql`indicators`, sql`id::text`)},
          ${rowsOf(sql`organisations`, sql`id::text`)},
          ${rowsOf(sql`year_exclusions`, sql`year || '.' || organisation_id`, sql`year in (${yearList})`)},
          ${rowsOf(sql`submissions`, sql`id::text`, sql`year in (${yearList})`)},
          (select md5(coalesce(string_agg(v.submission_id || '.' || v.indicator_id || ':' || v.xmin::text, ','
                                          order by v.submission_id, v.indicator_id), ''))
             from submission_values v join submissions s on s.id = v.submission_id
            where s.year in (${yearList}) and s.state = 'approved')
        ) as fingerprint`,
  );
  if (!row) throw new Error('the accounts fingerprint query answered no row');
  return row.fingerprint;
}

interface Remembered<T> {
  fingerprint: string;
  value: T;
}

// per database handle (tests open many), a few entries each: the years being looked at
const rememberedByDatabase = new WeakMap<Database, Map<string, Remembered<unknown>>>();
const ENTRIES_PER_DATABASE = 16;

/**
 * `compute()`'s answer for `key`, reused while the fingerprint of `years` is unchanged. The
 * fingerprint is read before computing, so a change committed meanwhile makes the next read
 * compute again: an answer is never older than the fingerprint it is kept under.
 */
export async function rememberWhileInputsUnchanged<T>(
  db: Database,
  key: string,
  years: number[],
  compute: () => Promise<T>,
): Promise<T> {
  const fingerprint = await accountsInputsFingerprint(db, years);
  let remembered = rememberedByDatabase.get(db);
  if (!remembered) {
    remembered = new Map();
    rememberedByDatabase.set(db, remembered);
  }
  const hit = remembered.get(key);
  if (hit && hit.fingerprint === fingerprint) return hit.value as T;
  const value = await compute();
  remembered.delete(key);
  remembered.set(key, { fingerprint, value });
  if (remembered.size > ENTRIES_PER_DATABASE) {
    const oldest = remembered.keys().next().value;
    if (oldest !== undefined) remembered.delete(oldest);
  }
  return value;
}
