// Opens the database named by DATABASE_URL, migrated and ready:
//   unset → embedded PGlite in .data/pglite · pglite:memory · pglite:<dir> · postgres(ql)://… → PostgreSQL.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { PrismaPGlite } from 'pglite-prisma-adapter';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from './generated/prisma/client.ts';
import { deployMigrations, migrationsUpToDate, projectRoot } from './migrations.ts';

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | undefined } // undefined = in memory
  | { kind: 'postgres'; url: string };

export type Database = {
  prisma: PrismaClient;
  target: DatabaseTarget;
  /** The embedded engine, when the target is PGlite (tests clone it with dumpDataDir). */
  pglite?: PGlite;
  /** Migrations applied by this open. */
  applied: string[];
  close(): Promise<void>;
};

export const defaultDataDir = join(projectRoot, '.data', 'pglite');

export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  const value = url?.trim();
  if (!value) return { kind: 'pglite', dataDir: defaultDataDir };
  if (value === 'pglite:memory') return { kind: 'pglite', dataDir: undefined };
  if (value.startsWith('pglite:')) return { kind: 'pglite', dataDir: resolve(value.slice('pglite:'.length)) };
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: 'postgres', url: value };
  throw new Error(`DATABASE_URL invalide : « ${value} » (attendu : vide, pglite:memory, pglite:<dossier> ou postgres://…)`);
}

/** The embedded engine's modules, loaded only when a PGlite database is opened (a PostgreSQL bot never needs them). */
let pgliteModules: { PGlite: typeof PGlite; PrismaPGlite: typeof PrismaPGlite } | undefined;
async function loadPglite(): Promise<NonNullable<typeof pgliteModules>> {
  pgliteModules ??= { PGlite: (await import('@electric-sql/pglite')).PGlite, PrismaPGlite: (await import('pglite-prisma-adapter')).PrismaPGlite };
  return pgliteModules;
}

/** PGlite's own factory would open its shadow database and never close it: this one closes it on dispose. */
export function pgliteMigrationFactory(db: PGlite): SqlMigrationAwareDriverAdapterFactory {
  if (!pgliteModules) throw new Error('pgliteMigrationFactory: open the database with openPglite first');
  const { PGlite, PrismaPGlite } = pgliteModules;
  const main = new PrismaPGlite(db);
  return {
    provider: 'postgres',
    adapterName: main.adapterName,
    connect: () => main.connect(),
    async connectToShadowDb() {
      const shadow = new PGlite({ startParams: pgliteStartParams(PGlite) });
      const adapter = await new PrismaPGlite(shadow).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await shadow.close();
      };
      return adapter;
    },
  } as SqlMigrationAwareDriverAdapterFactory;
}

/**
 * PostgreSQL's 128 MB of shared buffers is sized for a server; PGlite sets up the whole pool in its WebAssembly
 * memory when it starts, resident and slower to start, for an embedded database of a few tens of MB whose files
 * stay in the system's page cache anyway. Measured on an existing bot database: 294–305 → 196–198 MB resident and
 * 530–630 → 440–450 ms to open.
 */
export const PGLITE_SHARED_BUFFERS = '32MB';

/** PGlite's own start parameters, with the buffer pool above: for every PGlite the project opens. */
const pgliteStartParams = (PGlite: { defaultStartParams: string[] }) =>
  [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`];

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob | File): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await loadPglite();
  const db = new PGlite({ dataDir, loadDataDir, startParams: pgliteStartParams(PGlite) });
  await db.waitReady;
  return db;
}

/** data/migrateWorker.ts (dist/migrateWorker.mjs in the bundle), in a child process. */
async function migrateInWorker(dataDir: string): Promise<string[]> {
  const { fork } = await import('node:child_process');
  const here = import.meta.url;
  const source = here.endsWith('.ts'); // run from the sources (tsx, vitest): the child loads TypeScript through tsx
  // tsx found from this project, whatever the folder the command was typed in.
  const tsx = source ? pathToFileURL((await import('node:module')).createRequire(here).resolve('tsx')).href : '';
  const child = fork(fileURLToPath(new URL(source ? './migrateWorker.ts' : './migrateWorker.mjs', here)), [dataDir], {
    execArgv: source ? ['--import', tsx] : [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const result = await new Promise<{ applied?: string[]; error?: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { applied?: string[]; error?: string }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`la migration de la base embarquée s’est arrêtée (code ${code})`)));
  });
  if (result.error !== undefined) throw new Error(result.error);
  return result.applied ?? [];
}

export type OpenOptions = {
  url?: string;
  /** Start from a dump of an already migrated PGlite database (fast test databases). */
  loadDataDir?: Blob | File;
  /** Skip applying migrations (only for a database known to be current). */
  migrate?: boolean;
};

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl('url' in options ? options.url : process.env.DATABASE_URL);
  const migrate = options.migrate ?? true;
  if (target.kind === 'pglite') {
    // A new folder is created (initdb) and migrated in a child process: both take WebAssembly memory that the bot
    // would otherwise keep for good (bench:notify: ~410 MB at a first start against ~280 MB).
    const fresh = migrate && !!target.dataDir && !options.loadDataDir && !existsSync(join(target.dataDir, 'PG_VERSION'));
    let applied: string[] = fresh ? await migrateInWorker(target.dataDir!) : [];
    let pglite = await openPglite(target.dataDir, options.loadDataDir);
    try {
      let prisma = new PrismaClient({ adapter: new (await loadPglite()).PrismaPGlite(pglite) });
      await prisma.$connect();
      if (migrate && !(await migrationsUpToDate((sql) => prisma.$queryRawUnsafe(sql)))) {
        if (target.dataDir && !options.loadDataDir) {
          // A folder: migrated in a child process (its schema engine's memory goes with it), then opened again.
          await prisma.$disconnect();
          await pglite.close();
          applied = await migrateInWorker(target.dataDir);
          pglite = await openPglite(target.dataDir);
          prisma = new PrismaClient({ adapter: new (await loadPglite()).PrismaPGlite(pglite) });
          await prisma.$connect();
        } else {
          // In memory: one instance only, migrated where the client uses it.
          applied = await deployMigrations(pgliteMigrationFactory(pglite));
        }
      }
      return {
        prisma, target, pglite, applied,
        async close() {
          await prisma.$disconnect();
          if (!pglite.closed) await pglite.close();
        },
      };
    } catch (error) {
      await pglite.close().catch(() => {});
      throw error;
    }
  }
  // Loaded here only: the adapter loads the driver (data/pgDriver.ts).
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
  let applied: string[] = [];
  try {
    await prisma.$connect();
    if (migrate && !(await migrationsUpToDate((sql) => prisma.$queryRawUnsafe(sql)))) {
      applied = await deployMigrations(new PrismaPg({ connectionString: target.url }));
    }
  } catch (error) {
    await prisma.$disconnect().catch(() => {});
    throw error;
  }
  return { prisma, target, applied, close: () => prisma.$disconnect() };
}

/** The database cannot be reached right now (down, restarting, refusing connections): worth a "try again". */
export function isDatabaseUnavailable(error: unknown): boolean {
  type Err = { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: unknown } } };
  const codes = ['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03', '53300', '08001', '08006'];
  const text = /ECONNREFUSED|ECONNRESET|terminating connection|Connection terminated|connection (?:is )?closed|not (?:currently )?accepting connections|does not allow connections|Can't reach database|timed out fetching a new connection|the database system is (?:starting up|shutting down)/i;
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const e = queue.shift() as Err | undefined;
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    if (codes.includes(String(e.code)) || text.test(String(e.message))) return true;
    queue.push(e.cause, e.meta?.driverAdapterError?.cause);
  }
  return false;
}
