// Every port the end-to-end runs use derives from one base, so several checkouts can run their
// suites on one machine at once (`TEST_PORT_BASE=4000 npm test`). E2E_PORT still wins when set.
export const TEST_PORT_BASE = Number(process.env.TEST_PORT_BASE ?? 3100);

/**
 * Ports the fetch standard blocks (https://fetch.spec.whatwg.org/#port-blocking) in the range
 * test bases use: Chromium will not load a page from them and `next start` refuses to listen on
 * them ("6000 is reserved for x11"), so a base on one serves the app on the next port instead.
 */
const BLOCKED_PORTS = new Set([5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);

function firstUsablePort(port: number): number {
  let usable = port;
  while (BLOCKED_PORTS.has(usable)) usable++;
  return usable;
}

export const E2E_PORT = Number(process.env.E2E_PORT ?? firstUsablePort(TEST_PORT_BASE));
/** the test SMTP server a spec may start (tests/e2e/mail.ts): the base's own, +1000 */
export const SMTP_PORT = (process.env.E2E_PORT ? E2E_PORT : TEST_PORT_BASE) + 1000;
/** the test clock's token (lib/clock) of the server run that tests scheduled releases */
export const TEST_CLOCK_TOKEN = 'e2e-test-clock-e2e-test-clock-e2e-test-clock';
