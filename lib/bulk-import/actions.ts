'use server';
// The bulk-import forms (lib/bulk-import/import.ts through lib/actions/form.ts): the check of a
// file, which opens the page of what the import will write, and the import of that file.
import { localePath } from '@/i18n/paths';
import { formAction, refreshAdminPages } from '@/lib/actions/form';
import { checkImportFile, importCheckedFile } from './import';

const previewOf = (locale: 'da' | 'en', uploadId: string) =>
  localePath(locale, `/admin/import?upload=${encodeURIComponent(uploadId)}`);

export const checkImportAction = formAction(checkImportFile, {
  done: ({ uploadId }, { locale }) => ({ redirect: previewOf(locale, uploadId) }),
});

export const importAction = formAction(importCheckedFile, {
  refresh: refreshAdminPages,
  done: ({ uploadId }, { locale }) => ({ redirect: previewOf(locale, uploadId) }),
});
