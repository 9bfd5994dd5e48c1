// Wording of the announcement, in French (default) and English (locales en*). Typographic apostrophes, as in bot/i18n.
import { fill, langOf, ordinal, type Lang } from '../text.ts';

export { fill, ordinal };
export type NotifyLang = Lang;
export const notifyLang = langOf;

const fr = {
  title: 'Nouveau palmarès : {ord} label Territoires, Villes et Villages Internet ({year})',
  who_commune: 'Votre commune {name}',
  who_epci: 'Votre intercommunalité {name}',
  own_ten: '{who} est Territoire d’excellence numérique ({level} @). Félicitations !',
  own_new: '{who} obtient le label pour la première fois, avec {level} @. Félicitations !',
  own_up: '{who} passe de {previous} à {level} @. Félicitations !',
  own_down: '{who} obtient {level} @ ({previous} @ au {prevOrd} label).',
  own_same: '{who} conserve ses {level} @.',
  own_unknown: '{who} est labellisée avec {level} @.',
  own_mentions: 'Mention(s) obtenue(s) : {list}.',
  source: 'Source : {source}',
  scope: 'Dans votre sélection ({areas}) :',
  cat_ten: 'Territoires d’excellence numérique ({count}) : {names}',
  cat_new: 'Labellisés pour la première fois ({count}) : {names}',
  cat_up: 'Gagnent des @ ({count}) : {names}',
  cat_mention: 'Mention {mention} ({count}) : {names}',
  more: ' et {count} autre(s)',
  total: 'Le palmarès compte {count} territoires labellisés.',
  nothingNew: 'Aucune nouvelle distinction dans votre sélection pour cette édition.',
  footer: 'Pour en savoir plus, demandez-moi « palmarès {year} ».',
  footerChannel: 'Pour en savoir plus, écrivez « @arobase palmarès {year} » dans ce canal.',
  mention_excellence: 'Territoire d’excellence numérique',
  'mention_democratie-locale': 'Démocratie locale',
  'mention_mediation-numerique': 'Médiation numérique',
  'mention_numerique-educatif': 'Numérique éducatif',
  'mention_arobase-verte': 'Arobase verte',
};

export type NotifyKey = keyof typeof fr;

const en: Record<NotifyKey, string> = {
  title: 'New awards: {ord} “Territoires, Villes et Villages Internet” label ({year})',
  who_commune: 'Your commune {name}',
  who_epci: 'Your intercommunality {name}',
  own_ten: '{who} is a Territoire d’excellence numérique (digital excellence), with {level} @. Congratulations!',
  own_new: '{who} is labelled for the first time, with {level} @. Congratulations!',
  own_up: '{who} moves up from {previous} to {level} @. Congratulations!',
  own_down: '{who} gets {level} @ ({previous} @ in the {prevOrd} label).',
  own_same: '{who} keeps its {level} @.',
  own_unknown: '{who} is labelled with {level} @.',
  own_mentions: 'Mention(s) obtained: {list}.',
  source: 'Source: {source}',
  scope: 'In your selection ({areas}):',
  cat_ten: 'Territoires d’excellence numérique — digital excellence ({count}): {names}',
  cat_new: 'Labelled for the first time ({count}): {names}',
  cat_up: 'Moving up ({count}): {names}',
  cat_mention: '{mention} mention ({count}): {names}',
  more: ' and {count} more',
  total: 'The awards list {count} labelled local authorities.',
  nothingNew: 'No new distinction in your selection for this edition.',
  footer: 'To learn more, ask me “awards {year}”.',
  footerChannel: 'To learn more, write “@arobase awards {year}” in this channel.',
  mention_excellence: 'Territoire d’excellence numérique (digital excellence)',
  'mention_democratie-locale': 'Local democracy',
  'mention_mediation-numerique': 'Digital inclusion',
  'mention_numerique-educatif': 'Digital education',
  'mention_arobase-verte': 'Green arobase',
};

const catalogs: Record<NotifyLang, Record<NotifyKey, string>> = { fr, en };

export function nt(lang: NotifyLang, key: NotifyKey, vars?: Record<string, string | number>): string {
  return fill(catalogs[lang][key], vars);
}

export function mentionLabel(lang: NotifyLang, mention: string): string {
  const key = `mention_${mention}`;
  return key in fr ? nt(lang, key as NotifyKey) : mention;
}
