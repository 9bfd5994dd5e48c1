// npm run db:migration -- <name> : writes the next migration from prisma/schema.prisma.
// Made on a throw-away in-memory PGlite (PostgreSQL dialect; the result deploys on PostgreSQL too).
import { openPglite, pgliteMigrationFactory } from '../../data/database.ts';
import { createMigration } from '../../data/migrations.ts';

const name = process.argv.slice(2).join('_').trim().replace(/[^A-Za-z0-9_]+/g, '_');
if (!name) {
  console.error('Usage : npm run db:migration -- <nom_de_la_migration>');
  process.exit(1);
}
const pglite = await openPglite(undefined);
try {
  const result = await createMigration(pgliteMigrationFactory(pglite), name);
  if (!result) console.log('Aucune différence entre schema.prisma et les migrations : rien à créer.');
  else {
    console.log(`Migration créée : prisma/migrations/${result.folder}/migration.sql`);
    for (const w of result.warnings) console.warn(`Attention : ${w}`);
  }
} finally {
  await pglite.close();
}
