// Export for the jury: one row per application, one column per question in the definition's order (stable),
// repeat groups flattened up to their maximum (democratie_1_title … democratie_5_url). Only answers to questions
// that are visible given the other answers are exported (an answer hidden by a later change is stale).
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Registry } from '../territories/registry.ts';
import { csvCell } from '../csv.ts';
import {
  formatValue, getDefinition, instanceCount, visibleSlots, type AnswerValue, type Definition, type Question,
} from '../questionnaire/index.ts';
import { toApplication, type Application } from './repository.ts';

export type ExportValue = AnswerValue | number;
export type ExportRow = Record<string, ExportValue>;
export type ExportColumn = { key: string; question?: Question };
export type ExportResult = {
  edition: number;
  columns: ExportColumn[];
  rows: ExportRow[];
  /** emptyDrafts: drafts with no answer, left out unless `includeEmpty` (someone typed « candidature » and stopped). */
  counts: { applications: number; draft: number; submitted: number; actions: number; byGroup: Record<string, number>; emptyDrafts: number };
};

const FIXED = ['reference', 'territory_code', 'territory_name', 'territory_kind', 'departement', 'edition', 'status',
  'submitted_at', 'updated_at', 'contributors'] as const;

/** The columns, derived from the definition only: the same for every export of an edition. */
export function exportColumns(def: Definition): ExportColumn[] {
  const columns: ExportColumn[] = FIXED.map((key) => ({ key }));
  for (const section of def.sections) {
    for (const item of section.items) {
      if (item.type !== 'group') { columns.push({ key: item.id, question: item }); continue; }
      columns.push({ key: `${item.id}_count` });
      for (let i = 1; i <= item.maxCount; i++) for (const q of item.items) columns.push({ key: `${item.id}_${i}_${q.id}`, question: q });
    }
  }
  return columns;
}

const columnOf = (key: string) => key.replace(/^([a-z0-9_]+)\[(\d+)\]\.([a-z0-9_]+)$/, '$1_$2_$3');

export function exportRow(def: Definition, app: Application, registry?: Registry): ExportRow {
  const territory = registry?.get(app.territoryCode);
  const row: ExportRow = {
    reference: app.reference, territory_code: app.territoryCode, territory_name: territory?.name ?? null,
    territory_kind: territory?.kind ?? null, departement: territory?.departement ?? null, edition: app.editionNumber,
    status: app.status, submitted_at: app.submittedAt?.toISOString() ?? null, updated_at: app.updatedAt.toISOString(),
    contributors: new Set([app.createdBy, ...app.authors]).size,
  };
  const slots = visibleSlots(def, app.answers);
  for (const section of def.sections) for (const item of section.items) if (item.type === 'group') row[`${item.id}_count`] = instanceCount(slots, item.id);
  for (const slot of slots) {
    if (slot.role !== 'question') continue;
    const value = app.answers[slot.key];
    if (value !== undefined) row[columnOf(slot.key)] = value;
  }
  return row;
}

export async function exportApplications(
  prisma: PrismaClient, edition: number, options: { registry?: Registry; status?: 'draft' | 'submitted'; includeEmpty?: boolean } = {},
): Promise<ExportResult> {
  const def = getDefinition(edition);
  const all = (await prisma.application.findMany({
    where: { editionNumber: edition, ...(options.status ? { status: options.status } : {}) },
    orderBy: [{ reference: 'asc' }, { territoryCode: 'asc' }],
  })).map(toApplication);
  const isEmpty = (app: Application) => app.status === 'draft' && Object.keys(app.answers).length === 0;
  const rows = options.includeEmpty ? all : all.filter((app) => !isEmpty(app));
  const columns = exportColumns(def);
  const out = rows.map((app) => exportRow(def, app, options.registry));
  const groups = def.sections.flatMap((s) => s.items.filter((i) => i.type === 'group').map((g) => g.id));
  const byGroup = Object.fromEntries(groups.map((g) => [g, out.reduce((n, r) => n + Number(r[`${g}_count`] ?? 0), 0)]));
  return {
    edition, columns, rows: out,
    counts: {
      applications: out.length,
      draft: out.filter((r) => r.status === 'draft').length,
      submitted: out.filter((r) => r.status === 'submitted').length,
      actions: Object.values(byGroup).reduce((a, b) => a + b, 0),
      byGroup,
      emptyDrafts: options.includeEmpty ? 0 : all.length - rows.length,
    },
  };
}

/** CSV for Excel: UTF-8 with BOM, CRLF, RFC 4180 quoting; choices and yes/no in French words, dates JJ/MM/AAAA. */
export function toCsv(result: ExportResult, options: { delimiter?: ';' | ',' } = {}): string {
  const delimiter = options.delimiter ?? ';';
  const cell = (column: ExportColumn, value: ExportValue | undefined): string => {
    if (value === undefined || value === null) return '';
    if (column.question) {
      const text = formatValue(column.question, value, 'fr');
      // Excel in French reads « 1,5 »; with a comma delimiter keep the dot.
      return column.question.type === 'number' && typeof value === 'number' ? (delimiter === ';' ? String(value).replace('.', ',') : String(value)) : text;
    }
    return Array.isArray(value) ? value.join('; ') : String(value);
  };
  // A cell starting with =, +, -, @ would run as a formula when the jury opens the file: csvCell neutralises it.
  const quote = (raw: string) => csvCell(raw, delimiter);
  const lines = [result.columns.map((c) => quote(c.key)).join(delimiter)];
  for (const row of result.rows) lines.push(result.columns.map((c) => quote(cell(c, row[c.key]))).join(delimiter));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** JSON: the same rows with typed values (numbers, booleans, arrays of option values, ISO dates). */
export function toJson(result: ExportResult): string {
  const applications = result.rows.map((row) => Object.fromEntries(result.columns.map((c) => [c.key, row[c.key] ?? null])));
  return `${JSON.stringify({ edition: result.edition, columns: result.columns.map((c) => c.key), counts: result.counts, applications }, null, 2)}\n`;
}
