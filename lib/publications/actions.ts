'use server';
// The publish form (lib/publications/mutations.ts through lib/actions/form.ts).
import { revalidatePath, updateTag } from 'next/cache';
import { formAction } from '@/lib/actions/form';
import { PUBLICATIONS_TAG } from './cached';
import { publishAccounts } from './mutations';

export const publishAction = formAction(publishAccounts, {
  refresh: () => {
    // the public site and the API read publications through the cache: expire it now, so the next
    // reader gets the new version. Not also revalidateTag(tag, 'max'): it would overwrite this
    // immediate expiry with a stale-while-revalidate one, and the next reader would still get the
    // old version (or the 404 of a year not published before).
    updateTag(PUBLICATIONS_TAG);
    revalidatePath('/[locale]', 'layout');
  },
  done: ({ version }) => ({ message: { key: 'admin.accounts.published', values: { version } } }),
});
