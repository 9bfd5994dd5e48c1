// An explicit intent recognizer for French and English label questions: anchored patterns over folded text.
// The place is extracted from the sentence; resolving it to a territory is the resolver's job.
import { foldText } from '../../data/text.ts';
import { yearEdition } from '../../data/editions.ts';
import type { Mention } from '../../data/mentions.ts';
import type { Intent } from './types.ts';

const MAX_INPUT = 300;

/** The last text normalized: every message is normalized twice (notification commands, then label questions). */
let last = { text: '', norm: '' };

/** Lowercase, no accents, no punctuation except @; "5 @" → "5@". */
export function normalize(text: string): string {
  if (text !== last.text) last = { text, norm: normalized(text) };
  return last.norm;
}

const normalized = (text: string) =>
  foldText(text.slice(0, MAX_INPUT)).replace(/[?!¿¡…*]/g, ' ').replace(/(\d)\s*@/g, '$1@').replace(/\s+/g, ' ').trim();

/** Pulls "en 2021", "22e label", "edition 22" out of the text. */
function takeEdition(text: string): { rest: string; edition?: number } {
  const year = /\b(?:(?:en|in|pour|for|du|de|of|l annee|the year|annee|year|millesime|vintage)\s+)*(20[1-6]\d)\b/.exec(text);
  if (year) return { rest: strip(text, year), edition: yearEdition(Number(year[1])) };
  const ed = /\b(?:(?:du|de la|le|la|au|a la|pour le|of the|the|en|in|for the|at the)\s+)*(?:(\d{1,2})\s*(?:e|eme|ieme|th|nd|rd|st)?\s+(?:label|edition)|(?:label|edition)\s+(?:n\s*)?(\d{1,2}))\b/.exec(text);
  if (ed) return { rest: strip(text, ed), edition: Number(ed[1] ?? ed[2]) };
  return { rest: text };
}

function strip(text: string, m: RegExpExecArray): string {
  return (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim();
}

const MY = /^(?:ma (?:commune|ville|collectivite|mairie|interco(?:mmunalite)?)|mon (?:territoire|village|interco|epci)|my (?:town|city|village|municipality|commune|territory|local authority))$/;

const MENTIONS: [RegExp, Mention][] = [
  [/\b(?:ten|territoires? d excellence(?: numerique)?|excellence numerique|(?:territor(?:y|ies) of )?digital excellence)\b/, 'excellence'],
  [/\b(?:arobases? verte?s?|green arobases?|green @)\b/, 'arobase-verte'],
  [/\b(?:democratie locale|local democracy)\b/, 'democratie-locale'],
  [/\b(?:mediation numerique|digital inclusion|digital mediation)\b/, 'mediation-numerique'],
  [/\b(?:numerique educatif|digital education|educational digital)\b/, 'numerique-educatif'],
];

const PLACE = '(?<place>.+?)';
const DE = '(?:de |du |des |d |a |au |aux |pour |for |of |in )?(?:la |le |les |l |the )?';

/** [intent, anchored pattern] — first match wins; order matters (specific before general). */
const ROUTES: [Intent['name'], RegExp][] = [
  ['help', /^(?:aide|help|menu|\?|que sais tu faire|what can you do|comment ca marche|how does it work)$/],
  ['setMyTown', new RegExp(`^(?:ma (?:commune|ville|collectivite)|mon (?:territoire|village|interco|epci)|my (?:town|city|village|municipality|territory)) (?:est|c est|is|=|:) ${PLACE}$`)],
  ['setMyTown', new RegExp(`^(?:je suis (?:elue?|agent|maire) (?:de |du |d |a |au )|j habite (?:a |au )|i (?:live|work) in )${PLACE}$`)],
  ['ten', new RegExp(`^(?:(?:ten|tei) )?(?:eligibilite|eligibility)(?: (?:au|a la|du|de la|de|to|for|of))?(?: (?:ten|territoire d excellence numerique|label ten|digital excellence))?(?: ${DE}${PLACE})?$`)],
  ['ten', new RegExp(`^(?:est ce que |is |can |could )?${PLACE} (?:peut (?:elle |il )?(?:devenir|etre|obtenir)|pourrait (?:devenir|etre|obtenir)|est (?:elle |il )?eligible|eligible|become|be|get|is eligible)(?: (?:a|au|for|to|a la))? (?:(?:un |une |la |le |a |the )?(?:ten|territoire d excellence numerique|distinction ten|territory of digital excellence|digital excellence))$`)],
  ['ten', new RegExp(`^(?:combien (?:de |d )?(?:5@|labels? 5@|fois 5@|cinq arobases)(?: (?:a obtenu|pour|a|de|has))?|how many (?:5@|five @)(?: labels?)?(?: (?:for|does|has))?) ${PLACE}(?: (?:a t elle|a t il|has|have|got))?(?: eu| obtenu| had)?$`)],
  ['history', new RegExp(`^(?:(?:l )?historique|(?:the )?history|parcours|evolution|tous les labels|all (?:the )?labels|labels?)(?: (?:du label|des labels|of labels))? ${DE}${PLACE}$`)],
  ['history', new RegExp(`^${PLACE} (?:historique|history|depuis le debut|since the beginning|au fil des ans|over the years)$`)],
  ['level', new RegExp(`^(?:combien (?:d arobases|de @)|how many (?:arobases|@)(?: (?:does|has|did))?) ${DE}${PLACE}(?: (?:a t elle|a t il|a|has|have|got|get))?$`)],
  ['level', new RegExp(`^(?:what level (?:is|was|does|did|has)|quel (?:est|etait) (?:le )?(?:niveau|label|nombre d arobases)|niveau|label|level|what(?: s| is| was)? (?:the )?(?:level|label)(?: of)?)(?: (?:actuel|current))? ${DE}${PLACE}(?: (?:a|have|has|got|get))?$`)],
  ['level', new RegExp(`^${PLACE} (?:a|as|has|have|a t elle|a t il|got) combien d arobases$`)],
  ['level', new RegExp(`^${PLACE} (?:a|has|have|got) (?:combien d arobases|how many arobases)$`)],
  ['level', new RegExp(`^(?:est ce que |is )?${PLACE} (?:est (?:elle |il )?labellisee?|is labell?ed|a le label|has the label)$`)],
  ['followUp', new RegExp(`^(?:et|and|what about|how about|et pour|and for|et a|et au|et en|et de|and in) ${DE}${PLACE}$`)],
  ['palmares', /^(?:(?:le |la |les |the )?(?:palmares|laureats|awards|winners|results|resultats|liste|list|classement)|(?:les |the )?(?:[1-5]@|[1-5] arobases?)(?: labels?)?|(?:les |the )?(?:communes|villes|territoires|collectivites|towns|territories)(?: labellisees)?(?: [1-5]@)?)(?: .*)?$/],
];

/** The words of the original message that fold to `place` ("saint germain en laye" → "Saint-Germain-en-Laye"). */
export function originalWords(text: string, place: string): string {
  // Words, and elisions as their own word ("l'Eure" → "l'", "Eure").
  const words = text.slice(0, MAX_INPUT).split(/\s+|(?<=['’])/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    // Folding works character by character: a window's folded text starts with its first word's.
    const first = normalized(words[i] as string);
    if (first && !place.startsWith(first)) continue;
    for (let j = i + 1; j <= words.length; j++) {
      const window = words.slice(i, j).join(' ').replace(/(['’]) /g, '$1');
      const folded = normalized(window);
      if (folded === place) return tidy(window);
      if (folded.length > place.length + 3) break;
    }
  }
  return place;
}

/** Drops quotes and trailing punctuation around a place, and a parenthesis only when it is unbalanced. */
function tidy(words: string): string {
  let out = words.replace(/^[«"“\s]+|[»"”?!.,;:\s]+$/g, '');
  if (out.startsWith('(') && !out.includes(')')) out = out.slice(1);
  if (out.endsWith(')') && !out.includes('(')) out = out.slice(0, -1);
  return out.trim();
}

export function recognize(text: string): Intent {
  const intent = recognizeFolded(text);
  if ('place' in intent && intent.place) return { ...intent, place: originalWords(text, intent.place) };
  if (intent.name === 'palmares' && intent.area) return { ...intent, area: originalWords(text, intent.area) };
  return intent;
}

function recognizeFolded(text: string): Intent {
  let norm = normalize(text);
  if (!norm) return { name: 'unknown' };
  const { rest, edition } = takeEdition(norm);
  norm = rest;
  const mention = MENTIONS.find(([re]) => re.test(norm))?.[1];

  // A bare year or edition: "et en 2023 ?" leaves "et" (or nothing) once the year is taken.
  if (edition !== undefined && /^(?:et|and|what about|how about|et pour|and for)?$/.test(norm)) return { name: 'followUp', edition };

  for (const [name, re] of ROUTES) {
    const m = re.exec(norm);
    if (!m) continue;
    const place = m.groups?.place?.trim();
    const my = place !== undefined && MY.test(place);
    switch (name) {
      case 'help': return { name };
      case 'setMyTown': return place && !MY.test(place) ? { name, place } : { name: 'unknown' };
      case 'level': case 'history': case 'ten':
        return { name, ...(my ? { my: true } : place ? { place } : {}), ...(name === 'level' && edition ? { edition } : {}) };
      case 'followUp': return { name, ...(place ? { place } : {}), ...(edition ? { edition } : {}) };
      case 'palmares': return palmaresIntent(norm, edition, mention);
    }
  }
  if (mention) return palmaresIntent(norm, edition, mention);
  if (MY.test(norm)) return { name: 'level', my: true, ...(edition ? { edition } : {}) };
  // Anything short enough to be a place name alone ("Grenoble", "Bron en 2021") asks for its level.
  if (norm.length <= 60 && norm.split(' ').length <= 7 && /[a-z]/.test(norm)) return { name: 'level', place: norm, guessed: true, ...(edition ? { edition } : {}) };
  return { name: 'unknown' };
}

function palmaresIntent(norm: string, edition: number | undefined, mention: Mention | undefined): Intent {
  const level = /\b([1-5])(?:@| arobases?)(?!\w)/.exec(norm)?.[1];
  // "palmarès de l'Isère", "5@ dans le Rhône", "in Gironde": what follows the last de/du/en/dans/in.
  const area = /(?:^|\s)(?:de la|de l|du|des|de|en|dans le|dans la|dans l|dans|in)\s+(?!\d@)(.+)$/.exec(norm.replace(/\b[1-5](?:@| arobases?)(?!\w)/, '').replace(/\b(?:palmares|laureats|awards|winners|results|resultats|liste|list|classement|les|the|communes|villes|territoires|collectivites|towns|territories|labellisees|labels?)\b/g, ' ').replace(/\s+/g, ' ').trim())?.[1];
  return {
    name: 'palmares',
    ...(edition ? { edition } : {}), ...(level ? { level: Number(level) } : {}), ...(mention ? { mention } : {}),
    ...(area && !MENTIONS.some(([re]) => re.test(area)) ? { area: area.trim() } : {}),
  };
}
