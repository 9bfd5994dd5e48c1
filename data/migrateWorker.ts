// Creates and migrates an embedded database folder in a child process (data/database.ts): PGlite's initdb and
// Prisma's schema engine take ~140 MB of WebAssembly memory that a process never gives back (a worker thread's
// neither); a bot that did it itself kept it for its whole life.
import { openPglite, pgliteMigrationFactory } from './database.ts';
import { deployMigrations } from './migrations.ts';

const pglite = await openPglite(process.argv[2]);
let result: { applied?: string[]; error?: string };
try {
  result = { applied: await deployMigrations(pgliteMigrationFactory(pglite)) };
} catch (error) {
  result = { error: (error as Error).message ?? String(error) };
}
// Closed before the answer: the bot opens the folder as soon as it reads it.
await pglite.close();
process.send!(result, () => process.exit(0));
