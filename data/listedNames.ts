// A line that lists several names, as articles print palmarès: « Elbeuf (76) et Trévières (14) ont reçu trois
// arobases », « Côté Nièvre, Nevers grimpe à quatre @, Cosne-Cours-sur-Loire et Decize obtiennent leur deuxième
// arobase ». An entry a name, with its own level and département, or the line's when the line leaves no doubt.
import { enumeration } from './enumeration.ts';
import type { IgnoredLine, PlaceNamed } from './listLayout.ts';
import { parseListLine, WHERE_OPENERS, WORDS, type ListEntry } from './palmaresLine.ts';
import type { Registry } from './territories/registry.ts';
import { escapeRegExp } from './text.ts';

/**
 * Numbers a line says, the level's among them (« … par trois arobases ; Louhans, Digoin et Tournus par deux »,
 * « Quetigny décroche sa cinquième arobase ; Chenôve et Talant passent à trois »): more than one, whose level?
 */
const NUMBER_WORD = /(?<![\p{L}\d-])(?:une?|deux|trois|quatre|cinq|premi[eè]re?|deuxi[eè]me|seconde?|troisi[eè]me|quatri[eè]me|cinqui[eè]me|[1-5]|@{1,5})(?![\p{L}\d-])/giu;
/** A number word before a noun that is no arobase: « trois communes », « sa première candidature ». */
const OTHER_COUNT = /(?<![\p{L}\d-])(?:deux|trois|quatre|cinq|premi[eè]re?|deuxi[eè]me|seconde?|troisi[eè]me|quatri[eè]me|cinqui[eè]me)\s+(?!arr?obases?\b|@|chacune?s?\b|et\b|ou\b)\p{Ll}{3,}/giu;
const EACH = /\bchacune?s?\b|\b(?:tous|toutes)\s+(?:les\s+)?deux\b/i;
/** Whether a piece says its level before its name. */
const levelBeforeName = (text: string, name: string) => {
  const level = text.search(/@|arr?obase|(?<![\p{L}\d])(?:une?|deux|trois|quatre|cinq|[1-5])(?![\p{L}\d])/iu);
  const at = name ? text.indexOf(name.split(/\s+/).at(-1)!) : -1;
  return level >= 0 && at >= 0 && level < at;
};
/** A piece that says where the names after it lie: « Au bord de la Marne », « En Petite-Terre », « Dans le Genevois ». */
const WHERE_START = new RegExp(`^(?:${WHERE_OPENERS}|du c[ôo]t[ée] d[eu']|pr[èe]s d[eu']|autour d[eu']|plus au|outre|hormis)\\s`, 'i');
/** The opening of a line up to its first comma, when it says where (« Dans le Chablais et le Genevois, »). */
const WHERE_PREFIX = new RegExp(`^\\s*(?:${WHERE_OPENERS}|outre|hormis|apr[èe]s)\\s[^,:;]*,`, 'i');
/** What is left of a piece that only says where: « Côté Nièvre », « En Saône-et-Loire », « Dans le Jura ». */
const WHERE_WORDS = /^(?:c[ôo]t[ée]|en|dans|du c[ôo]t[ée] de|pour|et)?$/i;

/**
 * The names of a line that lists two places at least, each resolved by `entryOf`; undefined when it lists none.
 * A piece that only says where (« Côté Nièvre », « En Saône-et-Loire ») gives its département to the names after it;
 * a piece that names no place and carries no level is no entry (ignored, shown to the reviewer).
 */
export function listedNames<R>(entry: ListEntry, registry: Registry, placeNamed: PlaceNamed, entryOf: (item: ListEntry) => R, firstPart = 1): { results: R[]; ignored: IgnoredLine[] } | undefined {
  const said = entry.read ?? entry.text;
  const items = enumeration(said);
  if (!items) return undefined;
  // (« … et la communauté de communes Granville Terre et Mer obtient deux @ », « Lamballe Terre et Mer @@ »: a name that
  // holds « et », its first words naming no place; « Mer » alone is the Loir-et-Cher's.)
  for (let i = 0; i + 1 < items.length; i++) {
    const joined = `${items[i]} et ${items[i + 1]}`;
    const first = parseListLine(items[i]!, entry.line, registry);
    // (Not « Salanches (@@@) et Megève (@@) »: a name with its own level is one.)
    if (said.includes(joined) && first.level === undefined && !first.levelUnclear && !placeNamed(first.name) && placeNamed(parseListLine(joined, entry.line, registry).name)) items.splice(i, 2, joined);
  }
  // The line's level goes to a name without one only when the line says a single number.
  // (« trois communes de moins de 1 000 habitants », « sa toute première candidature »: numbers of other things.)
  const counted = said.replace(/\d[\d  .]*\s*habitants?/gi, ' ').replace(OTHER_COUNT, ' ');
  // (« Niveau 4 (quatre arobases) : … »: the level said again in brackets is one number.)
  const numbers = (counted.replace(/\b(niveau\s+[1-5])\s*\([^()]*\)/giu, '$1').replace(/(?<![\p{L}\d-])(?:une?|deux|trois|quatre|cinq|[1-5])\s*(?=@)/giu, '').match(NUMBER_WORD) ?? []).length;
  // (« Limoges et Limoges Métropole (3 arobases pour la CU) »: said for one kind, the others' is not said.)
  const forOne = /\bpour\s+(?:la|le|l['’])\s*(?:cu|ca|cc|cdc|agglo\p{L}*|m[ée]tropole|communaut[ée]|interco\p{L}*|ville|commune)\b/iu.test(said);
  const shared = numbers <= 1 && !forOne ? entry.level : undefined;
  const saysLevel = entry.level !== undefined || !!entry.levelUnclear;
  // (When names carry their own, « Plouarzel (Finistère), …, Sainte-Marie, Moëlan-sur-Mer (Finistère) », one without
  // has none: the line's, its last name's, is not its.)
  const parsed = items.map((t) => parseListLine(t, entry.line, registry));
  // (Nor is a name's in the middle, « Sablé-sur-Sarthe, Allonnes (72), Les Herbiers, Bailleul »: only the last name's
  // may be said for all, « Elven, Locminé et Questembert (56) ».)
  let where = parsed.filter((p) => p.departement).length >= 2 || parsed.slice(0, -1).some((p) => p.departement) ? undefined : entry.departement;
  let places = 0;
  const kept: ListEntry[] = [];
  const ignored: IgnoredLine[] = [];
  // (« Montpellier garde ses cinq arobases, Nîmes gagne du terrain »: a level said inside a name's piece is said for the
  // names before it, « Elbeuf (76) et Trévières (14) ont reçu trois arobases », not for those after.)
  // (Said before the name, « au niveau 1 @ les communes de Croutelle, Béruges … », it is the list's.)
  // (« Dans le Chablais et le Genevois, Thonon-les-Bains … », « Outre Lannion et Ploemeur, … »: all the names before
  // the comma say where, or who was said already.)
  const wherePrefix = WHERE_PREFIX.exec(said)?.[0];
  const firstLevelled = parsed.findIndex((p, i) => p.level !== undefined && !levelBeforeName(items[i]!, p.name));
  // (« Pantin et Bobigny (4 @ chacune) »: a level said for each goes to the name joined to it by « et ».)
  const levelForEach = (i: number) => (parsed[i + 1]?.level !== undefined && EACH.test(items[i + 1]!)
    && new RegExp(`${escapeRegExp(items[i]!)}\\s+et\\s+${escapeRegExp(items[i + 1]!.slice(0, 3))}`).test(said) ? parsed[i + 1]!.level : undefined);
  items.forEach((text, i) => {
    const own = parsed[i]!;
    const departement = own.departement ?? where;
    // (« Au bord de la Marne, Nogent et Le Perreux … », « En Petite-Terre, Dzaoudzi … »: where, no name.)
    if (WHERE_START.test(text) || (wherePrefix && wherePrefix.includes(text))) {
      if (own.departement && own.level === undefined) where = own.departement;
      else ignored.push({ line: entry.line, text });
      return;
    }
    if (own.departement && own.level === undefined && WHERE_WORDS.test(own.name.trim())) { where = own.departement; return; }
    if (placeNamed(own.name, departement, text) || (entry.departement && placeNamed(own.name, undefined, text))) places++;
    else if (own.departement && own.level === undefined) { where = own.departement; return; }
    else if (own.level === undefined) { ignored.push({ line: entry.line, text }); return; }
    const level = own.level ?? levelForEach(i) ?? (firstLevelled >= 0 && i > firstLevelled ? undefined : shared);
    kept.push({ ...own, ...(entry.wider ? { wider: entry.wider } : {}), part: firstPart + i, text, departement, level, ...(level === undefined && saysLevel ? { levelUnclear: true } : {}),
      ...(entry.headingDepartement && !own.departement && departement === entry.departement ? { headingDepartement: true } : {}) });
  });
  return places >= 2 ? { results: kept.map(entryOf), ignored } : undefined;
}

/** « … Questembert deux. », « … Samatan et Saint-Michel une. », « … reçoivent leur première. »: the arobases said before. */
const ELLIPTIC = /(?:^|\s)(?:par\s+|à\s+|leur\s+|sa\s+)?(une?|deux|trois|quatre|cinq|premi[eè]re|deuxi[eè]me|troisi[eè]me|quatri[eè]me|cinqui[eè]me)\s*[.!]?\s*$/i;

/**
 * A line of several sentences or clauses, each with its names and its level (« Gers. Fleurance et Lectoure obtiennent
 * deux arobases ; Samatan et Saint-Michel une. »): a sub-entry each, the département a clause says (« Gers. », « En
 * Ille-et-Vilaine, … ») going on to the next ones; undefined for a single clause.
 */
export function clausesOf(entry: ListEntry, registry: Registry, placeNamed: PlaceNamed): { clauses: ListEntry[]; ignored: IgnoredLine[] } | undefined {
  // (Parted on the text as read, whose offsets are the line's: each clause shown as written.)
  const whole = entry.read ?? entry.text;
  const clauses = [...whole.matchAll(/\S(?:.*?(?:[.!?;](?=\s)|$))/gsu)].map((m) => ({ text: entry.text.slice(m.index, m.index + m[0].length).trim(), read: m[0].trim() }));
  if (clauses.length < 2) return undefined;
  const arobases = /@|arobase/i.test(whole);
  let where: string | undefined;
  const out: ListEntry[] = [];
  const ignored: IgnoredLine[] = [];
  for (const { text, read } of clauses) {
    const own = { ...parseListLine(read, entry.line, registry), text, ...(read !== text ? { read } : {}) };
    const elliptic = own.level === undefined && !own.levelUnclear && arobases ? ELLIPTIC.exec(text) : null;
    const said = elliptic?.[1];
    const name = said ? own.name.replace(new RegExp(`(?:\\s(?:par|à|leur|sa))?\\s${said}\\s*[.!]?\\s*$`, 'i'), '').trim() : own.name;
    const level = own.level ?? (said ? WORDS[said.toLowerCase()] : undefined);
    // « Tarn-et-Garonne. », « En Ille-et-Vilaine, … »: where the names after it lie.
    if (own.departement && (!name.replace(/[.,;:!]/g, '').trim() || WHERE_WORDS.test(name.replace(/[.,;:!]/g, '').trim()))) {
      where = own.departement;
      continue;
    }
    const departement = own.departement ?? where ?? entry.departement;
    // « Label Villes Internet 2025. »: a clause with no level and no place is no entry.
    if (level === undefined && !own.levelUnclear && !placeNamed(name, departement, text)) {
      ignored.push({ line: entry.line, text });
      continue;
    }
    out.push({ ...own, ...(entry.wider ? { wider: entry.wider } : {}), name, text, level, departement });
  }
  return out.length ? { clauses: out, ignored } : undefined;
}
