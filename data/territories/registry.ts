// The official territory registry (communes `commune-actuelle` and EPCI) from @etalab/decoupage-administratif,
// loaded once per process into memory and indexed by code.
//
// The package's JSON (12.6 MB, 37,600 communes with fields never used) is read once per installed version and
// boiled down to a compact cache, data/generated/registry-<version>.json (1.7 MB, gitignored); later starts read
// only that: about 25 ms instead of 180, and none of the raw objects (require() used to keep them for good).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StringIds } from './stringIds.ts';

export type TerritoryKind = 'commune' | 'epci';

/** The public contract shape (design.md). */
export type Territory = {
  code: string;
  name: string;
  kind: TerritoryKind;
  departement?: string;
  population?: number;
};

export type RegistryEntry = Territory & {
  region?: string;
  postcodes: string[];
  /** EPCI legal form: CC, CA, CU, METRO, MET69. */
  epciType?: string;
  /** For an EPCI, the INSEE codes of its member communes. */
  members?: string[];
};

type RawCommune = {
  code: string; nom: string; type: string; departement: string; region: string;
  codesPostaux?: string[]; population?: number; chefLieu?: string;
};

/** A commune merged into another (commune déléguée or associée): old palmarès name it. */
export type FormerCommune = { code: string; name: string; departement: string; current: string };
type RawEpci = {
  code: string; nom: string; type: string; populationTotale?: number; populationMunicipale?: number;
  membres: { code: string; populationTotale?: number }[];
};
type RawArea = { code: string; nom: string; region?: string };

/** The cached form: the fields the registry keeps, flat. */
export type CompactRegistry = {
  format: number;
  source: string;
  departements: [string, string, string | null][];
  regions: [string, string][];
  /** Per commune: code, name, département, région, population (null: none), postcodes joined by spaces. */
  communes: (string | number | null)[];
  /** Per EPCI: code, name, legal form, population (null: none), member codes joined by spaces. */
  epcis: (string | number | null)[];
  /** Per former commune: code, name, département, the current commune's code. */
  formers: string[];
};
const FORMAT = 3;
const COMMUNE_FIELDS = 6;
const EPCI_FIELDS = 5;

/** The fields kept from the package's raw data. */
export function compactRegistry(raw: RawData, source: string): CompactRegistry {
  const communes: CompactRegistry['communes'] = [];
  const formers: string[] = [];
  for (const c of raw.communes) {
    if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu) formers.push(c.code, c.nom, c.departement, c.chefLieu);
    if (c.type !== 'commune-actuelle') continue;
    communes.push(c.code, c.nom, c.departement, c.region, c.population ?? null, (c.codesPostaux ?? []).join(' '));
  }
  const epcis: CompactRegistry['epcis'] = [];
  // (The Grand Paris's établissements publics territoriaux, « Plaine Commune », « Est Ensemble », are intercommunalités
  // of their own that the label distinguishes; the package lists them apart from the EPCI.)
  for (const e of [...raw.epci, ...(raw.ept ?? []).map((t) => ({ ...t, type: 'EPT' }))]) {
    // An EPCI carries no département: its most populous member's is taken (EPCI rarely straddle two).
    const seat = [...e.membres].sort((a, b) => (b.populationTotale ?? 0) - (a.populationTotale ?? 0))[0];
    epcis.push(e.code, e.nom, e.type, e.populationMunicipale ?? e.populationTotale ?? null, [seat?.code ?? '', ...e.membres.map((m) => m.code)].join(' '));
  }
  return {
    format: FORMAT, source,
    departements: raw.departements.map((d) => [d.code, d.nom, d.region ?? null]),
    regions: raw.regions.map((r) => [r.code, r.nom]),
    communes, epcis, formers,
  };
}

type RawData = { communes: RawCommune[]; epci: RawEpci[]; ept?: RawEpci[]; departements: RawArea[]; regions: RawArea[] };

export class Registry {
  readonly communes: RegistryEntry[];
  readonly epcis: RegistryEntry[];
  /** Communes then EPCI: an entry's position here is its number in `indexOf` and in the territory index. */
  readonly entries: RegistryEntry[];
  /** Communes merged since (not territories of their own: an old list's name, to be mapped to today's commune). */
  readonly formerCommunes: FormerCommune[] = [];
  private readonly byCode: StringIds;
  private readonly departements = new Map<string, RawArea>();
  private readonly regions = new Map<string, RawArea>();

  /** From the package's raw data, or from its compact form. */
  constructor(data: RawData | CompactRegistry) {
    const c = 'format' in data ? data : compactRegistry(data, '');
    this.byCode = new StringIds((i) => (this.entries[i] as RegistryEntry).code, c.communes.length / COMMUNE_FIELDS + c.epcis.length / EPCI_FIELDS);
    // Département and région codes repeat 35,000 times: one string each.
    const shared = new Map<string, string>();
    const intern = (v: string) => { const known = shared.get(v); if (known !== undefined) return known; shared.set(v, v); return v; };
    for (const [code, nom, region] of c.departements) {
      this.departements.set(code, region === null ? { code, nom } : { code, nom, region: intern(region) });
    }
    for (const [code, nom] of c.regions) this.regions.set(code, { code, nom });
    const cs = c.communes;
    this.communes = new Array<RegistryEntry>(cs.length / COMMUNE_FIELDS);
    for (let i = 0, at = 0; at < cs.length; i++, at += COMMUNE_FIELDS) {
      const postcodes = cs[at + 5] as string;
      const entry: RegistryEntry = {
        code: cs[at] as string, name: cs[at + 1] as string, kind: 'commune',
        departement: intern(cs[at + 2] as string), region: intern(cs[at + 3] as string),
        population: (cs[at + 4] as number | null) ?? undefined, postcodes: postcodes ? postcodes.split(' ') : [],
      };
      this.communes[i] = entry;
    }
    this.entries = [...this.communes];
    this.communes.forEach((e, i) => this.byCode.add(e.code, i));
    const commune = (code: string) => this.communes[this.byCode.get(code) ?? -1];
    const es = c.epcis;
    this.epcis = new Array<RegistryEntry>(es.length / EPCI_FIELDS);
    for (let i = 0, at = 0; at < es.length; i++, at += EPCI_FIELDS) {
      const [seat, ...members] = (es[at + 4] as string).split(' ');
      const seatCommune = seat ? commune(seat) : undefined;
      this.epcis[i] = {
        code: es[at] as string, name: es[at + 1] as string, kind: 'epci', epciType: intern(es[at + 2] as string),
        departement: seatCommune?.departement, region: seatCommune?.region,
        population: (es[at + 3] as number | null) ?? undefined,
        postcodes: [], members: members.map((m) => commune(m)?.code ?? m),
      };
    }
    for (const e of this.epcis) this.byCode.add(e.code, this.entries.push(e) - 1);
    const fs = c.formers ?? [];
    for (let at = 0; at < fs.length; at += 4) {
      this.formerCommunes.push({ code: fs[at]!, name: fs[at + 1]!, departement: intern(fs[at + 2]!), current: fs[at + 3]! });
    }
  }

  get(code: string): RegistryEntry | undefined {
    return this.entries[this.indexOf(code) ?? -1];
  }

  /** The entry's position in `entries`, from an INSEE code or a SIREN in any case. */
  indexOf(code: string): number | undefined {
    return this.byCode.get(code.trim().toUpperCase());
  }

  get size(): number {
    return this.byCode.size;
  }

  departementName(code: string | undefined): string | undefined {
    return code ? this.departements.get(code)?.nom : undefined;
  }

  regionName(code: string | undefined): string | undefined {
    return code ? this.regions.get(code)?.nom : undefined;
  }

  /** Département code → its région code. */
  regionOfDepartement(code: string): string | undefined {
    return this.departements.get(code)?.region;
  }

  allDepartements(): { code: string; name: string; region?: string }[] {
    return [...this.departements.values()].map((d) => ({ code: d.code, name: d.nom, region: d.region }));
  }

  allRegions(): { code: string; name: string }[] {
    return [...this.regions.values()].map((r) => ({ code: r.code, name: r.nom }));
  }
}

/** The public shape of an entry, without registry internals. */
export function toTerritory(e: RegistryEntry): Territory {
  const t: Territory = { code: e.code, name: e.name, kind: e.kind };
  if (e.departement) t.departement = e.departement;
  if (e.population !== undefined) t.population = e.population;
  return t;
}

let registry: Registry | undefined;

const generatedDir = fileURLToPath(new URL('../generated/', import.meta.url));

/** The compact registry of the installed package version: from the cache, else built from the package and cached. */
export function loadCompactRegistry(): CompactRegistry {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@etalab/decoupage-administratif/package.json');
  const source = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  const cache = join(generatedDir, `registry-${source}.json`);
  try {
    const cached = JSON.parse(readFileSync(cache, 'utf8')) as CompactRegistry;
    if (cached.format === FORMAT && cached.source === source) return cached;
  } catch {
    // no cache yet (or a damaged one): rebuilt below
  }
  const dataDir = join(dirname(packageJson), 'data');
  const load = (file: string) => JSON.parse(readFileSync(join(dataDir, `${file}.json`), 'utf8'));
  const compact = compactRegistry({
    communes: load('communes'), epci: load('epci'), ept: load('ept'), departements: load('departements'), regions: load('regions'),
  }, source);
  try {
    // Written aside then renamed: a concurrent reader sees the whole file or none.
    mkdirSync(generatedDir, { recursive: true });
    const tmp = `${cache}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(compact));
    renameSync(tmp, cache);
  } catch {
    // read-only installation: the registry is simply rebuilt at each start
  }
  return compact;
}

export function getRegistry(): Registry {
  registry ??= new Registry(loadCompactRegistry());
  return registry;
}
