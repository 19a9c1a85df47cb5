// The secretariat's publishing step: publishYear (publish.ts) behind the kit's check. It opens its
// own transaction (repeatable read, retried on a serialization failure), so the kit opens none.
import 'server-only';
import { z } from 'zod';
import { adminAction } from '@/lib/actions/define';
import { now } from '@/lib/clock';
import { wholeNumber } from '@/lib/validation/input';
import { storableText } from '@/lib/validation/text';
import { MAX_CHANGE_NOTE_LENGTH, publishYear } from './publish';

export const publishAccounts = adminAction(
  z.object({
    year: wholeNumber('year_invalid', { min: 2000, max: 2100 }),
    changeNote: z.preprocess(
      (value) => (value == null ? '' : value),
      storableText({
        max: MAX_CHANGE_NOTE_LENGTH,
        codes: { tooLong: 'note_too_long', invalid: 'change_note_invalid' },
      }),
    ),
  }),
  ({ tx, by }, { year, changeNote }) =>
    publishYear(tx, {
      year,
      changeNote,
      actorId: by.actorId,
      actorEmail: by.actorEmail,
      ip: by.ip,
      // the app's clock (lib/clock): the release calendar and the tests' clock see the same time
      publishedAt: now(),
    }),
  { name: 'publication.publish', transaction: false },
);
