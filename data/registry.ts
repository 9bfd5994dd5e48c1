// The official territory registry (communes `commune-actuelle` and EPCI) from @etalab/decoupage-administratif,
// loaded once per process into memory and indexed by code.
import { createRequire } from 'node:module';

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
  codesPostaux?: string[]; population?: number;
};
type RawEpci = {
  code: string; nom: string; type: string; populationTotale?: number; populationMunicipale?: number;
  membres: { code: string; populationTotale?: number }[];
};
type RawArea = { code: string; nom: string; region?: string };

export class Registry {
  readonly communes: RegistryEntry[];
  readonly epcis: RegistryEntry[];
  private readonly byCode = new Map<string, RegistryEntry>();
  private readonly departements = new Map<string, RawArea>();
  private readonly regions = new Map<string, RawArea>();

  constructor(raw: { communes: RawCommune[]; epci: RawEpci[]; departements: RawArea[]; regions: RawArea[] }) {
    for (const d of raw.departements) this.departements.set(d.code, d);
    for (const r of raw.regions) this.regions.set(r.code, r);
    this.communes = raw.communes
      .filter((c) => c.type === 'commune-actuelle')
      .map((c) => ({
        code: c.code, name: c.nom, kind: 'commune' as const, departement: c.departement, region: c.region,
        population: c.population, postcodes: c.codesPostaux ?? [],
      }));
    for (const c of this.communes) this.byCode.set(c.code, c);
    this.epcis = raw.epci.map((e) => {
      // An EPCI carries no département: take its most populous member's (EPCI rarely straddle two).
      const seat = [...e.membres].sort((a, b) => (b.populationTotale ?? 0) - (a.populationTotale ?? 0))[0];
      const seatCommune = seat ? this.byCode.get(seat.code) : undefined;
      return {
        code: e.code, name: e.nom, kind: 'epci' as const, epciType: e.type,
        departement: seatCommune?.departement, region: seatCommune?.region,
        population: e.populationMunicipale ?? e.populationTotale,
        postcodes: [], members: e.membres.map((m) => m.code),
      };
    });
    for (const e of this.epcis) this.byCode.set(e.code, e);
  }

  get(code: string): RegistryEntry | undefined {
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

export function getRegistry(): Registry {
  if (!registry) {
    const require = createRequire(import.meta.url);
    const load = (file: string) => require(`@etalab/decoupage-administratif/data/${file}.json`);
    registry = new Registry({
      communes: load('communes'), epci: load('epci'), departements: load('departements'), regions: load('regions'),
    });
  }
  return registry;
}
