// THE PERMISSION MATRIX: every route (page.tsx / route.ts under app/) and every server action
// ('use server' export) with what each kind of visitor gets. Two tests read it:
//   tests/integration/permission-matrix.test.ts — fails when a route or action has no entry (or an
//     entry names something that no longer exists), and runs each action's core function as every role;
//   tests/e2e/permission-matrix.spec.ts — requests every route as every role against `next start`.
//
// To add a route: one RouteEntry with the file, a concrete path (placeholders {orgA}, {orgB}:
// organisation A's and B's slugs in the demo data; {year}: the open year 2017; {companyListYear}:
// 2016, a year with company lists) and the answer for each role. A file may have several entries.
// To add a server action: one ActionEntry with file + export name, the answer per role, and `run`:
// call the lib/ core function behind the action as the given actor, against organisation A.
//
// Roles: anonymous; staffA (member of organisation A); staffB (member of B, acting on A's things —
// the "edited the URL or hidden field" attack); disabled (a disabled member of A with an old,
// validly signed session: its actor resolves to null); admin (secretariat with TOTP enrolled).
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { submissionMessages } from '@/lib/submissions/messages';
import { saveSubmission, uploadCompanyList } from '@/lib/submissions/save';
import {
  changePassword,
  confirmTotpEnrolment,
  logOutEverywhere,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from '@/lib/users/account';

export const ROLES = ['anonymous', 'staffA', 'staffB', 'disabled', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * 200: the page; 'login': sent to /login (by the proxy or the page); 'enrol': an admin sent to
 * /konto to enrol a second factor; 403 / 404; or `redirect:/path` for any other redirect target.
 */
export type RouteAnswer = 200 | 401 | 403 | 404 | 'login' | `redirect:${string}`;

export interface RouteEntry {
  file: string;
  path: string;
  answers: Record<Role, RouteAnswer>;
  /** requested after every other route (it ends the session it is requested with) */
  last?: boolean;
}

/** allowed: the core function did not refuse (it may still say the input is invalid); forbidden: 403 + audit. */
export type ActionAnswer = 'allowed' | 'forbidden';

export interface MatrixContext {
  db: Database;
  organisationA: { id: number; slug: string };
  organisationB: { id: number; slug: string };
  year: number;
}

export interface ActionEntry {
  file: string;
  name: string;
  /** 'public': reachable without a session by design (its own token or password is the authority) */
  answers: Record<Role, ActionAnswer> | 'public';
  run?: (context: MatrixContext, actor: Actor | null) => Promise<{ ok: boolean; kind?: string }>;
}

const everyone = (answer: RouteAnswer): Record<Role, RouteAnswer> => ({
  anonymous: answer,
  staffA: answer,
  staffB: answer,
  disabled: answer,
  admin: answer,
});
const signedIn = { anonymous: 'login', staffA: 200, staffB: 200, disabled: 'login', admin: 200 } as const;
const anyUser: Record<Role, ActionAnswer> = {
  anonymous: 'forbidden',
  staffA: 'allowed',
  staffB: 'allowed',
  disabled: 'forbidden',
  admin: 'allowed',
};

export const routes: RouteEntry[] = [
  { file: 'app/[locale]/(public)/page.tsx', path: '/', answers: everyone(200) },
  { file: 'app/[locale]/login/page.tsx', path: '/login', answers: everyone(200) },
  { file: 'app/[locale]/login/glemt/page.tsx', path: '/login/glemt', answers: everyone(200) },
  {
    file: 'app/[locale]/login/nulstil/[token]/page.tsx',
    path: '/login/nulstil/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    answers: everyone(200),
  },
  {
    file: 'app/[locale]/invitation/[token]/page.tsx',
    path: '/en/invitation/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    answers: everyone(200),
  },
  { file: 'app/[locale]/konto/page.tsx', path: '/konto', answers: signedIn },
  { file: 'app/api/health/route.ts', path: '/api/health', answers: everyone(200) },
  { file: 'app/api/auth/[...nextauth]/route.ts', path: '/api/auth/session', answers: everyone(200) },
  // staff reporting (issue: submissions)
  { file: 'app/[locale]/portal/page.tsx', path: '/portal', answers: signedIn },
  {
    file: 'app/[locale]/portal/[orgSlug]/[year]/page.tsx',
    path: '/portal/{orgA}/{year}',
    answers: { anonymous: 'login', staffA: 200, staffB: 403, disabled: 'login', admin: 200 },
  },
  {
    file: 'app/[locale]/portal/[orgSlug]/[year]/page.tsx',
    path: '/en/portal/{orgB}/{year}',
    answers: { anonymous: 'login', staffA: 403, staffB: 200, disabled: 'login', admin: 200 },
  },
  {
    file: 'app/api/portal/[orgSlug]/[year]/companies/route.ts',
    path: '/api/portal/{orgA}/{companyListYear}/companies',
    answers: { anonymous: 401, staffA: 200, staffB: 403, disabled: 401, admin: 200 },
  },
  { file: 'app/[locale]/logout/route.ts', path: '/en/logout', answers: everyone('redirect:/en'), last: true },
];

const reporting = (locale: 'da' | 'en' = 'en') => ({ locale, messages: submissionMessages(locale) });

export const actions: ActionEntry[] = [
  {
    file: 'lib/submissions/actions.ts',
    name: 'saveSubmissionAction',
    answers: {
      anonymous: 'forbidden',
      staffA: 'allowed',
      staffB: 'forbidden',
      disabled: 'forbidden',
      admin: 'allowed',
    },
    // staff B naming organisation A in the hidden orgSlug field is the attack
    run: ({ db, organisationA, year }, actor) =>
      saveSubmission(db, actor, {
        orgSlug: organisationA.slug,
        year,
        version: 0,
        intent: 'draft',
        fields: { participants: '10' },
        ...reporting(),
      }),
  },
  {
    file: 'lib/submissions/actions.ts',
    name: 'uploadCompanyListAction',
    answers: {
      anonymous: 'forbidden',
      staffA: 'allowed',
      staffB: 'forbidden',
      disabled: 'forbidden',
      admin: 'allowed',
    },
    run: ({ db, organisationA, year }, actor) =>
      uploadCompanyList(db, actor, {
        orgSlug: organisationA.slug,
        year,
        version: 0,
        csv: 'cvr\n',
        filename: 'companies.csv',
        ...reporting(),
      }),
  },
  { file: 'lib/auth/sign-in-action.ts', name: 'signInAction', answers: 'public' },
  { file: 'lib/auth/sso-action.ts', name: 'signInWithSsoAction', answers: 'public' },
  { file: 'lib/auth/password-actions.ts', name: 'requestResetAction', answers: 'public' },
  { file: 'lib/auth/password-actions.ts', name: 'acceptInvitationAction', answers: 'public' },
  { file: 'lib/auth/password-actions.ts', name: 'resetPasswordAction', answers: 'public' },
  {
    file: 'lib/users/account-actions.ts',
    name: 'changePasswordAction',
    answers: anyUser,
    run: ({ db }, actor) => changePassword(db, actor, { current: 'wrong', password: 'x', confirmation: 'x' }),
  },
  {
    file: 'lib/users/account-actions.ts',
    name: 'startTotpAction',
    answers: anyUser,
    run: ({ db }, actor) => startTotpEnrolment(db, actor),
  },
  {
    file: 'lib/users/account-actions.ts',
    name: 'confirmTotpAction',
    answers: anyUser,
    run: ({ db }, actor) => confirmTotpEnrolment(db, actor, { code: '000000' }),
  },
  {
    file: 'lib/users/account-actions.ts',
    name: 'regenerateRecoveryCodesAction',
    answers: anyUser,
    run: ({ db }, actor) => regenerateRecoveryCodes(db, actor, { code: '000000' }),
  },
  {
    file: 'lib/users/account-actions.ts',
    name: 'logOutEverywhereAction',
    answers: anyUser,
    run: ({ db }, actor) => logOutEverywhere(db, actor),
  },
];
