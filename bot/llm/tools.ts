// What the optional language model may choose: one of four read-only label questions and their parameters. Its
// choice is untrusted input: checked here (zod, an explicit allow-list) and turned into the same Intent the
// understanding produces, answered from the database. Nothing the model writes is ever shown.
import { z } from 'zod/v4';
import { yearEdition } from '../../data/editions.ts';
import { MENTIONS } from '../../data/mentions.ts';
import type { Intent } from '../../data/understanding/types.ts';
import { parseIntent } from '../../data/understanding/intentSchema.ts';

const place = z.string().trim().min(1).max(120);
const year = z.number().int().min(2011).max(2060);
const OWN = /^(?:ma (?:commune|ville|collectivit[ée])|mon (?:territoire|village)|notre (?:commune|ville)|my (?:town|city|village|territory))$/i;

/** The tools offered to the model, in the Chat Completions `tools` format. No tool writes anything. */
export const TOOLS = [
  { type: 'function', function: {
    name: 'getLevel', description: 'Label level of a French commune or intercommunality, optionally for a palmarès year',
    parameters: { type: 'object', additionalProperties: false, required: ['place'], properties: {
      place: { type: 'string', description: 'The commune or intercommunality as the user wrote it, or « ma commune » for their own' },
      year: { type: 'integer', description: 'Palmarès year, e.g. 2021' } } } } },
  { type: 'function', function: {
    name: 'getHistory', description: 'Every known label of a commune or intercommunality over the editions',
    parameters: { type: 'object', additionalProperties: false, required: ['place'], properties: { place: { type: 'string' } } } } },
  { type: 'function', function: {
    name: 'getPalmares', description: 'The labelled territories of a palmarès year, optionally filtered',
    parameters: { type: 'object', additionalProperties: false, properties: {
      year: { type: 'integer' }, level: { type: 'integer', minimum: 1, maximum: 5 },
      area: { type: 'string', description: 'A département or région name' },
      mention: { type: 'string', enum: [...MENTIONS] } } } } },
  { type: 'function', function: {
    name: 'getTenEligibility', description: 'Whether a territory is or can become a Territoire d’excellence numérique (TEN)',
    parameters: { type: 'object', additionalProperties: false, required: ['place'], properties: { place: { type: 'string' } } } } },
] as const;

export const TOOL_NAMES: readonly string[] = TOOLS.map((t) => t.function.name);

const placeArgs = z.strictObject({ place, year: year.optional() });
const palmaresArgs = z.strictObject({
  year: year.optional(), level: z.number().int().min(1).max(5).optional(),
  area: z.string().trim().min(1).max(80).optional(), mention: z.enum(MENTIONS).optional(),
});

function placeIntent(name: 'level' | 'history' | 'ten', args: z.infer<typeof placeArgs>): unknown {
  const edition = name === 'level' && args.year !== undefined ? yearEdition(args.year) : undefined;
  const where = OWN.test(args.place) ? { my: true } : { place: args.place };
  return { name, ...where, ...(edition !== undefined ? { edition } : {}) };
}

/** A tool call → the Intent it asks, or undefined for anything not on the list or malformed. */
export function intentOfToolCall(name: unknown, rawArguments: unknown): Intent | undefined {
  if (typeof name !== 'string' || !TOOL_NAMES.includes(name) || typeof rawArguments !== 'string' || rawArguments.length > 2_000) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(rawArguments || '{}');
  } catch {
    return undefined;
  }
  let candidate: unknown;
  if (name === 'getPalmares') {
    const a = palmaresArgs.safeParse(json);
    if (!a.success) return undefined;
    const edition = a.data.year !== undefined ? yearEdition(a.data.year) : undefined;
    candidate = { name: 'palmares', ...(edition !== undefined ? { edition } : {}), ...(a.data.level ? { level: a.data.level } : {}),
      ...(a.data.mention ? { mention: a.data.mention } : {}), ...(a.data.area ? { area: a.data.area } : {}) };
  } else {
    const a = placeArgs.safeParse(json);
    if (!a.success) return undefined;
    candidate = placeIntent(name === 'getLevel' ? 'level' : name === 'getHistory' ? 'history' : 'ten', a.data);
  }
  // The same check as a card button's data: only an Intent the answers know.
  return parseIntent(candidate) ?? undefined;
}
