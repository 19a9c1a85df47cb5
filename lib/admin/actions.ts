'use server';
// The secretariat's server actions: thin. Resolve the actor, call the lib/ function (which checks
// checkAdmin itself), revalidate, and turn the Result into translated form state.
import { revalidatePath, updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { translate } from '@/i18n/messages';
import { getRoundOverview } from '@/lib/admin/overview';
import { sendReminders } from '@/lib/admin/reminders';
import { getActor } from '@/lib/auth/session';
import { withDatabaseAvailability } from '@/lib/database-unavailable';
import { dryRunImport, runImport } from '@/lib/bulk-import/import';
import { parseImportFile } from '@/lib/bulk-import/parse';
import { addIndicator, deleteIndicator, retireIndicator, updateIndicatorTexts } from '@/lib/indicators/admin';
import { createOrganisation, setOrganisationActiveTo, updateOrganisation } from '@/lib/organisations/admin';
import { ORGANISATIONS_TAG, PUBLICATIONS_TAG } from '@/lib/publications/cached';
import { publishAccounts } from '@/lib/publications/admin';
import type { Failure } from '@/lib/result';
import {
  approveSubmission,
  bulkApproveWithoutWarnings,
  extendDeadline,
  flagValue,
  returnSubmission,
} from '@/lib/review/review';
import { changeUser } from '@/lib/users/admin';
import { invitePerson, siteBaseUrl } from '@/lib/users/invitations';
import { changeYear, createReportingYear, excludeOrganisation, includeOrganisation } from '@/lib/years/years';
import type { AdminFormState } from './form-types';

type Locale = 'da' | 'en';
const localeOf = (formData: FormData): Locale => (formData.get('locale') === 'en' ? 'en' : 'da');
const text = (formData: FormData, name: string) => String(formData.get(name) ?? '');
const int = (formData: FormData, name: string) => Number.parseInt(text(formData, name), 10);

function failureState(failure: Failure, locale: Locale, formData: FormData): AdminFormState {
  const t = (code: string) => translate(locale, `admin.errors.${code}`);
  // withDatabaseAvailability's failure carries its sentence already ("nothing was saved, try again")
  if (failure.kind === 'unavailable')
    return { status: 'error', message: failure.message, values: valuesOf(formData) };
  const fieldErrors =
    failure.kind === 'invalid' && failure.fieldErrors
      ? Object.fromEntries(
          Object.entries(failure.fieldErrors).map(([field, codes]) => [
            field,
            t(codes[0] ?? 'invalid_input'),
          ]),
        )
      : undefined;
  let message = t(failure.message);
  const details =
    failure.kind === 'conflict' ? (failure.details as { organisations?: string[] } | undefined) : undefined;
  const lines =
    details?.organisations && details.organisations.length > 0
      ? [translate(locale, 'admin.accounts.unsettled', { organisations: details.organisations.join(', ') })]
      : undefined;
  if (message.startsWith('admin.errors.')) message = t('unexpected');
  return { status: 'error', message, fieldErrors, lines, values: valuesOf(formData) };
}

/** What the user posted, so the form shows it again. */
function valuesOf(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries())
    if (typeof value === 'string' && !key.startsWith('$')) values[key] = value;
  return values;
}

function refresh() {
  revalidatePath('/[locale]/admin', 'layout');
}

async function context(formData: FormData) {
  return { locale: localeOf(formData), actor: await getActor(), db: await getDb() };
}

function okState(
  locale: Locale,
  key: string,
  values: Record<string, string | number> = {},
  lines?: string[],
): AdminFormState {
  return { status: 'ok', message: translate(locale, key, values), lines };
}

// review

export async function approveAction(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const result = await withDatabaseAvailability(locale, () =>
    approveSubmission(db, actor, {
      submissionId: int(formData, 'submissionId'),
      version: int(formData, 'version'),
    }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  // the approve form goes away with the new state: the page itself tells the outcome
  redirect(
    `${locale === 'en' ? '/en' : ''}/admin/indberetning/${int(formData, 'submissionId')}?done=approved`,
  );
}

export async function returnAction(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const result = await withDatabaseAvailability(locale, () =>
    returnSubmission(db, actor, {
      submissionId: int(formData, 'submissionId'),
      version: int(formData, 'version'),
      remark: text(formData, 'remark'),
    }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  redirect(
    `${locale === 'en' ? '/en' : ''}/admin/indberetning/${int(formData, 'submissionId')}?done=returned`,
  );
}

export async function flagAction(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const result = await withDatabaseAvailability(locale, () =>
    flagValue(db, actor, {
      submissionId: int(formData, 'submissionId'),
      indicatorKey: text(formData, 'indicatorKey'),
      flagged: text(formData, 'flagged') === '1',
      note: text(formData, 'note'),
    }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  return okState(locale, 'admin.form.saved');
}

export async function bulkApproveAction(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const result = await withDatabaseAvailability(locale, () =>
    bulkApproveWithoutWarnings(db, actor, { year: int(formData, 'year') }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  return okState(locale, 'admin.overview.bulkApproved', {
    approved: result.value.approved.length,
    skipped: result.value.skipped.length,
  });
}

export async function extendDeadlineAction(
  _state: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const result = await withDatabaseAvailability(locale, () =>
    extendDeadline(db, actor, {
      organisationId: int(formData, 'organisationId'),
      year: int(formData, 'year'),
      deadline: text(formData, 'deadline'),
    }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  return okState(locale, 'admin.overview.extended_ok', { deadline: result.value.deadline });
}

export async function remindAction(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const result = await withDatabaseAvailability(locale, () =>
    sendReminders(db, actor, {
      year: int(formData, 'year'),
      baseUrl: siteBaseUrl(),
    }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  const logged = result.value.sent.some((entry) => entry.delivery === 'logged');
  return okState(locale, 'admin.overview.remindSent', { count: result.value.sent.length }, [
    ...(logged ? [translate(locale, 'admin.overview.remindLogged')] : []),
    ...result.value.sent.map((entry) => `${entry.email} (${entry.organisation})`),
  ]);
}

// years, exclusions, publishing

export async function createYearAction(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const result = await withDatabaseAvailability(locale, () =>
    createReportingYear(db, actor, {
      year: text(formData, 'year'),
      opensOn: text(formData, 'opensOn'),
      deadline: text(formData, 'deadline'),
    }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  return okState(locale, 'admin.years.created');
}

export async function changeYearAction(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const kind = text(formData, 'change');
  const change =
    kind === 'deadline'
      ? { kind, deadline: text(formData, 'deadline') }
      : kind === 'reopen'
        ? { kind, reason: text(formData, 'reason') }
        : kind === 'open' || kind === 'close'
          ? { kind }
          : null;
  if (!change) return { status: 'error', message: translate(locale, 'admin.errors.unexpected') };
  const result = await withDatabaseAvailability(locale, () =>
    changeYear(db, actor, { year: int(formData, 'year'), change: change as never }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  return okState(locale, 'admin.years.changed');
}

export async function excludeAction(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const result = await withDatabaseAvailability(locale, () =>
    excludeOrganisation(db, actor, {
      year: int(formData, 'year'),
      organisationId: int(formData, 'organisationId'),
      reason: text(formData, 'reason'),
    }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  return okState(locale, 'admin.accounts.excluded');
}

/** Excludes every active organisation of the year that is neither approved nor excluded yet. */
export async function excludeRestAction(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const year = int(formData, 'year');
  const reason = text(formData, 'reason');
  const overview = await withDatabaseAvailability(locale, () => getRoundOverview(db, actor, { year }));
  if (!overview.ok) return failureState(overview, locale, formData);
  let count = 0;
  for (const row of overview.value.rows.filter(
    (entry) => entry.state !== 'approved' && entry.state !== 'excluded',
  )) {
    const result = await withDatabaseAvailability(locale, () =>
      excludeOrganisation(db, actor, { year, organisationId: row.organisationId, reason }),
    );
    if (!result.ok) return failureState(result, locale, formData);
    count++;
  }
  refresh();
  return okState(locale, 'admin.accounts.excludedRest', { count });
}

export async function includeAction(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const result = await withDatabaseAvailability(locale, () =>
    includeOrganisation(db, actor, {
      year: int(formData, 'year'),
      organisationId: int(formData, 'organisationId'),
    }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  return okState(locale, 'admin.accounts.included');
}

export async function publishAction(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const result = await withDatabaseAvailability(locale, () =>
    publishAccounts(db, actor, {
      year: int(formData, 'year'),
      changeNote: text(formData, 'changeNote'),
    }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  // the public site and the API read publications through the cache: expire it now, so the next
  // reader gets the new version. Not also revalidateTag(tag, 'max'): it would overwrite this
  // immediate expiry with a stale-while-revalidate one, and the next reader would still get the old
  // version (or the 404 of a year not published before).
  updateTag(PUBLICATIONS_TAG);
  revalidatePath('/[locale]', 'layout');
  return okState(locale, 'admin.accounts.published', { version: result.value.version });
}

// organisations

const organisationInput = (formData: FormData) => ({
  slug: text(formData, 'slug'),
  name: text(formData, 'name'),
  kind: text(formData, 'kind'),
  field: text(formData, 'field'),
  region: text(formData, 'region'),
  website: text(formData, 'website'),
  activeFrom: text(formData, 'activeFrom'),
});

export async function createOrganisationAction(
  _state: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const result = await withDatabaseAvailability(locale, () =>
    createOrganisation(db, actor, organisationInput(formData)),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  // the public catalogue and organisation pages show names, fields and websites
  updateTag(ORGANISATIONS_TAG);
  return okState(locale, 'admin.organisations.saved');
}

export async function updateOrganisationAction(
  _state: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const result = await withDatabaseAvailability(locale, () =>
    updateOrganisation(db, actor, {
      id: int(formData, 'id'),
      ...organisationInput(formData),
    }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  // the public catalogue and organisation pages show names, fields and websites
  updateTag(ORGANISATIONS_TAG);
  return okState(locale, 'admin.organisations.saved');
}

export async function deactivateOrganisationAction(
  _state: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const raw = text(formData, 'lastYear').trim();
  const lastYear = raw === '' ? null : /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  const result = await withDatabaseAvailability(locale, () =>
    setOrganisationActiveTo(db, actor, { id: int(formData, 'id'), lastYear }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  // the public catalogue and organisation pages show names, fields and websites
  updateTag(ORGANISATIONS_TAG);
  return okState(locale, 'admin.organisations.saved');
}

// users

export async function inviteUserAction(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  // issue 3's invitePerson: the user, the memberships and the one-time link, mailed when SMTP_URL is
  // set; otherwise the link is shown here for the secretariat to copy
  const result = await withDatabaseAvailability(locale, () =>
    invitePerson(
      db,
      actor,
      {
        email: text(formData, 'email'),
        name: text(formData, 'name'),
        role: text(formData, 'role') as 'admin' | 'staff',
        organisationIds: formData.getAll('organisationIds').map(String),
      },
      { locale },
    ),
  );
  if (!result.ok) {
    const state = failureState(result, locale, formData);
    if (result.kind !== 'invalid' && result.kind !== 'conflict') return state;
    // invitePerson's messages are translated already; a taken address is the email field's error
    const fieldErrors =
      result.kind === 'invalid'
        ? Object.fromEntries(
            Object.entries(result.fieldErrors ?? {}).map(([field, messages]) => [
              field,
              messages[0] ?? result.message,
            ]),
          )
        : { email: result.message };
    const message =
      result.kind === 'invalid' ? result.message : translate(locale, 'admin.errors.invalid_input');
    return { ...state, message, fieldErrors };
  }
  refresh();
  const { email, link, delivered } = result.value;
  return okState(
    locale,
    'admin.users.invited',
    {},
    delivered
      ? [translate(locale, 'admin.users.invitationMailed', { email })]
      : [translate(locale, 'admin.users.invitationLink', { email }), link],
  );
}

export async function changeUserAction(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const kind = text(formData, 'change');
  const change =
    kind === 'role'
      ? { kind, role: text(formData, 'role') as 'admin' | 'staff' }
      : kind === 'memberships'
        ? { kind, organisationIds: formData.getAll('organisationIds').map((value) => Number(value)) }
        : kind === 'disable' || kind === 'enable' || kind === 'logout_everywhere'
          ? { kind }
          : null;
  if (!change) return { status: 'error', message: translate(locale, 'admin.errors.unexpected') };
  const result = await withDatabaseAvailability(locale, () =>
    changeUser(db, actor, { userId: int(formData, 'userId'), change: change as never }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  return okState(locale, 'admin.users.changed');
}

// indicators

export async function addIndicatorAction(
  _state: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const input = Object.fromEntries(
    ['key', 'kind', 'groupKey', 'labelDa', 'labelEn', 'helpDa', 'helpEn', 'year'].map((name) => [
      name,
      text(formData, name),
    ]),
  );
  const result = await withDatabaseAvailability(locale, () => addIndicator(db, actor, input));
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  return okState(locale, 'admin.indicators.saved');
}

export async function updateIndicatorAction(
  _state: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const input = Object.fromEntries(
    ['labelDa', 'labelEn', 'helpDa', 'helpEn'].map((name) => [name, text(formData, name)]),
  );
  const result = await withDatabaseAvailability(locale, () =>
    updateIndicatorTexts(db, actor, { id: int(formData, 'id'), ...input }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  return okState(locale, 'admin.indicators.saved');
}

export async function retireIndicatorAction(
  _state: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const result = await withDatabaseAvailability(locale, () =>
    retireIndicator(db, actor, { id: int(formData, 'id') }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  return okState(locale, 'admin.indicators.saved');
}

export async function deleteIndicatorAction(
  _state: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const result = await withDatabaseAvailability(locale, () =>
    deleteIndicator(db, actor, { id: int(formData, 'id') }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  return okState(locale, 'admin.indicators.deleted');
}

// bulk import

export async function importAction(_state: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const { locale, actor, db } = await context(formData);
  const file = formData.get('file');
  const year = int(formData, 'year');
  if (!(file instanceof File) || file.size === 0) {
    return {
      status: 'error',
      message: translate(locale, 'admin.errors.invalid_input'),
      fieldErrors: { file: translate(locale, 'admin.errors.file_missing') },
    };
  }
  const parsed = await parseImportFile(file.name, await file.arrayBuffer());
  if (!parsed.ok) {
    const problem = translate(locale, `admin.importProblems.${parsed.problem}`);
    return {
      status: 'error',
      message: translate(locale, 'admin.errors.import_has_problems'),
      fieldErrors: { file: problem },
    };
  }
  const dryRun = text(formData, 'mode') !== 'run';
  const plan = await withDatabaseAvailability(locale, () =>
    dryRunImport(db, actor, { year, rows: parsed.rows }),
  );
  if (!plan.ok) return failureState(plan, locale, formData);
  if (plan.value.problems.length > 0) {
    return {
      status: 'error',
      message: translate(locale, 'admin.import.problems', { count: plan.value.problems.length }),
      lines: plan.value.problems.map((problem) =>
        translate(locale, 'admin.import.problem', {
          row: problem.row,
          text: translate(locale, `admin.importProblems.${problem.code}`, { value: problem.value ?? '' }),
        }),
      ),
    };
  }
  if (dryRun) {
    return okState(locale, 'admin.import.dryRunOk', {
      values: plan.value.values.length,
      organisations: plan.value.organisations,
    });
  }
  const result = await withDatabaseAvailability(locale, () =>
    runImport(db, actor, { year, rows: parsed.rows }),
  );
  if (!result.ok) return failureState(result, locale, formData);
  refresh();
  return okState(locale, 'admin.import.done', result.value);
}
