// npm run import -- <file.csv> [--complete] : imports a palmarès CSV, all or nothing.
import { readFile } from 'node:fs/promises';
import { openConfiguredDatabase, userPath } from '../environment.ts';
import { importPalmares } from '../../data/palmares.ts';
import { decodeText } from '../../data/textFile.ts';
import { getRegistry } from '../../data/territories/registry.ts';
import { progressBar } from './progressBar.ts';

const args = process.argv.slice(2);
const complete = args.includes('--complete');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('Usage : npm run import -- <palmares.csv> [--complete]');
  console.error('  --complete : marque les éditions du fichier comme entièrement importées');
  process.exit(1);
}

let text: string;
try {
  const decoded = decodeText(await readFile(userPath(file)));
  text = decoded.text;
  if (decoded.encoding !== 'utf-8') console.error(`Le fichier n’est pas en UTF-8 : lu comme Windows-1252 (Excel, Latin-1) et converti.`);
} catch {
  console.error(`Fichier introuvable ou illisible : ${file}`);
  process.exit(1);
}

const db = await openConfiguredDatabase();
try {
  const bar = progressBar('Import');
  const result = await importPalmares(db.prisma, text, { registry: getRegistry(), complete, onProgress: bar.update });
  if (!result.ok) {
    for (const e of result.errors) console.error(`ligne ${e.line} : ${e.message}`);
    console.error(`${result.errors.length} erreur(s) : rien n'a été importé.`);
    process.exitCode = 1;
  } else {
    const s = result.summary;
    console.log(`Import terminé (édition${s.editions.length > 1 ? 's' : ''} ${s.editions.join(', ')}) : ${s.created} créée(s), ${s.updated} mise(s) à jour, ${s.unchanged} inchangée(s).`);
    if (complete) console.log(`Éditions marquées comme complètes : ${s.editions.join(', ')}.`);
  }
} finally {
  await db.close();
}
