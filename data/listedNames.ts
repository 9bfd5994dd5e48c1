// A line that lists several names, as articles print palmarès: « Elbeuf (76) et Trévières (14) ont reçu trois
// arobases », « Côté Nièvre, Nevers grimpe à quatre @, Cosne-Cours-sur-Loire et Decize obtiennent leur deuxième
// arobase ». An entry a name, with its own level and département, or the line's when the line leaves no doubt.
import { enumeration, type IgnoredLine, type PlaceNamed } from './listLayout.ts';
import { parseListLine, type ListEntry } from './palmaresLine.ts';
import type { Registry } from './territories/registry.ts';

/**
 * Numbers a line says, the level's among them (« … par trois arobases ; Louhans, Digoin et Tournus par deux »,
 * « Quetigny décroche sa cinquième arobase ; Chenôve et Talant passent à trois »): more than one, whose level?
 */
const NUMBER_WORD = /(?<![\p{L}\d-])(?:une?|deux|trois|quatre|cinq|premi[eè]re?|deuxi[eè]me|seconde?|troisi[eè]me|quatri[eè]me|cinqui[eè]me|[1-5]|@{1,5})(?![\p{L}\d-])/giu;
/** What is left of a piece that only says where: « Côté Nièvre », « En Saône-et-Loire », « Dans le Jura ». */
const WHERE_WORDS = /^(?:c[ôo]t[ée]|en|dans|du c[ôo]t[ée] de|pour|et)?$/i;

/**
 * The names of a line that lists two places at least, each resolved by `entryOf`; undefined when it lists none.
 * A piece that only says where (« Côté Nièvre », « En Saône-et-Loire ») gives its département to the names after it;
 * a piece that names no place and carries no level is no entry (ignored, shown to the reviewer).
 */
export function listedNames<R>(entry: ListEntry, registry: Registry, placeNamed: PlaceNamed, entryOf: (item: ListEntry) => R): { results: R[]; ignored: IgnoredLine[] } | undefined {
  const items = enumeration(entry.text);
  if (!items) return undefined;
  // The line's level goes to a name without one only when the line says a single number.
  const numbers = (entry.text.replace(/(?<![\p{L}\d-])(?:une?|deux|trois|quatre|cinq|[1-5])\s*(?=@)/giu, '').match(NUMBER_WORD) ?? []).length;
  const shared = numbers <= 1 ? entry.level : undefined;
  const saysLevel = entry.level !== undefined || !!entry.levelUnclear;
  let where = entry.departement;
  let places = 0;
  const kept: ListEntry[] = [];
  const ignored: IgnoredLine[] = [];
  items.forEach((text, i) => {
    const own = parseListLine(text, entry.line, registry);
    const departement = own.departement ?? where;
    if (own.departement && own.level === undefined && WHERE_WORDS.test(own.name.trim())) { where = own.departement; return; }
    if (placeNamed(own.name, departement, text) || (entry.departement && placeNamed(own.name, undefined, text))) places++;
    else if (own.departement && own.level === undefined) { where = own.departement; return; }
    else if (own.level === undefined) { ignored.push({ line: entry.line, text }); return; }
    const level = own.level ?? shared;
    kept.push({ ...own, part: i + 1, text, departement, level, ...(level === undefined && saysLevel ? { levelUnclear: true } : {}) });
  });
  return places >= 2 ? { results: kept.map(entryOf), ignored } : undefined;
}
