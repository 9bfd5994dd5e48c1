// A throw-away database on a PostgreSQL server (bench runs with --pg), dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export async function createTempDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `arobase_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try { await c.query(sql); } finally { await c.end(); }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
