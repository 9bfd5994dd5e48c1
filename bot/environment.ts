// One configuration loader for every entry point (the bot, the worker, every CLI): the project folder's .env fills
// what the real environment does not set (never the current directory's), then the checked configuration; a
// command-line tool says which database it is about to use.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase, parseDatabaseUrl, type Database } from '../data/database.ts';
import { projectRoot } from '../data/migrations.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';

export const envFile = join(projectRoot, '.env');

/** Fills process.env from `file` (the real environment wins: Node's loadEnvFile keeps what is already set). */
export function loadDotEnv(file = envFile): boolean {
  if (!existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}

/** .env, then the configuration; a wrong value prints its one French line and exits with code 1. */
export function loadEnvironment(file = envFile): Config {
  loadDotEnv(file);
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** « PGlite embarqué (/srv/arobase/.data/pglite) » or « PostgreSQL postgresql://arobase:***@db:5432/arobase ». */
export function describeDatabase(url: string | undefined): string {
  const target = parseDatabaseUrl(url);
  if (target.kind === 'pglite') return `PGlite embarqué (${target.dataDir ?? 'en mémoire'})`;
  const u = new URL(target.url);
  if (u.password) u.password = '***';
  return `PostgreSQL ${u.toString()}`;
}

/** For a command-line tool: the configured database, announced on stderr (stdout may carry the tool's output). */
export async function openConfiguredDatabase(config: Config = loadEnvironment()): Promise<Database> {
  console.error(`Base de données : ${describeDatabase(config.DATABASE_URL)}`);
  return openDatabase({ url: config.DATABASE_URL });
}

/** A path the user typed: `npm run` starts scripts in the project folder, so it is read from where they typed it. */
export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
