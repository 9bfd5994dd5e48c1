// npm run announce -- --edition <n> [--dry-run] [--again] [--by <nom>] : builds the announcement of what is new in
// edition n (from the imported palmarès only), prints a French preview with the number of recipients and an example
// message; without --dry-run, queues it (one delivery per recipient) and prints its id. The worker then sends it.
// One message per member per edition: members who already received an announcement of the edition are skipped
// (the preview says how many), unless --again. --channels all | <part of a name>,… : team channels to tell as well
// (one message each, once per edition, as « publier » in Teams with its checkboxes); without it, none.
import { parseArgs } from 'node:util';
import { getRegistry } from '../../data/territories/registry.ts';
import {
  buildAnnouncementContent, createAnnouncement, planRecipients, previewLines, queueAnnouncement,
  renderAnnouncement, toPlainText,
} from '../../data/notifications/index.ts';
import { listChannels } from '../../data/channels.ts';
import { foldText } from '../../data/text.ts';
import { withAnnouncements } from './announcementCli.ts';

let values;
try {
  ({ values } = parseArgs({ options: { edition: { type: 'string' }, 'dry-run': { type: 'boolean' }, again: { type: 'boolean' }, by: { type: 'string' }, channels: { type: 'string' } } }));
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
  const known = await listChannels(db.prisma, 500);
  const wanted = (values.channels ?? '').split(',').map((w) => foldText(w).trim()).filter(Boolean);
  const chosen = wanted.includes('all') || wanted.includes('tous') ? known : known.filter((c) => wanted.some((w) => foldText(c.name).includes(w)));
  if (wanted.length && !chosen.length) {
    console.error(`Aucun canal d’équipe ne correspond à « ${values.channels} ». Canaux connus : ${known.map((c) => c.name).join(' ; ') || 'aucun'}.`);
    process.exitCode = 1;
    return;
  }
  const channels = chosen.map((c) => c.id);
  const plan = await planRecipients(db.prisma, content, { again, channels });
  const recipients = plan.recipients.length;
  for (const line of previewLines(content, recipients, 'fr', { alreadyReceived: plan.alreadyReceived, again })) console.log(line);
  if (plan.alreadyReceived && !again) console.log('(Pour la leur envoyer quand même : --again.)');
  console.log(chosen.length ? `Canaux d’équipe inclus (${chosen.length}) : ${chosen.map((c) => c.name).join(' ; ')}`
    : `Canaux d’équipe connus : ${known.length}${known.length ? ' (--channels all, ou une partie de leur nom, pour les prévenir aussi)' : ''}.`);
  console.log('\nExemple de message (membre sans commune renseignée ni filtre) :\n');
  const example = toPlainText(renderAnnouncement(content, { territoryCode: null, locale: 'fr-FR', filterDepartements: [], filterRegions: [] }, registry));
  console.log(example.replace(/^/gm, '  '));
  if (values['dry-run']) {
    console.log('\n--dry-run : rien n’a été mis en file.');
  } else if (recipients === 0) {
    console.log('\nAucun destinataire : rien n’a été mis en file.');
  } else {
    const { announcement } = await createAnnouncement(db.prisma, { edition, createdBy: values.by ?? `cli:${process.env.USER ?? 'admin'}`, registry });
    const { queued, alreadyReceived } = await queueAnnouncement(db.prisma, announcement.id, { again, channels });
    console.log(`\nAnnonce ${announcement.id} mise en file : ${queued} message(s) à envoyer.`);
    if (alreadyReceived && !again) console.log(`${alreadyReceived} membre(s) l’avaient déjà reçue : ils ne la recevront pas une seconde fois.`);
    console.log('Envoi par le worker (npm start ou npm run worker) ; suivi : npm run notify:status -- --follow');
  }
});
