// Public API of the territory resolver: the place text a user typed → a commune or an EPCI of the registry.
// The index is built once per process, on first use (about half a second, after the registry is loaded).
import { getRegistry, type Registry, type Territory } from './registry.ts';
import { TerritoryResolver, type Resolution } from './resolve.ts';

export type { Resolution } from './resolve.ts';
export { TerritoryResolver } from './resolve.ts';
export type { Territory } from './registry.ts';

/** A synchronous resolver over a registry: `resolve(query)` never throws and takes well under a millisecond. */
export type TerritoryIndexHandle = {
  resolve(query: string): Resolution;
  /** The resolver itself, whose name index the message understanding shares (one index per process). */
  readonly resolver: TerritoryResolver;
  readonly registry: Registry;
};

export function createTerritoryIndex(registry: Registry): TerritoryIndexHandle {
  const resolver = new TerritoryResolver(registry);
  return { resolve: (query: string) => resolver.resolve(query), resolver, registry };
}

let shared: TerritoryIndexHandle | undefined;

/** The process-wide index over `getRegistry()`, built on first call. */
export function getTerritoryIndex(): TerritoryIndexHandle {
  shared ??= createTerritoryIndex(getRegistry());
  return shared;
}

/** Every territory a resolution names: the one found and its alternatives, or the candidates (none when not found). */
export function candidatesOf(r: Resolution): Territory[] {
  return r.status === 'found' ? [r.territory, ...r.alternatives] : r.status === 'ambiguous' ? r.candidates : [];
}

/** Resolves the place text only ("Valence (Drôme)", "38000", "CC de Parthenay-Gâtine") to a territory. */
export async function resolveTerritory(query: string): Promise<Resolution> {
  return getTerritoryIndex().resolve(query);
}
