// French first: every text exists in French and English; anything but English gets French.
import type { Lang } from '../../data/text.ts';

export { fill, translator, type Lang } from '../../data/text.ts';

export function langOf(locale: string | undefined | null): Lang {
  return /^en\b/i.test(locale ?? '') ? 'en' : 'fr';
}

