// Hand-made XLSX files for the upload tests: a minimal valid workbook, and "zip bombs" — a few
// hundred kilobytes that unpack to a million rows, with the true size declared or a lie. Written
// here byte by byte (a ZIP writer of a few lines) because no spreadsheet library writes a lie.
import { crc32, deflateRawSync } from 'node:zlib';

interface Part {
  name: string;
  data: Buffer;
  /** the uncompressed size written in the headers, when it should not be the truth */
  declaredSize?: number;
}

export function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const compressed = deflateRawSync(part.data, { level: 9 });
    const size = part.declaredSize ?? part.data.length;
    const crc = crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(compressed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

function workbookParts(
  sheetXml: Buffer | string,
  sharedStrings: string[],
  sheetDeclaredSize?: number,
): Part[] {
  const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${text}`);
  return [
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.isBuffer(sheetXml) ? sheetXml : Buffer.from(sheetXml),
      declaredSize: sheetDeclaredSize,
    },
    {
      name: 'xl/sharedStrings.xml',
      data: xml(
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sharedStrings
          .map((text) => `<si><t>${escapeXml(text)}</t></si>`)
          .join('')}</sst>`,
      ),
    },
  ];
}

const SHEET_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_END = '</sheetData></worksheet>';

/** A workbook of rows of text (numbers as numbers), as Excel stores it: shared strings and cell references. */
export function xlsxOf(rows: (string | number)[][]): Buffer {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const column = (n: number): string =>
    (n >= 26 ? column(Math.floor(n / 26) - 1) : '') + String.fromCharCode(65 + (n % 26));
  const body = rows
    .map((cells, r) => {
      const inner = cells
        .map((cell, c) => {
          const ref = `${column(c)}${r + 1}`;
          if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
          if (!index.has(cell)) {
            index.set(cell, strings.length);
            strings.push(cell);
          }
          return `<c r="${ref}" t="s"><v>${index.get(cell)}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${inner}</row>`;
    })
    .join('');
  return zipOf(workbookParts(`${SHEET_START}${body}${SHEET_END}`, strings));
}

/**
 * The header and `rows` identical data rows: a million of them unpack to about 60 MB of XML from
 * a file of a few hundred kilobytes. `declare` writes another unpacked size for the sheet in the
 * headers than the truth (a lie a reader that trusts headers falls for).
 */
export function xlsxBomb(rows = 1_000_000, options: { declare?: number } = {}): Buffer {
  const header = '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c></row>';
  const row = '<row><c t="s"><v>3</v></c><c t="s"><v>4</v></c><c><v>5</v></c></row>';
  const sheet = Buffer.from(`${SHEET_START}${header}${row.repeat(rows)}${SHEET_END}`);
  return zipOf(
    workbookParts(sheet, ['organisation', 'indicator', 'value', 'north', 'participants'], options.declare),
  );
}
