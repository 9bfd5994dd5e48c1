// Names by their beginning, for the search box: Teams asks as people type (« Gren », « st germ »), and a half-typed
// name is no place the resolver can find; its fuzzy guesses (« Gien », « Gron ») are not what the person is typing.
import type { Registry, RegistryEntry } from '../data/territories/registry.ts';
import { foldPlaceName } from '../data/text.ts';

/** The sort key: folded, « st »/« ste » written out as people abbreviate them. */
export const prefixKey = (text: string) => foldPlaceName(text).replace(/\s+/g, ' ').trim();

export function createNamePrefixes(registry: Registry) {
  let sorted: { key: string; entry: RegistryEntry }[] | undefined;
  const index = () => (sorted ??= registry.entries.map((entry) => ({ key: prefixKey(entry.name), entry })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));

  /** Territories whose name begins with `text` (3 characters at least), the ones in the palmarès first, then by size. */
  return function byPrefix(text: string, labelled: ReadonlySet<string>, limit: number): RegistryEntry[] {
    const key = prefixKey(text);
    if (key.length < 3) return [];
    const list = index();
    let lo = 0;
    let hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]!.key < key) lo = mid + 1; else hi = mid; }
    const found: RegistryEntry[] = [];
    for (let i = lo; i < list.length && list[i]!.key.startsWith(key) && found.length < 2000; i++) found.push(list[i]!.entry);
    const rank = (e: RegistryEntry) => (labelled.has(e.code) ? 1e12 : 0) + (e.population ?? 0);
    return found.sort((a, b) => rank(b) - rank(a)).slice(0, limit);
  };
}
