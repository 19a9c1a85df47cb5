'use server';
// The evidence statements' forms (lib/evidence/mutations.ts through lib/actions/form.ts).
import { formAction, refreshAdminPages } from '@/lib/actions/form';
import { createEvidence, deleteEvidence, updateEvidence } from './mutations';

const saved = () => ({ message: 'admin.evidence.saved' });

export const createEvidenceAction = formAction(createEvidence, { refresh: refreshAdminPages, done: saved });

export const updateEvidenceAction = formAction(updateEvidence, { refresh: refreshAdminPages, done: saved });

export const deleteEvidenceAction = formAction(deleteEvidence, {
  refresh: refreshAdminPages,
  done: () => ({ message: 'admin.evidence.deleted' }),
});
