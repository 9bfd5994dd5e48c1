// The decision rules: which hits make a 'found', an 'ambiguous' or a 'not_found' answer.
//  1. EPCI words ("CC", "agglo", "métropole de", …) → an EPCI by its official name or its core name.
//  2. Exact names (official name first, then looser aliases), communes before EPCI.
//  3. EPCI words without a matching EPCI name → a close EPCI name, one starting with the words given, else the
//     EPCI of the commune named.
//  4. Typos: the closest names within the length-scaled budget.
// Qualifiers (postcode, INSEE code, département) restrict every step; when nothing matches with them, the
// steps are run again without. Several entities at the same best level → 'ambiguous', by population.
import { toTerritory, type Registry, type Territory } from './registry.ts';
import { sameName } from '../text.ts';
import { compact, epciCore, epciTypeOf, stripArticle, type EpciCore } from './keys.ts';
import { TerritoryIndex, type Hit } from './nameIndex.ts';
import { QueryParser, type QueryVariant } from './query.ts';

export type Resolution =
  | { status: 'found'; territory: Territory; alternatives: Territory[] }
  | { status: 'ambiguous'; candidates: Territory[] }
  | { status: 'not_found'; suggestions: Territory[] };

const MAX_ALTERNATIVES = 5;
const MAX_CANDIDATES = 20;
const MAX_SUGGESTIONS = 5;
/** A typo answer closer to a name this many times more populous than any equally close one picks it. */
const DOMINANCE = 10;

type Kind = 'commune' | 'epci';

export class TerritoryResolver {
  readonly index: TerritoryIndex;
  private readonly parser: QueryParser;

  constructor(registry: Registry) {
    this.index = new TerritoryIndex(registry);
    this.parser = new QueryParser(registry.allDepartements(), registry.allRegions());
  }

  resolve(query: string): Resolution {
    const parsed = this.parser.parse(query);
    const direct = new Set(parsed.codes.map((c) => this.index.entity(c)).filter((e) => e !== undefined));
    const coded = parsed.codes.length ? this.codeEntities(parsed.codes) : undefined;
    const variants = parsed.variants;
    const byCode = () => (coded?.length ? this.decide(coded.map((entity) => ({ entity, rank: 0 })), 'commune', false, direct) : undefined);
    if (!variants.length) return byCode() ?? this.notFound(parsed.codes, undefined);
    const qualified = coded !== undefined || variants.some((v) => v.deps);
    // A département or région name alone is no commune: no typo matching ("Drôme" is not "Drom"), its largest
    // communes as suggestions.
    const typos = !parsed.area;
    return this.byName(variants, coded, true, typos)
      ?? (qualified ? this.byName(variants, undefined, false, typos) : undefined)
      ?? byCode()
      ?? (parsed.area ? this.largest([...parsed.area]) : this.notFound(parsed.codes, variants[0]));
  }

  private byName(variants: QueryVariant[], coded: number[] | undefined, qualify: boolean, typos: boolean): Resolution | undefined {
    const codedSet = coded && new Set(coded);
    const scopes = variants.map((v) => new Scope(this.index, codedSet, qualify ? v.deps : undefined));
    const cores = variants.map((v) => epciCore(v.tokens));
    // 1. EPCI words: an EPCI by its full name (rank 0) or its core name (rank 1); communes named so come after.
    for (const [i, v] of variants.entries()) {
      const e = cores[i] as EpciCore;
      if (!e.hint) continue;
      const core = this.index.exact(e.core).map((h) => ({ entity: h.entity, rank: Math.max(1, h.rank) }));
      const hits = this.merge([...this.index.exact(v.tokens), ...core]).filter((scopes[i] as Scope).allows);
      const epcis = this.ofType(hits.filter((h) => this.kind(h) === 'epci'), e.type);
      const communes = hits.filter((h) => this.kind(h) === 'commune').map((h) => ({ entity: h.entity, rank: 9 }));
      if (epcis.length) return this.decide([...epcis, ...communes], 'epci');
    }
    // 2. Exact names.
    for (const [i, v] of variants.entries()) {
      const hits = this.index.exact(v.tokens).filter((scopes[i] as Scope).allows);
      if (hits.length) return this.decide(hits, 'commune');
    }
    if (!typos) return undefined;
    // 3. EPCI words: a close EPCI name, one starting with the words given ("métropole Aix-Marseille"), else
    //    the EPCI of the commune named ("agglo de Grenoble").
    for (const [i, e] of cores.entries()) {
      const scope = scopes[i] as Scope;
      if (!e.hint) continue;
      const close = this.index.typos(compact(e.core), scope.list()).filter((h) => this.kind(h) === 'epci' && scope.allows(h));
      if (close.length) return this.decide(this.ofType(close, e.type), 'epci', true);
      const longer = this.index.epcisStartingWith(e.core).map((entity) => ({ entity, rank: 0 })).filter(scope.allows);
      if (longer.length) return this.decide(this.ofType(longer, e.type), 'epci');
      const communes = this.index.exact(e.core).filter((h) => this.kind(h) === 'commune');
      const best = Math.min(...communes.map((h) => h.rank));
      const epcis = communes.filter((h) => h.rank === best).flatMap((h) => this.index.epcisOfCommune(h.entity))
        .map((entity) => ({ entity, rank: 0 })).filter(scope.allows);
      if (epcis.length) return this.decide(this.ofType(epcis, e.type), 'epci');
    }
    // 4. Typos: the closest names over all readings (the first reading wins a tie).
    let close: Hit[] = [];
    let closest = Infinity;
    for (const [i, v] of variants.entries()) {
      const scope = scopes[i] as Scope;
      const hits = this.index.typos(compact(stripArticle(v.tokens)), scope.list()).filter(scope.allows);
      const d = Math.min(...hits.map((h) => h.rank));
      if (d < closest) { close = hits; closest = d; }
    }
    return close.length ? this.decide(close, 'commune', true) : undefined;
  }

  /** INSEE code or SIREN, and postcode: "38185" is Grenoble's INSEE code, "38000" its postcode. */
  private codeEntities(codes: string[]): number[] {
    const out = new Set<number>();
    for (const code of codes) {
      const e = this.index.entity(code);
      if (e !== undefined) out.add(e);
      for (const p of this.index.postcode(code)) out.add(p);
    }
    return [...out];
  }

  private kind(h: Hit): Kind {
    return this.index.entries[h.entity]?.kind ?? 'commune';
  }

  /** Narrows EPCI hits to the legal form the query named ("agglo" → CA), when some have it. */
  private ofType(hits: Hit[], type: string | undefined): Hit[] {
    if (!type) return hits;
    const typed = hits.filter((h) => epciTypeOf(this.index.entries[h.entity]?.epciType) === type);
    return typed.length ? typed : hits;
  }

  /** One hit per entity, at its best rank. */
  private merge(hits: Hit[]): Hit[] {
    const best = new Map<number, number>();
    for (const h of hits) if ((best.get(h.entity) ?? Infinity) > h.rank) best.set(h.entity, h.rank);
    return [...best].map(([entity, rank]) => ({ entity, rank }));
  }

  /**
   * One entity at the best rank (of the preferred kind when there are both) → 'found', several → 'ambiguous'.
   * For typos only, a name at least 10 times as populous as every other equally close one wins ("Montpelier"
   * → Montpellier rather than Montélier), unless it is itself shared (homonyms stay ambiguous).
   * Candidates are capped at 20, by population, always including the `keep` entities.
   */
  private decide(hits: Hit[], prefer: Kind, typos = false, keep: ReadonlySet<number> = new Set()): Resolution {
    const merged = this.merge(hits);
    const bestRank = Math.min(...merged.map((h) => h.rank));
    const top = merged.filter((h) => h.rank === bestRank);
    const preferred = top.filter((h) => this.kind(h) === prefer);
    const byPopulation = (a: Hit, b: Hit) => this.index.population(b.entity) - this.index.population(a.entity);
    let picked = (preferred.length ? preferred : top).sort(byPopulation);
    if (typos && picked.length > 1) {
      const [first, second] = picked as [Hit, Hit];
      const name = this.index.entries[first.entity]?.name ?? '';
      const shared = picked.some((h) => h !== first && sameName(this.index.entries[h.entity]?.name ?? '', name));
      if (!shared && this.index.population(first.entity) >= DOMINANCE * this.index.population(second.entity)) picked = [first];
    }
    if (picked.length > 1) {
      // At most MAX_CANDIDATES, by population, always including `keep` (the commune whose INSEE code was typed).
      const kept = picked.filter((h, i) => i < MAX_CANDIDATES - keep.size || keep.has(h.entity)).slice(0, MAX_CANDIDATES);
      return { status: 'ambiguous', candidates: kept.map((h) => this.territory(h.entity)) };
    }
    const chosen = (picked[0] as Hit).entity;
    const others = merged.filter((h) => h.entity !== chosen).sort((a, b) => a.rank - b.rank || byPopulation(a, b));
    const alternatives = [...new Set([...others.map((h) => h.entity), ...this.index.namesakeEpcis(chosen)])];
    return {
      status: 'found',
      territory: this.territory(chosen),
      alternatives: alternatives.slice(0, MAX_ALTERNATIVES).map((e) => this.territory(e)),
    };
  }

  /** Up to 5 suggestions: the closest names by population, or for an unknown code the département's largest. */
  private notFound(codes: string[], variant: QueryVariant | undefined): Resolution {
    if (!variant && codes[0]) {
      const code = codes[0];
      return this.largest([code.startsWith('97') ? code.slice(0, 3) : code.startsWith('20') ? '2A' : code.slice(0, 2)]);
    }
    const suggestions = variant ? this.index.suggest(compact(stripArticle(variant.tokens)), MAX_SUGGESTIONS) : [];
    return { status: 'not_found', suggestions: suggestions.map((e) => this.territory(e)) };
  }

  /** 'not_found', suggesting the largest communes of these départements. */
  private largest(deps: string[]): Resolution {
    const communes = deps.flatMap((d) => this.index.inDepartement(d)).filter((e) => this.index.entries[e]?.kind === 'commune');
    const top = communes.sort((a, b) => this.index.population(b) - this.index.population(a)).slice(0, MAX_SUGGESTIONS);
    return { status: 'not_found', suggestions: top.map((e) => this.territory(e)) };
  }

  private territory(entity: number): Territory {
    const entry = this.index.entries[entity];
    if (!entry) throw new Error(`no territory #${entity}`);
    return toTerritory(entry);
  }
}

/** What a query reading is restricted to: the entities of its codes, those of its départements. */
class Scope {
  private entities: number[] | undefined;

  constructor(
    private readonly index: TerritoryIndex,
    private readonly coded: ReadonlySet<number> | undefined,
    private readonly deps: ReadonlySet<string> | undefined,
  ) {}

  readonly allows = (h: Hit): boolean =>
    (!this.coded || this.coded.has(h.entity)) && (!this.deps || this.deps.has(this.index.entries[h.entity]?.departement ?? ''));

  /** The entities in scope, or undefined when the scope is everything. */
  list(): number[] | undefined {
    if (!this.coded && !this.deps) return undefined;
    this.entities ??= (this.coded ? [...this.coded] : [...(this.deps ?? [])].flatMap((d) => [...this.index.inDepartement(d)]))
      .filter((entity) => this.allows({ entity, rank: 0 }));
    return this.entities;
  }
}
