// The questionnaires by edition, validated once on first use (a malformed definition fails loudly, naming the field).
import { loadDefinition } from '../load.ts';
import type { Definition, DefinitionInput } from '../schema.ts';
import { edition28 } from './28.ts';

/** The edition currently open for applications (28e label = 2027 palmarès, applications during 2026). */
export const OPEN_EDITION = 28;

const raw: Record<number, DefinitionInput> = { 28: edition28 };
const loaded = new Map<number, Definition>();

export function hasDefinition(edition: number): boolean {
  return edition in raw;
}

export function getDefinition(edition: number): Definition {
  let def = loaded.get(edition);
  if (!def) {
    const input = raw[edition];
    if (!input) throw new Error(`Aucun questionnaire pour la ${edition}e édition`);
    def = loadDefinition(input);
    if (def.edition !== edition) throw new Error(`Le questionnaire de la ${edition}e édition déclare l'édition ${def.edition}`);
    loaded.set(edition, def);
  }
  return def;
}
