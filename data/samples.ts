// Sample palmarès (sourced rows in data/samples/) loaded once into an empty embedded database,
// so a newcomer can ask about Grenoble at once. Never into PostgreSQL.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './database.ts';
import { projectRoot } from './migrations.ts';
import { parseCsv } from './csv.ts';
import { importPalmares, PALMARES_COLUMNS, type ImportSummary } from './palmares.ts';
import { entryKey, readListHeader, readPicks, resolveList, type EntryResult } from './palmaresList.ts';
import { listAsCsvRows } from './palmaresRows.ts';
import { reasonText } from './palmaresReasons.ts';
import type { Resolution } from './territories/index.ts';
import type { Registry } from './territories/registry.ts';

export const samplesDir = join(projectRoot, 'data', 'samples');

export async function seedSamplesIfEmpty(db: Database, registry: Registry): Promise<ImportSummary[] | null> {
  if (db.target.kind !== 'pglite') return null;
  if ((await db.prisma.edition.count()) > 0) return null;
  const files = (await readdir(samplesDir)).filter((f) => f.endsWith('.csv')).sort();
  const summaries: ImportSummary[] = [];
  for (const file of files) {
    const result = await importPalmares(db.prisma, await readFile(join(samplesDir, file), 'utf8'), { registry });
    if (!result.ok) {
      throw new Error(`Échantillon ${file} invalide : ${result.errors.map((e) => `ligne ${e.line} : ${e.message}`).join(' ; ')}`);
    }
    summaries.push(result.summary);
  }
  return summaries;
}

export const listsDir = join(samplesDir, 'lists');
/** The CSV the published lists of `lists/` give, through import:list's own resolution and picks. */
export const listsCsvFile = 'presse-listes-2026-12.csv';

export type ListsBuild = { csv: string; rows: number; skipped: number; open: string[]; conflicts: string[] };

/**
 * Every list of `lists/` (its « # edition: » and « # source: » lines, its `.picks` beside it) as palmarès rows; an
 * award already in another sample file is left to it (same level), a different level is a conflict to settle.
 */
export async function buildListSamples(registry: Registry, resolve: (q: string) => Resolution): Promise<ListsBuild> {
  const known = new Map<string, string>();
  for (const file of (await readdir(samplesDir)).filter((f) => f.endsWith('.csv') && f !== listsCsvFile)) {
    for (const r of parseCsv(await readFile(join(samplesDir, file), 'utf8')).slice(1)) known.set(`${r.fields[0]}:${r.fields[1]}`, `${r.fields[3]} (${file})`);
  }
  const out: string[] = [PALMARES_COLUMNS.join(',')];
  const build: ListsBuild = { csv: '', rows: 0, skipped: 0, open: [], conflicts: [] };
  for (const file of (await readdir(listsDir)).filter((f) => f.endsWith('.txt')).sort()) {
    const text = await readFile(join(listsDir, file), 'utf8');
    const picksFile = join(listsDir, file.replace(/\.txt$/, '.picks'));
    const picks = existsSync(picksFile) ? readPicks(await readFile(picksFile, 'utf8')) : new Map<string, string>();
    const header = readListHeader(text);
    const results = resolveList(text, registry, resolve, picks, header.edition);
    for (const r of results) if (r.status !== 'resolved') build.open.push(`${file}:${entryKey(r)} ${r.text} (${reasonText('fr', r)})`);
    if (header.edition === undefined || !header.source) build.open.push(`${file}: « # edition: » ou « # source: » manquant`);
    const fresh = results.filter((r): r is EntryResult & { status: 'resolved' } => {
      if (r.status !== 'resolved') return false;
      const other = known.get(`${header.edition}:${r.code}`);
      if (other === undefined) return true;
      if (!other.startsWith(`${r.level} `)) build.conflicts.push(`${file}:${entryKey(r)} ${r.territoryName} ${r.level}@ ≠ ${other}`);
      build.skipped++;
      return false;
    });
    for (const row of listAsCsvRows(fresh, header.edition ?? 0, header.source ?? '', header.mentions)) out.push(row);
    build.rows += fresh.length;
  }
  build.csv = `${out.join('\n')}\n`;
  return build;
}
