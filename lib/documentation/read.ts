// A publication's documentation as the public pages show it. Publications made before the
// documentation was frozen with them get the facts their own snapshot holds (no round dates, no
// announcement) and no secretariat texts: nothing is made up after the fact. Pure.
import type { Publication } from '@/lib/publications/types';
import { emptyTexts, type FrozenDocumentation, factsOfAccounts } from './sections';

export function documentationOf(publication: Publication): FrozenDocumentation & { frozen: boolean } {
  const frozen = publication.snapshot.documentation;
  if (frozen) return { ...frozen, frozen: true };
  return {
    frozen: false,
    texts: emptyTexts(),
    facts: {
      ...factsOfAccounts(publication.snapshot.accounts),
      round: null,
      catalogueChanges: { previousYear: null, added: [], removed: [] },
      release: null,
      publishedAt: publication.publishedAt,
      publisher: null,
    },
  };
}
