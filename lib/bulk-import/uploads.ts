// A bulk-import file that passed its dry run, kept on the server so that importing it takes one
// click: its rows as read, bound to the secretariat member who uploaded it, for UPLOAD_LIFETIME,
// used at most once. The id in the address is 192 random bits, and is still worth nothing to
// anyone else: every read and the import itself match it with the actor.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { importUploads } from '@/db/schema';
import type { ImportRow } from './parse';
import { present } from '@/lib/invariant';

export const UPLOAD_LIFETIME_MS = 30 * 60 * 1000;
/** used or expired uploads are kept this long (the page still says what happened), then deleted */
const KEPT_AFTER_MS = 24 * 3600 * 1000;

export interface StoredUpload {
  id: string;
  year: number;
  filename: string;
  sha256: string;
  rows: ImportRow[];
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  written: { organisations: number; values: number } | null;
}

export function fileDigest(bytes: ArrayBuffer): string {
  return createHash('sha256').update(Buffer.from(bytes)).digest('hex');
}

/** An id is what storeUpload makes: anything else is looked up as nothing. */
export const isUploadId = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{32}$/.test(value);

/** Keeps a checked file for its uploader; clears what has long expired while at it. */
export async function storeUpload(
  db: Database,
  input: { actorId: number; year: number; filename: string; sha256: string; rows: ImportRow[]; now?: Date },
): Promise<StoredUpload> {
  const now = input.now ?? new Date();
  await db.delete(importUploads).where(lt(importUploads.expiresAt, new Date(now.getTime() - KEPT_AFTER_MS)));
  const [row] = await db
    .insert(importUploads)
    .values({
      id: randomBytes(24).toString('base64url'),
      actorId: input.actorId,
      year: input.year,
      filename: input.filename.slice(0, 200),
      sha256: input.sha256,
      rows: input.rows,
      createdAt: now,
      expiresAt: new Date(now.getTime() + UPLOAD_LIFETIME_MS),
    })
    .returning();
  return toUpload(present(row));
}

/** The actor's upload with this id (expired or used ones too: the page says so); null otherwise. */
export async function findUpload(db: Database, actorId: number, id: unknown): Promise<StoredUpload | null> {
  if (!isUploadId(id)) return null;
  const [row] = await db
    .select()
    .from(importUploads)
    .where(and(eq(importUploads.id, id), eq(importUploads.actorId, actorId)));
  return row ? toUpload(row) : null;
}

/**
 * The actor's upload, unused and unexpired, locked for the import's transaction: a second click
 * or a replay waits, then finds it used.
 */
export async function claimUpload(
  tx: Database,
  actorId: number,
  id: unknown,
  now: Date,
): Promise<StoredUpload | 'used' | 'expired' | null> {
  if (!isUploadId(id)) return null;
  const [row] = await tx
    .select()
    .from(importUploads)
    .where(and(eq(importUploads.id, id), eq(importUploads.actorId, actorId)))
    .for('update');
  if (!row) return null;
  if (row.usedAt) return 'used';
  if (row.expiresAt <= now) return 'expired';
  return toUpload(row);
}

export async function markUploadUsed(
  tx: Database,
  id: string,
  written: { organisations: number; values: number },
  now: Date,
): Promise<boolean> {
  const updated = await tx
    .update(importUploads)
    .set({ usedAt: now, written })
    .where(and(eq(importUploads.id, id), isNull(importUploads.usedAt), gt(importUploads.expiresAt, now)))
    .returning({ id: importUploads.id });
  return updated.length === 1;
}

function toUpload(row: typeof importUploads.$inferSelect): StoredUpload {
  return {
    id: row.id,
    year: row.year,
    filename: row.filename,
    sha256: row.sha256,
    rows: row.rows as ImportRow[],
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    usedAt: row.usedAt,
    written: row.written as StoredUpload['written'],
  };
}
