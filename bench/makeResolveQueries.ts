// Generates bench/data/resolve-queries.json: perturbed place names drawn from the registry with a seeded PRNG,
// plus hand-written queries. Each generated query's expectation comes from the brute-force reference
// (resolveReference.ts): the target's code, or "ambiguous" / "not_found" when the perturbed text is genuinely
// shared by several territories or matches none (or the code of another territory it turned into).
// Usage: npx tsx bench/makeResolveQueries.ts [perKind=40]
import { writeFileSync, mkdirSync } from 'node:fs';
import type { RegistryEntry } from '../data/territories/registry.ts';
import { compact, epciTypeOf, nameTokens, stripArticle } from '../data/territories/keys.ts';
import { byPostcode, codeSet, cores, entries, expectEpci, expectName, keys, population, registry } from './resolveReference.ts';

// Hand-written queries, checked against the registry by hand: [query, expected code | ambiguous | not_found].
const HAND_WRITTEN: [string, string][] = [
  ['Vandoeuvre les Nancy', '54547'], ['St Germain en Laye', '78551'], ['grenoble', '38185'],
  ['Marcq en Baroeul', '59378'], ["Villeneuve d'Ascq", '59009'], ['Villeneuve dAscq', '59009'],
  ['Valence (Drôme)', '26362'], ['Valence 26', '26362'], ['Valence, Drôme', '26362'],
  ['Valence dans la Drôme', '26362'], ['Valence 26000', '26362'], ['Valence', 'ambiguous'],
  ['Saint-Martin', 'ambiguous'], ['Saint-Martin (Bas-Rhin)', '67426'], ['xyzzy', 'not_found'],
  ['qwertyuiop', 'not_found'], ['CC de Parthenay Gatine', '200041333'], ['CC Parthenay Gâtine', '200041333'],
  ['communauté de communes de Parthenay-Gâtine', '200041333'],
  ["communauté d'agglomération du Grand Avignon", '248400251'], ['agglo du Grand Avignon', '248400251'],
  ['Grenoble Alpes Métropole', '200040715'], ['métropole de Lyon', '200046977'],
  ['communauté urbaine de Dunkerque', '245900428'], ['Amiens Métropole', '248000531'],
  ['Le Robert', '97222'], ['Robert', '97222'], ['Baie Mahault', '97103'], ['Pont Audemer', '27467'],
  ['Boe', '47031'], ['Merignac', 'ambiguous'], ['Mérignac (Gironde)', '33281'], ['38000', '38185'],
  ['38185', '38185'], ['2A004', '2A004'], ['Ajaccio', '2A004'], ['Bastia', '2B033'], ['Marseile', '13055'],
  ['Tolouse', '31555'], ['Bordaux', '33063'], ['Montpelier', '34172'], ['St Etienne', '42218'],
  ['Ste Maxime', '83115'], ["L'Hay les Roses", '94038'], ["Sables d'Olonne", '85194'],
  ['Saint-Denis (La Réunion)', '97411'], ['Saint Denis 93', '93066'], ['Le Havre', '76351'], ['Havre', '76351'],
  ['Paris 75015', '75056'], ['Toulouse', '31555'], ['Toulouse Métropole', '243100518'],
  ['Eurométropole de Strasbourg', '246700488'], ['Metropole europeenne de Lille', '200093201'],
  ['agglo de Grenoble', '200040715'], ["Pont-de-l'Isère", '26250'], ['Chateau Chinon (Ville)', '58062'],
  ['Y', '80829'], ['Oeting', '57521'], ['Lamentin', '97115'], ['Le Lamentin', '97213'],
  ['Villeurbane', '69266'], ['Issy les Moulineaux', '92040'], ['Saint Maur des Fosses', '94068'],
  ['Charleville Mezieres', '08105'], ['Bourg en Bresse', '01053'], ['Pointe a Pitre', '97120'],
  ['Ville de Grenoble', '38185'], ['Marseille 13e', '13055'], ['Grenoble, France', '38185'],
  ['Métropole Aix-Marseille', '200054807'], ['La Rochelle', 'ambiguous'], ['Saint-Paul (La Réunion)', '97415'],
  ["Montigny-l'Allier (02)", '02512'], ['Mont-Saint-Martin (08)', '08308'], ["Ville-d'Avray, Hauts-de-Seine", '92077'],
  ['Drôme', 'not_found'], ['agglo de Valence', '200068781'], ['Villeneuve-sur-Lot', '47323'],
];

export type BenchQuery = { query: string; kind: string; expect: string };

let seed = 0x7e5a1;
function random(): number { // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const communes = registry.communes;
const towns = communes.filter((c) => population(c) >= 1000);
/** Half the targets among communes of 1,000 inhabitants or more, half among all. */
const sampleCommune = (ok: (c: RegistryEntry) => boolean, townsOnly = false): RegistryEntry => {
  const pool = townsOnly || random() < 0.5 ? towns : communes;
  for (;;) { const c = pick(pool); if (ok(c)) return c; }
};

const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const randomCase = (s: string) => pick([s.toLowerCase(), s.toUpperCase(), stripAccents(s).toLowerCase(), stripAccents(s)]);
const ARTICLE = /^(Le |La |Les |L')/;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function typo(name: string, count: number): string {
  let s = name;
  for (let n = 0; n < count; n++) {
    const spots = [...s].map((c, i) => (/[a-z]/.test(c) ? i : -1)).filter((i) => i > 0);
    const i = pick(spots);
    const op = pick(['sub', 'del', 'ins', 'swap']);
    if (op === 'sub') s = s.slice(0, i) + pick([...LETTERS]) + s.slice(i + 1);
    else if (op === 'del') s = s.slice(0, i) + s.slice(i + 1);
    else if (op === 'ins') s = s.slice(0, i) + pick([...LETTERS]) + s.slice(i);
    else if (/[a-z]/.test(s[i + 1] ?? '')) s = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    else n--;
  }
  return s;
}

const homonymKeys = (() => {
  const count = new Map<string, number>();
  for (const c of communes) { const k = compact(nameTokens(c.name)); count.set(k, (count.get(k) ?? 0) + 1); }
  return count;
})();
const isHomonym = (c: RegistryEntry) => (homonymKeys.get(compact(nameTokens(c.name))) ?? 0) > 1;

/** The EPCI name without its legal form, as people write it: "CC de Parthenay-Gâtine" → "Parthenay-Gâtine". */
function epciDisplayCore(e: RegistryEntry, core: string): string {
  const display = e.name.replace(/\([^()]*\)/g, ' ')
    .replace(/^(CC|CA|CU|Métropole Européenne|Eurométropole|Métropole)\s+((de la|de l'|du|des|de|d')\s*)?/i, '')
    .replace(/\s+(Agglomération|Agglo|Métropole|Communauté)\s*$/i, '').trim();
  return compact(stripArticle(nameTokens(display))) === core ? display : core;
}

function epciPopular(e: RegistryEntry, core: string): string {
  const c = epciDisplayCore(e, core);
  const de = /^[aeiouyh]/i.test(stripAccents(c)) ? "d'" : 'de ';
  const forms: Record<string, string[]> = {
    CC: [`communauté de communes ${de}${c}`, `CC ${c}`, `cdc ${c}`, `Communauté de Communes ${c}`],
    CA: [`communauté d'agglomération ${de}${c}`, `agglo ${de}${c}`, `${c} Agglomération`, `CA ${c}`, `${c} agglo`],
    CU: [`communauté urbaine ${de}${c}`, `CU ${c}`],
    METRO: [`métropole ${de}${c}`, `${c} Métropole`],
  };
  return pick(forms[epciTypeOf(e.epciType) ?? 'CC'] ?? []);
}

function generate(perKind: number): BenchQuery[] {
  const out: BenchQuery[] = [];
  const add = (kind: string, query: string, expect: string) => out.push({ query, kind, expect });
  const times = (kind: string, make: () => [string, string] | undefined) => {
    const seen = new Set<string>();
    for (let guard = 0; seen.size < perKind && guard < perKind * 50; guard++) {
      const made = make();
      if (made && !seen.has(made[0])) { seen.add(made[0]); add(kind, made[0], made[1]); }
    }
  };
  times('exact', () => { const c = sampleCommune(() => true); return [c.name, expectName(c.name)]; });
  times('case_accents', () => {
    const c = sampleCommune((x) => stripAccents(x.name) !== x.name || random() < 0.3);
    const q = randomCase(c.name);
    return [q, expectName(q)];
  });
  times('punctuation', () => {
    const c = sampleCommune((x) => /[-']/.test(x.name));
    const q = c.name.replace(/-/g, ' ').replace(/'/g, pick(['', ' ']));
    return [q, expectName(q)];
  });
  times('saint_st', () => {
    const c = sampleCommune((x) => /\bSainte?\b/.test(x.name));
    const q = c.name.replace(/\bSaint(e?)-/g, (_, e: string) => pick([`St${e}-`, `St${e} `, `St${e}. `]))
      .replace(/\bSaint(e?)\b/g, 'St$1');
    return [q, expectName(q)];
  });
  times('article_dropped', () => {
    const c = sampleCommune((x) => ARTICLE.test(x.name));
    const q = c.name.replace(ARTICLE, '');
    return [q, expectName(q)];
  });
  times('article_added', () => {
    const c = sampleCommune((x) => !ARTICLE.test(x.name) && !/^Sainte?-/.test(x.name));
    const q = (/^[AEIOUYHÉÈÎ]/.test(c.name) ? "L'" : pick(['Le ', 'La ', 'Les '])) + c.name;
    return [q, expectName(q)];
  });
  for (const [kind, count] of [['typo1', 1], ['typo2', 2]] as const) {
    times(kind, () => {
      const c = sampleCommune((x) => compact(nameTokens(x.name)).length >= 8, true);
      const q = typo(c.name, count);
      const qKey = compact(stripArticle(nameTokens(q)));
      if (qKey === compact(stripArticle(nameTokens(c.name)))) return undefined; // the edit changed nothing
      if (keys.some((ks) => ks.some((k) => k.key === qKey))) return undefined; // the typo spells another name
      return [q, expectName(q)];
    });
  }
  const singlePostcodes = [...byPostcode].filter(([, list]) => list.length === 1).map(([p]) => p);
  times('postcode', () => {
    // Half the postcodes of one commune only, half any commune's postcode (mostly shared: ambiguous).
    const c = random() < 0.5 ? undefined : sampleCommune((x) => x.postcodes.length > 0);
    const p = c ? pick(c.postcodes) : pick(singlePostcodes);
    const set = codeSet(p);
    return [p, set.length === 1 ? (entries[set[0] as number] as RegistryEntry).code : 'ambiguous'];
  });
  times('insee', () => {
    const c = sampleCommune(() => true);
    return [c.code, codeSet(c.code).length === 1 ? c.code : 'ambiguous'];
  });
  times('name_postcode', () => {
    const c = sampleCommune((x) => x.postcodes.length > 0);
    const p = pick(c.postcodes);
    const scope = new Set(codeSet(p));
    return [pick([`${c.name} ${p}`, `${p} ${c.name}`, `${c.name} (${p})`]), expectName(c.name, (i) => scope.has(i))];
  });
  times('name_departement', () => {
    const c = sampleCommune(isHomonym);
    const dep = c.departement ?? '';
    const depName = registry.departementName(dep) ?? dep;
    const q = pick([`${c.name} (${depName})`, `${c.name} (${dep})`, `${c.name} ${dep}`, `${c.name}, ${depName}`,
      `${c.name} dans ${pick(['le ', 'la ', 'les ', "l'", ''])}${depName}`, `${c.name} en ${depName}`]);
    return [q, expectName(c.name, (i) => entries[i]?.departement === dep)];
  });
  times('homonym', () => {
    const c = sampleCommune(isHomonym);
    const q = pick([c.name, stripAccents(c.name).toLowerCase()]);
    return [q, expectName(q)];
  });
  times('epci_official', () => {
    const i = registry.communes.length + Math.floor(random() * registry.epcis.length);
    const e = entries[i] as RegistryEntry;
    return [e.name, expectEpci(e.name, i)];
  });
  times('epci_popular', () => {
    const i = registry.communes.length + Math.floor(random() * registry.epcis.length);
    const e = entries[i] as RegistryEntry;
    const q = epciPopular(e, cores[i] ?? '');
    return [q, expectEpci(q, i)];
  });
  times('not_found', () => {
    const q = Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick([...'bcdfgjkmnpqrstvwxz'] ) + pick([...'aeiouy'])).join('');
    return [q, expectName(q)];
  });
  for (const [query, expect] of HAND_WRITTEN) add('hand', query, expect);
  return out;
}

const perKind = Number(process.argv[2] ?? 40);
const queries = generate(perKind);
mkdirSync(new URL('./data/', import.meta.url), { recursive: true });
const file = new URL('./data/resolve-queries.json', import.meta.url);
writeFileSync(file, `[\n${queries.map((q) => JSON.stringify(q)).join(',\n')}\n]\n`);
const kinds = new Map<string, { code: number; ambiguous: number; not_found: number }>();
for (const q of queries) {
  const k = kinds.get(q.kind) ?? { code: 0, ambiguous: 0, not_found: 0 };
  if (q.expect === 'ambiguous' || q.expect === 'not_found') k[q.expect]++; else k.code++;
  kinds.set(q.kind, k);
}
console.log(`${queries.length} queries → ${file.pathname} (expected: a code / ambiguous / not_found)`);
for (const [kind, k] of kinds) console.log(`  ${kind.padEnd(18)} ${k.code} / ${k.ambiguous} / ${k.not_found}`);
