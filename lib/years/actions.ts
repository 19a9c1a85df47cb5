'use server';
// The reporting years' and exclusions' forms (lib/years/mutations.ts through lib/actions/form.ts).
import { formAction, refreshAdminPages } from '@/lib/actions/form';
import {
  changeYear,
  createReportingYear,
  excludeOrganisation,
  excludeUnsettled,
  includeOrganisation,
} from './mutations';

export const createYearAction = formAction(createReportingYear, {
  refresh: refreshAdminPages,
  done: () => ({ message: 'admin.years.created' }),
});

export const changeYearAction = formAction(changeYear, {
  // one form per change: the hidden `change` names it, its own fields go with it
  input: ({ year, change, deadline, reason }) => ({ year, change: { kind: change, deadline, reason } }),
  refresh: refreshAdminPages,
  done: () => ({ message: 'admin.years.changed' }),
});

export const excludeAction = formAction(excludeOrganisation, {
  refresh: refreshAdminPages,
  done: () => ({ message: 'admin.accounts.excluded' }),
});

export const excludeRestAction = formAction(excludeUnsettled, {
  refresh: refreshAdminPages,
  done: ({ excluded }) => ({
    message: { key: 'admin.accounts.excludedRest', values: { count: excluded.length } },
  }),
});

export const includeAction = formAction(includeOrganisation, {
  refresh: refreshAdminPages,
  done: () => ({ message: 'admin.accounts.included' }),
});
