// scripts/patch-postgres.mjs (run by `npm install`/`npm ci` as postinstall) must have repaired every
// build of the driver Node or Next may load; without it a database outage breaks connections for good.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MARKER = '/* klyngeregnskab: teardown forgets the deferred write */';
const driver = path.join(process.cwd(), 'node_modules', 'postgres');

describe('the postgres driver repair', () => {
  it.each(['src/connection.js', 'cjs/src/connection.js'])('is applied to %s', (file) => {
    const source = fs.readFileSync(path.join(driver, file), 'utf8');
    const version = JSON.parse(fs.readFileSync(path.join(driver, 'package.json'), 'utf8')).version;
    expect(source.includes(MARKER), `postgres ${version}: run \`node scripts/patch-postgres.mjs\``).toBe(
      true,
    );
    // both teardown paths forget the cancelled write
    expect(
      source.match(/\n\s*clearImmediate\(nextWriteTimer\)\n\s*chunk = nextWriteTimer = null/g),
    ).toHaveLength(2);
    // and a closed connection forgets the FATAL error its server sent while shutting down
    expect(source).toMatch(/socket = null\n\s*errorResponse = null\n/);
  });
});
