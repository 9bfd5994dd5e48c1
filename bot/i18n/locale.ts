// French first: every text exists in French and English; anything but English gets French.
export { fill, langOf, ordinal, translator, type Lang } from '../../data/text.ts';
