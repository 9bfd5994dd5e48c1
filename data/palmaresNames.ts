// The names a published list gives communes, beyond their official form: the short form everybody writes
// (« Vandoeuvre » for Vandœuvre-lès-Nancy, « Asnières (92) »), the name of a commune merged since (an old palmarès
// says « Cherbourg-Octeville »), and homonyms that the rest of the list settles (a Gers list's « Blanquefort »).
import type { FormerCommune, Registry, RegistryEntry } from './territories/registry.ts';
import { foldPlaceName } from './text.ts';

const TYPE_WORDS = /^(?:communaute (?:de communes|d agglomeration|urbaine)|metropole|agglomeration|agglo|ca|cc|cu|cd)(?: (?:du|de la|de l|des|de|d))? /;
/** The type said after the name (« Grand Narbonne Communauté d'agglomération », « Rennes Métropole »). */
const TRAILING_TYPE = / (?:communaute (?:de communes|d agglomeration|urbaine)|communaute|metropole|agglomeration|agglo)$/;

/** The name's own words: accents, case, hyphens, « St »/« Ste », an EPCI's type words and a leading article aside. */
export function canonicalName(name: string): string {
  let f = foldPlaceName(name.replace(/\s&\s/g, ' et '));
  // « CA Agglo du Pays de Dreux »: type words may follow one another.
  for (let before = ''; before !== f;) {
    before = f;
    f = f.replace(TYPE_WORDS, '');
  }
  f = f.replace(/^(?:la|le|les|l) (?=\w)/, '').replace(TRAILING_TYPE, '');
  return f.replace(/\s+/g, '');
}

/** The word an intercommunalité's name says it with, « Sète Agglopôle Méditerranée », « Loudéac Communauté - Bretagne Centre ». */
const EPCI_WORD = /^(?:agglo|agglopole|agglomeration|metropole|communaute)$/;

/** A short form never ends on one of these: « Saint », « Villeneuve-sur » name no commune. */
const DANGLING = new Set(['le', 'la', 'les', 'l', 'de', 'du', 'des', 'd', 'sur', 'sous', 'en', 'et', 'lez', 'aux', 'au', 'saint', 'sainte', 'a']);

export type ListNames = {
  /** Communes whose name is this one. */
  exact(canonical: string): RegistryEntry[];
  /** Communes whose name starts with this one's words and goes on (« Vandoeuvre » → Vandœuvre-lès-Nancy). */
  shortFor(canonical: string): RegistryEntry[];
  /** Communes merged since under this name, or (short) whose name starts with this one's words. */
  formers(canonical: string, short?: boolean): FormerCommune[];
  /** Intercommunalités of this name, with or without their type words, or by the initials they add in brackets. */
  epcis(canonical: string): RegistryEntry[];
  /**
   * Intercommunalités by the initials their official name gives in brackets (« la CINOR »). Not initials made up from
   * the name: « CUCM » is what Le Creusot-Montceau is called, and what « CU Caen la Mer » would spell.
   */
  initials(upper: string): RegistryEntry[];
  /**
   * Intercommunalités whose official name spells these initials, type first (« CA du Nord Basse-Terre »: CANBT):
   * offered, and taken only within the département the list gives (« CUCM » spells Creusot-Montceau and Caen la Mer).
   */
  spelledInitials(upper: string): RegistryEntry[];
  /** The intercommunalité a commune belongs to today. */
  epciOf(communeCode: string): RegistryEntry | undefined;
  /** Communes of a département whose name is one letter off this one (« Hazebrouk » → Hazebrouck). */
  oneOffIn(canonical: string, departement: string): RegistryEntry[];
};

const built = new WeakMap<Registry, ListNames>();

/** Built once per registry, on the first list (about 0.2 s for 35,000 communes). */
export function listNames(registry: Registry): ListNames {
  let names = built.get(registry);
  if (names) return names;
  const exact = new Map<string, RegistryEntry[]>();
  const short = new Map<string, RegistryEntry[]>();
  const formers = new Map<string, FormerCommune[]>();
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const formerShort = new Map<string, FormerCommune[]>();
  const shortForms = (name: string, canonical: string) => {
    const words = foldPlaceName(name).split(' ');
    const prefixes: string[] = [];
    for (let k = 1; k < words.length; k++) {
      if (DANGLING.has(words[k - 1]!)) continue;
      const prefix = canonicalName(words.slice(0, k).join(' '));
      if (prefix && prefix !== canonical) prefixes.push(prefix);
    }
    return prefixes;
  };
  for (const c of registry.communes) {
    const canonical = canonicalName(c.name);
    add(exact, canonical, c);
    for (const prefix of shortForms(c.name, canonical)) add(short, prefix, c);
  }
  for (const f of registry.formerCommunes) {
    const canonical = canonicalName(f.name);
    add(formers, canonical, f);
    for (const prefix of shortForms(f.name, canonical)) add(formerShort, prefix, f);
  }
  const epcis = new Map<string, RegistryEntry[]>();
  const byMember = new Map<string, RegistryEntry>();
  for (const e of registry.epcis) for (const m of e.members ?? []) byMember.set(m, e);
  const byDepartement = new Map<string, [string, RegistryEntry][]>();
  const initials = new Map<string, RegistryEntry[]>();
  const spelled = new Map<string, RegistryEntry[]>();
  for (const e of registry.epcis) {
    // « CA Intercommunale du Nord de la Réunion (CINOR) »: the name, the name without the brackets, the initials.
    const inside = /\(([^()]+)\)\s*$/.exec(e.name)?.[1];
    // « CA de Blois ''Agglopolys'' »: the name in quotes is the one people use, and the name without it.
    const quoted = /(?:''|"|«)\s*([^'"«»]+?)\s*(?:''|"|»)/.exec(e.name)?.[1];
    // (« CA L'Agglo Foix-Varilhes »: « l'Agglo Foix-Varilhes » is said with its type word, « Agglo », dropped.)
    const keys = [e.name, e.name.replace(/\s*\([^()]*\)\s*$/, ''), e.name.replace(/^(?:CA|CC|CU)\s+(?:L['’]\s*)?(?=Agglo\b)/u, ''), ...(inside && /^[\p{Lu}\d ]{2,12}$/u.test(inside) ? [inside] : []),
      ...(quoted ? [quoted, e.name.replace(/\s*(?:''|"|«)[^'"«»]+(?:''|"|»)\s*/, ' ')] : [])];
    // (« Sète agglopôle », « Tours Métropole »: the name up to its agglomeration's word, without the rest.)
    const words = e.name.split(/\s+/);
    // (Its own words before it: not « CC Communauté … », whose prefix names nothing.)
    for (let k = 2; k < words.length; k++) {
      if (EPCI_WORD.test(foldPlaceName(words[k - 1]!)) && words.slice(0, k - 1).some((w) => /^\p{Lu}/u.test(w) && !/^(?:CAN?|CC|CU|Communaut[ée]|M[ée]tropole|Agglo\p{L}*)$/u.test(w))) keys.push(words.slice(0, k).join(' '));
    }
    for (const key of new Set(keys.map(canonicalName))) if (key) add(epcis, key, e);
    if (inside && /^[\p{Lu}\d ]{2,12}$/u.test(inside)) add(initials, inside.replace(/\s+/g, ''), e);
    add(spelled, initialsOf(e.name), e);
  }
  names = {
    exact: (k) => exact.get(k) ?? [],
    shortFor: (k) => [...new Set(short.get(k) ?? [])],
    formers: (k, shortToo) => [...formers.get(k) ?? [], ...(shortToo ? formerShort.get(k) ?? [] : [])],
    epcis: (k) => epcis.get(k) ?? [],
    initials: (k) => initials.get(k) ?? [],
    spelledInitials: (k) => spelled.get(k) ?? [],
    epciOf: (code) => byMember.get(code),
    oneOffIn: (k, departement) => {
      let list = byDepartement.get(departement);
      if (!list) {
        byDepartement.set(departement, list = registry.communes.filter((c) => c.departement === departement).map((c) => [canonicalName(c.name), c]));
      }
      return list.filter(([name]) => oneEditApart(k, name)).map(([, c]) => c);
    },
  };
  built.set(registry, names);
  return names;
}

/** Where a list's settled entries lie: its département or its région when nearly all share one, or « national ». */
/** `regions`: a national list's régions, when three only (its dominant towns lie there). */
export type ListScope = { departement?: string; region?: string; national: boolean; regions?: string[] };

/** How many settled entries give each value, the commonest first. */
function tally(values: (string | undefined)[]): { known: number; ranked: [string, number][] } {
  const counts = new Map<string, number>();
  let known = 0;
  for (const v of values) if (v) { known++; counts.set(v, (counts.get(v) ?? 0) + 1); }
  return { known, ranked: [...counts].sort((a, b) => b[1] - a[1]) };
}

/** The value four in five of three settled entries at least share, if any. */
function shared({ known, ranked }: ReturnType<typeof tally>): string | undefined {
  const [top, count] = ranked[0] ?? [undefined, 0];
  return known >= 3 && count / known >= 0.8 ? top : undefined;
}

/** From the settled entries: a département's page (a council's), a regional list (a regional paper, jury), national. */
export function listScope(settled: { departement?: string; region?: string }[]): ListScope {
  const regions = tally(settled.map((t) => t.region));
  const departement = shared(tally(settled.map((t) => t.departement)));
  const region = shared(regions);
  if (departement || region) return { departement, region, national: false };
  // Five at least over three régions, none holding half: a national list, where a bare name is the known town.
  const top = regions.ranked[0]?.[1] ?? 0;
  const national = regions.known >= 5 && regions.ranked.length >= 3 && top / regions.known < 0.5;
  // (« Montreuil » in a list of Hauts-de-France, Normandy and Centre towns is not Montreuil (93).)
  return { national, ...(national && regions.ranked.length === 3 ? { regions: regions.ranked.map(([r]) => r) } : {}) };
}

/**
 * The town a bare name means when it is this many times the size of every other commune so named (« Blanquefort »:
 * 16,000 against 200; « Saint-Nazaire »: 70,000 against 2,400) or whose name starts so (« Bourg (Ain) », « Ivry »):
 * two readers, keying national lists, each took that town.
 */
export const DOMINANT = 20;
/** A town everybody knows by its bare name: 5,000 inhabitants at least. */
export const KNOWN_TOWN = 5_000;

/** The one of `candidates` this many times every other's population, if any. */
export function dominant<T extends { population?: number }>(candidates: T[], ratio: number): T | undefined {
  const [first, ...rest] = [...candidates].sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  return first && rest.length && rest.every((c) => (first.population ?? 0) >= ratio * Math.max(1, c.population ?? 0)) ? first : undefined;
}

/** The one candidate the list's scope settles, if any: the only one in its région, or (national) the dominant town. */
export function settledByScope(candidates: RegistryEntry[], scope: ListScope, ratio: number): RegistryEntry | undefined {
  if (scope.departement) {
    // A département's page: its namesake there (« Saint-Astier » on the Dordogne's, not the Lot-et-Garonne's).
    const inDepartement = candidates.filter((c) => c.departement === scope.departement);
    if (inDepartement.length === 1) return inDepartement[0];
  }
  if (scope.region) {
    const inRegion = candidates.filter((c) => c.region === scope.region);
    // (« Mérignac » in a Gironde paper: 70,000 inhabitants, the Charente's and Charente-Maritime's Mérignac a few
    // hundred: the région's dominant town, a town of 5,000 inhabitants at least; « Le Vernet », 1,600, is not.)
    const town = inRegion.length === 1 ? inRegion[0] : dominant(inRegion, ratio);
    return inRegion.length === 1 || (town?.population ?? 0) >= KNOWN_TOWN ? town : undefined;
  }
  const town = scope.national ? dominant(candidates, ratio) : undefined;
  return town && (!scope.regions || scope.regions.includes(town.region ?? '')) ? town : undefined;
}

/**
 * « Tarascon (1 arobase) » in a list of Ariège's towns: the only commune of that very name lies in Provence, while
 * Tarascon-sur-Ariège lies in the list's région. Which one, the reviewer says.
 */
export function namesakesInScope(code: string, scope: ListScope, registry: Registry): RegistryEntry[] {
  const territory = registry.get(code);
  if (!scope.region || territory?.kind !== 'commune' || territory.region === scope.region) return [];
  const names = listNames(registry);
  const canonical = canonicalName(territory.name);
  // (« Cravant » on an Yonne page: Cravant (45) is today's only one, but the Yonne's, merged into Deux Rivières, was one.)
  const merged = names.formers(canonical).filter((f) => f.current !== code).flatMap((f) => registry.get(f.current) ?? []);
  const all = [...names.exact(canonical), ...names.shortFor(canonical), ...merged];
  return all.filter((t, i) => t.code !== code && t.region === scope.region && all.findIndex((o) => o.code === t.code) === i);
}

/** One letter left out, added, changed or two swapped (« Hazebrouk », « Lanion », « Limoge », « Libourn »). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return a.length < b.length ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

/** « CA du Nord Basse-Terre » → CANBT, « CC de l'Ouest Guyanais » → CCOG: the type, then each word's first letter. */
function initialsOf(name: string): string {
  const [type, ...words] = name.replace(/\s*\([^()]*\)\s*$/, '').split(/[\s'’-]+/);
  return `${/^(?:CA|CC|CU)$/.test(type ?? '') ? type : (type ?? '').charAt(0).toUpperCase()}${words.filter((w) => w && !INITIAL_SKIP.has(w.toLowerCase()))
    .map((w) => foldPlaceName(w).charAt(0).toUpperCase()).join('')}`;
}
const INITIAL_SKIP = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'en', 'sur', 'sous', 'aux', 'au', '/', '&']);

/** A commune and the intercommunalité it belongs to, either way round. */
export function memberOf(a: string, b: string, registry: Registry): boolean {
  const member = (epci: string, commune: string) => !!registry.get(epci)?.members?.includes(commune);
  return member(a, b) || member(b, a);
}
