// The message extension's search (« arobase » + a place in any compose box): the territories a text names, with
// their level. Same understanding as a typed question (postcodes, INSEE codes, « st germain en laye », « CC du
// Vexin normand », « niveau de Bron »); plain TypeScript, callable from a test.
import type { PrismaClient } from '../data/generated/prisma/client.ts';
import { labelledCodes, levelOf, type LevelFact } from '../data/labelFacts.ts';
import { candidatesOf } from '../data/territories/index.ts';
import { toTerritory, type Registry, type Territory } from '../data/territories/registry.ts';
import type { Understander } from '../data/understanding/index.ts';
import { createNamePrefixes, prefixKey } from './namePrefixes.ts';

export type SearchItem = { code: string; label: string; fact: LevelFact };

export type TerritorySearchDeps = {
  prisma: PrismaClient; registry: Registry; understander: Understander; now: () => Date;
  labelOf: (t: Territory) => string;
};

/** What Teams lets a search box hold is short; a longer text is no place name. */
const MAX_QUERY = 120;
export const MAX_RESULTS = 10;

export function createTerritorySearch(deps: TerritorySearchDeps) {
  const { registry, understander } = deps;

  const byPrefix = createNamePrefixes(registry);

  /**
   * The territories a text names: the one meant first, then its homonyms; a half-typed name (the box asks as people
   * type) lists the names that begin so, then the closest spellings.
   */
  async function territoriesNamed(text: string): Promise<Territory[]> {
    const query = text.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
    if (query.length < 2) return [];
    const labelled = await labelledCodes(deps.prisma);
    // The whole text as a place first (« 38185 », « Saint-Martin »), then as a question (« le niveau de Bron »).
    const direct = understander.resolvePlace(query, labelled);
    if (direct.status === 'found') return candidatesOf(direct);
    const { intent, resolution } = understander.understand(query, { now: deps.now(), labelled });
    const code = 'code' in intent && typeof intent.code === 'string' ? intent.code : undefined;
    if (code && registry.get(code)) return [toTerritory(registry.get(code)!)];
    if (resolution?.status === 'found') return candidatesOf(resolution);
    const begun = byPrefix(query, labelled, MAX_RESULTS).map(toTerritory);
    const close = direct.status === 'ambiguous' ? direct.candidates : direct.suggestions;
    // Names that begin as typed (homonyms of « Saint-Germain » as ranked by the understanding, then the others, the
    // labelled first), before the fuzzy guesses (« Saint-Géry » for « st germ »).
    const key = prefixKey(query);
    const ordered = [...close.filter((t) => prefixKey(t.name).startsWith(key)), ...begun, ...close];
    return ordered.filter((t, i) => ordered.findIndex((u) => u.code === t.code) === i);
  }

  /** Up to `limit` territories (after the first `skip`) with their level in the newest published palmarès. */
  async function search(text: string, limit = MAX_RESULTS, skip = 0): Promise<SearchItem[]> {
    // A client that pages (queryOptions.skip) gets the next ones, then none: never the first ones again.
    const from = Number.isInteger(skip) && skip > 0 ? skip : 0;
    const count = Number.isInteger(limit) ? Math.max(0, Math.min(limit, MAX_RESULTS)) : MAX_RESULTS;
    const territories = (await territoriesNamed(text)).slice(from, from + count);
    const now = deps.now();
    return Promise.all(territories.map(async (t) => ({ code: t.code, label: deps.labelOf(t), fact: await levelOf(deps.prisma, t.code, undefined, now) })));
  }

  /** One territory by code (a picked result): null when the code is not in the registry. */
  async function item(code: unknown): Promise<SearchItem | null> {
    const entry = typeof code === 'string' ? registry.get(code) : undefined;
    if (!entry) return null;
    const t = toTerritory(entry);
    return { code: t.code, label: deps.labelOf(t), fact: await levelOf(deps.prisma, t.code, undefined, deps.now()) };
  }

  return { search, item };
}

export type TerritorySearch = ReturnType<typeof createTerritorySearch>;
