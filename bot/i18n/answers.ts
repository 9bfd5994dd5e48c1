// Texts of label answers (levels, history, palmarès, TEN), in French and English.
import { translator, type Lang } from './locale.ts';

const fr = {
  levelTitle: '{name} — {level} arobase{s}',
  editionLine: '{ord} label, palmarès {year}',
  tenLine: 'Territoire d’excellence numérique {since}, valable jusqu’en {until}',
  tenPast: 'Territoire d’excellence numérique {since} (validité achevée en {until})',
  mentionsLine: 'Mentions : {list}',
  newerIncomplete: 'Les palmarès {years} ne sont pas entièrement importés : un label plus récent peut exister.',
  source: 'Source : {source}',
  unknownEdition: 'Je n’ai pas de label de {name} pour le palmarès {year} : les données de cette édition sont incomplètes, je ne peux donc pas affirmer qu’il n’y en a pas.',
  unknownAny: 'Je n’ai encore aucun label de {name} dans mes données, qui sont incomplètes : je ne peux pas affirmer qu’il n’y en a pas.',
  notLabelled: '{name} ne figure pas au palmarès {year} ({ord} label), qui est entièrement importé : aucun label dans cette édition.',
  latestKnown: 'Dernier label connu : {level} arobase{s} au palmarès {year}.',
  historyTitle: 'Historique du label — {name}',
  historyEmpty: 'Aucun label de {name} dans les éditions disponibles.',
  historyEmptyIncomplete: 'Je n’ai aucun label de {name} dans mes données ; elles sont incomplètes, d’autres labels peuvent exister.',
  historyRow: '{year} ({ord}) : {level} @{mentions}',
  palmaresTitle: 'Palmarès {year} ({ord} label){filters}',
  palmaresCount: '{total} collectivité{s} — page {page}/{pages}',
  palmaresEmpty: 'Aucune collectivité trouvée pour ce palmarès dans mes données.',
  palmaresIncomplete: 'Données partielles : ce palmarès n’est pas entièrement importé.',
  palmaresNoEdition: 'Je n’ai encore aucun palmarès dans mes données.',
  next: 'Suivant',
  previous: 'Précédent',
  tenTitle: 'Territoire d’excellence numérique — {name}',
  tenHas: '{name} est Territoire d’excellence numérique depuis {since} (valable jusqu’en {until}).',
  tenHad: '{name} a été Territoire d’excellence numérique en {since} (validité achevée en {until}).',
  tenCount: 'Labels 5 arobases connus : {count}{years}. Le critère de l’association : avoir obtenu six fois le label 5 @.',
  tenMissing: 'Il en manque {missing} pour atteindre ce critère.',
  tenReached: 'Le critère des six labels 5 @ est atteint.',
  tenPartial: 'Mes données sont incomplètes : le nombre réel peut être plus élevé.',
  tenSource: 'Critère : association Villes Internet (distinction créée avec le 22e label, valable 3 ans).',
  ambiguous: 'Plusieurs collectivités s’appellent « {query} ». Laquelle ?',
  notFound: 'Je ne trouve aucune commune ni intercommunalité nommée « {query} ».',
  suggestions: 'Vouliez-vous dire : {list} ?',
  askMyTown: 'Quelle est votre commune (ou intercommunalité) ? Répondez par son nom, par exemple « Grenoble » ou « Valence (Drôme) ».',
  myTownSet: 'C’est noté : votre commune est {name}. Dites « ma commune est … » pour la changer.',
  noContext: 'De quelle collectivité parlez-vous ? Par exemple : « Quel est le niveau de Bron ? »',
  unknown: 'Je n’ai pas compris. Voici des exemples de questions :',
  unknownExamples: '« Quel est le niveau de Grenoble ? » · « Historique de Bron » · « Palmarès 2021 »',
  unknownArea: 'Je ne reconnais pas le territoire « {area} ». Essayez un département, par exemple « palmarès 2021 en Isère ».',
  levelWord: 'niveau {level}',
  mention_excellence: 'Territoire d’excellence numérique',
  'mention_democratie-locale': 'Démocratie locale',
  'mention_mediation-numerique': 'Médiation numérique',
  'mention_numerique-educatif': 'Numérique éducatif',
  'mention_arobase-verte': 'Arobase verte',
  kind_epci: 'intercommunalité',
};

type Texts = typeof fr;

const en: Texts = {
  levelTitle: '{name} — {level} arobase{s}',
  editionLine: '{ord} label, {year} awards',
  tenLine: 'Territoire d’excellence numérique (digital excellence) {since}, valid until {until}',
  tenPast: 'Territoire d’excellence numérique (digital excellence) {since} (expired in {until})',
  mentionsLine: 'Mentions: {list}',
  newerIncomplete: 'The {years} awards are not fully imported: a more recent label may exist.',
  source: 'Source: {source}',
  unknownEdition: 'I have no label for {name} in the {year} awards: the data for that edition is incomplete, so I cannot say there is none.',
  unknownAny: 'I have no label for {name} in my data yet, which is incomplete: I cannot say there is none.',
  notLabelled: '{name} is not in the {year} awards ({ord} label), which are fully imported: no label in that edition.',
  latestKnown: 'Latest known label: {level} arobase{s} in the {year} awards.',
  historyTitle: 'Label history — {name}',
  historyEmpty: 'No label for {name} in the available editions.',
  historyEmptyIncomplete: 'I have no label for {name} in my data; it is incomplete, other labels may exist.',
  historyRow: '{year} ({ord}): {level} @{mentions}',
  palmaresTitle: '{year} awards ({ord} label){filters}',
  palmaresCount: '{total} local authorit{ies} — page {page}/{pages}',
  palmaresEmpty: 'No local authority found for these awards in my data.',
  palmaresIncomplete: 'Partial data: these awards are not fully imported.',
  palmaresNoEdition: 'I have no awards in my data yet.',
  next: 'Next',
  previous: 'Previous',
  tenTitle: 'Territoire d’excellence numérique (digital excellence) — {name}',
  tenHas: '{name} has been a Territoire d’excellence numérique since {since} (valid until {until}).',
  tenHad: '{name} was a Territoire d’excellence numérique in {since} (expired in {until}).',
  tenCount: 'Known 5-arobase labels: {count}{years}. The association’s criterion: the 5 @ label obtained six times.',
  tenMissing: '{missing} more needed to meet that criterion.',
  tenReached: 'The six 5 @ labels criterion is met.',
  tenPartial: 'My data is incomplete: the real number may be higher.',
  tenSource: 'Criterion: association Villes Internet (distinction created with the 22nd label, valid 3 years).',
  ambiguous: 'Several local authorities are called “{query}”. Which one?',
  notFound: 'I cannot find any commune or intercommunality called “{query}”.',
  suggestions: 'Did you mean: {list}?',
  askMyTown: 'What is your commune (or intercommunality)? Answer with its name, for example “Grenoble” or “Valence (Drôme)”.',
  myTownSet: 'Noted: your commune is {name}. Say “my town is …” to change it.',
  noContext: 'Which local authority do you mean? For example: “What level is Bron?”',
  unknown: 'I did not understand. Here are some example questions:',
  unknownExamples: '“What level is Grenoble?” · “History of Bron” · “Awards 2021”',
  unknownArea: 'I do not recognise the area “{area}”. Try a département, for example “awards 2021 in Isère”.',
  levelWord: 'level {level}',
  mention_excellence: 'Territoire d’excellence numérique (digital excellence)',
  'mention_democratie-locale': 'Local democracy',
  'mention_mediation-numerique': 'Digital inclusion',
  'mention_numerique-educatif': 'Digital education',
  'mention_arobase-verte': 'Green arobase',
  kind_epci: 'intercommunality',
};

export type AnswerKey = keyof Texts;
export const answerCatalogs: Record<Lang, Texts> = { fr, en };

export const a = translator(answerCatalogs);

/** 22 → "22e" in French, "22nd" in English. */
export function ordinal(lang: Lang, n: number): string {
  if (lang === 'fr') return n === 1 ? '1er' : `${n}e`;
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** "s" when plural, for "arobase{s}". */
export const plural = (n: number) => (n > 1 ? 's' : '');
