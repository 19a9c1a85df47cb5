// A scheduled publication becomes public at its minute and not before, over HTTP, with nobody
// signed in. The server runs with the test clock (KLYNGE_TEST_CLOCK_TOKEN, lib/clock): the test
// says what time it is, and each setting runs the release job as the minute would and answers
// when that run has finished — so "not yet" is asserted after a real run of the job, not before it.
// The secretariat announces a correction of 2016 through the admin page; the public pages, the
// open-data API and the release calendar are read by a browser context without a session.
import { type APIRequestContext, expect, test } from '@playwright/test';
import { DEMO_ADMIN, expectNoAxeViolations, signIn } from './helpers';
import { TEST_CLOCK_TOKEN } from './ports';

test.describe.configure({ mode: 'serial' });
test.skip(
  process.env.E2E_RELEASES !== '1',
  'publishes a correction of 2016 on a test clock: runs in its own server run with E2E_RELEASES=1',
);

const NOTE = 'Rettet efter genberegning af én klynges virksomhedsliste';
// Danish time: 1 March 2030 is winter time, UTC+1
const ANNOUNCED = { date: '2030-03-01', time: '10:00', instant: '2030-03-01T09:00:00.000Z' };

async function setClock(request: APIRequestContext, now: string | null) {
  const response = await request.post('/api/test/clock', {
    headers: { Authorization: `Bearer ${TEST_CLOCK_TOKEN}` },
    data: { now },
  });
  expect(response.status()).toBe(200);
  // the release job ran to its end at this time
  expect(await response.json()).toMatchObject({ now, dueCheck: 'completed' });
}

async function publicState(request: APIRequestContext) {
  const latest = await request.get('/api/v1/accounts/2016');
  const second = await request.get('/api/v1/accounts/2016?version=2');
  const releases = (await (await request.get('/api/v1/releases')).json()) as {
    year: number;
    version: number;
    status: string;
    scheduledAt: string | null;
    publishedAt: string | null;
  }[];
  return {
    latestVersion: ((await latest.json()) as { version: number }).version,
    latestCacheControl: latest.headers()['cache-control'],
    secondStatus: second.status(),
    secondCacheControl: second.headers()['cache-control'],
    release: releases.find((entry) => entry.year === 2016 && entry.version === 2),
  };
}

test('a scheduled correction is public at its minute and not before, everywhere at once', async ({
  browser,
  request,
}) => {
  // a whole release day in one story (two clock jumps, each running the due job to its end, and
  // three readers' views after each): about 50 s on a quiet machine, more when it is busy
  test.setTimeout(180_000);
  const admin = await (await browser.newContext()).newPage();
  const reader = await (await browser.newContext()).newPage();

  await test.step('the clock stands at 09:00 Danish time on the day', async () => {
    await setClock(request, '2030-03-01T08:00:00.000Z');
  });

  await test.step('the secretariat announces the correction for 10:00, with its note', async () => {
    await signIn(admin, DEMO_ADMIN);
    await admin.waitForURL((url) => !url.pathname.startsWith('/login'));
    await admin.goto('/admin/udgivelser');
    const form = admin.locator('form#schedule');
    await form.getByLabel('Aktivitetsår').selectOption('2016');
    await form.getByLabel('Dato').fill(ANNOUNCED.date);
    await form.getByLabel('Klokkeslæt').fill(ANNOUNCED.time);
    await form.getByLabel('Begrundelse for rettelsen').fill(NOTE);
    await form.getByRole('button', { name: 'Annoncér udgivelsen' }).click();
    await expect(form.getByRole('status')).toContainText('2016 version 2 er annonceret');
    await expectNoAxeViolations(admin);
  });

  await test.step('the public sees the announcement and nothing else of the correction', async () => {
    const state = await publicState(request);
    expect(state.release).toEqual({
      year: 2016,
      version: 2,
      scheduledAt: ANNOUNCED.instant,
      publishedAt: null,
      status: 'scheduled',
    });
    expect(state.latestVersion).toBe(1);
    expect(state.secondStatus).toBe(404);
    // an hour before: no cache may keep version 1 past 10:00
    expect(state.latestCacheControl).toBe('public, max-age=300, stale-while-revalidate=3300');
    await reader.goto('/udgivelser');
    await expect(reader.getByTestId('upcoming-releases')).toContainText('rettelse (version 2)');
    await expect(reader.getByTestId('upcoming-releases')).toContainText('1. mar. 2030, 10.00');
    await expectNoAxeViolations(reader);
    for (const path of ['/udgivelser', '/regnskab/2016', '/api/v1/releases', '/api/v1/accounts/2016']) {
      expect(await (await request.get(path)).text()).not.toContain(NOTE);
    }
  });

  await test.step('at 09:59:59 the job has run and still nothing is out', async () => {
    await setClock(request, '2030-03-01T08:59:59.000Z');
    const state = await publicState(request);
    expect(state.latestVersion).toBe(1);
    expect(state.secondStatus).toBe(404);
    expect(state.release?.status).toBe('scheduled');
    expect(state.latestCacheControl).toBe('public, max-age=1, must-revalidate');
    await reader.goto('/regnskab/2016');
    await expect(reader.getByTestId('history')).not.toContainText('Version 2');
  });

  await test.step('at 10:00:00 it is out on the pages, in the API and on the calendar', async () => {
    await setClock(request, '2030-03-01T09:00:00.000Z');
    const state = await publicState(request);
    expect(state.latestVersion).toBe(2);
    expect(state.secondStatus).toBe(200);
    expect(state.release).toEqual({
      year: 2016,
      version: 2,
      scheduledAt: ANNOUNCED.instant,
      publishedAt: ANNOUNCED.instant,
      status: 'published',
    });
    // no release ahead: the usual caching again
    expect(state.latestCacheControl).toBe('public, max-age=300, stale-while-revalidate=86400');
    await reader.goto('/regnskab/2016');
    await expect(reader.getByTestId('history')).toContainText(NOTE);
    await reader.goto('/udgivelser');
    await expect(reader.getByTestId('past-releases')).toContainText('som annonceret');
  });

  await test.step('moving and cancelling a release is shown with its reasons', async () => {
    await admin.goto('/admin/udgivelser');
    const form = admin.locator('form#schedule');
    await form.getByLabel('Aktivitetsår').selectOption('2016');
    await form.getByLabel('Dato').fill('2030-03-08');
    await form.getByLabel('Klokkeslæt').fill('10:00');
    await form.getByLabel('Begrundelse for rettelsen').fill('Endnu en rettelse');
    await form.getByRole('button', { name: 'Annoncér udgivelsen' }).click();
    await expect(form.getByRole('status')).toContainText('version 3');

    await admin.reload();
    const move = admin.locator('form[id^="move-"]');
    // a move without reasons is refused and changes nothing
    await move.getByLabel('Dato').fill('2030-03-09');
    await move.getByRole('button', { name: 'Flyt udgivelsen' }).click();
    await expect(move.getByRole('alert')).toContainText('Skal udfyldes');
    await reader.goto('/udgivelser');
    await expect(reader.getByTestId('upcoming-releases')).toContainText('8. mar. 2030');

    await move.getByLabel('Dato').fill('2030-03-09');
    await move.getByLabel('Begrundelse (dansk, vises i kalenderen)').fill('Tallene kommer en dag senere');
    await move.getByLabel('Begrundelse (engelsk, vises i kalenderen)').fill('The figures come a day later');
    await move.getByRole('button', { name: 'Flyt udgivelsen' }).click();
    await expect(move.getByRole('status')).toContainText('flyttet');
    await reader.goto('/udgivelser');
    await expect(reader.getByTestId('upcoming-releases')).toContainText('Tallene kommer en dag senere');
    await reader.goto('/en/udgivelser');
    await expect(reader.getByTestId('upcoming-releases')).toContainText('The figures come a day later');
    await expectNoAxeViolations(reader);

    await admin.reload();
    const cancel = admin.locator('form[id^="cancel-"]');
    await cancel
      .getByLabel('Begrundelse (dansk, vises i kalenderen)')
      .fill('Rettelsen indgår i næste års udgivelse');
    await cancel
      .getByLabel('Begrundelse (engelsk, vises i kalenderen)')
      .fill('The correction goes into next year’s release');
    await cancel.getByRole('button', { name: 'Aflys udgivelsen' }).click();
    // the release leaves the list of announced ones, its form with it
    await expect(admin.getByText('Ingen udgivelser er annonceret.')).toBeVisible();
    await reader.goto('/udgivelser');
    await expect(reader.getByTestId('past-releases')).toContainText('Rettelsen indgår i næste års udgivelse');
    const releases = (await (await request.get('/api/v1/releases')).json()) as { version: number }[];
    expect(releases.some((entry) => entry.version === 3)).toBe(false);
  });

  await test.step('at the cancelled minute nothing is published', async () => {
    await setClock(request, '2030-03-09T09:00:00.000Z');
    expect((await publicState(request)).latestVersion).toBe(2);
    await setClock(request, null);
  });
});

test('the test clock is not there for anyone without its token', async ({ request }) => {
  const attempts: Record<string, string>[] = [
    {},
    { Authorization: 'Bearer wrong' },
    { Authorization: `Bearer ${TEST_CLOCK_TOKEN}x` },
  ];
  for (const headers of attempts) {
    const response = await request.post('/api/test/clock', {
      headers,
      data: { now: '2040-01-01T00:00:00Z' },
    });
    expect(response.status()).toBe(404);
  }
});
