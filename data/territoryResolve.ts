// The decision rules: which hits make a 'found', an 'ambiguous' or a 'not_found' answer.
//  1. EPCI words ("CC", "agglo", "métropole de", …) → an EPCI by its name or core name.
//  2. Exact names (official name first, then looser aliases), communes before EPCI.
//  3. EPCI words without a matching EPCI name → a close EPCI name, else the EPCI of the commune named.
//  4. Typos: the closest names within the length-scaled budget.
// Qualifiers (postcode, INSEE code, département) restrict every step; when nothing matches with them, the
// steps are run again without. Several entities at the same best level → 'ambiguous', by population.
import { toTerritory, type Registry, type Territory } from './registry.ts';
import { compact, epciCore, epciTypeOf, nameTokens, stripArticle } from './territoryKeys.ts';
import { TerritoryIndex, type Hit } from './territoryIndex.ts';
import { QueryParser, type QueryVariant } from './territoryQuery.ts';

export type Resolution =
  | { status: 'found'; territory: Territory; alternatives: Territory[] }
  | { status: 'ambiguous'; candidates: Territory[] }
  | { status: 'not_found'; suggestions: Territory[] };

const MAX_ALTERNATIVES = 5;
const MAX_CANDIDATES = 20;
const MAX_SUGGESTIONS = 5;

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
    const coded = parsed.codes.length ? this.codeEntities(parsed.codes) : undefined;
    const variants = parsed.variants;
    const byCode = () => (coded?.length ? this.decide(coded.map((entity) => ({ entity, rank: 0 })), 'commune') : undefined);
    if (!variants.length) return byCode() ?? this.notFound(parsed.codes, undefined);
    const qualified = coded !== undefined || variants.some((v) => v.deps);
    return this.byName(variants, coded, true)
      ?? (qualified ? this.byName(variants, undefined, false) : undefined)
      ?? byCode()
      ?? this.notFound(parsed.codes, variants[0]);
  }

  private byName(variants: QueryVariant[], coded: number[] | undefined, qualify: boolean): Resolution | undefined {
    const scopes = variants.map((v) => this.scope(coded, qualify ? v.deps : undefined));
    const allowed = (i: number) => {
      const scope = scopes[i];
      return scope ? (h: Hit) => scope.has(h.entity) : () => true;
    };
    const cores = variants.map((v) => epciCore(v.tokens));
    // 1. EPCI words: an EPCI by its full name (rank 0) or its core name (rank 1).
    for (const [i, v] of variants.entries()) {
      const e = cores[i];
      if (!e?.hint) continue;
      const hits = this.merge([...this.index.exact(v.tokens), ...this.index.exact(e.core).map((h) => ({ ...h, rank: Math.max(1, h.rank) }))])
        .filter(allowed(i));
      const epcis = this.ofType(hits.filter((h) => this.kind(h) === 'epci'), e.type);
      if (epcis.length) return this.decide([...epcis, ...hits.filter((h) => this.kind(h) === 'commune').map((h) => ({ ...h, rank: 9 }))], 'epci');
    }
    // 2. Exact names.
    for (const [i, v] of variants.entries()) {
      const hits = this.index.exact(v.tokens).filter(allowed(i));
      if (hits.length) return this.decide(hits, 'commune');
    }
    // 3. EPCI words: a close EPCI name, else the EPCI of the commune named ("agglo de Grenoble").
    for (const [i, e] of cores.entries()) {
      if (!e.hint) continue;
      const within = this.within(scopes[i]);
      const close = this.ofType(this.index.typos(compact(e.core), within).filter((h) => this.kind(h) === 'epci').filter(allowed(i)), e.type);
      if (close.length) return this.decide(close, 'epci');
      const communes = this.index.exact(e.core).filter((h) => this.kind(h) === 'commune');
      const best = Math.min(...communes.map((h) => h.rank));
      const epcis = communes.filter((h) => h.rank === best).flatMap((h) => this.index.epcisOfCommune(h.entity))
        .map((entity) => ({ entity, rank: 0 })).filter(allowed(i));
      if (epcis.length) return this.decide(this.ofType(epcis, e.type), 'epci');
    }
    // 4. Typos: the closest names over all readings (the first reading wins a tie).
    let typos: Hit[] = [];
    for (const [i, v] of variants.entries()) {
      const hits = this.index.typos(compact(stripArticle(v.tokens)), this.within(scopes[i])).filter(allowed(i));
      if (hits.length && (!typos.length || Math.min(...hits.map((h) => h.rank)) < Math.min(...typos.map((h) => h.rank)))) typos = hits;
    }
    return typos.length ? this.decide(typos, 'commune') : undefined;
  }

  /** The entities a variant is restricted to: its codes and its départements; undefined = everything. */
  private scope(coded: number[] | undefined, deps: ReadonlySet<string> | undefined): Set<number> | undefined {
    if (coded === undefined && deps === undefined) return undefined;
    const base = coded ?? [...(deps ?? [])].flatMap((d) => this.index.inDepartement(d));
    return new Set(deps ? base.filter((e) => deps.has(this.index.entries[e]?.departement ?? '')) : base);
  }

  private within(scope: Set<number> | undefined): number[] | undefined {
    return scope ? [...scope] : undefined;
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

  private decide(hits: Hit[], prefer: Kind): Resolution {
    const merged = this.merge(hits);
    const bestRank = Math.min(...merged.map((h) => h.rank));
    const top = merged.filter((h) => h.rank === bestRank);
    const preferred = top.filter((h) => this.kind(h) === prefer);
    const picked = preferred.length ? preferred : top;
    const byPopulation = (a: Hit, b: Hit) => this.index.population(b.entity) - this.index.population(a.entity);
    if (picked.length > 1) {
      return { status: 'ambiguous', candidates: picked.sort(byPopulation).slice(0, MAX_CANDIDATES).map((h) => this.territory(h.entity)) };
    }
    const chosen = (picked[0] as Hit).entity;
    const others = merged.filter((h) => h.entity !== chosen).sort((a, b) => a.rank - b.rank || byPopulation(a, b));
    const alternatives = [...new Set([...others.map((h) => h.entity), ...this.related(chosen)])];
    return {
      status: 'found',
      territory: this.territory(chosen),
      alternatives: alternatives.slice(0, MAX_ALTERNATIVES).map((e) => this.territory(e)),
    };
  }

  /** The EPCI a commune heads in name ("Grenoble" → "Grenoble-Alpes-Métropole"). */
  private related(entity: number): number[] {
    const entry = this.index.entries[entity];
    if (entry?.kind !== 'commune') return [];
    const key = compact(stripArticle(nameTokens(entry.name)));
    return this.index.epcisOfCommune(entity).filter((e) => {
      const epci = this.index.entries[e];
      return epci !== undefined && compact(nameTokens(epci.name)).includes(key);
    });
  }

  /** Up to 5 suggestions: the closest names by population, or for an unknown code the département's largest. */
  private notFound(codes: string[], variant: QueryVariant | undefined): Resolution {
    let suggestions: number[] = [];
    if (variant) {
      suggestions = this.index.suggest(compact(stripArticle(variant.tokens)), MAX_SUGGESTIONS);
    } else if (codes[0]) {
      const code = codes[0];
      const dep = code.startsWith('97') ? code.slice(0, 3) : code.startsWith('20') ? '2A' : code.slice(0, 2);
      suggestions = [...this.index.inDepartement(dep)]
        .sort((a, b) => this.index.population(b) - this.index.population(a)).slice(0, MAX_SUGGESTIONS);
    }
    return { status: 'not_found', suggestions: suggestions.map((e) => this.territory(e)) };
  }

  private territory(entity: number): Territory {
    const entry = this.index.entries[entity];
    if (!entry) throw new Error(`no territory #${entity}`);
    return toTerritory(entry);
  }
}
