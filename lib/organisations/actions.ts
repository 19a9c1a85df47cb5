'use server';
// The organisation forms (lib/organisations/mutations.ts through lib/actions/form.ts).
import { updateTag } from 'next/cache';
import { formAction, refreshAdminPages } from '@/lib/actions/form';
import { ORGANISATIONS_TAG } from '@/lib/publications/cached';
import { createOrganisation, setOrganisationActiveTo, updateOrganisation } from './mutations';

function refresh() {
  refreshAdminPages();
  // the public catalogue and organisation pages show names, fields and websites
  updateTag(ORGANISATIONS_TAG);
}

const saved = () => ({ message: 'admin.organisations.saved' });

export const createOrganisationAction = formAction(createOrganisation, { refresh, done: saved });

export const updateOrganisationAction = formAction(updateOrganisation, { refresh, done: saved });

export const deactivateOrganisationAction = formAction(setOrganisationActiveTo, { refresh, done: saved });
