// Départements and régions named in a question ("palmarès de l'Isère", "5@ en Bretagne", "du 38").
import type { Registry } from './registry.ts';
import { foldText } from '../text.ts';

export type Area = { kind: 'departement' | 'region'; code: string; name: string };

export function resolveArea(registry: Registry, text: string): Area | null {
  const folded = foldText(text).replace(/^(?:departement|region|dept|dep)\s+/, '').replace(/^(?:de la|de l|du|des|de|la|le|les|l)\s+/, '');
  if (!folded) return null;
  const upper = folded.toUpperCase();
  for (const d of registry.allDepartements()) {
    if (d.code === upper || foldText(d.name) === folded) return { kind: 'departement', code: d.code, name: d.name };
  }
  for (const r of registry.allRegions()) {
    if (foldText(r.name) === folded) return { kind: 'region', code: r.code, name: r.name };
  }
  return null;
}

/** Codes of every commune and EPCI of an area (an EPCI counts where its main commune is). */
export function codesInArea(registry: Registry, area: Area): string[] {
  const inside = (e: { departement?: string; region?: string }) => (area.kind === 'departement' ? e.departement === area.code : e.region === area.code);
  return registry.entries.filter(inside).map((e) => e.code);
}
