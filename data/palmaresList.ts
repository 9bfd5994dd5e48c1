// A palmarès as published, resolved entry by entry. Resolved: an entry whose name is a territory's own (accents,
// « St », type words aside), its usual short form (« Vandoeuvre ») or its name before a merger that kept the code, and
// which the département, or else the rest of the list, makes one territory: on a département's page or in a regional
// list the namesake there, in a national list the town 20 times every namesake's size (« Blanquefort »). Anything
// looser is « ambiguous » with its candidates for a reviewer: typos, a village's short name, a merger under another
// code, an intercommunalité named by its town.
import { clausesOf, listedNames } from './listedNames.ts';
import { ambiguous, isPlace, NAMED, resolved, resolveEntry, type EntryResult } from './entryResolve.ts';
import { readList, type IgnoredLine } from './listLayout.ts';
import { proseNames } from './proseNames.ts';
import { entryKey, type ListEntry } from './palmaresLine.ts';
import { SKIP } from './listHeader.ts';
import { canonicalName, DOMINANT, listNames, listScope, namesakesInScope, settledByScope, type ListScope } from './palmaresNames.ts';
import { editionYear } from './editions.ts';
import { foldText } from './text.ts';
import type { Resolution } from './territories/index.ts';
import type { Registry, RegistryEntry } from './territories/registry.ts';

export { canonicalName } from './palmaresNames.ts';
export { resolveEntry, type EntryResult } from './entryResolve.ts';
export { readList, type IgnoredLine } from './listLayout.ts';
export { entryKey, parseListLine, type ListEntry } from './palmaresLine.ts';
export { nameSpans } from './sentenceNames.ts';
export { readListHeader, readPicks, SKIP, type ListHeader } from './listHeader.ts';

/**
 * The whole list: picks first (a reviewer's « line → code »), then the resolver; a line listing several names gives an
 * entry each; homonyms and short names that the rest of the list settles (its région, or a national list's dominant
 * town); a territory listed twice is flagged. Titles and headings are no entries (`ignored`, to show the reviewer).
 * `edition`: the palmarès imported, whose rows an export of several years keeps.
 */
export function readListResults(text: string, registry: Registry, resolve: (query: string) => Resolution, picks = new Map<string, string>(), edition?: number): { results: EntryResult[]; ignored: IgnoredLine[] } {
  const pickedOr = (entry: ListEntry, otherwise: () => EntryResult): EntryResult => {
    const territory = registry.get(picks.get(entryKey(entry)) ?? '');
    return territory && entry.level !== undefined ? resolved(entry, territory) : otherwise();
  };
  // (Asked again and again of one name by the layout, the lists and the sentences: answered once a list.)
  const asked = new Map<string, EntryResult>();
  const named = (name: string, departement?: string, text = name) => {
    const key = `${name}\u0000${departement ?? ''}\u0000${text}`;
    let r = asked.get(key);
    if (!r) asked.set(key, r = resolveEntry({ line: 0, text, name, departement, level: 1 }, resolve, registry));
    return r;
  };
  const placeNamed = (name: string, departement?: string, text = name) => isPlace(named(name, departement, text));
  const epciNamed = (name: string) => {
    const r = named(name);
    return r.status === 'resolved' && registry.get(r.code)?.kind === 'epci' ? r.code : undefined;
  };
  const { entries, ignored } = readList(text, registry, placeNamed, edition === undefined ? undefined : editionYear(edition));
  const itemOf = (item: ListEntry) => pickedOr(item, () => {
    const r = resolveEntry(item, resolve, registry);
    // « Agen, Metz (57) »: the line's département is the last name's; another name may lie elsewhere.
    return isPlace(r) || item.departement === undefined ? r : resolveEntry({ ...item, departement: undefined }, resolve, registry);
  });
  // « Caen et la communauté urbaine Caen la mer conservent leurs cinq arobases »: a sentence whose one name resolves
  // may name another place the line's reading passed over.
  const sentenceRead = (entry: ListEntry, once: EntryResult & { status: 'resolved' }, firstPart = 1): EntryResult[] => {
    const prose = !picks.has(entryKey(entry)) && entry.text.split(/\s+/).length > 6 ? proseNames(entry, registry, placeNamed, epciNamed) : undefined;
    const read = prose && prose.length > 1 ? prose.map((p, i) => itemOf({ ...p, part: firstPart + i })) : [];
    if (read.filter((r) => r.status === 'resolved').length > 1) return read;
    // (« Côté Bas-Rhin, l'Eurométropole conserve ses cinq arobases, et la ville de Strasbourg ses quatre »: the
    // sentence's one subject is read with the level said after it, not the line's first.)
    const own = prose?.length === 1 ? itemOf({ ...prose[0]!, ...(entry.part ? { part: entry.part } : {}) }) : undefined;
    if (own && own.status !== 'unknown' && (own.status !== 'resolved' || own.code === once.code) && own.level !== once.level) return [own];
    // (« la ville de Foix et l'Agglo Foix-Varilhes progressent, avec respectivement trois et deux arobases »: the one
    // subject read, its level not said plainly; not the line's last level.)
    const same = prose?.length === 1 && prose[0]!.levelUnclear ? itemOf({ ...prose[0]!, level: once.level, levelUnclear: undefined }) : undefined;
    if (own && same?.status === 'resolved' && same.code === once.code && /\brespectivement\b/i.test(entry.text)) return [own];
    // (« … dont le palmarès a été dévoilé mercredi à Martigues », « … le verdict rendu mardi à Rouen par le jury », « … s'est
    // tenue à Montpellier le 21 février »: a sentence's one place, named only where it happened, is no subject; no award.)
    const folded = foldText(entry.text);
    const place = foldText(once.territoryName);
    const at = folded.lastIndexOf(place);
    if (!prose?.length && entry.text.split(/\s+/).length > 8 && at > 0 && /(?:^|\s)(?:a|au|aux|depuis|chez|vers)\s+$/.test(folded.slice(0, at))
      && !/(?:revien\w*|attribu\w*|decern\w*|remis\w*|accord\w*|octroy\w*|echoi\w*)\s+(?:a|au|aux)\s+$/.test(folded.slice(0, at))
      && /^[\s.!?…»"]*$|^\s+(?:par\s+(?:le|la|l)\s+(?:jury|association|president\w*)|lors\s+d|devant)\b[^@\d]*$|^\s+(?:le\s+\d{1,2}(?:er)?\s+[a-z]+(?:\s+\d{4})?|en\s+[a-z]+(?:\s+\d{4})?)[\s.!?…»"]*$/.test(folded.slice(at + place.length))) {
      return [{ ...entry, status: 'unknown', candidates: [], reason: 'unknownName' }];
    }
    return [once];
  };
  // One entry, or the names it lists (parts numbered from `firstPart`); `whole` when already resolved as one.
  const readOne = (entry: ListEntry, firstPart?: number, whole = pickedOr(entry, () => resolveEntry(entry, resolve, registry))): EntryResult[] => {
    if (whole.status === 'resolved') return sentenceRead(entry, whole, firstPart);
    const listed = listedNames(entry, registry, placeNamed, itemOf, firstPart);
    // An article's sentence: its subjects, each with the level said after it (or none); taken when it settles more
    // than the names the line lists.
    const fromProse = () => {
      const prose = proseNames(entry, registry, placeNamed, epciNamed);
      return !prose || (prose.length < 2 && whole.status !== 'unknown') ? undefined
        : prose.map((p, i) => itemOf(prose.length > 1 || firstPart ? { ...p, part: (firstPart ?? 1) + i } : p));
    };
    if (!listed) return fromProse() ?? [whole];
    const settled = (results: EntryResult[]) => results.filter((r) => r.status === 'resolved').length;
    const prose = settled(listed.results) < listed.results.length ? fromProse() : undefined;
    if (prose && settled(prose) > settled(listed.results)) return prose;
    ignored.push(...listed.ignored);
    return listed.results;
  };
  // (« Sigolsheim (Kaysersberg Vignoble) : 1 @ »: the commune a former one merged into, in brackets, says where.)
  const lineText = new Map(entries.map((e) => [e.line, e.text]));
  const successorAside = (r: EntryResult) => {
    if (r.status !== 'resolved') return false;
    const at = (lineText.get(r.line) ?? '').indexOf(`(${r.text})`);
    const before = at > 0 ? /(\p{Lu}[\p{L}'’-]*(?:[\s-]+(?:\p{Lu}[\p{L}'’-]*|de|du|des|la|le|les|sur|sous|en|d['’]\p{L}+))*)\s*$/u.exec(lineText.get(r.line)!.slice(0, at))?.[1] : undefined;
    return !!before && listNames(registry).formers(canonicalName(before)).some((f) => f.current === r.code && f.code !== f.current);
  };
  const first = entries.flatMap((entry): EntryResult[] => {
    const once = pickedOr(entry, () => resolveEntry(entry, resolve, registry));
    if (entry.row) return [once];
    if (once.status === 'resolved') return sentenceRead(entry, once);
    // Sentences with their own names and levels: each read on its own, parts numbered across the line.
    const split = clausesOf(entry, registry, placeNamed);
    if (split) {
      const parts: EntryResult[] = [];
      const before = ignored.length;
      for (const clause of split.clauses) parts.push(...readOne({ ...clause, part: parts.length + 1 }, parts.length + 1));
      if (parts.filter(isPlace).length >= 2) {
        ignored.push(...split.ignored);
        return parts;
      }
      ignored.length = before;
    }
    return readOne(entry, undefined, once);
  }).filter((r) => {
    // (Picked « - » by the reviewer, or the successor in brackets of a merged commune: no award, shown with the titles.)
    if (picks.get(entryKey(r)) !== SKIP && !successorAside(r)) return true;
    ignored.push({ line: r.line, text: r.text });
    return false;
  });
  const scope = listScope(first.flatMap((r) => (r.status === 'resolved' ? registry.get(r.code) ?? [] : [])));
  // (Said beyond the list's département or région: only the wider scope, or none.)
  const entryScope = (r: EntryResult): ListScope => (r.wider === 'anywhere' ? { national: false } : r.wider === 'region' ? { ...scope, departement: undefined } : scope);
  const settled = first.map((r): [EntryResult, EntryResult] => {
    let result = r;
    if (r.status === 'ambiguous' && NAMED.has(r.reason)) {
      // (A bare name in a national list is its dominant town; said in a sentence, « Et bravo à Saint-Paul pour ses @@ ! »,
      // in a thread about other places, it is not.)
      const candidates = r.candidates.map((c) => registry.get(c.code)).filter((c): c is RegistryEntry => !!c);
      const opening = foldText(r.text).replace(/^[^\p{L}]+/u, '');
      // (« … des villes suivantes : Argentan, …, Merignac »: a list after a colon is a list.)
      const aside = r.text.split(/\s+/).length > 6 && !r.text.includes(':') && !candidates.some((c) => opening.startsWith(foldText(c.name)));
      // (A table row whose département cell is blank: no dominant town, nationally or in the région.)
      const settled = settledByScope(candidates, r.reason === 'shortOrExact' || r.sentence || aside || r.unplaced ? { ...entryScope(r), national: false } : entryScope(r), r.unplaced ? Infinity : DOMINANT);
      // (« Salignac » on a Gironde page: Salignac-Eyvigues (24) is the région's, but Salignac (33), merged into Val de
      // Virvée, was one too: the reviewer says.)
      const merged = settled ? listNames(registry).formers(canonicalName(r.name)).filter((f) => f.code !== f.current).flatMap((f) => registry.get(f.current) ?? []) : [];
      if (settled && !merged.some((m) => m.region === settled.region)) result = resolved(r, settled);
    }
    if (result.status !== 'resolved') return [r, result];
    const elsewhere = r.departement ? [] : namesakesInScope(result.code, entryScope(r), registry);
    return [r, elsewhere.length ? ambiguous(r, [registry.get(result.code)!, ...elsewhere], 'shortOrExact') : result];
  });
  // A territory listed twice at one level is one award; at two levels (« Salers @@ », then « pour Salers c'est 3 @ pas
  // 2 »), neither line is taken: the reviewer skips the wrong one.
  const byCode = new Map<string, EntryResult[]>();
  for (const [, o] of settled) if (o.status === 'resolved') byCode.set(o.code, [...(byCode.get(o.code) ?? []), o]);
  const seen = new Map<string, string>();
  const results = settled.map(([r, result]): EntryResult => {
    if (result.status !== 'resolved') return result;
    const other = byCode.get(result.code)!.find((o) => o.level !== result.level);
    if (other) return { ...r, status: 'ambiguous', candidates: [], reason: 'duplicate', reasonVars: { line: entryKey(other), name: result.territoryName } };
    const already = seen.get(result.code);
    if (already) return { ...result, repeatOf: already };
    seen.set(result.code, entryKey(r));
    return result;
  });
  return { results, ignored };
}

export function resolveList(text: string, registry: Registry, resolve: (query: string) => Resolution, picks = new Map<string, string>(), edition?: number): EntryResult[] {
  return readListResults(text, registry, resolve, picks, edition).results;
}
