// The entries of a ZIP archive (an XLSX file is one), read with hard limits. A spreadsheet of a
// few hundred kilobytes can unpack to gigabytes (a "zip bomb": a million rows of the same cell
// compress to almost nothing), and general-purpose readers inflate whatever an entry holds —
// also more than its header declares. Here an entry declared larger than the limit is refused
// unread, and every other is inflated by node:zlib with `maxOutputLength` set to its declared
// size, which stops the inflating there whatever the data holds; only the entries asked for are
// inflated at all. Pure apart from zlib: no files, no streams.
import { inflateRawSync } from 'node:zlib';

export type ZipProblem = 'not_zip' | 'zip_unsupported' | 'unpacked_too_large';

export class ZipLimitError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem);
    this.name = 'ZipLimitError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** as the central directory declares it: a hint for refusing early, never trusted for memory */
  declaredSize: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** More entries than any spreadsheet has (Excel writes a dozen or two). */
const MAX_ENTRIES = 10_000;

/** The central directory's entries; throws ZipLimitError for anything that is not a plain ZIP. */
export function listZipEntries(zip: Buffer): ZipEntry[] {
  // the end record is in the last 22 + 65,535 bytes (its comment is at most 64 KiB)
  const searchFrom = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let at = zip.length - 22; at >= searchFrom; at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipLimitError('not_zip');
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  // ZIP64 (over 4 GiB or 65,535 entries) marks these fields with all ones: no spreadsheet needs it
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipLimitError('zip_unsupported');
  if (count > MAX_ENTRIES || directoryOffset + directorySize > end) throw new ZipLimitError('not_zip');
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) throw new ZipLimitError('not_zip');
    const flags = zip.readUInt16LE(at + 8);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    if (flags & 0x1) throw new ZipLimitError('zip_unsupported'); // encrypted
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      declaredSize: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The unpacked bytes of one entry, at most `maxBytes` of them: an entry declared larger is refused
 * before anything is inflated (ZipLimitError 'unpacked_too_large'), and one that unpacks to more
 * than it declares is stopped at its declared size and refused as damaged ('not_zip').
 */
export function readZipEntry(zip: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  if (entry.declaredSize > maxBytes) throw new ZipLimitError('unpacked_too_large');
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_FILE_HEADER) throw new ZipLimitError('not_zip');
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, Math.min(zip.length, start + entry.compressedSize));
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipLimitError('unpacked_too_large');
    return data;
  }
  if (entry.method !== 8) throw new ZipLimitError('zip_unsupported');
  try {
    // no more than the entry declares: an honest entry needs exactly that, and one that unpacks to
    // more is damaged or lying — stopped there, it costs what it claimed, not what it holds
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.declaredSize) });
  } catch {
    throw new ZipLimitError('not_zip');
  }
}
