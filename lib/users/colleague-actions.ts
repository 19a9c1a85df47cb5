'use server';
// Staff's invitation of a colleague and the secretariat's revocation of one (colleagues.ts through
// lib/actions/form.ts).
import { revalidatePath } from 'next/cache';
import { localePath } from '@/i18n/paths';
import { formAction, refreshAdminPages } from '@/lib/actions/form';
import { inviteColleague, revokeInvitation } from './colleagues';

export const inviteColleagueAction = formAction(inviteColleague, {
  refresh: () => {
    revalidatePath('/[locale]/portal', 'page');
    refreshAdminPages();
  },
  // mailed when SMTP_URL is set; otherwise the link is shown to pass on, as the secretariat's is
  done: ({ email, link, delivered }) => ({
    message: { key: 'portal.colleagues.invited', values: { email } },
    lines: delivered ? [] : [{ key: 'portal.colleagues.invitationLink', values: { email } }],
    verbatim: delivered ? [] : [link],
  }),
});

export const revokeInvitationAction = formAction(revokeInvitation, {
  refresh: () => {
    revalidatePath('/[locale]/portal', 'page');
    refreshAdminPages();
  },
  // the user is gone: back to the list, which says so (from the user's own page too)
  done: (_value, { locale }) => ({ redirect: localePath(locale, '/admin/brugere?revoked=1') }),
});
