// Plain SQL straight to the driver, for the few statements every turn runs: the conversation state, and only it.
// Why not Prisma here: measured on PGlite, a Prisma model query costs 0.65–0.95 ms of CPU (its query compiler and
// interpreter), a raw one through Prisma 0.4–0.5 ms, the same statement on the driver 0.12–0.17 ms.
// On PostgreSQL these connections commit asynchronously (synchronous_commit = off): a write no longer waits for the
// WAL flush (0.33 → 0.17 ms here); a crash of the server itself may lose the last fraction of a second of
// conversation memory, never corrupt it. Everything else (applications, members, notifications) goes through Prisma,
// durable as usual.
import type pg from 'pg';
import type { Database } from './database.ts';
import { loadPg } from './pgDriver.ts';

export type Sql = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

type Extras = { sql?: Sql; pool?: Promise<pg.Pool>; hooks: (() => Promise<void>)[] };
const extras = new WeakMap<Database, Extras>();

/** What this module adds to a database, closed with it: hooks first, then the pool, then the database. */
function extrasOf(db: Database): Extras {
  let e = extras.get(db);
  if (e) return e;
  extras.set(db, (e = { hooks: [] }));
  const close = db.close.bind(db);
  const mine = e;
  db.close = async () => {
    for (const hook of mine.hooks.splice(0)) await hook().catch(() => {});
    await mine.pool?.then((pool) => pool.end()).catch(() => {});
    await close();
  };
  return e;
}

/** Runs `hook` when the database is about to close (deferred writes), while its connections are still open. */
export function beforeClose(db: Database, hook: () => Promise<void>): void {
  extrasOf(db).hooks.push(hook);
}

/** The conversation state's driver: PGlite itself, or a small pg pool (asynchronous commit) closed with the database. */
export function sqlOf(db: Database): Sql {
  const e = extrasOf(db);
  if (e.sql) return e.sql;
  if (db.pglite) {
    const pglite = db.pglite;
    e.sql = async <T,>(text: string, params?: unknown[]) => (await pglite.query<T>(text, params)).rows;
  } else if (db.target.kind === 'postgres') {
    // Idle connections kept 5 minutes (pg's default: 10 s): a new one costs a server process and every named
    // statement parsed again, and turns come in bursts; the first turns after a quiet moment paid for it. They do
    // not keep a process that is done (a CLI) alive.
    const url = db.target.url;
    const pool = loadPg().then((driver) => {
      const made = new driver.Pool({
        connectionString: url, max: 8, idleTimeoutMillis: 300_000, allowExitOnIdle: true, options: '-c synchronous_commit=off',
      });
      // An idle connection dropped by a server restart: the next query opens a new one.
      made.on('error', () => {});
      return made;
    });
    e.pool = pool;
    // Named statements: each connection parses and plans them once.
    const names = new Map<string, string>();
    const nameOf = (text: string) => names.get(text) ?? (names.set(text, `arobase_state_${names.size}`), names.get(text)!);
    e.sql = async <T,>(text: string, params?: unknown[]) => (await (await pool).query({ name: nameOf(text), text, values: params })).rows as T[];
  } else {
    throw new Error('sqlOf: in-memory PGlite without its instance');
  }
  return e.sql;
}
