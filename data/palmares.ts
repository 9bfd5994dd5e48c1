// Palmarès import: `edition,code,name,level,mentions,source` CSV → awards, all or nothing.
import { z } from 'zod/v4';
import { csvRecords, CsvSyntaxError, type CsvRecord } from './csv.ts';
import { CONTROL_CHARACTER, FORMULA_START } from './textFile.ts';
import { editionYear, FIRST_KNOWN_EDITION, isKnownEdition, LAST_PLAUSIBLE_EDITION } from './editions.ts';
import { isMention, MENTIONS, type Mention } from './mentions.ts';
import type { Registry, TerritoryKind } from './territories/registry.ts';
import { sameName } from './text.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { forgetLabelSnapshot } from './labelSnapshot.ts';

/** Rows per look-up and per insert statement. */
const IMPORT_CHUNK = 2_000;

export const PALMARES_COLUMNS = ['edition', 'code', 'name', 'level', 'mentions', 'source'] as const;

export type PalmaresRow = {
  line: number; edition: number; code: string; kind: TerritoryKind; level: number; mentions: Mention[]; source: string;
};
export type ImportIssue = { line: number; message: string };
export type ImportSummary = { created: number; updated: number; unchanged: number; editions: number[] };
export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; errors: ImportIssue[] };

const cell = z.string().transform((s) => s.trim());
const rowSchema = z.object({
  edition: cell.refine((s) => /^\d+$/.test(s), { error: 'édition', abort: true }).transform(Number)
    .refine(isKnownEdition, 'édition hors bornes'),
  code: cell.transform((s) => s.toUpperCase()).pipe(z.string().regex(/^(\d{5}|2[AB]\d{3}|\d{9})$/, 'code')),
  name: cell,
  level: cell.pipe(z.string().regex(/^[1-5]$/, 'niveau')).transform(Number),
  mentions: cell.transform((s) => s.split(';').map((m) => m.trim().toLowerCase()).filter(Boolean)),
  source: cell.pipe(z.string().min(1, 'source').max(1000, 'source longue')),
});

/** French explanation of a zod failure on one column. */
function explain(column: string, raw: string, tag: string): string {
  const missing = { edition: 'édition manquante', code: 'code manquant', level: 'niveau manquant (de 1 à 5 arobases)' };
  if (raw === '' && column in missing) return missing[column as keyof typeof missing];
  switch (column) {
    case 'edition':
      return tag === 'édition hors bornes'
        ? `édition ${raw} hors bornes (de ${FIRST_KNOWN_EDITION} à ${LAST_PLAUSIBLE_EDITION} ; 22 = palmarès 2021, 8 = décembre 2006)`
        : `édition « ${raw} » invalide (nombre entier attendu, ex. 22 pour 2021)`;
    case 'code': return `code « ${raw} » invalide (code INSEE à 5 caractères ou SIREN à 9 chiffres attendu)`;
    case 'level': return `niveau « ${raw} » invalide (de 1 à 5 arobases)`;
    case 'source': return tag === 'source longue' ? 'source trop longue (1000 caractères au plus)' : 'source manquante (obligatoire)';
    default: return `colonne ${column} invalide`;
  }
}

/** What no cell may hold: control characters (NUL…) and « � » (a file that was not UTF-8). */
function cellIssue(column: string, value: string): string | undefined {
  if (CONTROL_CHARACTER.test(value)) return `caractère de contrôle (code ${value.match(CONTROL_CHARACTER)![0].charCodeAt(0)}) dans la colonne ${column} : à retirer du fichier`;
  if (value.includes('\uFFFD')) return `caractère illisible « � » dans la colonne ${column} : le fichier a été mal converti (enregistrez-le en UTF-8)`;
  return undefined;
}

const formulaIssue = (source: string) => (FORMULA_START.test(source)
  ? `la source commence par « ${source.trim()[0]} » : un tableur l’exécuterait comme une formule ; écrivez le texte de la source (titre, URL, date)`
  : undefined);

/** Why a source text cannot be stored as is (the CSV's column, or import:list's --source), or undefined. */
export function sourceIssue(source: string): string | undefined {
  return cellIssue('source', source) ?? formulaIssue(source) ?? (source.length > 1000 ? 'source trop longue (1000 caractères au plus)' : undefined);
}

function fileCellIssue(raw: Record<string, string>): string | undefined {
  for (const [column, value] of Object.entries(raw)) {
    const issue = cellIssue(column, value);
    if (issue) return issue;
  }
  return formulaIssue(raw.source ?? '');
}

export function validatePalmares(text: string, registry: Registry): { rows: PalmaresRow[]; errors: ImportIssue[] } {
  const errors: ImportIssue[] = [];
  const rows = [...palmaresRows(text, registry, errors)];
  return { rows, errors };
}

/**
 * The valid rows of a palmarès CSV one at a time, every problem pushed into `errors` (the line and a French message):
 * an import of 100,000 rows reads the file twice (check, then write) rather than holding 100,000 rows.
 */
export function* palmaresRows(text: string, registry: Registry, errors: ImportIssue[]): Generator<PalmaresRow> {
  const records = csvRecords(text);
  let header: CsvRecord | undefined;
  try {
    header = records.next().value ?? undefined;
  } catch (e) {
    if (e instanceof CsvSyntaxError) return void errors.push({ line: e.line, message: e.message });
    throw e;
  }
  const columns = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const missing = PALMARES_COLUMNS.filter((c) => !columns.includes(c));
  if (!header || missing.length > 0) {
    return void errors.push({ line: 1, message: `en-tête incomplet : colonnes ${missing.join(', ')} manquantes (attendu : ${PALMARES_COLUMNS.join(',')})` });
  }
  const seen = new Map<string, number>();
  let count = 0;
  try {
    for (const { line, fields } of records) {
      count++;
      const row = checkRow(line, fields, columns, registry, errors);
      if (!row) continue;
      const key = `${row.edition}/${row.code}`;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({ line, message: `doublon de la ligne ${first} (même code ${row.code} et même édition ${row.edition})` });
        continue;
      }
      seen.set(key, line);
      yield row;
    }
  } catch (e) {
    if (e instanceof CsvSyntaxError) return void errors.push({ line: e.line, message: e.message });
    throw e;
  }
  if (count === 0) errors.push({ line: 2, message: 'aucune ligne de palmarès après l’en-tête' });
}

/** One record → a row, or its problems pushed into `errors`. */
function checkRow(line: number, fields: string[], columns: string[], registry: Registry, errors: ImportIssue[]): PalmaresRow | undefined {
  if (fields.length !== columns.length) return void errors.push({ line, message: `${fields.length} colonnes au lieu de ${columns.length}` });
  const raw = Object.fromEntries(columns.map((c, i) => [c, fields[i] ?? '']));
  const unsafe = fileCellIssue(raw);
  if (unsafe) return void errors.push({ line, message: unsafe });
  const parsed = rowSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0]);
      errors.push({ line, message: explain(column, String(raw[column] ?? '').trim(), issue.message) });
    }
    return undefined;
  }
  const row = parsed.data;
  const unknown = row.mentions.filter((m) => !isMention(m));
  if (unknown.length) return void errors.push({ line, message: `mention « ${unknown.join(';')} » inconnue (attendu : ${MENTIONS.join(', ')})` });
  const entry = registry.get(row.code);
  if (!entry) return void errors.push({ line, message: `code ${row.code} inconnu du référentiel` });
  if (row.name && !sameName(row.name, entry.name)) {
    return void errors.push({ line, message: `le nom « ${row.name} » ne correspond pas au code ${row.code} (${entry.name})` });
  }
  return {
    line, edition: row.edition, code: entry.code, kind: entry.kind, level: row.level,
    mentions: [...new Set(row.mentions as Mention[])].sort(), source: row.source,
  };
}

export type ImportOptions = {
  registry: Registry;
  /** Mark every edition of the file as fully imported (the bot may then say "no label"). */
  complete?: boolean;
  onProgress?: (done: number, total: number) => void;
};

type NewAward = { territoryCode: string; territoryKind: TerritoryKind; editionNumber: number; level: number; mentions: string[]; source: string };

/**
 * One INSERT of a whole chunk, its columns as six arrays (unnest): Prisma's createMany built a statement with six
 * parameters a row and kept ~5 KB a row alive until the end (1.1-1.3 GB for 100,000 rows).
 */
async function insertAwards(tx: Pick<PrismaClient, '$executeRawUnsafe'>, rows: NewAward[]): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "Award" ("territoryCode", "territoryKind", "editionNumber", "level", "mentions", "source", "updatedAt")
     SELECT c, k::"TerritoryKind", e, l, CASE WHEN m = '' THEN '{}'::text[] ELSE string_to_array(m, ';') END, s, CURRENT_TIMESTAMP
     FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[], $6::text[]) AS t(c, k, e, l, m, s)`,
    rows.map((r) => r.territoryCode), rows.map((r) => r.territoryKind), rows.map((r) => r.editionNumber),
    rows.map((r) => r.level), rows.map((r) => r.mentions.join(';')), rows.map((r) => r.source),
  );
}

/** Checks the whole file first (nothing written on any error), then writes it, reading it again row by row. */
export async function importPalmares(prisma: PrismaClient, text: string, options: ImportOptions): Promise<ImportResult> {
  const errors: ImportIssue[] = [];
  const editions = new Set<number>();
  let total = 0;
  for (const row of palmaresRows(text, options.registry, errors)) {
    editions.add(row.edition);
    total++;
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, summary: await writeAwards(prisma, palmaresRows(text, options.registry, []), { ...options, editions: [...editions], total }) };
}

type WriteOptions = Omit<ImportOptions, 'registry'> & {
  /** For rows given as a stream: their editions and their number (an array says them itself). */
  editions?: number[]; total?: number;
};

/** Writes validated rows, all or nothing (one transaction): created, updated or unchanged. */
export async function writeAwards(prisma: PrismaClient, rows: Iterable<PalmaresRow>, options: WriteOptions): Promise<ImportSummary> {
  const list = Array.isArray(rows) ? rows as PalmaresRow[] : undefined;
  const editions = [...new Set(options.editions ?? list?.map((r) => r.edition) ?? [])].sort((a, b) => a - b);
  const total = options.total ?? list?.length ?? 0;
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, editions };
  await prisma.$transaction(async (tx) => {
    for (const number of editions) {
      await tx.edition.upsert({
        where: { number },
        create: { number, year: editionYear(number), complete: options.complete ?? false },
        update: options.complete ? { complete: true } : {},
      });
    }
    // In chunks: a 100,000-row file is 50 look-ups and 50 inserts of 2,000, not one statement of 100,000 (memory).
    let done = 0;
    for (const chunk of chunks(rows, IMPORT_CHUNK)) {
      const existing = await tx.award.findMany({
        where: { editionNumber: { in: [...new Set(chunk.map((r) => r.edition))] }, territoryCode: { in: [...new Set(chunk.map((r) => r.code))] } },
        select: { id: true, editionNumber: true, territoryCode: true, territoryKind: true, level: true, mentions: true, source: true },
      });
      const byKey = new Map(existing.map((a) => [`${a.editionNumber}/${a.territoryCode}`, a]));
      const toCreate: NewAward[] = [];
      for (const row of chunk) {
        const current = byKey.get(`${row.edition}/${row.code}`);
        const data = { territoryKind: row.kind, level: row.level, mentions: row.mentions, source: row.source };
        if (!current) {
          toCreate.push({ ...data, territoryCode: row.code, editionNumber: row.edition });
          summary.created++;
        } else if (
          current.level !== row.level || current.source !== row.source || current.territoryKind !== row.kind ||
          [...current.mentions].sort().join(';') !== row.mentions.join(';')
        ) {
          await tx.award.update({ where: { id: current.id }, data });
          summary.updated++;
        } else summary.unchanged++;
        options.onProgress?.(++done, total);
      }
      if (toCreate.length) await insertAwards(tx, toCreate);
    }
  }, { timeout: 600_000, maxWait: 30_000 });
  forgetLabelSnapshot(prisma); // answers read the new palmarès at once
  return summary;
}

function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) { yield chunk; chunk = []; }
  }
  if (chunk.length) yield chunk;
}
