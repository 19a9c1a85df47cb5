// The methodology note frozen into every publication, so a reader of an old version sees the
// method that produced it.
export const LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

export const methodologyNote = {
  da: [
    'Performanceregnskabet opgør, hvad klyngernes og innovationsnetværkenes aktiviteter har betydet for de deltagende virksomheder i aktivitetsåret.',
    'Hver organisation indberetter sine tal og en liste over deltagende virksomheder (CVR-numre). Sekretariatet gennemgår og godkender indberetningerne; kun godkendte indberetninger indgår.',
    'Virksomhedstal opgøres netto: en virksomhed, der deltager i flere klynger, tælles én gang, og den regnes for at have fx udviklet nye idéer, hvis blot én klynge har indberettet det. Bruttotallet er summen af organisationernes egne opgørelser; forskellen er overlappet mellem klynger. Organisationer uden virksomhedsliste indgår med deres indberettede antal, og tallet markeres som muligvis dobbelttællende.',
    'Antal og beløb summeres. Andele beregnes som summen af tællerne over summen af nævnerne, aldrig som et gennemsnit af procenter.',
    'Virksomhedslisterne offentliggøres ikke. Data må genbruges under CC BY 4.0 med kildeangivelse.',
  ].join('\n\n'),
  en: [
    'The performance accounts state what the activities of the clusters and innovation networks did for the companies taking part in the activity year.',
    'Each organisation reports its figures and a list of participating companies (CVR numbers). The secretariat reviews and approves the reports; only approved reports are included.',
    'Company figures are net: a company taking part in several clusters counts once, and counts as having, for example, developed new ideas if any one cluster reported it so. The gross figure is the sum of the organisations’ own counts; the difference is the overlap between clusters. Organisations without a company list add their reported counts, and the figure is marked as possibly double counting.',
    'Counts and amounts are summed. Shares are the sum of numerators over the sum of denominators, never an average of percentages.',
    'Company lists are never published. The data may be reused under CC BY 4.0 with attribution.',
  ].join('\n\n'),
};
