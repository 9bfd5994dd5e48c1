// Test databases: a clone of the migrated PGlite template, or a fresh database on TEST_DATABASE_URL.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '../../data/database.ts';

export async function openTestDatabase(): Promise<Database> {
  const bytes = readFileSync(inject('pgliteTemplate'));
  return openDatabase({ url: 'pglite:memory', loadDataDir: new Blob([bytes]), migrate: false });
}

export const postgresUrl = process.env.TEST_DATABASE_URL;

/** A new empty PostgreSQL database on the test server; `drop()` removes it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `arobase_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
