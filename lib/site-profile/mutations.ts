// Saving the site profile: an adminAction (lib/actions): authorised, zod-parsed, one transaction,
// audited.
import 'server-only';
import { siteProfile } from '@/db/schema';
import { adminAction } from '@/lib/actions/define';
import { ok } from '@/lib/result';
import { siteProfileSchema } from './profile';

export const saveSiteProfile = adminAction(
  siteProfileSchema,
  async ({ tx, actor, audit }, profile) => {
    const [before] = await tx.select().from(siteProfile).for('update');
    const values = { ...profile, updatedBy: actor.userId, updatedAt: new Date() };
    if (before) await tx.update(siteProfile).set(values);
    else await tx.insert(siteProfile).values({ id: 1, ...values });
    await audit({
      action: 'site_profile.save',
      entityType: 'site_profile',
      entityId: 1,
      before: before ?? null,
      after: profile,
    });
    return ok(profile);
  },
  { name: 'site_profile.save', messages: 'statistics.errors' },
);
