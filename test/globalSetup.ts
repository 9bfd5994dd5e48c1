// Builds one migrated PGlite database per test run; every test clones it (initdb + migrations once, not per test).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../data/database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'arobase-test-'));
  const db = await openDatabase({ url: 'pglite:memory' });
  const dump = await db.pglite!.dumpDataDir('gzip');
  await db.close();
  const file = join(dir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  if (!process.env.TEST_DATABASE_URL) {
    console.warn('\n⚠ TEST_DATABASE_URL absent : les tests PostgreSQL sont ignorés (skipped). .ci/run le définit.\n');
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
