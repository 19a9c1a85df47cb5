// THE PERMISSION MATRIX: every route (page.tsx / route.ts under app/) and every server action
// ('use server' export) with what each kind of visitor gets. Two tests read it:
//   tests/integration/permission-matrix.test.ts — fails when a route or action has no entry (or an
//     entry names something that no longer exists), and runs each action's core function as every role;
//   tests/e2e/permission-matrix.spec.ts — requests every route as every role against `next start`.
//
// The routes live in ./permission-routes.ts (pure data the browser test can load); add a route there.
// To add a server action: one ActionEntry with file + export name, the answer per role, and `run`:
// call the lib/ core function behind the action as the given actor, against organisation A.
//
// Roles: anonymous; staffA (member of organisation A); staffB (member of B, acting on A's things —
// the "edited the URL or hidden field" attack); disabled (a disabled member of A with an old,
// validly signed session: its actor resolves to null); admin (secretariat with TOTP enrolled).
import { ROLES, type Role, type RouteAnswer, type RouteEntry, routes } from './permission-routes';
import type { Database } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import {
  addIndicator,
  deleteIndicator,
  retireIndicator,
  updateIndicatorTexts,
} from '@/lib/indicators/mutations';
import {
  createOrganisation,
  setOrganisationActiveTo,
  updateOrganisation,
} from '@/lib/organisations/mutations';
import { publishAccounts } from '@/lib/publications/mutations';
import { createEvidence, deleteEvidence, updateEvidence } from '@/lib/evidence/mutations';
import { saveDocumentationTexts } from '@/lib/documentation/mutations';
import type { JobSender } from '@/lib/jobs/job';
import { saveSiteProfile } from '@/lib/site-profile/mutations';
import { cancelRelease, moveRelease, scheduleRelease } from '@/lib/releases/schedule';
import {
  approveSubmission,
  bulkApproveWithoutWarnings,
  extendDeadline,
  flagValue,
  returnSubmission,
  sendReminders,
} from '@/lib/review/mutations';
import { configureReminders } from '@/lib/reminders/settings';
import { changeUser, invitePerson } from '@/lib/users/mutations';
import {
  excludeUnsettled,
  changeYear,
  createReportingYear,
  excludeOrganisation,
  includeOrganisation,
} from '@/lib/years/mutations';
import { checkImportFile, importCheckedFile } from '@/lib/bulk-import/import';
import { saveSubmission, uploadCompanyList } from '@/lib/submissions/save';
import { discardKeptDraft, keepDraft } from '@/lib/submissions/kept-drafts';
import { answerSecretariat, writeToOrganisation } from '@/lib/conversation/mutations';
import { inviteColleague, revokeInvitation } from '@/lib/users/colleagues';
import {
  changePassword,
  confirmTotpEnrolment,
  logOutEverywhere,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from '@/lib/users/account';

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

const reporting = (locale: 'da' | 'en' = 'en') => ({ locale });

const memberOfA: Record<Role, ActionAnswer> = {
  anonymous: 'forbidden',
  staffA: 'allowed',
  staffB: 'forbidden',
  disabled: 'forbidden',
  admin: 'allowed',
};

let invited = 0;

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
  // issue 16: the kept draft, the answer to the secretariat and the invitation of a colleague are
  // organisation A's members' (and the secretariat's); staff B naming A is the attack
  {
    file: 'lib/submissions/actions.ts',
    name: 'keepDraftAction',
    answers: memberOfA,
    run: ({ db, organisationA, year }, actor) =>
      keepDraft(db, actor, {
        orgSlug: organisationA.slug,
        year,
        version: 0,
        typed: { participants: '12' },
        opened: { participants: '' },
        ...reporting(),
      }),
  },
  {
    file: 'lib/submissions/actions.ts',
    name: 'discardKeptDraftAction',
    answers: memberOfA,
    run: ({ db, organisationA, year }, actor) =>
      discardKeptDraft(db, actor, { orgSlug: organisationA.slug, year, ...reporting() }),
  },
  {
    file: 'lib/conversation/actions.ts',
    name: 'answerSecretariatAction',
    answers: memberOfA,
    run: ({ db, organisationA, year }, actor) =>
      answerSecretariat(db, actor, {
        orgSlug: organisationA.slug,
        year,
        indicatorKey: '',
        body: 'Rettet.',
        ...reporting(),
      }),
  },
  {
    file: 'lib/conversation/actions.ts',
    name: 'writeToOrganisationAction',
    answers: onlyAdmin,
    run: ({ db }, actor) =>
      writeToOrganisation(db, actor, { submissionId: 999_999, indicatorKey: '', body: 'Hvorfor?' }),
  },
  {
    file: 'lib/users/colleague-actions.ts',
    name: 'inviteColleagueAction',
    answers: memberOfA,
    run: ({ db, organisationA }, actor) =>
      inviteColleague(db, actor, {
        orgSlug: organisationA.slug,
        email: `colleague-${++invited}@matrix.example`,
        name: 'Invited Colleague',
        ...reporting(),
      }),
  },
  {
    file: 'lib/users/colleague-actions.ts',
    name: 'revokeInvitationAction',
    answers: onlyAdmin,
    run: ({ db }, actor) => revokeInvitation(db, actor, { userId: 999_999 }),
  },
  ...adminActions(),
  ...statisticsActions(),
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

/** Core functions that must refuse before they queue anything: a sender that fails if used. */
const refusingSender: JobSender = {
  send: async () => {
    throw new Error('nothing may be queued for input this invalid');
  },
};

/** The statistics office's secretariat actions (issue 15): admins only. */
function statisticsActions(): ActionEntry[] {
  const entry = (file: string, name: string, run: NonNullable<ActionEntry['run']>): ActionEntry => ({
    file,
    name,
    answers: onlyAdmin,
    run,
  });
  const releases = 'lib/releases/actions.ts';
  return [
    entry(releases, 'scheduleReleaseAction', ({ db, year }, actor) =>
      scheduleRelease(refusingSender)(db, actor, { year, date: 'not a date', time: '10:00' }),
    ),
    entry(releases, 'moveReleaseAction', ({ db }, actor) =>
      moveRelease(refusingSender)(db, actor, {
        releaseId: 999_999,
        date: '',
        time: '',
        reasonDa: '',
        reasonEn: '',
      }),
    ),
    entry(releases, 'cancelReleaseAction', ({ db }, actor) =>
      cancelRelease(db, actor, { releaseId: 999_999, reasonDa: 'a', reasonEn: 'b' }),
    ),
    entry('lib/documentation/actions.ts', 'saveDocumentationAction', ({ db }, actor) =>
      saveDocumentationTexts(db, actor, { year: 'not a year' }),
    ),
    entry('lib/site-profile/actions.ts', 'saveSiteProfileAction', ({ db }, actor) =>
      saveSiteProfile(db, actor, { contactEmail: 'not an email' }),
    ),
  ];
}

/**
 * The secretariat's actions (lib/<feature>/actions.ts): only an admin may run them. Each `run` calls
 * the kit action behind the form aimed at organisation A, with input that leaves the year usable
 * for the other entries (a submission that does not exist, an indicator id that does not exist …).
 */
function adminActions(): ActionEntry[] {
  const FILES: Record<string, string> = {
    approveAction: 'review',
    returnAction: 'review',
    flagAction: 'review',
    bulkApproveAction: 'review',
    extendDeadlineAction: 'review',
    remindAction: 'review',
    createYearAction: 'years',
    changeYearAction: 'years',
    excludeAction: 'years',
    excludeRestAction: 'years',
    includeAction: 'years',
    publishAction: 'publications',
    createOrganisationAction: 'organisations',
    updateOrganisationAction: 'organisations',
    deactivateOrganisationAction: 'organisations',
    inviteUserAction: 'users',
    changeUserAction: 'users',
    addIndicatorAction: 'indicators',
    updateIndicatorAction: 'indicators',
    retireIndicatorAction: 'indicators',
    deleteIndicatorAction: 'indicators',
    checkImportAction: 'bulk-import',
    importAction: 'bulk-import',
    createEvidenceAction: 'evidence',
    updateEvidenceAction: 'evidence',
    deleteEvidenceAction: 'evidence',
    configureRemindersAction: 'reminders',
  };
  const entry = (name: string, run: NonNullable<ActionEntry['run']>): ActionEntry => ({
    file: `lib/${FILES[name]}/actions.ts`,
    name,
    answers: onlyAdmin,
    run,
  });
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
    entry('remindAction', ({ db, year }, actor) => sendReminders(db, actor, { year })),
    entry('createYearAction', ({ db }, actor) =>
      createReportingYear(db, actor, { year: 'not a year', opensOn: '', deadline: '' }),
    ),
    entry('changeYearAction', ({ db, year }, actor) =>
      changeYear(db, actor, { year, change: { kind: 'deadline', deadline: 'not a date' } }),
    ),
    entry('excludeAction', ({ db, organisationA, year }, actor) =>
      excludeOrganisation(db, actor, { year, organisationId: organisationA.id, reason: '' }),
    ),
    // excludes every unsettled organisation, here with no reason: refused as invalid
    entry('excludeRestAction', ({ db, year }, actor) => excludeUnsettled(db, actor, { year, reason: '' })),
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
    entry('createEvidenceAction', ({ db, year }, actor) =>
      createEvidence(db, actor, { year, key: 'Not Valid!' }),
    ),
    entry('updateEvidenceAction', ({ db }, actor) => updateEvidence(db, actor, { id: 999_999, key: 'x' })),
    entry('deleteEvidenceAction', ({ db }, actor) => deleteEvidence(db, actor, { id: 999_999 })),
    // reminders are off until set: setting them sends nothing to anyone by itself
    entry('configureRemindersAction', ({ db }, actor) =>
      configureReminders(db, actor, { daysBefore: '7', daysAfter: '' }),
    ),
    // a file whose one row names an indicator that does not exist: refused with its problem
    entry('checkImportAction', ({ db, organisationA, year }, actor) =>
      checkImportFile(db, actor, {
        year,
        file: new File(
          [`organisation;indicator;value\n${organisationA.slug};no_such_indicator;1\n`],
          'figures.csv',
        ),
      }),
    ),
    // an upload id nobody was given: not found for the secretariat, forbidden for the rest
    entry('importAction', ({ db }, actor) => importCheckedFile(db, actor, { uploadId: 'A'.repeat(32) })),
  ];
}

export { ROLES, type Role, type RouteAnswer, type RouteEntry, routes };
