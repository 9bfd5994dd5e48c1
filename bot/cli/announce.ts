// npm run announce -- --edition <n> [--dry-run] [--again] [--by <nom>] : builds the announcement of what is new in
// edition n (from the imported palmarès only), prints a French preview with the number of recipients and an example
// message; without --dry-run, queues it (one delivery per recipient) and prints its id. The worker then sends it.
// One message per member per edition: members who already received an announcement of the edition are skipped
// (the preview says how many), unless --again.
import { parseArgs } from 'node:util';
import { getRegistry } from '../../data/territories/registry.ts';
import {
  buildAnnouncementContent, createAnnouncement, planRecipients, previewLines, queueAnnouncement,
  renderAnnouncement, toPlainText,
} from '../../data/notifications/index.ts';
import { withAnnouncements } from './announcementCli.ts';

let values;
try {
  ({ values } = parseArgs({ options: { edition: { type: 'string' }, 'dry-run': { type: 'boolean' }, again: { type: 'boolean' }, by: { type: 'string' } } }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const edition = Number(values.edition);
if (!values.edition || !Number.isInteger(edition)) {
  console.error('Usage : npm run announce -- --edition <numéro> [--dry-run] [--again]   (22 = palmarès 2021)');
  process.exit(1);
}

const registry = getRegistry();
await withAnnouncements(async (db) => {
  const content = await buildAnnouncementContent(db.prisma, edition, registry);
  const again = !!values.again;
  const plan = await planRecipients(db.prisma, content, { again });
  const recipients = plan.recipients.length;
  for (const line of previewLines(content, recipients, 'fr', { alreadyReceived: plan.alreadyReceived, again })) console.log(line);
  if (plan.alreadyReceived && !again) console.log('(Pour la leur envoyer quand même : --again.)');
  console.log('\nExemple de message (membre sans commune renseignée ni filtre) :\n');
  const example = toPlainText(renderAnnouncement(content, { territoryCode: null, locale: 'fr-FR', filterDepartements: [], filterRegions: [] }, registry));
  console.log(example.replace(/^/gm, '  '));
  if (values['dry-run']) {
    console.log('\n--dry-run : rien n’a été mis en file.');
  } else if (recipients === 0) {
    console.log('\nAucun destinataire : rien n’a été mis en file.');
  } else {
    const { announcement } = await createAnnouncement(db.prisma, { edition, createdBy: values.by ?? `cli:${process.env.USER ?? 'admin'}`, registry });
    const { queued, alreadyReceived } = await queueAnnouncement(db.prisma, announcement.id, { again });
    console.log(`\nAnnonce ${announcement.id} mise en file : ${queued} message(s) à envoyer.`);
    if (alreadyReceived && !again) console.log(`${alreadyReceived} membre(s) l’avaient déjà reçue : ils ne la recevront pas une seconde fois.`);
    console.log('Envoi par le worker (npm start ou npm run worker) ; suivi : npm run notify:status -- --follow');
  }
});
