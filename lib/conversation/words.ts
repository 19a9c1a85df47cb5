// The conversation's words for one side's page, from the one namespace both sides share
// (messages/<locale>/conversation.json): only where a thread stands reads differently per side.
import { translate } from '@/i18n/messages';
import type { Locale } from '@/lib/format';
import type { ThreadWords } from './display';

export function threadWords(locale: Locale, side: 'organisation' | 'secretariat'): ThreadWords {
  const t = (key: string) => translate(locale, `conversation.${key}`);
  return {
    submission: t('submission'),
    secretariat: t('secretariat'),
    awaiting: t(`status.${side}.awaiting`),
    answered: t(`status.${side}.answered`),
    closed: t('status.closed'),
    kinds: { flag: t('kinds.flag'), unflag: t('kinds.unflag'), return: t('kinds.return') },
  };
}
