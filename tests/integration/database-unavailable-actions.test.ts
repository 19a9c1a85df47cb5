// The server actions behind the staff's forms and the secretariat's forms, when the database has
// gone away: the form gets the clear "nothing was saved, try again" message in the user's language
// (a form state), not a thrown error that Next turns into an error page. The database is real and
// really closed; only the Next request APIs (session, cache, redirect) are replaced, since they do
// not exist outside a request.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import type { FormAction, FormState } from '@/lib/actions/form-state';
import type { Actor } from '@/lib/auth/actor';
import { adminActor, staffActor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createOrganisation, createSubmission, createYear } from '../helpers/fixtures';

const current = vi.hoisted(() => ({ db: null as unknown, actor: null as unknown, pending: '' }));

vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: async () => current.db as Database,
}));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => current.actor as Actor | null }));
vi.mock('next/cache', () => ({
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  unstable_cache: <T>(run: T) => run,
}));
vi.mock('next/navigation', () => ({
  redirect: vi.fn(() => {
    throw new Error('redirected: the action claimed success');
  }),
}));
// the sign-in form reads the request's headers and the pending-second-factor cookie
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '192.0.2.7', host: 'localhost' }),
  cookies: async () => ({
    get: (name: string) => (name === 'kr-pending-second-factor' ? { value: current.pending } : undefined),
    set: vi.fn(),
    delete: vi.fn(),
  }),
}));
vi.mock('@/auth', () => ({
  signIn: vi.fn(() => {
    throw new Error('signed in: the action claimed success');
  }),
  signOut: vi.fn(() => {
    throw new Error('signed out: the action claimed success');
  }),
}));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
process.env.AUTH_SECRET ??= 'test-secret-for-database-unavailable-actions-0123456789';

const { saveSubmissionAction, uploadCompanyListAction } = await import('@/lib/submissions/actions');
const { approveAction } = await import('@/lib/review/actions');
const { createYearAction, excludeAction } = await import('@/lib/years/actions');
const { inviteUserAction } = await import('@/lib/users/actions');
const { publishAction } = await import('@/lib/publications/actions');
const { signInAction } = await import('@/lib/auth/sign-in-action');
const { requestResetAction, acceptInvitationAction, resetPasswordAction } = await import(
  '@/lib/auth/password-actions'
);
const {
  changePasswordAction,
  startTotpAction,
  confirmTotpAction,
  regenerateRecoveryCodesAction,
  logOutEverywhereAction,
} = await import('@/lib/users/account-actions');
const { createTicket } = await import('@/lib/auth/ticket');

let database: TestDatabase;
let staff: Actor;
let admin: Actor;
let orgSlug: string;
let organisationId: number;
let submissionId: number;
const log = vi.spyOn(console, 'error').mockImplementation(() => {});

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await createYear(db, 2030);
  const organisation = await createOrganisation(db);
  orgSlug = organisation.slug;
  organisationId = organisation.id;
  submissionId = (await createSubmission(db, { organisationId, year: 2030 })).id;
  staff = await staffActor(db, [organisationId]);
  admin = await adminActor(db);
  current.db = db;
  // the database goes away after the actors were resolved (as in a request that was under way)
  await database.destroy();
});

afterAll(() => {
  log.mockRestore();
});

function form(entries: Record<string, string | File>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

describe('staff actions (lib/submissions/actions.ts)', () => {
  it('save: the form shows "nothing was saved, try again" and keeps what was typed', async () => {
    current.actor = staff;
    for (const [locale, words] of [
      ['da', /intet blev gemt/],
      ['en', /nothing was saved/],
    ] as const) {
      const state = await saveSubmissionAction(
        { status: 'idle' },
        form({ locale, orgSlug, year: '2030', version: '0', intent: 'draft', participants: '12' }),
      );
      expect(state.status).toBe('error');
      expect(state.message).toMatch(words);
      expect(state.values).toMatchObject({ participants: '12' });
    }
  });

  it('upload: the form shows the same message', async () => {
    current.actor = staff;
    const file = new File(['cvr\n12345678\n'], 'virksomheder.csv', { type: 'text/csv' });
    const state = await uploadCompanyListAction(
      { status: 'idle' },
      form({ locale: 'en', orgSlug, year: '2030', version: '0', companies: file }),
    );
    expect(state.status).toBe('error');
    expect(state.message).toMatch(/nothing was saved/);
  });
});

describe("the secretariat's actions (lib/{review,years,users,publications}/actions.ts)", () => {
  it.each([
    ['approve', () => approveAction, { submissionId: '', version: '1' }],
    [
      'create a year',
      () => createYearAction,
      { year: '2031', opensOn: '2032-01-01', deadline: '2032-03-01' },
    ],
    ['exclude', () => excludeAction, { year: '2030', organisationId: '', reason: 'Lukket' }],
    ['publish', () => publishAction, { year: '2030', changeNote: '' }],
    [
      'invite a person',
      () => inviteUserAction,
      { email: 'ny@example.org', name: 'Ny Person', role: 'admin' },
    ],
  ] as const)('%s: the form shows the message, with what was posted', async (_name, action, fields) => {
    current.actor = admin;
    const posted = {
      ...fields,
      ...('submissionId' in fields ? { submissionId: String(submissionId) } : {}),
      ...('organisationId' in fields ? { organisationId: String(organisationId) } : {}),
    };
    const da = await action()({ status: 'idle' }, form({ locale: 'da', ...posted }));
    expect(da).toMatchObject({ status: 'error', values: { locale: 'da' } });
    expect(da.message).toMatch(/intet blev gemt/);
    const en = await action()({ status: 'idle' }, form({ locale: 'en', ...posted }));
    expect(en.message).toMatch(/nothing was saved/);
  });
});

/** Both languages: the state's message says nothing was saved and to try again. */
async function expectUnavailable<S extends FormState<unknown>>(
  run: (locale: 'da' | 'en') => Promise<S>,
): Promise<S> {
  const da = await run('da');
  expect(da.message).toMatch(/intet blev gemt/);
  const en = await run('en');
  expect(en.message).toMatch(/nothing was saved/);
  return en;
}

describe('the sign-in form (lib/auth/sign-in-action.ts)', () => {
  it('email and password: the message, on the same step, with the email kept', async () => {
    const state = await expectUnavailable((locale) =>
      signInAction({ status: 'idle' }, form({ locale, email: 'a@example.org', password: 'a long password' })),
    );
    expect(state).toMatchObject({
      status: 'error',
      data: { step: 'password' },
      values: { email: 'a@example.org' },
    });
  });

  it('the second factor: the message, still on the code step', async () => {
    current.pending = createTicket(
      { purpose: 'pending-second-factor', userId: admin.userId, sessionVersion: 1, method: 'password' },
      300,
    );
    const state = await expectUnavailable((locale) =>
      signInAction({ status: 'idle' }, form({ locale, step: 'second_factor', code: '123456' })),
    );
    expect(state).toMatchObject({ status: 'error', data: { step: 'second_factor' } });
    expect(Object.keys(state.fieldErrors ?? {})).toEqual(['code']);
  });
});

describe('the password forms reached without a session (lib/auth/password-actions.ts)', () => {
  const token = 'A'.repeat(43);
  it.each([
    ['ask for a reset link', () => requestResetAction, { email: 'a@example.org' }],
    [
      'accept an invitation',
      () => acceptInvitationAction,
      { token, password: 'a long new password', confirmation: 'a long new password' },
    ],
    [
      'set a new password',
      () => resetPasswordAction,
      { token, password: 'a long new password', confirmation: 'a long new password' },
    ],
  ] as const)('%s: the message, not done', async (_name, action, fields) => {
    const state = await expectUnavailable((locale) =>
      action()({ status: 'idle' }, form({ locale, ...fields })),
    );
    expect(state.status).toBe('error');
  });
});

describe('the account forms (lib/users/account-actions.ts)', () => {
  it.each([
    [
      'change password',
      () => changePasswordAction,
      { current: 'the old password', password: 'a long new password', confirmation: 'a long new password' },
    ],
    ['start enrolling a second factor', () => startTotpAction, {}],
    ['confirm the second factor', () => confirmTotpAction, { code: '123456' }],
    ['new recovery codes', () => regenerateRecoveryCodesAction, { code: '123456' }],
    ['log out everywhere', () => logOutEverywhereAction, {}],
  ] as const)('%s: the message, not done', async (_name, action, fields) => {
    current.actor = staff;
    const state = await expectUnavailable((locale) =>
      (action() as FormAction)({ status: 'idle' }, form({ locale, ...fields })),
    );
    expect(state.status).toBe('error');
  });
});
