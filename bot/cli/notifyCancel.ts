// npm run notify:cancel [-- --id <annonce>] : cancels the latest (or given) announcement — its pending messages will
// not be sent; a send already in flight completes. Same effect as « annuler l’annonce » in Teams.
// With the embedded PGlite database, run it while the bot is stopped (one process at a time); PostgreSQL: any time.
import { parseArgs } from 'node:util';
import { cancelAnnouncement, latestAnnouncement } from '../../data/notifications/index.ts';
import { withAnnouncements } from './announcementCli.ts';

let values;
try {
  ({ values } = parseArgs({ options: { id: { type: 'string' } } }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

await withAnnouncements(async (db) => {
  const id = values.id ?? (await latestAnnouncement(db.prisma))?.id;
  if (!id) {
    console.error('Aucune annonce pour l’instant.');
    process.exitCode = 1;
  } else {
    const { cancelled } = await cancelAnnouncement(db.prisma, id);
    console.log(`Annonce ${id} annulée : ${cancelled} message(s) non encore envoyé(s) ne partiront pas.`);
    console.log('Bilan : npm run notify:status');
  }
});
