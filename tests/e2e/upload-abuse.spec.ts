// Abusive company-list uploads against `next start`, as a member of staff sends them from the
// report page: a 50 MB file, a binary file renamed .csv, a file with 100,000 columns and one with
// 1 MB lines — with JavaScript and as a plain form post without it. Each is refused with a message
// in Danish, nothing is stored, the server stays up (same process, /api/health 200, a good upload
// still works) and its resident memory never passes 600 MiB (VmHWM of the listening process).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { validCvrs } from '../helpers/cvr';
import { expectNoAxeViolations, signIn } from './helpers';
import { E2E_PORT } from './ports';
import { pidListeningOn, resetPeakMemory, residentMemory } from './server-process';

test.describe.configure({ mode: 'serial' });
// The memory limit is for a server that serves these uploads, not for one that first served every
// other spec (after the full suite the demo server holds ~640 MiB before any upload): it runs in
// its own server run (scripts/test.sh starts one with E2E_UPLOAD_ABUSE=1).
test.skip(
  process.env.E2E_UPLOAD_ABUSE !== '1',
  'measures the server memory of the uploads alone: runs in its own server run with E2E_UPLOAD_ABUSE=1',
);

// an organisation no other spec reports for; its 2017 report is an editable draft in the demo
const SLUG = 'biotekklyngen-nordjylland';
const YEAR = 2017;
const PORT = E2E_PORT;
const MEMORY_LIMIT_MIB = 600;
/** What the abusive uploads may add to the resident memory the server had before them. */
const MEMORY_GROWTH_LIMIT_MIB = 200;

const [CVR_A, CVR_B] = validCvrs(2, 7_300_000) as [string, string];

const MIB = 1024 * 1024;
const HEADER = 'cvr,dedicated,under_50,new_ideas,new_competences,new_products\n';

/** The abusive files, written once to the test's output folder (a 50 MB buffer is too large to pass inline). */
function writeFiles(folder: string) {
  fs.mkdirSync(folder, { recursive: true });
  const file = (name: string, content: string | Buffer) => {
    const path = `${folder}/${name}`;
    fs.writeFileSync(path, content);
    return path;
  };
  const row = `${CVR_A},1,0,0,0,0\n`;
  return {
    // 50 MiB of well-formed rows: too large, whatever it holds
    huge: file('huge.csv', HEADER + row.repeat(Math.ceil((50 * MIB) / row.length))),
    // just over the upload limit (8,000,000 bytes) yet under Next's body limit (8 MiB): the server's own check
    overLimit: file('over-limit.csv', HEADER + row.repeat(Math.ceil(8_050_000 / row.length))),
    // a PNG signature and random bytes, renamed .csv
    binary: file(
      'picture.csv',
      Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(256 * 1024)]),
    ),
    // 100,000 columns, one company
    wide: file('wide.csv', `cvr${',c'.repeat(99_999)}\n${CVR_A}${',0'.repeat(99_999)}\n`),
    // lines of 1 MB: a name column nobody reads, 1 MB long
    longLines: file(
      'long-lines.csv',
      `cvr,navn\n${[CVR_A, CVR_B].map((cvr) => `${cvr},${'x'.repeat(MIB)}`).join('\n')}\n`,
    ),
    good: file('good.csv', `${HEADER}${CVR_A},1,1,0,0,0\n${CVR_B},0,0,1,0,0\n`),
  };
}

// What staff read for each refused file (the upload summary lists it under the heading).
const REFUSED = {
  huge: 'Filen fylder 52,5 MB; en virksomhedsliste må højst fylde 8 MB.',
  overLimit: 'Filen fylder 8,1 MB; en virksomhedsliste må højst fylde 8 MB.',
  binary: 'Filen er ikke en CSV-fil.',
  wide: 'Række 1 har mere end 200 kolonner.',
  longLines: 'Række 2 er længere end 10.000 tegn.',
} as const;
const NO_LIST = 'Der er ikke indlæst en virksomhedsliste';
const REPORT = `/portal/${SLUG}/${YEAR}`;

let files: ReturnType<typeof writeFiles>;
let serverPid: number;
let residentBeforeMiB: number;

test.beforeAll(() => {
  files = writeFiles(`${test.info().project.outputDir}/upload-abuse-files`);
  const pid = pidListeningOn(PORT);
  if (pid === null) throw new Error(`no process listens on port ${PORT}`);
  serverPid = pid;
  // the limit is for what these uploads cost: in a full run the other specs came first, and the
  // server's peak from their pages is theirs (it is logged here, not judged)
  const before = residentMemory(pid);
  residentBeforeMiB = before.rssMiB;
  test.info().annotations.push({
    type: 'server memory before',
    description: `resident ${before.rssMiB.toFixed(0)} MiB, peak so far ${before.peakMiB.toFixed(0)} MiB`,
  });
  if (!resetPeakMemory(pid)) throw new Error(`cannot reset the peak memory of process ${pid}`);
});

test.afterAll(() => {
  fs.rmSync(path.dirname(files.huge), { recursive: true, force: true });
});

async function staffPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await signIn(page, `${SLUG}@example.org`);
  await page.waitForURL(/\/portal$/);
  await page.goto(REPORT);
  return page;
}

async function expectNothingStored(page: Page) {
  await page.goto(REPORT);
  await expect(page.getByTestId('company-list-summary')).toContainText(NO_LIST);
}

function expectServerWithinMemory() {
  // the same process still listens: the server neither crashed nor restarted
  expect(pidListeningOn(PORT)).toBe(serverPid);
  const { rssMiB, peakMiB } = residentMemory(serverPid);
  test.info().annotations.push({
    type: 'server memory',
    description: `resident ${rssMiB.toFixed(0)} MiB, peak ${peakMiB.toFixed(0)} MiB`,
  });
  expect(peakMiB).toBeLessThan(MEMORY_LIMIT_MIB);
  expect(peakMiB - residentBeforeMiB).toBeLessThan(MEMORY_GROWTH_LIMIT_MIB);
}

test('[staff] with JavaScript: abusive files are refused with a message and nothing is stored', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await staffPage(browser, true);
  await expect(page.getByTestId('company-list-summary')).toContainText(NO_LIST);
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  for (const name of ['huge', 'binary', 'wide', 'longLines'] as const) {
    await page.getByLabel('CSV-fil med virksomheder').setInputFiles(files[name]);
    await page.getByRole('button', { name: 'Indlæs virksomhedsliste' }).click();
    const summary = page.getByTestId('upload-summary');
    await expect(summary, name).toHaveAttribute('role', 'alert');
    await expect(summary, name).toContainText('Der er et problem');
    await expect(summary.getByRole('link', { name: REFUSED[name] }), name).toHaveAttribute(
      'href',
      '#field-companies',
    );
    await expect(summary).toBeFocused();
    if (name === 'huge') {
      // refused in the browser: the 50 MB never leave it
      expect(posts).toEqual([]);
      await expectNoAxeViolations(page);
    }
  }
  await expectNothingStored(page);
  expectServerWithinMemory();
  await page.context().close();
});

test('[staff] without JavaScript: the same files as plain form posts are refused with a page that says why', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await staffPage(browser, false);
  for (const name of ['huge', 'overLimit', 'binary', 'wide', 'longLines'] as const) {
    await page.goto(REPORT);
    await page.getByLabel('CSV-fil med virksomheder').setInputFiles(files[name]);
    const response = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Indlæs virksomhedsliste' }).click();
    if (name === 'huge') {
      // more than the server takes in one post: answered from its Content-Length, before Next reads it
      const answer = await response;
      expect(answer.status()).toBe(413);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Filen er for stor – intet er gemt');
      await expect(page.getByTestId('request-too-large')).toContainText(
        'Det, du sendte, fylder 52,5 MB, og serveren modtager højst 8 MB ad gangen.',
      );
      // axe needs JavaScript: check the same page in a context that has it
      const checkerContext = await browser.newContext();
      const checker = await checkerContext.newPage();
      await checker.setContent(await answer.text());
      await expectNoAxeViolations(checker);
      await checkerContext.close();
      await page.getByRole('link', { name: 'Tilbage til siden' }).click();
      await expect(page.getByTestId('company-list-summary')).toContainText(NO_LIST);
    } else {
      expect((await response).status(), name).toBe(200);
      const summary = page.getByTestId('upload-summary');
      await expect(summary, name).toContainText('Virksomhedslisten er ikke indlæst, og intet er ændret.');
      await expect(summary.getByRole('link', { name: REFUSED[name] }), name).toBeVisible();
    }
  }
  await expectNothingStored(page);
  expectServerWithinMemory();
  await page.context().close();
});

test('[staff] afterwards the server answers, a good list is stored, and memory stayed under 600 MiB', async ({
  browser,
  request,
}) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  const page = await staffPage(browser, true);
  await page.getByLabel('CSV-fil med virksomheder').setInputFiles(files.good);
  await page.getByRole('button', { name: 'Indlæs virksomhedsliste' }).click();
  await expect(page.getByTestId('upload-summary')).toHaveText(
    'Virksomhedslisten er indlæst: 2 virksomheder.',
  );
  await page.reload();
  await expect(page.getByTestId('company-list-summary')).toContainText('Nuværende liste: 2 virksomheder.');
  expectServerWithinMemory();
  await page.context().close();
});
