// Départements and régions named in a question ("palmarès de l'Isère", "5@ en Bretagne", "du 62", "PACA").
import type { Registry } from './registry.ts';
import { compact, nameTokens, stripArticle } from './keys.ts';

export type Area = { kind: 'departement' | 'region'; code: string; name: string };

/** Names people use for régions besides the official ones. */
const REGION_ALIASES: [string, string][] = [
  ['paca', '93'], ['provence alpes cote d azur', '93'], ['region sud', '93'],
  ['idf', '11'], ['ile de france', '11'], ['region parisienne', '11'],
  ['aura', '84'], ['rhone alpes', '84'], ['auvergne rhone alpes', '84'],
  ['bfc', '27'], ['hdf', '32'], ['nord pas de calais', '32'], ['picardie', '32'],
  ['alsace', '44'], ['lorraine', '44'], ['champagne ardenne', '44'],
  ['occitania', '76'], ['new aquitaine', '75'], ['nouvelle aquitaine', '75'], ['provence', '93'], ['burgundy franche comte', '27'],
  ['loire valley', '24'], ['centre val de loire', '24'], ['corses', '94'], ['bretons', '53'], ['bretonnes', '53'], ['normands', '28'], ['normandes', '28'],
  ['alsaciens', '44'], ['alsaciennes', '44'], ['brittany', '53'], ['normandy', '28'], ['corsica', '94'], ['burgundy', '27'], ['french riviera', '93'],
  ['aquitaine', '75'], ['midi pyrenees', '76'], ['languedoc roussillon', '76'],
];
const MAX_AREA_WORDS = 6;

/** Area names and codes as compact keys ("pasdecalais", "62", "2a"). */
export class AreaIndex {
  private readonly byKey = new Map<string, Area>();

  constructor(registry: Registry) {
    const add = (key: string, area: Area) => { if (key && !this.byKey.has(key)) this.byKey.set(key, area); };
    const addName = (name: string, area: Area) => {
      const tokens = nameTokens(name);
      add(compact(tokens), area);
      add(compact(stripArticle(tokens)), area);
    };
    const departements = registry.allDepartements();
    for (const d of departements) {
      const area: Area = { kind: 'departement', code: d.code, name: d.name };
      addName(d.name, area);
      add(d.code.toLowerCase(), area);
    }
    const regions = new Map(registry.allRegions().map((r) => [r.code, r]));
    for (const r of regions.values()) {
      const area: Area = { kind: 'region', code: r.code, name: r.name };
      // A one-département région (overseas) is the département: its awards are the same.
      const only = departements.filter((d) => d.region === r.code);
      addName(r.name, only.length === 1 && only[0] ? { kind: 'departement', code: only[0].code, name: only[0].name } : area);
    }
    for (const [alias, code] of REGION_ALIASES) {
      const r = regions.get(code);
      if (r) add(compact(nameTokens(alias)), { kind: 'region', code: r.code, name: r.name });
    }
  }

  /** The area whose name or code is exactly these folded words. */
  get(tokens: readonly string[]): Area | undefined {
    return this.byKey.get(compact(tokens)) ?? this.byKey.get(compact(stripArticle(tokens)));
  }

  /** The longest area name starting at word i: its area and how many words it takes. */
  at(words: readonly string[], i: number): { area: Area; length: number } | undefined {
    for (let n = Math.min(MAX_AREA_WORDS, words.length - i); n >= 1; n--) {
      // A code is one word: « 1 5 » is no « 15 ».
      if (n > 1 && words.slice(i, i + n).some((w) => /^\d/.test(w))) continue;
      const area = this.byKey.get(compact(words.slice(i, i + n)));
      if (area) return { area, length: n };
    }
    return undefined;
  }
}

const indexes = new WeakMap<Registry, AreaIndex>();

export function areaIndex(registry: Registry): AreaIndex {
  let index = indexes.get(registry);
  if (!index) indexes.set(registry, (index = new AreaIndex(registry)));
  return index;
}

const LEAD = new Set(['departement', 'dept', 'dep', 'dpt', 'region', 'de', 'la', 'l', 'du', 'des', 'le', 'les', 'en', 'dans', 'in', 'the']);

/** "l'Isère", "département 38", "la région Bretagne", "PACA" → the area; null when the text is no area. */
export function resolveArea(registry: Registry, text: string): Area | null {
  const tokens = nameTokens(text.slice(0, 200));
  let i = 0;
  while (i < tokens.length - 1 && LEAD.has(tokens[i] as string)) i++;
  return areaIndex(registry).get(tokens.slice(i)) ?? null;
}

/** Codes of every commune and EPCI of an area (an EPCI counts where its main commune is). */
export function codesInArea(registry: Registry, area: Area): string[] {
  const inside = (e: { departement?: string; region?: string }) => (area.kind === 'departement' ? e.departement === area.code : e.region === area.code);
  return registry.entries.filter(inside).map((e) => e.code);
}
