// What people mean by a place name: the resolver finds the names that match; this ranks them the way people mean
// them. Territories present in the palmarès first, then population; a short name ("Charenton", "Fontenay",
// "Le Touquet") offers the labelled or populous territories whose name starts with it before look-alike spellings
// (Charentay, Fontenay in the Vosges, Touques).
import { toTerritory, type Registry, type RegistryEntry, type Territory } from '../territories/registry.ts';
import { candidatesOf, type Resolution, type TerritoryResolver } from '../territories/index.ts';
import { nameTokens, stripArticle } from '../territories/keys.ts';

/** A longer name counts as "what people mean" when labelled, or at least this populous. */
const NOTABLE_POPULATION = 15_000;
/** When no more names than this start with the words, every one counts ("Le Touquet" → Le Touquet-Paris-Plage). */
const FEW = 3;
const MAX_ALTERNATIVES = 5;
const MAX_CANDIDATES = 12;

/** Article-free folded name, words separated by spaces: "le touquet paris plage" → "touquet paris plage". */
function sortKey(e: RegistryEntry): string {
  return stripArticle(nameTokens(e.name)).join(' ');
}

export class PlaceRanking {
  /** Entities sorted by sortKey, for prefix ranges (keys recomputed on demand: 150 kB instead of 1.5 MB). */
  private sorted?: Int32Array;
  /** The notable entities (population ≥ NOTABLE_POPULATION) with their keys. */
  private notable?: { entity: number; key: string }[];
  private labelledKeys?: { set: ReadonlySet<string>; keys: { entity: number; key: string }[] };

  constructor(private readonly registry: Registry, private readonly resolver: TerritoryResolver) {}

  private get entries() {
    return this.registry.entries;
  }

  private build(): Int32Array {
    if (this.sorted) return this.sorted;
    const keys = this.entries.map(sortKey);
    const order = Int32Array.from(keys.keys()).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
    this.notable = [];
    for (let i = 0; i < this.entries.length; i++) {
      if ((this.entries[i]?.population ?? 0) >= NOTABLE_POPULATION) this.notable.push({ entity: i, key: keys[i]! });
    }
    this.sorted = order;
    return order;
  }

  /** First position in `sorted` whose key is ≥ `key`. */
  private lowerBound(key: string): number {
    const sorted = this.build();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortKey(this.entries[sorted[mid]!]!) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Entities whose name goes on after these words ("fontenay" → Fontenay-sous-Bois…), the notable ones when many. */
  longerNames(words: readonly string[], labelled: ReadonlySet<string>): number[] {
    const base = stripArticle(words).join(' ');
    if (!base) return [];
    const prefix = `${base} `;
    const from = this.lowerBound(prefix);
    const to = this.lowerBound(`${base}!`); // '!' sorts right after ' '
    const sorted = this.build();
    if (to - from <= FEW) return Array.from(sorted.subarray(from, to));
    const starts = ({ key }: { key: string }) => key.startsWith(prefix);
    const out = new Set(this.notable!.filter(starts).map((n) => n.entity));
    for (const n of this.labelledList(labelled)) if (starts(n)) out.add(n.entity);
    return [...out];
  }

  private labelledList(labelled: ReadonlySet<string>) {
    if (this.labelledKeys?.set !== labelled) {
      const keys: { entity: number; key: string }[] = [];
      for (const code of labelled) {
        const i = this.registry.indexOf(code);
        if (i !== undefined) keys.push({ entity: i, key: sortKey(this.entries[i]!) });
      }
      this.labelledKeys = { set: labelled, keys };
    }
    return this.labelledKeys.keys;
  }

  /**
   * The resolver's answer for `query`, re-ranked with what people mean. `words` are the place's folded words
   * (for the longer names); `exact` tells whether the resolver matched a whole name (not a typo).
   */
  rank(query: string, words: readonly string[], labelled: ReadonlySet<string>): Resolution {
    const r = this.resolver.resolve(query);
    const exact = words.length > 0 && this.resolver.index.exact(words).length > 0;
    const isLabelled = (t: Territory) => labelled.has(t.code);
    const longer = words.length ? this.longerNames(words, labelled).map((e) => toTerritory(this.entries[e]!)) : [];
    const byPopulation = (a: Territory, b: Territory) => (b.population ?? 0) - (a.population ?? 0);
    const unique = (list: Territory[]) => [...new Map(list.map((t) => [t.code, t])).values()];

    if (r.status === 'found' && exact) {
      // A whole name: kept, unless it is unlabelled and a longer name starting with it is labelled ("Villeneuve").
      if (isLabelled(r.territory)) return r;
      const labelledLonger = longer.filter(isLabelled);
      if (labelledLonger.length === 1) return this.found(labelledLonger[0]!, [r.territory, ...r.alternatives, ...longer]);
      return { ...r, alternatives: unique([...r.alternatives, ...longer.sort(byPopulation)]).filter((t) => t.code !== r.territory.code).slice(0, MAX_ALTERNATIVES) };
    }
    const matched = candidatesOf(r);
    // A look-alike spelling much more populous than every longer name is what was meant (« Lyons » → Lyon, not
    // Lyons-la-Forêt); otherwise the longer names come first (« Charenton » → Charenton-le-Pont, not Charentay).
    const biggestLonger = Math.max(0, ...longer.map((t) => t.population ?? 0));
    const typoWins = r.status === 'found' && !exact && (r.territory.population ?? 0) >= 10 * Math.max(1, biggestLonger) && !longer.some(isLabelled);
    if (typoWins) return r;
    // Homonyms or a postcode's communes: add the longer names; the labelled first, then by population.
    const pool = unique(r.status === 'ambiguous' || exact ? [...matched, ...longer] : longer.length ? longer : matched);
    if (!pool.length) return r;
    const labelledOnes = pool.filter(isLabelled);
    // One labelled territory stands for the name, unless it is only a longer name and a homonym bearing the exact name
    // is of its size (« Saint-Martin »: the collectivity of Saint-Martin beside Saint-Martin-d'Hères; « Villeneuve »
    // is Villeneuve-d'Ascq, the exact Villeneuves being villages).
    const rival = (t: Territory) => exact && !matched.some((m) => m.code === t.code)
      && matched.some((m) => 10 * (m.population ?? 0) > (t.population ?? 0));
    if (labelledOnes.length === 1 && !rival(labelledOnes[0]!)) return this.found(labelledOnes[0]!, pool);
    if (r.status === 'found' && !longer.length) return r; // a typo with nothing better: the resolver's pick
    if (pool.length === 1) return this.found(pool[0]!, []);
    const ordered = [...labelledOnes.sort(byPopulation), ...pool.filter((t) => !isLabelled(t)).sort(byPopulation)];
    return { status: 'ambiguous', candidates: ordered.slice(0, MAX_CANDIDATES) };
  }

  private found(territory: Territory, others: Territory[]): Resolution {
    const alternatives = [...new Map(others.filter((t) => t.code !== territory.code).map((t) => [t.code, t])).values()]
      .sort((a, b) => (b.population ?? 0) - (a.population ?? 0)).slice(0, MAX_ALTERNATIVES);
    return { status: 'found', territory, alternatives };
  }
}
