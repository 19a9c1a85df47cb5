// THE PERMISSION MATRIX: every route (page.tsx / route.ts under app/) and every server action
// ('use server' export) with what each kind of visitor gets. Two tests read it:
//   tests/integration/permission-matrix.test.ts — fails when a route or action has no entry (or an
//     entry names something that no longer exists), and runs each action's core function as every role;
//   tests/e2e/permission-matrix.spec.ts — requests every route as every role against `next start`.
//
// To add a route: one RouteEntry with the file, a concrete path (placeholders {orgA}, {orgB}:
// organisation A's and B's slugs in the demo data; {year}: the open year 2017; {companyListYear}:
// 2016, a year with company lists; {publishedYear}: 2016, published) and the answer for each role. A file may have several entries.
// To add a server action: one ActionEntry with file + export name, the answer per role, and `run`:
// call the lib/ core function behind the action as the given actor, against organisation A.
//
// Roles: anonymous; staffA (member of organisation A); staffB (member of B, acting on A's things —
// the "edited the URL or hidden field" attack); disabled (a disabled member of A with an old,
// validly signed session: its actor resolves to null); admin (secretariat with TOTP enrolled).
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { getRoundOverview } from '@/lib/admin/overview';
import { sendReminders } from '@/lib/admin/reminders';
import { dryRunImport, runImport } from '@/lib/bulk-import/import';
import { addIndicator, deleteIndicator, retireIndicator, updateIndicatorTexts } from '@/lib/indicators/admin';
import { createOrganisation, setOrganisationActiveTo, updateOrganisation } from '@/lib/organisations/admin';
import { publishAccounts } from '@/lib/publications/admin';
import {
  approveSubmission,
  bulkApproveWithoutWarnings,
  extendDeadline,
  flagValue,
  returnSubmission,
} from '@/lib/review/review';
import { submissionMessages } from '@/lib/submissions/messages';
import { saveSubmission, uploadCompanyList } from '@/lib/submissions/save';
import {
  changePassword,
  confirmTotpEnrolment,
  logOutEverywhere,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from '@/lib/users/account';
import { changeUser } from '@/lib/users/admin';
import { invitePerson } from '@/lib/users/invitations';
import { changeYear, createReportingYear, excludeOrganisation, includeOrganisation } from '@/lib/years/years';

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
const adminOnly = { anonymous: 'login', staffA: 403, staffB: 403, disabled: 'login', admin: 200 } as const;
const anyUser: Record<Role, ActionAnswer> = {
  anonymous: 'forbidden',
  staffA: 'allowed',
  staffB: 'allowed',
  disabled: 'forbidden',
  admin: 'allowed',
};

const onlyAdmin: Record<Role, ActionAnswer> = {
  anonymous: 'forbidden',
  staffA: 'forbidden',
  staffB: 'forbidden',
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
  // the public site (issue: public): published figures, open to everyone
  { file: 'app/[locale]/(public)/regnskab/page.tsx', path: '/regnskab', answers: everyone(200) },
  {
    file: 'app/[locale]/(public)/regnskab/[year]/page.tsx',
    path: '/regnskab/{publishedYear}',
    answers: everyone(200),
  },
  {
    file: 'app/[locale]/(public)/regnskab/[year]/v/[version]/page.tsx',
    path: '/en/regnskab/{publishedYear}/v/1',
    answers: everyone(200),
  },
  {
    file: 'app/[locale]/(public)/regnskab/[year]/organisationer/page.tsx',
    path: '/regnskab/{publishedYear}/organisationer',
    answers: everyone(200),
  },
  {
    file: 'app/[locale]/(public)/regnskab/[year]/download/[format]/route.ts',
    path: '/regnskab/{publishedYear}/download/csv',
    answers: everyone(200),
  },
  { file: 'app/[locale]/(public)/klynger/page.tsx', path: '/klynger', answers: everyone(200) },
  {
    file: 'app/[locale]/(public)/klynger/[slug]/page.tsx',
    path: '/en/klynger/{orgA}',
    answers: everyone(200),
  },
  { file: 'app/[locale]/(public)/om/page.tsx', path: '/om', answers: everyone(200) },
  { file: 'app/[locale]/(public)/om/data/page.tsx', path: '/om/data', answers: everyone(200) },
  {
    file: 'app/embed/[locale]/regnskab/[year]/[dimension]/page.tsx',
    path: '/embed/da/regnskab/{publishedYear}/kind',
    answers: everyone(200),
  },
  { file: 'app/embed/[locale]/trend/page.tsx', path: '/embed/en/trend', answers: everyone(200) },
  { file: 'app/api/v1/accounts/route.ts', path: '/api/v1/accounts', answers: everyone(200) },
  {
    file: 'app/api/v1/accounts/[year]/route.ts',
    path: '/api/v1/accounts/{publishedYear}',
    answers: everyone(200),
  },
  { file: 'app/api/v1/organisations/route.ts', path: '/api/v1/organisations', answers: everyone(200) },
  {
    file: 'app/api/v1/organisations/[slug]/route.ts',
    path: '/api/v1/organisations/{orgA}',
    answers: everyone(200),
  },
  // the secretariat (issue: admin): staff get 403 from the admin layout's forbidden()
  { file: 'app/[locale]/admin/page.tsx', path: '/admin', answers: adminOnly },
  { file: 'app/[locale]/admin/page.tsx', path: '/en/admin?year={year}', answers: adminOnly },
  { file: 'app/[locale]/admin/regnskab/page.tsx', path: '/admin/regnskab?year={year}', answers: adminOnly },
  { file: 'app/[locale]/admin/aar/page.tsx', path: '/admin/aar', answers: adminOnly },
  {
    file: 'app/[locale]/admin/indberetning/[id]/page.tsx',
    path: '/admin/indberetning/1',
    answers: adminOnly,
  },
  { file: 'app/[locale]/admin/organisationer/page.tsx', path: '/admin/organisationer', answers: adminOnly },
  {
    file: 'app/[locale]/admin/organisationer/[id]/page.tsx',
    path: '/admin/organisationer/1',
    answers: adminOnly,
  },
  { file: 'app/[locale]/admin/brugere/page.tsx', path: '/admin/brugere', answers: adminOnly },
  { file: 'app/[locale]/admin/brugere/[id]/page.tsx', path: '/en/admin/brugere/1', answers: adminOnly },
  { file: 'app/[locale]/admin/indikatorer/page.tsx', path: '/admin/indikatorer', answers: adminOnly },
  { file: 'app/[locale]/admin/indikatorer/[id]/page.tsx', path: '/admin/indikatorer/1', answers: adminOnly },
  { file: 'app/[locale]/admin/import/page.tsx', path: '/admin/import', answers: adminOnly },
  { file: 'app/[locale]/admin/log/page.tsx', path: '/admin/log', answers: adminOnly },
  {
    file: 'app/api/admin/exports/[year]/route.ts',
    path: '/api/admin/exports/{publishedYear}?kind=accounts&format=csv',
    answers: { anonymous: 403, staffA: 403, staffB: 403, disabled: 403, admin: 200 },
  },
  {
    file: 'app/api/admin/exports/[year]/route.ts',
    path: '/api/admin/exports/{year}?kind=overlap&format=xlsx',
    answers: { anonymous: 403, staffA: 403, staffB: 403, disabled: 403, admin: 200 },
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
  ...adminActions(),
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

let invited = 0;

/**
 * The secretariat's actions (lib/admin/actions.ts): only an admin may run them. Each `run` calls the
 * core function behind the action aimed at organisation A, with input that leaves the year usable
 * for the other entries (a submission that does not exist, an indicator id that does not exist …).
 */
function adminActions(): ActionEntry[] {
  const file = 'lib/admin/actions.ts';
  const entry = (name: string, run: NonNullable<ActionEntry['run']>): ActionEntry => ({
    file,
    name,
    answers: onlyAdmin,
    run,
  });
  const importRows = (slug: string) => [
    { row: 2, organisation: slug, indicator: 'no_such_indicator', value: '1', denominator: '' },
  ];
  return [
    entry('approveAction', ({ db }, actor) =>
      approveSubmission(db, actor, { submissionId: 999_999, version: 0 }),
    ),
    entry('returnAction', ({ db }, actor) =>
      returnSubmission(db, actor, { submissionId: 999_999, version: 0, remark: 'Please correct.' }),
    ),
    entry('flagAction', ({ db }, actor) =>
      flagValue(db, actor, { submissionId: 999_999, indicatorKey: 'participants', flagged: true }),
    ),
    entry('bulkApproveAction', ({ db, year }, actor) => bulkApproveWithoutWarnings(db, actor, { year })),
    entry('extendDeadlineAction', ({ db, organisationA, year }, actor) =>
      extendDeadline(db, actor, { organisationId: organisationA.id, year, deadline: `${year + 1}-01-31` }),
    ),
    entry('remindAction', ({ db, year }, actor) => sendReminders(db, actor, { year, baseUrl: '' })),
    entry('createYearAction', ({ db }, actor) =>
      createReportingYear(db, actor, { year: 'not a year', opensOn: '', deadline: '' }),
    ),
    entry('changeYearAction', ({ db, year }, actor) =>
      changeYear(db, actor, { year, change: { kind: 'deadline', deadline: 'not a date' } }),
    ),
    entry('excludeAction', ({ db, organisationA, year }, actor) =>
      excludeOrganisation(db, actor, { year, organisationId: organisationA.id, reason: '' }),
    ),
    // excludes every unsettled organisation: its first step is the round overview
    entry('excludeRestAction', ({ db, year }, actor) => getRoundOverview(db, actor, { year })),
    entry('includeAction', ({ db, organisationA, year }, actor) =>
      includeOrganisation(db, actor, { year, organisationId: organisationA.id }),
    ),
    entry('publishAction', ({ db, year }, actor) =>
      publishAccounts(db, actor, { year, changeNote: 'x'.repeat(4001) }),
    ),
    entry('createOrganisationAction', ({ db }, actor) =>
      createOrganisation(db, actor, { slug: 'Not Valid!', name: '' }),
    ),
    entry('updateOrganisationAction', ({ db, organisationA }, actor) =>
      updateOrganisation(db, actor, { id: organisationA.id, slug: 'Not Valid!', name: '' }),
    ),
    entry('deactivateOrganisationAction', ({ db, organisationA }, actor) =>
      setOrganisationActiveTo(db, actor, { id: organisationA.id, lastYear: null }),
    ),
    entry('inviteUserAction', ({ db, organisationA }, actor) =>
      invitePerson(db, actor, {
        email: `invited-${++invited}@matrix.example`,
        name: 'Invited Person',
        role: 'staff',
        organisationIds: [organisationA.id],
      }),
    ),
    entry('changeUserAction', ({ db }, actor) =>
      changeUser(db, actor, { userId: 999_999, change: { kind: 'logout_everywhere' } }),
    ),
    entry('addIndicatorAction', ({ db }, actor) => addIndicator(db, actor, { key: 'Not Valid!' })),
    entry('updateIndicatorAction', ({ db }, actor) => updateIndicatorTexts(db, actor, { id: 999_999 })),
    entry('retireIndicatorAction', ({ db }, actor) => retireIndicator(db, actor, { id: 999_999 })),
    entry('deleteIndicatorAction', ({ db }, actor) => deleteIndicator(db, actor, { id: 999_999 })),
    // the action dry-runs first, then runs
    entry('importAction', async ({ db, organisationA, year }, actor) => {
      const plan = await dryRunImport(db, actor, { year, rows: importRows(organisationA.slug) });
      return plan.ok ? runImport(db, actor, { year, rows: importRows(organisationA.slug) }) : plan;
    }),
  ];
}
