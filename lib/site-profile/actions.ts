'use server';
// The site profile form (lib/site-profile/mutations.ts through lib/actions/form.ts).
import { revalidatePath, updateTag } from 'next/cache';
import { formAction } from '@/lib/actions/form';
import { SITE_PROFILE_TAG } from './cached';
import { saveSiteProfile } from './mutations';

export const saveSiteProfileAction = formAction(saveSiteProfile, {
  refresh: () => {
    // the accessibility statement and the data catalogue show it
    updateTag(SITE_PROFILE_TAG);
    revalidatePath('/[locale]', 'layout');
  },
  done: () => ({ message: 'statistics.profile.saved' }),
  keepValues: true,
});
