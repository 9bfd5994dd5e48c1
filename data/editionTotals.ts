// National figures of each palmarès (participants, labelled, count per level, TEN awarded), as the press and the
// association published them: reference data shipped with the code (data/samples/totaux/), each figure with its
// page and the sentence that gives it. Read the same way on the embedded database and on PostgreSQL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod/v4';
import { parseCsv } from './csv.ts';
import { isKnownEdition } from './editions.ts';
import { projectRoot } from './migrations.ts';
import { CONTROL_CHARACTER } from './textFile.ts';

export const TOTAL_MEASURES = ['participants', 'labelled', 'level1', 'level2', 'level3', 'level4', 'level5', 'excellence'] as const;
export type TotalMeasure = (typeof TOTAL_MEASURES)[number];
export type EditionTotal = { edition: number; measure: TotalMeasure; value: number; source: string; quote: string };

export const totalsFile = join(projectRoot, 'data', 'samples', 'totaux', 'totaux-nationaux.csv');

const text = z.string().trim().min(1).refine((s) => !CONTROL_CHARACTER.test(s) && !s.includes('\uFFFD'));
const rowSchema = z.object({
  edition: z.string().regex(/^\d+$/).transform(Number).refine(isKnownEdition),
  measure: z.enum(TOTAL_MEASURES),
  value: z.string().regex(/^\d+$/).transform(Number),
  source: text.refine((s) => /https?:\/\/\S+/.test(s), 'une URL'),
  quote: text,
});

/** The figures of a totals CSV (`edition,measure,value,source,quote`); a bad row throws with its line. */
export function readEditionTotals(csv: string): EditionTotal[] {
  const [head, ...records] = parseCsv(csv);
  const columns = head?.fields.map((f) => f.trim()) ?? [];
  const seen = new Set<string>();
  return records.filter((r) => r.fields.some((f) => f.trim())).map((r) => {
    const parsed = rowSchema.safeParse(Object.fromEntries(columns.map((c, i) => [c, r.fields[i] ?? ''])));
    if (!parsed.success) throw new Error(`totaux nationaux, ligne ${r.line} : ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')} invalide`);
    const key = `${parsed.data.edition}:${parsed.data.measure}`;
    if (seen.has(key)) throw new Error(`totaux nationaux, ligne ${r.line} : ${key} en double`);
    seen.add(key);
    return parsed.data;
  });
}

let cached: EditionTotal[] | undefined;
export function editionTotals(): EditionTotal[] {
  cached ??= readEditionTotals(readFileSync(totalsFile, 'utf8'));
  return cached;
}

/** The figures published for one edition, in TOTAL_MEASURES order. */
export function totalsOf(edition: number, all = editionTotals()): EditionTotal[] {
  return all.filter((t) => t.edition === edition).sort((a, b) => TOTAL_MEASURES.indexOf(a.measure) - TOTAL_MEASURES.indexOf(b.measure));
}

/** The newest edition up to `latest` with a published figure (for « combien de labellisés ? » with no year). */
export function newestEditionWithTotals(latest: number, all = editionTotals()): number | undefined {
  const editions = all.map((t) => t.edition).filter((e) => e <= latest);
  return editions.length ? Math.max(...editions) : undefined;
}
