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
import { entryKey, SKIP, type ListEntry } from './palmaresLine.ts';
import { DOMINANT, listScope, namesakesInScope, settledByScope } from './palmaresNames.ts';
import type { Resolution } from './territories/index.ts';
import type { Registry, RegistryEntry } from './territories/registry.ts';

export { canonicalName } from './palmaresNames.ts';
export { resolveEntry, type EntryResult } from './entryResolve.ts';
export { readList, type IgnoredLine } from './listLayout.ts';
export { entryKey, nameSpans, parseListLine, readListHeader, readPicks, SKIP, type ListEntry, type ListHeader } from './palmaresLine.ts';

/**
 * The whole list: picks first (a reviewer's « line → code »), then the resolver; a line listing several names gives an
 * entry each; homonyms and short names that the rest of the list settles (its région, or a national list's dominant
 * town); a territory listed twice is flagged. Titles and headings are no entries (`ignored`, to show the reviewer).
 */
export function readListResults(text: string, registry: Registry, resolve: (query: string) => Resolution, picks = new Map<string, string>()): { results: EntryResult[]; ignored: IgnoredLine[] } {
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
  const { entries, ignored } = readList(text, registry, placeNamed);
  const itemOf = (item: ListEntry) => pickedOr(item, () => {
    const r = resolveEntry(item, resolve, registry);
    // « Agen, Metz (57) »: the line's département is the last name's; another name may lie elsewhere.
    return isPlace(r) || item.departement === undefined ? r : resolveEntry({ ...item, departement: undefined }, resolve, registry);
  });
  // One entry, or the names it lists (parts numbered from `firstPart`); `whole` when already resolved as one.
  const readOne = (entry: ListEntry, firstPart?: number, whole = pickedOr(entry, () => resolveEntry(entry, resolve, registry))): EntryResult[] => {
    if (whole.status === 'resolved') return [whole];
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
  const first = entries.flatMap((entry): EntryResult[] => {
    const once = pickedOr(entry, () => resolveEntry(entry, resolve, registry));
    if (entry.row) return [once];
    if (once.status === 'resolved') {
      // « Caen et la communauté urbaine Caen la mer conservent leurs cinq arobases »: a sentence whose one name
      // resolves may name another place the line's reading passed over.
      const prose = !picks.has(entryKey(entry)) && entry.text.split(/\s+/).length > 6 ? proseNames(entry, registry, placeNamed, epciNamed) : undefined;
      const read = prose && prose.length > 1 ? prose.map((p, i) => itemOf({ ...p, part: i + 1 })) : [];
      return read.filter((r) => r.status === 'resolved').length > 1 ? read : [once];
    }
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
    // (Picked « - » by the reviewer: no award, shown with the titles.)
    if (picks.get(entryKey(r)) !== SKIP) return true;
    ignored.push({ line: r.line, text: r.text });
    return false;
  });
  const scope = listScope(first.flatMap((r) => (r.status === 'resolved' ? registry.get(r.code) ?? [] : [])));
  const seen = new Map<string, { key: string; level?: number }>();
  const results = first.map((r): EntryResult => {
    let result = r;
    if (r.status === 'ambiguous' && NAMED.has(r.reason)) {
      const candidates = r.candidates.map((c) => registry.get(c.code)).filter((c): c is RegistryEntry => !!c);
      const settled = settledByScope(candidates, r.reason === 'shortOrExact' || r.sentence ? { ...scope, national: false } : scope, DOMINANT);
      if (settled) result = resolved(r, settled);
    }
    if (result.status !== 'resolved') return result;
    const elsewhere = r.departement ? [] : namesakesInScope(result.code, scope, registry);
    if (elsewhere.length) return ambiguous(r, [registry.get(result.code)!, ...elsewhere], 'shortOrExact');
    const already = seen.get(result.code);
    if (already && already.level === result.level) return { ...result, repeatOf: already.key };
    if (already !== undefined) {
      return { ...r, status: 'ambiguous', candidates: [], reason: 'duplicate', reasonVars: { line: already.key, name: result.territoryName } };
    }
    seen.set(result.code, { key: entryKey(r), level: result.level });
    return result;
  });
  return { results, ignored };
}

export function resolveList(text: string, registry: Registry, resolve: (query: string) => Resolution, picks = new Map<string, string>()): EntryResult[] {
  return readListResults(text, registry, resolve, picks).results;
}
