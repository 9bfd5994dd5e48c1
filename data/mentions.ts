// The label's distinctions and thematic mentions, as written in the palmarès CSV.
export const MENTIONS = [
  'excellence', // Territoire d'excellence numérique (TEN), since the 22e label (2021), valid 3 years
  'democratie-locale',
  'mediation-numerique',
  'numerique-educatif',
  'arobase-verte',
] as const;

export type Mention = (typeof MENTIONS)[number];

export const TEN_VALIDITY_YEARS = 3;

export function isMention(value: string): value is Mention {
  return (MENTIONS as readonly string[]).includes(value);
}
