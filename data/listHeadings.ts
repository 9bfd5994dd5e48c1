// The headings of a published list: a département's (« DANS LES VOSGES », « 01 – Ain »), a région's, a level's
// (« TROIS AROBASES : », « Intercommunalités – 5 @ »), a point of the compass; what listLayout reads them by.
import { lightFold } from './departementWords.ts';
import { FORMER_REGIONS } from './palmaresLine.ts';
import type { Registry } from './territories/registry.ts';
import { foldText } from './text.ts';

/** The département a line opens with, before « : » or a dash (« LA RÉUNION : douze labellisés »). */
export function departementOpening(raw: string, registry: Registry): string | undefined {
  const line = lightFold(raw).replace(/^[-–•*·]\s*/, '');
  const opens = (text: string) => registry.allDepartements().find((d) => { const n = lightFold(d.name); return text.startsWith(n) && /^\s*(?:\(\s*\w{2,3}\s*\)\s*)?[:–—]/.test(text.slice(n.length)); });
  const d = opens(line);
  // (« Savoie – Haute-Savoie – Ain | Chambéry … »: a slide's title naming three départements opens none of them.)
  const rest = d ? line.slice(lightFold(d.name).length).replace(/^\s*(?:\(\s*\w{2,3}\s*\)\s*)?[:–—]\s*/, '') : '';
  return d && !registry.allDepartements().some((o) => rest.startsWith(lightFold(o.name)) && !/^[\p{L}-]/u.test(rest.slice(o.name.length))) ? d.code : undefined;
}

/** « Dans la région, … », « ailleurs en région »: a sentence saying it stands beyond the list's département. */
export const IN_REGION = /\b(?:dans|en)\s+(?:la\s+)?r[ée]gion\b/i;
/** « À l'échelle nationale, … », « ailleurs en France »: a sentence saying it stands beyond the list's région. */
export const NATIONAL = /(?<!\p{L})(?:[àa] l['’][ée]chelle nationale|au niveau national|sur le plan national|ailleurs en France|dans le reste de la France)(?!\p{L})/iu;
/** Whether a line names a région, today's or a former one (« Ailleurs dans le Grand Est »). */
export const regionSaid = (raw: string, registry: Registry) => { const folded = ` ${foldText(raw)} `; return [...regionNames(registry)].some((n) => folded.includes(` ${n} `)); };

const regionsOf = new WeakMap<Registry, Set<string>>();
/** Today's and former régions' names, folded. */
export function regionNames(registry: Registry): Set<string> {
  let names = regionsOf.get(registry);
  if (!names) {
    // (« Guadeloupe », « La Réunion »: a région that is also a département heads the names of that département.)
    const departements = new Set(registry.allDepartements().map((d) => foldText(d.name)));
    regionsOf.set(registry, names = new Set([...registry.allRegions().map((r) => r.name), ...FORMER_REGIONS].map((n) => foldText(n)).filter((n) => !departements.has(n))));
  }
  return names;
}

/** A point of the compass heading a part of a page (« Sud », « Nord-Ouest »); « Nord » is also a département. */
export const COMPASS = /^(?:sud|est|ouest|centre|nord[- ](?:est|ouest)|sud[- ](?:est|ouest))$/;

/** « Grand Rodez 12 55 300 »: a table row whose level cell a PDF copy put on the next line; an entry, never a title. */
export const ROW = /\p{L}\*?\s+(?:\d{2,3}|2[AB])(?:\s+\d{1,3}(?:[  .]\d{3})*)?$/iu;

/** A level heading's count: « 5 arobases (10) », « @@@@ (14 collectivités) », « Quatre arobases (46, sélection) ». */
export const COUNTED = /(?:@|arobases?)\s*\(\s*\d{1,3}\s*(?:collectivit\p{L}*|communes?|territoires?|laur[ée]ats?|labellis\p{L}*)?\s*(?:[,;–-]\s*(?:s[ée]lection|extrait|liste\s+partielle|dont\s+\d{1,3}\s+\p{L}+)\s*)?\)\s*:?\s*$/iu;

/** A line that starts with its level (« TROIS AROBASES : … », « 5 @ – »): a heading when the next names carry none. */
export const LEVEL_FIRST = /^\s*(?:[-–•*·]\s*)?(?:niveau\s*|cat[ée]gorie\s*|(?:les|des|avec)\s+)?(?:[1-5]\s*(?:@|arobases?)|@{1,5}|(?:une?|deux|trois|quatre|cinq)\s+(?:@|arobases?))/i;

/** What is left of a level heading once its level is read: nothing, or words that name no place. */
// (« VILLE INTERNET @@@@@ », « Label national Villes et Villages Internet 4 @ »: the label's name is no place.)
export const HEADING = /^(?:(?:niveau|niveaux|categorie|label|labels?|ville|villes|village|villages|commune|communes|collectivites?|territoires?|intercommunalites?|intercos?|epci|labellise(?:e|es|s)?|avec|les|des|de|a|obtiennent|ont obtenu|recoivent|level|towns?|with|internet|national|et|par|region|regions|departement|departements|ordre|alphabetique|liste|palmares|classement|laureats?|nouveaux|nouvelles|entrants?|suivantes?|suivants|selection|extrait|du|en|la|le|ou|plus)\s*)*$/;
