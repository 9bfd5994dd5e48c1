// Sample palmarès (sourced rows in data/samples/) loaded once into an empty embedded database,
// so a newcomer can ask about Grenoble at once. Never into PostgreSQL.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from './database.ts';
import { projectRoot } from './migrations.ts';
import { importPalmares, type ImportSummary } from './palmares.ts';
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
