// The secretariat's reads of the release calendar, for its page.
import 'server-only';
import { forRequest } from '@/lib/actions/request';
import { combine } from '@/lib/result';
import { listYears } from '@/lib/years/queries';
import { listReleasesForAdmin } from './schedule';

/** The releases page: the years one can announce, and every release with its ids, notes and failures. */
export const readReleasesPage = forRequest(async (db, actor) =>
  combine({ years: await listYears(db, actor), releases: await listReleasesForAdmin(db, actor) }),
);
