// In-memory index over the registry's communes and EPCI: compact name keys → entities (exact hits), a bigram
// index over those keys (typo candidates, verified with a bounded edit distance), postcodes, codes, départements.
import type { Registry, RegistryEntry } from './registry.ts';
import {
  ARTICLES, compact, epciCore, keysOfName, nameTokens, stripArticle, typoBudget, withoutParentheses, type KeyTier,
} from './keys.ts';
import { GramIndex, MAX_KEY } from './grams.ts';
import { boundedDistance } from './distance.ts';
import { groupRows, intLists, listAt, type IntLists } from './intLists.ts';
import { StringList } from './stringIds.ts';

/** An entity found by key: `rank` is the key tier for exact hits, the edit distance for typo hits. */
export type Hit = { entity: number; rank: number };

// Entities are numbered as in `registry.entries` (communes, then EPCI). Everything held for the process's life is
// in typed arrays or string tables: Maps and arrays of small arrays cost this index 11 MB more of heap.
export class TerritoryIndex {
  readonly entries: readonly RegistryEntry[];
  private readonly registry: Registry;
  /** Compact name keys, numbered in length order (a length window is a contiguous id range). */
  private readonly keys = new StringList();
  /** Per key id, the entities having it, and at which tier. */
  private readonly owners: IntLists;
  private readonly ownerTiers: Uint8Array;
  /** Per entity, its key ids. */
  private readonly entityKeys: IntLists;
  private readonly grams: GramIndex;
  private readonly postcodes = new StringList();
  private readonly byPostcode: IntLists;
  private readonly departements = new StringList();
  private readonly byDepartement: IntLists;
  /** Per commune entity, the EPCI it belongs to. */
  private readonly epcisOf: IntLists;
  /** EPCI core names, words separated by spaces ("grand avignon"), for prefix matches. */
  private readonly epciCores: { entity: number; core: string }[] = [];
  /** Per commune entity, the EPCI it belongs to whose name contains its own ("Grenoble" → "Grenoble-Alpes-Métropole"). */
  private readonly namesakes: IntLists;

  constructor(registry: Registry) {
    this.registry = registry;
    this.entries = registry.entries;
    const n = this.entries.length;
    // One row per (entity, key), keys numbered as first met.
    const found = new StringList();
    const rowEntity: number[] = [];
    const rowKey: number[] = [];
    const rowTier: number[] = [];
    const loose: string[] = [];
    const epciTokens: string[][] = [];
    const entityStart = new Int32Array(n + 1);
    // (postcode, entity) and (département, entity) rows, grouped into lists below.
    const postcodeOf: number[] = [];
    const postcodeEntity: number[] = [];
    const departementOf: number[] = [];
    const departementEntity: number[] = [];
    const addKey = (i: number, key: string, tier: KeyTier) => {
      if (!key || key.length > MAX_KEY) return;
      rowEntity.push(i);
      rowKey.push(found.id(key));
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
      for (const p of e.postcodes) {
        postcodeOf.push(this.postcodes.id(p));
        postcodeEntity.push(i);
      }
      if (e.departement) {
        departementOf.push(this.departements.id(e.departement));
        departementEntity.push(i);
      }
    }
    this.byPostcode = intLists(this.postcodes.items.length, postcodeOf, postcodeEntity);
    this.byDepartement = intLists(this.departements.items.length, departementOf, departementEntity);
    // Key ids in length order, so that a length window is a contiguous id range.
    const byLength: number[][] = [];
    const firstMet = found.items;
    for (let id = 0; id < firstMet.length; id++) (byLength[(firstMet[id] as string).length] ??= []).push(id);
    const renumber = new Int32Array(firstMet.length);
    for (const ids of byLength) for (const old of ids ?? []) renumber[old] = this.keys.id(firstMet[old] as string);
    // Owners per key, and keys per entity.
    const rows = rowKey.length;
    const entityKeys = new Int32Array(rows);
    for (let r = 0; r < rows; r++) entityKeys[r] = renumber[rowKey[r] as number] as number;
    const { start: ownerStart, at } = groupRows(firstMet.length, entityKeys);
    const owners = new Int32Array(rows);
    this.ownerTiers = new Uint8Array(rows);
    for (let r = 0; r < rows; r++) {
      owners[at[r] as number] = rowEntity[r] as number;
      this.ownerTiers[at[r] as number] = rowTier[r] as number;
    }
    this.owners = { start: ownerStart, items: owners };
    this.entityKeys = { start: entityStart, items: entityKeys };
    this.grams = new GramIndex(this.keys.items);
    // EPCI: core names, and which EPCI each commune belongs to.
    const member: number[] = [];
    const memberEpci: number[] = [];
    const namesake: number[] = [];
    const namesakeEpci: number[] = [];
    for (let i = registry.communes.length; i < n; i++) {
      const e = this.entries[i] as RegistryEntry;
      const tokens = epciTokens[i] ?? nameTokens(e.name);
      const epciKey = compact(tokens);
      const bare = e.name.includes('(') ? nameTokens(withoutParentheses(e.name)) : tokens;
      this.epciCores.push({ entity: i, core: epciCore(bare).core.join(' ') });
      for (const m of e.members ?? []) {
        const c = registry.indexOf(m);
        if (c === undefined) continue;
        member.push(c);
        memberEpci.push(i);
        if (epciKey.includes(loose[c] as string)) { namesake.push(c); namesakeEpci.push(i); }
      }
    }
    this.epcisOf = intLists(n, member, memberEpci);
    this.namesakes = intLists(n, namesake, namesakeEpci);
  }

  entity(code: string): number | undefined {
    return this.registry.indexOf(code);
  }

  postcode(code: string): number[] {
    return listAt(this.byPostcode, this.postcodes.get(code) ?? -1);
  }

  inDepartement(code: string): number[] {
    return listAt(this.byDepartement, this.departements.get(code) ?? -1);
  }

  /** EPCI whose core name starts with these words ("aix marseille" → Métropole d'Aix-Marseille-Provence). */
  epcisStartingWith(tokens: readonly string[]): number[] {
    const prefix = `${tokens.join(' ')} `;
    return this.epciCores.filter((e) => e.core.startsWith(prefix)).map((e) => e.entity);
  }

  /** EPCI having this commune as a member and a name containing its name. */
  namesakeEpcis(entity: number): number[] {
    return listAt(this.namesakes, entity);
  }

  /** EPCI having this commune as a member. */
  epcisOfCommune(entity: number): number[] {
    return listAt(this.epcisOf, entity);
  }

  population(entity: number): number {
    return this.entries[entity]?.population ?? 0;
  }

  /** Exact hits for a query's tokens: its full key (at the key's tier) and its article-free key (tier 1). */
  exact(tokens: readonly string[]): Hit[] {
    const best = new Map<number, number>();
    const visit = (key: string, floor: number) => {
      const id = this.keys.get(key);
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

  /**
   * Entities whose keys are within the typo budget of `key` (through the bigram index, or among `within` only).
   * Names one edit away are looked for first; only when there are none, those two edits away.
   */
  typos(key: string, within?: readonly number[]): Hit[] {
    const found = new Map<number, number>();
    const check = (id: number, cap: number) => {
      const k = this.keys.items[id] as string;
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
      const d = boundedDistance(key, this.keys.items[id] as string, reach);
      if (d > reach) continue;
      for (let p = this.owners.start[id] as number; p < (this.owners.start[id + 1] as number); p++) {
        scored.push({ entity: this.owners.items[p] as number, d });
      }
    }
    scored.sort((a, b) => a.d - b.d || this.population(b.entity) - this.population(a.entity));
    return [...new Set(scored.map((s) => s.entity))].slice(0, limit);
  }
}
