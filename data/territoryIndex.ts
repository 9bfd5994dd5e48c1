// In-memory index over the registry's communes and EPCI: compact name keys → entities (exact hits), a bigram
// index over those keys (typo candidates, verified with a bounded edit distance), postcodes, codes, départements.
import type { Registry, RegistryEntry } from './registry.ts';
import { compact, keysOfName, stripArticle, typoBudget, type KeyTier } from './territoryKeys.ts';
import { boundedDistance } from './territoryDistance.ts';

/** An entity found by key: `rank` is the key tier for exact hits, the edit distance for typo hits. */
export type Hit = { entity: number; rank: number };

const ALPHABET = 37; // 0 = padding, 1-26 = a-z, 27-36 = 0-9
const MAX_KEY = 100;

function charCode(c: number): number {
  if (c >= 97 && c <= 122) return c - 96;
  if (c >= 48 && c <= 57) return c - 21;
  return 0;
}

/** Distinct padded bigrams of a key ("^ab$" style). */
function gramsOf(key: string): number[] {
  const out = new Set<number>();
  let prev = 0;
  for (let i = 0; i < key.length; i++) {
    const c = charCode(key.charCodeAt(i));
    out.add(prev * ALPHABET + c);
    prev = c;
  }
  out.add(prev * ALPHABET);
  return [...out];
}

/** Compressed lists: the items of list i are items[start[i] .. start[i + 1]). */
function compress(lists: number[][]): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => { start[i + 1] = (start[i] as number) + l.length; });
  const items = new Int32Array(start[lists.length] as number);
  lists.forEach((l, i) => items.set(l, start[i] as number));
  return { start, items };
}

export class TerritoryIndex {
  readonly entries: RegistryEntry[];
  private readonly keyIds = new Map<string, number>();
  private readonly keys: string[];
  private readonly owners: { start: Int32Array; items: Int32Array };
  private readonly ownerTiers: Uint8Array;
  private readonly entityKeys: { start: Int32Array; items: Int32Array };
  private readonly postings: { start: Int32Array; items: Int32Array };
  private readonly lengthStart: Int32Array;
  private readonly counts: Uint16Array;
  private readonly byCode = new Map<string, number>();
  private readonly byPostcode = new Map<string, number[]>();
  private readonly byDepartement = new Map<string, number[]>();
  private readonly epcisOf = new Map<number, number[]>();

  constructor(registry: Registry) {
    this.entries = [...registry.communes, ...registry.epcis];
    const owned = new Map<string, [number, KeyTier][]>();
    this.entries.forEach((e, i) => {
      for (const { key, tier } of keysOfName(e.name, e.kind === 'epci')) {
        if (key.length > MAX_KEY) continue;
        const list = owned.get(key);
        if (list) list.push([i, tier]); else owned.set(key, [[i, tier]]);
      }
      this.byCode.set(e.code, i);
      for (const p of e.postcodes) this.push(this.byPostcode, p, i);
      if (e.departement) this.push(this.byDepartement, e.departement, i);
    });
    // Key ids in length order, so that a length window is a contiguous id range.
    this.keys = [...owned.keys()].sort((a, b) => a.length - b.length);
    this.keys.forEach((k, id) => this.keyIds.set(k, id));
    const ownerLists = this.keys.map((k) => owned.get(k) ?? []);
    this.owners = compress(ownerLists.map((l) => l.map(([i]) => i)));
    this.ownerTiers = Uint8Array.from(ownerLists.flatMap((l) => l.map(([, t]) => t)));
    const perEntity: number[][] = this.entries.map(() => []);
    ownerLists.forEach((l, id) => { for (const [i] of l) perEntity[i]?.push(id); });
    this.entityKeys = compress(perEntity);
    const gramLists: number[][] = Array.from({ length: ALPHABET * ALPHABET }, () => []);
    this.keys.forEach((k, id) => { for (const g of gramsOf(k)) gramLists[g]?.push(id); });
    this.postings = compress(gramLists);
    const maxLen = this.keys.at(-1)?.length ?? 0;
    this.lengthStart = new Int32Array(maxLen + 2);
    for (let len = 0, id = 0; len <= maxLen + 1; len++) {
      while (id < this.keys.length && (this.keys[id] as string).length < len) id++;
      this.lengthStart[len] = id;
    }
    this.counts = new Uint16Array(this.keys.length);
    this.entries.forEach((e, i) => {
      for (const m of e.members ?? []) {
        const c = this.byCode.get(m);
        if (c !== undefined) this.push(this.epcisOf, c, i);
      }
    });
  }

  private push<K>(map: Map<K, number[]>, key: K, value: number): void {
    const list = map.get(key);
    if (list) list.push(value); else map.set(key, [value]);
  }

  entity(code: string): number | undefined {
    return this.byCode.get(code.toUpperCase());
  }

  postcode(code: string): readonly number[] {
    return this.byPostcode.get(code) ?? [];
  }

  inDepartement(code: string): readonly number[] {
    return this.byDepartement.get(code) ?? [];
  }

  /** EPCI having this commune as a member. */
  epcisOfCommune(entity: number): readonly number[] {
    return this.epcisOf.get(entity) ?? [];
  }

  population(entity: number): number {
    return this.entries[entity]?.population ?? 0;
  }

  /** Exact hits for a query's tokens: its full key (at the key's tier) and its article-free key (tier 1). */
  exact(tokens: readonly string[]): Hit[] {
    const best = new Map<number, number>();
    const visit = (key: string, floor: number) => {
      const id = this.keyIds.get(key);
      if (id === undefined) return;
      for (let p = this.owners.start[id] as number; p < (this.owners.start[id + 1] as number); p++) {
        const e = this.owners.items[p] as number;
        const rank = Math.max(floor, this.ownerTiers[p] as number);
        if ((best.get(e) ?? 9) > rank) best.set(e, rank);
      }
    };
    visit(compact(tokens), 0);
    visit(compact(stripArticle(tokens)), 1);
    return [...best].map(([entity, rank]) => ({ entity, rank }));
  }

  /** Entities whose keys are within the typo budget of `key`, through the bigram index (or `within` only). */
  typos(key: string, within?: readonly number[]): Hit[] {
    const found = new Map<number, number>();
    const check = (id: number) => {
      const k = this.keys[id] as string;
      const budget = typoBudget(Math.max(key.length, k.length));
      const d = boundedDistance(key, k, budget);
      if (d > budget) return;
      for (let p = this.owners.start[id] as number; p < (this.owners.start[id + 1] as number); p++) {
        const e = this.owners.items[p] as number;
        if ((found.get(e) ?? 9) > d) found.set(e, d);
      }
    };
    if (within) {
      const allowed = new Set(within);
      for (const e of within) {
        for (let p = this.entityKeys.start[e] as number; p < (this.entityKeys.start[e + 1] as number); p++) {
          check(this.entityKeys.items[p] as number);
        }
      }
      for (const e of [...found.keys()]) if (!allowed.has(e)) found.delete(e);
    } else {
      const reach = typoBudget(key.length + 2);
      for (const id of this.candidates(key, reach, 0, Infinity)) check(id);
    }
    return [...found].map(([entity, rank]) => ({ entity, rank }));
  }

  /** The closest names to `key` (edit distance up to a third of its length, at least 3), best first. */
  suggest(key: string, limit: number): number[] {
    const reach = Math.max(3, Math.ceil(key.length / 3));
    const scored: { entity: number; d: number }[] = [];
    for (const id of this.candidates(key, reach, 1, 300)) {
      const d = boundedDistance(key, this.keys[id] as string, reach);
      if (d > reach) continue;
      for (let p = this.owners.start[id] as number; p < (this.owners.start[id + 1] as number); p++) {
        scored.push({ entity: this.owners.items[p] as number, d });
      }
    }
    scored.sort((a, b) => a.d - b.d || this.population(b.entity) - this.population(a.entity));
    return [...new Set(scored.map((s) => s.entity))].slice(0, limit);
  }

  /**
   * Key ids within `reach` characters of the query's length sharing enough bigrams to possibly be within `reach`
   * edits (each edit destroys at most 3 bigrams), at least `minShared`; the `max` sharing most when capped.
   */
  private candidates(key: string, reach: number, minShared: number, max: number): number[] {
    if (!key || key.length > MAX_KEY) return [];
    const grams = gramsOf(key);
    const threshold = Math.max(1, minShared, grams.length - 3 * reach);
    const lo = this.lengthStart[Math.max(0, key.length - reach)] ?? this.keys.length;
    const hi = this.lengthStart[Math.min(this.lengthStart.length - 1, key.length + reach + 1)] ?? this.keys.length;
    if (lo >= hi) return [];
    const touched: number[] = [];
    const { start, items } = this.postings;
    for (const g of grams) {
      let a = start[g] as number;
      let b = start[g + 1] as number;
      // Postings are sorted by key id: binary search the id window [lo, hi).
      while (a < b) { const mid = (a + b) >> 1; if ((items[mid] as number) < lo) a = mid + 1; else b = mid; }
      for (let p = a, end = start[g + 1] as number; p < end; p++) {
        const id = items[p] as number;
        if (id >= hi) break;
        const seen = this.counts[id] as number;
        this.counts[id] = seen + 1;
        if (seen === 0) touched.push(id);
      }
    }
    const out: number[] = [];
    for (const id of touched) {
      if ((this.counts[id] as number) >= threshold) out.push(id);
    }
    if (out.length > max) out.sort((x, y) => (this.counts[y] as number) - (this.counts[x] as number)).length = max;
    for (const id of touched) this.counts[id] = 0;
    return out;
  }
}
