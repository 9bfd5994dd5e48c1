// In-memory index over the registry's communes and EPCI: compact name keys → entities (exact hits), a bigram
// index over those keys (typo candidates, verified with a bounded edit distance), postcodes, codes, départements.
import type { Registry, RegistryEntry } from './registry.ts';
import {
  ARTICLES, compact, epciCore, keysOfName, nameTokens, stripArticle, typoBudget, withoutParentheses, type KeyTier,
} from './territoryKeys.ts';
import { GramIndex, MAX_KEY } from './territoryGrams.ts';
import { boundedDistance } from './territoryDistance.ts';

/** An entity found by key: `rank` is the key tier for exact hits, the edit distance for typo hits. */
export type Hit = { entity: number; rank: number };

/** Compressed lists: the items of list i are items[start[i] .. start[i + 1]). */
type Lists = { start: Int32Array; items: Int32Array };

export class TerritoryIndex {
  readonly entries: RegistryEntry[];
  /** Key → id as first met; `renumber` turns it into the id in length order, used everywhere else. */
  private readonly keyIds = new Map<string, number>();
  private readonly renumber: Int32Array;
  private readonly keys: string[] = [];
  /** Per key id, the entities having it, and at which tier. */
  private readonly owners: Lists;
  private readonly ownerTiers: Uint8Array;
  /** Per entity, its key ids. */
  private readonly entityKeys: Lists;
  private readonly grams: GramIndex;
  private readonly byCode = new Map<string, number>();
  private readonly byPostcode = new Map<string, number[]>();
  private readonly byDepartement = new Map<string, number[]>();
  /** Per commune entity, the EPCI it belongs to. */
  private readonly epcisOf: (number[] | undefined)[];
  /** EPCI core names, words separated by spaces ("grand avignon"), for prefix matches. */
  private readonly epciCores: { entity: number; core: string }[] = [];
  /** Per commune entity, the EPCI it belongs to whose name contains its own ("Grenoble" → "Grenoble-Alpes-Métropole"). */
  private readonly namesakes: (number[] | undefined)[];

  constructor(registry: Registry) {
    this.entries = [...registry.communes, ...registry.epcis];
    const n = this.entries.length;
    // One row per (entity, key), keys numbered as first met.
    const found: string[] = [];
    const rowEntity: number[] = [];
    const rowKey: number[] = [];
    const rowTier: number[] = [];
    const loose: string[] = [];
    const epciTokens: string[][] = [];
    const entityStart = new Int32Array(n + 1);
    const addKey = (i: number, key: string, tier: KeyTier) => {
      if (!key || key.length > MAX_KEY) return;
      let id = this.keyIds.get(key);
      if (id === undefined) { id = found.push(key) - 1; this.keyIds.set(key, id); }
      rowEntity.push(i);
      rowKey.push(id);
      rowTier.push(tier);
    };
    for (let i = 0; i < n; i++) {
      const e = this.entries[i] as RegistryEntry;
      const tokens = nameTokens(e.name);
      if (e.kind === 'commune' && !ARTICLES.has(tokens[0] ?? '') && !e.name.includes('(')) {
        // Most names have a single key, their compact name; keysOfName covers the others.
        const key = compact(tokens);
        loose.push(key);
        addKey(i, key, 0);
      } else {
        loose.push(compact(stripArticle(tokens)));
        for (const { key, tier } of keysOfName(e.name, e.kind === 'epci', tokens)) addKey(i, key, tier);
        if (e.kind === 'epci') epciTokens[i] = tokens;
      }
      entityStart[i + 1] = rowKey.length;
      this.byCode.set(e.code, i);
      for (const p of e.postcodes) {
        const list = this.byPostcode.get(p);
        if (list) list.push(i); else this.byPostcode.set(p, [i]);
      }
      if (e.departement) {
        const list = this.byDepartement.get(e.departement);
        if (list) list.push(i); else this.byDepartement.set(e.departement, [i]);
      }
    }
    // Key ids in length order, so that a length window is a contiguous id range.
    const byLength: number[][] = [];
    for (let id = 0; id < found.length; id++) (byLength[(found[id] as string).length] ??= []).push(id);
    this.renumber = new Int32Array(found.length);
    for (const ids of byLength) for (const old of ids ?? []) this.renumber[old] = this.keys.push(found[old] as string) - 1;
    // Owners per key: count, then fill.
    const rows = rowKey.length;
    const ownerStart = new Int32Array(this.keys.length + 1);
    for (let r = 0; r < rows; r++) {
      const k = (this.renumber[rowKey[r] as number] as number) + 1;
      ownerStart[k] = (ownerStart[k] as number) + 1;
    }
    for (let k = 0; k < this.keys.length; k++) ownerStart[k + 1] = (ownerStart[k + 1] as number) + (ownerStart[k] as number);
    const fill = ownerStart.slice(0, -1);
    const owners = new Int32Array(rows);
    const entityKeys = new Int32Array(rows);
    this.ownerTiers = new Uint8Array(rows);
    for (let r = 0; r < rows; r++) {
      const k = this.renumber[rowKey[r] as number] as number;
      const at = fill[k] as number;
      fill[k] = at + 1;
      owners[at] = rowEntity[r] as number;
      this.ownerTiers[at] = rowTier[r] as number;
      entityKeys[r] = k;
    }
    this.owners = { start: ownerStart, items: owners };
    this.entityKeys = { start: entityStart, items: entityKeys };
    this.grams = new GramIndex(this.keys);
    // EPCI: core names, and which EPCI each commune belongs to.
    this.epcisOf = new Array<number[] | undefined>(n).fill(undefined);
    this.namesakes = new Array<number[] | undefined>(n).fill(undefined);
    for (let i = registry.communes.length; i < n; i++) {
      const e = this.entries[i] as RegistryEntry;
      const tokens = epciTokens[i] ?? nameTokens(e.name);
      const epciKey = compact(tokens);
      const bare = e.name.includes('(') ? nameTokens(withoutParentheses(e.name)) : tokens;
      this.epciCores.push({ entity: i, core: epciCore(bare).core.join(' ') });
      for (const m of e.members ?? []) {
        const c = this.byCode.get(m);
        if (c === undefined) continue;
        (this.epcisOf[c] ??= []).push(i);
        if (epciKey.includes(loose[c] as string)) (this.namesakes[c] ??= []).push(i);
      }
    }
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

  /** EPCI whose core name starts with these words ("aix marseille" → Métropole d'Aix-Marseille-Provence). */
  epcisStartingWith(tokens: readonly string[]): number[] {
    const prefix = `${tokens.join(' ')} `;
    return this.epciCores.filter((e) => e.core.startsWith(prefix)).map((e) => e.entity);
  }

  /** EPCI having this commune as a member and a name containing its name. */
  namesakeEpcis(entity: number): readonly number[] {
    return this.namesakes[entity] ?? [];
  }

  /** EPCI having this commune as a member. */
  epcisOfCommune(entity: number): readonly number[] {
    return this.epcisOf[entity] ?? [];
  }

  population(entity: number): number {
    return this.entries[entity]?.population ?? 0;
  }

  /** Exact hits for a query's tokens: its full key (at the key's tier) and its article-free key (tier 1). */
  exact(tokens: readonly string[]): Hit[] {
    const best = new Map<number, number>();
    const visit = (key: string, floor: number) => {
      const first = this.keyIds.get(key);
      if (first === undefined) return;
      const id = this.renumber[first] as number;
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

  /**
   * Entities whose keys are within the typo budget of `key` (through the bigram index, or among `within` only).
   * Names one edit away are looked for first; only when there are none, those two edits away.
   */
  typos(key: string, within?: readonly number[]): Hit[] {
    const found = new Map<number, number>();
    const check = (id: number, cap: number) => {
      const k = this.keys[id] as string;
      const budget = Math.min(cap, typoBudget(Math.max(key.length, k.length)));
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
          check(this.entityKeys.items[p] as number, 2);
        }
      }
      for (const e of [...found.keys()]) if (!allowed.has(e)) found.delete(e);
    } else {
      for (const cap of [1, 2]) {
        const budget = (len: number) => Math.min(cap, typoBudget(Math.max(key.length, len)));
        for (const id of this.grams.candidates(key, budget, Infinity)) check(id, cap);
        if (found.size || typoBudget(key.length + 2) <= cap) break;
      }
    }
    return [...found].map(([entity, rank]) => ({ entity, rank }));
  }

  /** The closest names to `key` (up to 3 edits), best first: fewest edits, then largest population. */
  suggest(key: string, limit: number): number[] {
    const reach = 3;
    const scored: { entity: number; d: number }[] = [];
    for (const id of this.grams.candidates(key, () => reach, 60, Math.ceil(key.length / 2))) {
      const d = boundedDistance(key, this.keys[id] as string, reach);
      if (d > reach) continue;
      for (let p = this.owners.start[id] as number; p < (this.owners.start[id + 1] as number); p++) {
        scored.push({ entity: this.owners.items[p] as number, d });
      }
    }
    scored.sort((a, b) => a.d - b.d || this.population(b.entity) - this.population(a.entity));
    return [...new Set(scored.map((s) => s.entity))].slice(0, limit);
  }
}
