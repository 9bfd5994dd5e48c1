// An intent that comes back from outside (a card button's data, the language model's parameters) is untrusted:
// only the shapes the bot itself puts on its buttons are accepted, with bounded values.
import { z } from 'zod/v4';
import { MENTIONS } from '../mentions.ts';
import type { Intent } from './types.ts';

const edition = z.number().int().min(1).max(60);
const text = z.string().trim().min(1).max(200);
const code = z.string().trim().regex(/^(?:\d{5}|2[ABab]\d{3}|\d{9})$/);

const territory = z.object({
  name: z.enum(['level', 'history', 'ten', 'tenStatus']),
  code: code.optional(),
  place: text.optional(),
  my: z.boolean().optional(),
  edition: edition.optional(),
}).strip();

const palmares = z.object({
  name: z.literal('palmares'),
  edition: edition.optional(),
  level: z.number().int().min(1).max(5).optional(),
  mention: z.enum(MENTIONS).optional(),
  area: text.optional(),
}).strip();

const setMyTown = z.object({ name: z.literal('setMyTown'), place: text, code: code.optional() }).strip();
const simple = z.object({ name: z.enum(['help', 'aboutLabel', 'howToApply']) }).strip();

const schema = z.union([territory, palmares, setMyTown, simple]);

/** The intent carried by a button, or null when it is not one the bot could have written. */
export function parseIntent(value: unknown): Intent | null {
  const r = schema.safeParse(value);
  return r.success ? (r.data as Intent) : null;
}
