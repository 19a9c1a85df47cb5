// The house rules that are about the shape of the code, checked: app/ and components/ never
// import the database (biome's noRestrictedImports, biome.json), and every lib/ module that
// touches the database is marked server-only, so no client bundle can pull it in.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const biome = path.join(root, 'node_modules', '.bin', 'biome');

interface Diagnostic {
  category: string;
  location: { path: string };
}

/** Lints the given files, laid out as in the repository, with the repository's biome.json. */
function lint(files: Record<string, string>): Diagnostic[] {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'klynge-lint-'));
  try {
    const config = JSON.parse(fs.readFileSync(path.join(root, 'biome.json'), 'utf8'));
    fs.writeFileSync(path.join(folder, 'biome.json'), JSON.stringify({ ...config, vcs: { enabled: false } }));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      fs.writeFileSync(path.join(folder, file), text);
    }
    let output: string;
    try {
      output = execFileSync(biome, ['lint', '--reporter=json', '.'], {
        cwd: folder,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      // biome exits 1 when it found errors; its report is on stdout all the same
      output = String((error as { stdout?: string }).stdout ?? '');
    }
    return (JSON.parse(output) as { diagnostics: Diagnostic[] }).diagnostics;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

const importing = (from: string) => `import { thing } from '${from}';\n\nexport const used = thing;\n`;

describe('app/ and components/ never import the database', () => {
  it('the lint fails a page, a route handler or a component that imports @/db, however it is spelled', () => {
    const refused = lint({
      'app/[locale]/probe/page.tsx': importing('@/db/client'),
      'app/api/probe/route.ts': importing('@/db/schema'),
      'components/probe/widget.tsx': importing('../../db/client'),
      'lib/probe/queries.ts': importing('@/db/client'),
      'app/[locale]/probe/fine.tsx': importing('@/lib/actions/request'),
    });
    const restricted = refused
      .filter((diagnostic) => diagnostic.category === 'lint/style/noRestrictedImports')
      .map((diagnostic) => diagnostic.location.path)
      .sort();
    expect(restricted).toEqual([
      'app/[locale]/probe/page.tsx',
      'app/api/probe/route.ts',
      'components/probe/widget.tsx',
    ]);
  });

  it('no file under app/ or components/ does it today', () => {
    const offenders = ['app', 'components'].flatMap((folder) =>
      walk(folder).filter((file) => /from ['"](@\/db|(\.\.\/)+db)\//.test(fs.readFileSync(file, 'utf8'))),
    );
    expect(offenders).toEqual([]);
  });
});

function walk(folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    return entry.isDirectory() ? walk(relative) : /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

describe('lib/ modules that touch the database are server-only', () => {
  it("every lib/ module importing the database client or schema starts with import 'server-only'", () => {
    const unmarked = walk('lib').filter((file) => {
      const source = fs.readFileSync(path.join(root, file), 'utf8');
      // a type-only import is erased at build time and reaches no database (lib/releases/front-cache.ts
      // runs in the request hooks too, outside the react-server condition that 'server-only' needs)
      const touches = /^import (?!type )[^;]*from ['"]@\/db\/(client|schema)['"]/m.test(source);
      return touches && !/^import 'server-only';$/m.test(source) && !/^'use server';$/m.test(source);
    });
    expect(unmarked).toEqual([]);
  });
});

describe('a company list is written only with its submission', () => {
  // the live accounts' fingerprint (lib/accounts/live-cache.ts) lets the submission's row stand for
  // its participants: a write that reached participants without the submission would go unseen
  it('only the company-list store writes participants, and only the save, in its transaction, calls it', () => {
    const writers = ['app', 'lib'].flatMap((folder) =>
      walk(folder).filter((file) =>
        /\b(insert|update|delete)\(participants\)|\b(insert\s+into|update|delete\s+from|copy)\s+participants\b/i.test(
          fs.readFileSync(path.join(root, file), 'utf8').replace(/^\s*(\/\/|\*).*$/gm, ''),
        ),
      ),
    );
    expect(writers).toEqual(['lib/submissions/company-list-store.ts']);
    const callers = walk('lib').filter(
      (file) =>
        !file.endsWith('company-list-store.ts') &&
        /\breplaceCompanyList\(/.test(fs.readFileSync(path.join(root, file), 'utf8')),
    );
    expect(callers).toEqual(['lib/submissions/save.ts']);
  });
});
