// The site profile through Next's data cache; saving it updates the tag.
import 'server-only';
import { unstable_cache } from 'next/cache';
import { getDb } from '@/db/client';
import { readSiteProfile } from './profile';

export const SITE_PROFILE_TAG = 'site-profile';

export const cachedSiteProfile = unstable_cache(
  async () => readSiteProfile(await getDb()),
  ['site-profile'],
  {
    tags: [SITE_PROFILE_TAG],
  },
);
