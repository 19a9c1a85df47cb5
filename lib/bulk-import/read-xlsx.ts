// The first worksheet of an XLSX file as rows of text, with every cost bounded before and while it
// is read: the archive's parts are inflated only up to their limits (zip-entries.ts), the XML is
// read by a streaming parser (saxes) that stops at the first row or column over the limit, and no
// part of the workbook that is not needed (styles, other sheets, images) is unpacked at all.
// The bulk import runs this in a worker thread with a memory limit and a timeout
// (lib/upload-worker), as a second line: whatever slips past these checks is killed there.
import { SaxesParser } from 'saxes';
import { listZipEntries, readZipEntry, type ZipEntry, ZipLimitError, type ZipProblem } from './zip-entries';

export interface SheetLimits {
  /** data rows after the header */
  maxRows: number;
  maxColumns: number;
  /** unpacked bytes of the worksheet's XML */
  maxSheetBytes: number;
  /** unpacked bytes of the shared-strings table */
  maxSharedStringBytes: number;
  /** characters kept of one cell (the rest is cut off: no figure needs more) */
  maxCellLength: number;
}

export type SheetProblem = ZipProblem | 'not_xlsx' | 'too_many_rows' | 'too_many_columns' | 'file_empty';

export class SheetLimitError extends Error {
  constructor(readonly problem: SheetProblem) {
    super(problem);
    this.name = 'SheetLimitError';
  }
}

export interface SheetRow {
  /** the row number as the spreadsheet shows it */
  row: number;
  cells: string[];
}

const SMALL_PART_BYTES = 1024 * 1024;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function parseXml(
  xml: string,
  handlers: {
    open?: (name: string, attributes: Record<string, string>) => void;
    close?: (name: string) => void;
    text?: (text: string) => void;
  },
) {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag) =>
    handlers.open?.(localName(tag.name), tag.attributes as Record<string, string>),
  );
  const { close } = handlers;
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof SheetLimitError) throw error;
    throw new SheetLimitError('not_xlsx');
  }
}

/** The zero-based column of a cell reference like "C12" (letters only count). */
function columnOf(reference: string | undefined, fallback: number): number {
  const letters = /^([A-Z]{1,3})\d*$/i.exec(reference ?? '')?.[1];
  if (!letters) return fallback;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column - 1;
}

function findEntry(entries: ZipEntry[], name: string): ZipEntry | undefined {
  const wanted = name.replace(/^\//, '');
  return entries.find((entry) => entry.name === wanted);
}

/** The path of the workbook's first sheet, from workbook.xml and its relationships. */
function firstSheetPath(zip: Buffer, entries: ZipEntry[]): string {
  const workbook = findEntry(entries, 'xl/workbook.xml');
  const relations = findEntry(entries, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !relations) throw new SheetLimitError('not_xlsx');
  let relationId: string | undefined;
  parseXml(readZipEntry(zip, workbook, SMALL_PART_BYTES).toString('utf8'), {
    open(name, attributes) {
      if (name === 'sheet' && relationId === undefined) {
        relationId = Object.entries(attributes).find(
          ([key]) => localName(key) === 'id' && key !== 'sheetId',
        )?.[1];
      }
    },
  });
  if (!relationId) throw new SheetLimitError('file_empty');
  let target: string | undefined;
  parseXml(readZipEntry(zip, relations, SMALL_PART_BYTES).toString('utf8'), {
    open(name, attributes) {
      if (name === 'Relationship' && attributes.Id === relationId) target = attributes.Target;
    },
  });
  if (!target) throw new SheetLimitError('not_xlsx');
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

function readSharedStrings(zip: Buffer, entries: ZipEntry[], limits: SheetLimits): string[] {
  const part = findEntry(entries, 'xl/sharedStrings.xml');
  if (!part) return [];
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  parseXml(readZipEntry(zip, part, limits.maxSharedStringBytes).toString('utf8'), {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push((current ?? '').slice(0, limits.maxCellLength));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current !== null && current.length < limits.maxCellLength) current += text;
    },
  });
  return strings;
}

/** Reads the first worksheet; throws SheetLimitError naming what was too much or what is wrong. */
export function readFirstSheet(xlsx: Buffer, limits: SheetLimits): SheetRow[] {
  try {
    return readSheet(xlsx, limits);
  } catch (error) {
    if (error instanceof ZipLimitError)
      throw new SheetLimitError(error.problem === 'not_zip' ? 'not_xlsx' : error.problem);
    throw error;
  }
}

function readSheet(xlsx: Buffer, limits: SheetLimits): SheetRow[] {
  const entries = listZipEntries(xlsx);
  const sheet = findEntry(entries, firstSheetPath(xlsx, entries));
  if (!sheet) throw new SheetLimitError('not_xlsx');
  // the sheet's size is known (or refused) before the shared strings are read
  const sheetXml = readZipEntry(xlsx, sheet, limits.maxSheetBytes).toString('utf8');
  const shared = readSharedStrings(xlsx, entries, limits);

  const rows: SheetRow[] = [];
  let row: SheetRow | null = null;
  let cell: { column: number; type: string; value: string } | null = null;
  let collecting: 'value' | 'inline' | null = null;
  let inlinePhonetic = 0;
  parseXml(sheetXml, {
    open(name, attributes) {
      if (name === 'row') {
        // the header and at most maxRows rows of data
        if (rows.length > limits.maxRows) throw new SheetLimitError('too_many_rows');
        const number = Number(attributes.r);
        row = {
          row: Number.isInteger(number) && number > 0 ? number : (rows.at(-1)?.row ?? 0) + 1,
          cells: [],
        };
      } else if (name === 'c' && row) {
        const column = columnOf(attributes.r, row.cells.length);
        if (column >= limits.maxColumns) throw new SheetLimitError('too_many_columns');
        cell = { column, type: attributes.t ?? 'n', value: '' };
      } else if (cell && name === 'v') collecting = 'value';
      else if (cell && name === 'rPh') inlinePhonetic++;
      else if (cell && name === 't' && cell.type === 'inlineStr' && inlinePhonetic === 0)
        collecting = 'inline';
    },
    close(name) {
      if (name === 'v' || name === 't') collecting = null;
      else if (name === 'rPh') inlinePhonetic--;
      else if (name === 'c' && row && cell) {
        const text =
          cell.type === 's'
            ? (shared[Number(cell.value)] ?? '')
            : cell.type === 'b'
              ? cell.value === '1'
                ? 'TRUE'
                : 'FALSE'
              : cell.value;
        while (row.cells.length < cell.column) row.cells.push('');
        row.cells[cell.column] = text.slice(0, limits.maxCellLength);
        cell = null;
      } else if (name === 'row' && row) {
        rows.push(row);
        row = null;
      }
    },
    text(text) {
      if (cell && collecting && cell.value.length < limits.maxCellLength) cell.value += text;
    },
  });
  return rows;
}
