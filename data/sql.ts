// Plain SQL straight to the driver, for the few statements every turn runs (conversation state).
// Why not Prisma here: measured on PGlite, a Prisma model query costs 0.65–0.95 ms of CPU (its query compiler and
// interpreter), a raw one through Prisma 0.4–0.5 ms, the same statement on the driver 0.12–0.17 ms.
import pg from 'pg';
import type { Database } from './database.ts';

export type Sql = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

const clients = new WeakMap<Database, Sql>();

/** The driver under a database opened by openDatabase: PGlite itself, or a small pg pool closed with it. */
export function sqlOf(db: Database): Sql {
  const known = clients.get(db);
  if (known) return known;
  let sql: Sql;
  if (db.pglite) {
    const pglite = db.pglite;
    sql = async <T,>(text: string, params?: unknown[]) => (await pglite.query<T>(text, params)).rows;
  } else if (db.target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: db.target.url, max: 8 });
    // An idle connection dropped by a server restart: the next query opens a new one.
    pool.on('error', () => {});
    sql = async <T,>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[];
    const close = db.close.bind(db);
    db.close = async () => {
      await pool.end().catch(() => {});
      await close();
    };
  } else {
    throw new Error('sqlOf: in-memory PGlite without its instance');
  }
  clients.set(db, sql);
  return sql;
}
