// Reference answers for the resolver bench, by brute force: every registry entity and every one of its keys is
// compared with the query (full edit-distance matrix, no index, no candidate filter), and the documented rules
// decide: one entity at the best level → its code; several → "ambiguous"; none within the budget → "not_found".
// Normalisation (data/territoryKeys.ts) is shared with the resolver; matching and deciding are not.
import { getRegistry, type RegistryEntry } from '../data/territories/registry.ts';
import { compact, epciCore, epciTypeOf, keysOfName, nameTokens, stripArticle, typoBudget } from '../data/territories/keys.ts';

export const registry = getRegistry();
export const entries: RegistryEntry[] = [...registry.communes, ...registry.epcis];
export const keys = entries.map((e) => keysOfName(e.name, e.kind === 'epci'));
export const cores = entries.map((e) => (e.kind === 'epci' ? compact(epciCore(nameTokens(e.name.replace(/\([^()]*\)/g, ' '))).core) : ''));
export const byPostcode = new Map<string, number[]>();
entries.forEach((e, i) => e.postcodes.forEach((p) => byPostcode.set(p, [...(byPostcode.get(p) ?? []), i])));

export const population = (e: RegistryEntry) => e.population ?? 0;

/** Département and région names: alone, they are answered 'not_found' unless a territory has that exact name. */
const AREAS = new Set(['corse', ...[...registry.allDepartements(), ...registry.allRegions()]
  .flatMap((a) => [compact(nameTokens(a.name)), compact(stripArticle(nameTokens(a.name)))])]);

/** Plain optimal-string-alignment distance (full matrix), independent of the resolver's bounded one. */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/**
 * Best rank per entity → the expected answer: one entity at the best rank (communes first) or "ambiguous";
 * for typos, a name 10 times as populous as every other equally close one (and not shared) wins.
 */
function decide(ranks: Map<number, number>, prefer: 'commune' | 'epci', typos: boolean): string {
  if (!ranks.size) return 'not_found';
  const best = Math.min(...ranks.values());
  const top = [...ranks].filter(([, r]) => r === best).map(([i]) => entries[i] as RegistryEntry);
  const preferred = top.filter((e) => e.kind === prefer);
  const chosen = (preferred.length ? preferred : top).sort((a, b) => population(b) - population(a));
  const [first, second] = chosen;
  if (!first) return 'not_found';
  if (!second) return first.code;
  const shared = chosen.some((e) => e !== first && compact(nameTokens(e.name)) === compact(nameTokens(first.name)));
  return typos && !shared && population(first) >= 10 * population(second) ? first.code : 'ambiguous';
}

/** Reference answer for a plain name (no EPCI words), optionally restricted to some entities. */
export function expectName(text: string, scope?: (i: number) => boolean): string {
  const tokens = nameTokens(text);
  const full = compact(tokens);
  const loose = compact(stripArticle(tokens));
  const exact = new Map<number, number>();
  const typos = new Map<number, number>();
  entries.forEach((_, i) => {
    if (scope && !scope(i)) return;
    for (const { key, tier } of keys[i] ?? []) {
      const rank = key === full ? tier : key === loose ? 1 : undefined;
      if (rank !== undefined && (exact.get(i) ?? 9) > rank) exact.set(i, rank);
      if (Math.abs(key.length - loose.length) > 2) continue;
      const d = osa(loose, key);
      if (d <= typoBudget(Math.max(loose.length, key.length)) && (typos.get(i) ?? 9) > d) typos.set(i, d);
    }
  });
  if (exact.size) return decide(exact, 'commune', false);
  return AREAS.has(full) ? 'not_found' : decide(typos, 'commune', true);
}

export function codeSet(code: string): number[] {
  const out = new Set(byPostcode.get(code) ?? []);
  const own = entries.findIndex((e) => e.code === code);
  if (own >= 0) out.add(own);
  return [...out];
}

export function expectEpci(query: string, target: number): string {
  const full = compact(nameTokens(query));
  const official = entries.findIndex((e) => e.kind === 'epci' && compact(nameTokens(e.name)) === full);
  if (official >= 0) return (entries[official] as RegistryEntry).code;
  const { type } = epciCore(nameTokens(query));
  let same = entries.map((_, i) => i).filter((i) => cores[i] === cores[target]);
  const typed = same.filter((i) => epciTypeOf(entries[i]?.epciType) === type);
  if (typed.length) same = typed;
  return same.length === 1 ? (entries[same[0] as number] as RegistryEntry).code : 'ambiguous';
}
