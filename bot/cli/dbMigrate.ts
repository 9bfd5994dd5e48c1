// npm run db:migrate : applies pending migrations to DATABASE_URL (also done at every startup).
import { openConfiguredDatabase } from '../environment.ts';

const db = await openConfiguredDatabase();
console.log(db.applied.length ? `Migrations appliquées : ${db.applied.join(', ')}` : 'Base à jour : aucune migration en attente.');
await db.close();
