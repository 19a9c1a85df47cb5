// Stored text reaches pages only through React, which escapes it. The one way around that is
// dangerouslySetInnerHTML (or writing innerHTML): none of the app's source may use it. If a page
// ever needs it (e.g. JSON-LD), add the file below with the reason, and escape `<` in what it writes.
import fs from 'node:fs';
import path from 'node:path';
import { scriptJson } from '@/lib/catalog/script-json';
import { describe, expect, it } from 'vitest';

const ALLOWED: Record<string, string> = {
  // the dataset's JSON-LD data block, never executed, through scriptJson (tested below)
  'components/statistics/year-statistics.tsx': 'JSON-LD via lib/catalog/script-json',
};

function sourceFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(tsx?|jsx?|mjs)$/.test(entry.name) ? [full] : [];
  });
}

describe('stored text is rendered as text', () => {
  it('no page, component or lib module injects raw HTML', () => {
    const offenders = ['app', 'components', 'lib']
      .flatMap((folder) => sourceFiles(path.join(process.cwd(), folder)))
      .filter((file) =>
        /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML/.test(
          fs.readFileSync(file, 'utf8'),
        ),
      )
      .map((file) => path.relative(process.cwd(), file))
      .filter((file) => !(file in ALLOWED));
    expect(offenders).toEqual([]);
  });

  it('JSON in a data block cannot close its script element', () => {
    const text = scriptJson({ note: '</script><script>alert(1)</script>\u2028' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ note: '</script><script>alert(1)</script>\u2028' });
  });
});
