// Small text helpers of the questionnaire domain (no botbuilder, no bot/ imports).
import { foldText, type Lang } from '../text.ts';

export { fill, translator, type Lang } from '../text.ts';
/** Every user-facing text of a questionnaire exists in French and English. */
export type Localized = { fr: string; en: string };

/** Folds case, accents, quotes and trailing punctuation: « Où en suis-je ? » → "ou en suis je". */
export function fold(input: string): string {
  return foldText(input.replace(/[?!…¿¡]+/g, ' '));
}

/** French number display: 10000 → "10 000", 2.5 → "2,5". */
export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 })
    .format(n)
    .replace(/[\u202f\u00a0]/g, ' ');
}

/** ISO date (YYYY-MM-DD) → JJ/MM/AAAA, the form both French and English users in France read. */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
