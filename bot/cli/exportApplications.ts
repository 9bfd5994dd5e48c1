// npm run export:applications -- --edition <n> [--format csv|json] [--out <file>|-] [--status draft|submitted] [--delimiter ';'|','] [--include-empty]
// Writes a file (not stdout by default: npm prints its own lines on stdout, which would corrupt a redirected CSV).
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openConfiguredDatabase } from '../environment.ts';
import { getRegistry } from '../../data/territories/registry.ts';
import { exportApplications, toCsv, toJson } from '../../data/applications/export.ts';
import { OPEN_EDITION, hasDefinition } from '../../data/questionnaire/index.ts';

const usage = [
  'Usage : npm run export:applications -- --edition <n> [--format csv|json] [--out <fichier>|-] [--status draft|submitted]',
  `  --edition    numéro d'édition du label (par défaut ${OPEN_EDITION}, l'édition ouverte)`,
  '  --format     csv (par défaut ; UTF-8 avec BOM, séparateur « ; » pour Excel) ou json',
  '  --out        fichier de sortie (par défaut candidatures-<n>e.<format>) ; « - » pour la sortie standard',
  '  --status     seulement les brouillons (draft) ou les candidatures envoyées (submitted)',
  '  --delimiter  séparateur CSV : « ; » (par défaut) ou « , »',
  '  --include-empty  garder les brouillons sans aucune réponse (laissés de côté par défaut)',
].join('\n');

function fail(message: string): never {
  console.error(message);
  console.error(usage);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      edition: { type: 'string' }, format: { type: 'string', default: 'csv' }, out: { type: 'string' },
      status: { type: 'string' }, delimiter: { type: 'string', default: ';' }, help: { type: 'boolean', short: 'h' },
      'include-empty': { type: 'boolean', default: false },
    },
  }));
} catch (e) {
  fail((e as Error).message);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const edition = values.edition === undefined ? OPEN_EDITION : Number(values.edition);
if (!Number.isInteger(edition) || !hasDefinition(edition)) fail(`Édition inconnue : « ${values.edition} » (questionnaire disponible : ${OPEN_EDITION})`);
const format = values.format;
if (format !== 'csv' && format !== 'json') fail(`Format inconnu : « ${format} » (csv ou json)`);
const status = values.status;
if (status !== undefined && status !== 'draft' && status !== 'submitted') fail(`Statut inconnu : « ${status} » (draft ou submitted)`);
const delimiter = values.delimiter;
if (delimiter !== ';' && delimiter !== ',') fail(`Séparateur inconnu : « ${delimiter} » (; ou ,)`);
const out = values.out ?? `candidatures-${edition}e.${format}`;

const db = await openConfiguredDatabase();
try {
  const result = await exportApplications(db.prisma, edition, { registry: getRegistry(), status, includeEmpty: values['include-empty'] });
  const text = format === 'csv' ? toCsv(result, { delimiter }) : toJson(result);
  if (out === '-') process.stdout.write(text);
  else await writeFile(out, text, 'utf8');
  const c = result.counts;
  const summary = `${c.applications} candidature(s) de la ${edition}e édition (${c.submitted} envoyée(s), ${c.draft} brouillon(s)), ` +
    `${c.actions} action(s), ${result.columns.length} colonnes`
    + (c.emptyDrafts ? ` ; ${c.emptyDrafts} brouillon(s) vide(s) laissé(s) de côté (--include-empty pour les garder)` : '');
  // The summary goes to stderr when the data goes to stdout.
  (out === '-' ? console.error : console.log)(out === '-' ? summary : `${summary} → ${out}`);
} finally {
  await db.close();
}
