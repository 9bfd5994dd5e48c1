// npm run announce -- --edition <n> [--dry-run] [--by <nom>] : builds the announcement of what is new in edition n
// (from the imported palmarès only), prints a French preview with the number of recipients and an example message;
// without --dry-run, queues it (one delivery per recipient) and prints its id. The worker then sends it.
import { parseArgs } from 'node:util';
import { openDatabase } from '../../data/database.ts';
import { getRegistry } from '../../data/registry.ts';
import {
  AnnouncementError, buildAnnouncementContent, createAnnouncement, previewLines, queueAnnouncement, renderAnnouncement,
  selectRecipients, toPlainText,
} from '../../data/notifications/index.ts';

let values;
try {
  ({ values } = parseArgs({ options: { edition: { type: 'string' }, 'dry-run': { type: 'boolean' }, by: { type: 'string' } } }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const edition = Number(values.edition);
if (!values.edition || !Number.isInteger(edition)) {
  console.error('Usage : npm run announce -- --edition <numéro> [--dry-run]   (22 = palmarès 2021)');
  process.exit(1);
}

const registry = getRegistry();
const db = await openDatabase();
try {
  const content = await buildAnnouncementContent(db.prisma, edition, registry);
  const recipients = (await selectRecipients(db.prisma, content)).length;
  for (const line of previewLines(content, recipients)) console.log(line);
  console.log('\nExemple de message (membre sans commune renseignée ni filtre) :\n');
  const example = toPlainText(renderAnnouncement(content, { territoryCode: null, locale: 'fr-FR', filterDepartements: [], filterRegions: [] }, registry));
  console.log(example.replace(/^/gm, '  '));
  if (values['dry-run']) {
    console.log('\n--dry-run : rien n’a été mis en file.');
  } else if (recipients === 0) {
    console.log('\nAucun destinataire : rien n’a été mis en file.');
  } else {
    const { announcement } = await createAnnouncement(db.prisma, { edition, createdBy: values.by ?? `cli:${process.env.USER ?? 'admin'}`, registry });
    const { queued } = await queueAnnouncement(db.prisma, announcement.id);
    console.log(`\nAnnonce ${announcement.id} mise en file : ${queued} message(s) à envoyer.`);
    console.log('Envoi par le worker (npm start ou npm run worker) ; suivi : npm run notify:status -- --follow');
  }
} catch (error) {
  if (!(error instanceof AnnouncementError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await db.close();
}
