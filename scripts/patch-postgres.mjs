// Repairs a defect of the `postgres` driver 3.4.9 (the newest release) that matters when the
// database stops mid-write: teardown cancels the deferred write without forgetting it, so
//  1. a write scheduled after the socket closed throws "Cannot read properties of null
//     (reading 'write')" from a setImmediate — an uncaught exception, not the query's error;
//  2. that connection slot can never flush again: after the database is back, its every
//     handshake times out (CONNECT_TIMEOUT forever) and a pool of 1 never recovers;
//  3. a FATAL error the server sent as it shut down (57P01) is kept and handed to the first
//     query on the next, healthy connection.
// Upstream: porsager/postgres issues #1066, #1154, #1208; pull requests #1168, #1176, #1209.
// tests/integration/database-fault.test.ts stops PostgreSQL mid-import with a pool of one
// connection and fails without this; tests/unit/postgres-driver-patch.test.ts checks it is applied.
// Runs as `postinstall`; idempotent; says so in one line when the driver no longer looks as expected.
import fs from 'node:fs';
import path from 'node:path';

export const MARKER = '/* klyngeregnskab: teardown forgets the deferred write */';
const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'node_modules', 'postgres');
const files = ['src/connection.js', 'cjs/src/connection.js', 'cf/src/connection.js'];

const guardedNextWrite = `function nextWrite(fn) {
    ${MARKER}
    if (socket === null) {
      // the bytes were for a socket that is gone; a query still waiting on them is settled
      // with the connection error instead of waiting forever
      chunk = nextWriteTimer = null
      ;(query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`;

function patch(source) {
  if (source.includes(MARKER)) return { source, state: 'already' };
  const original = 'function nextWrite(fn) {\n    const x = socket.write(chunk, fn)';
  const teardown = /\n(\s*)clearImmediate\(nextWriteTimer\)\n/g;
  const teardowns = source.match(teardown)?.length ?? 0;
  const closedSocket = '    socket.removeAllListeners()\n    socket = null\n';
  if (!source.includes(original) || teardowns !== 2 || !source.includes(closedSocket))
    return { source, state: 'unexpected' };
  const patched = source
    .replace(original, guardedNextWrite)
    .replace(teardown, '\n$1clearImmediate(nextWriteTimer)\n$1chunk = nextWriteTimer = null\n')
    .replace(closedSocket, `${closedSocket}    errorResponse = null\n`);
  return { source: patched, state: 'patched' };
}

let unexpected = 0;
for (const file of files) {
  const full = path.join(root, file);
  if (!fs.existsSync(full)) continue;
  const { source, state } = patch(fs.readFileSync(full, 'utf8'));
  if (state === 'patched') fs.writeFileSync(full, source);
  if (state === 'unexpected') unexpected++;
}
if (unexpected > 0) {
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  console.warn(
    `scripts/patch-postgres.mjs: postgres ${version} no longer matches the 3.4.9 source it repairs; ` +
      'check whether upstream fixed nextWrite/closed() and remove this script if so.',
  );
}
