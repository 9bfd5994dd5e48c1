// npm run import:list -- <file> --edition <n> --source "<title, URL, date>" [--picks <file>] [--dry-run] [--json] [--csv]
// A palmarès as published (names, départements, @@@): each entry resolved; all imported, or none while an entry is
// ambiguous or unknown (listed with its candidates, settled in a picks file: « line → code »). The file's own
// « # edition: », « # source: », « # mentions: » lines stand for the options; --csv prints the rows as a palmarès CSV
// (the format of data/samples/) instead of importing them.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { editionYear, isKnownEdition } from '../../data/editions.ts';
import { entryKey, readListHeader, readListResults, readPicks, type EntryResult, type IgnoredLine } from '../../data/palmaresList.ts';
import { awardedEntries, listAsCsvRows } from '../../data/palmaresRows.ts';
import { reasonText } from '../../data/palmaresReasons.ts';
import { PALMARES_COLUMNS, sourceIssue, writeAwards, type PalmaresRow } from '../../data/palmares.ts';
import { getTerritoryIndex } from '../../data/territories/index.ts';
import { decodeText } from '../../data/textFile.ts';
import { openConfiguredDatabase, userPath } from '../environment.ts';

const usage = 'Usage : npm run import:list -- <fichier> --edition <n> --source "<titre, URL, date>" [--picks <fichier>] [--dry-run] [--json] [--csv]';
function fail(message: string): never {
  console.error(message);
  console.error(usage);
  process.exit(1);
}

let values;
let positionals;
try {
  ({ values, positionals } = parseArgs({ allowPositionals: true, options: {
    edition: { type: 'string' }, source: { type: 'string' }, picks: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, csv: { type: 'boolean' },
  } }));
} catch (e) {
  fail((e as Error).message);
}
const file = positionals[0];
if (!file) fail('Fichier manquant.');

let text: string;
let picks = new Map<string, string>();
try {
  text = decodeText(await readFile(userPath(file))).text;
  if (values.picks) picks = readPicks(decodeText(await readFile(userPath(values.picks))).text);
} catch {
  fail(`Fichier introuvable ou illisible : ${values.picks && file ? `${file} ou ${values.picks}` : file}`);
}
const header = readListHeader(text);
const editionText = values.edition ?? (header.edition !== undefined ? String(header.edition) : undefined);
const edition = Number(editionText);
if (!Number.isInteger(edition) || !isKnownEdition(edition)) fail(`Édition invalide : « ${editionText ?? ''} » (ex. 19 pour le palmarès 2018).`);
const source = (values.source ?? header.source ?? '').trim();
if (!source) fail('Source manquante : le titre de la page, son adresse et sa date (--source).');
const unsafeSource = sourceIssue(source);
if (unsafeSource) fail(`Source invalide : ${unsafeSource}.`);

const index = getTerritoryIndex();
const { results, ignored }: { results: EntryResult[]; ignored: IgnoredLine[] } = readListResults(text, index.registry, index.resolve, picks, edition);
// Titles and headings are no entries: said on stderr, so that --json and --csv stay one entry (row) a line.
const shown = (lines: IgnoredLine[]) => lines.map((l) => `ligne ${l.line} « ${l.text} »`).join(' ; ');
const titles = ignored.filter((l) => !l.otherYear);
const otherYear = ignored.filter((l) => l.otherYear);
if (titles.length) console.error(`${titles.length} ligne(s) lue(s) comme titres ou intertitres, sans entrée : ${shown(titles)}`);
if (otherYear.length) console.error(`${otherYear.length} ligne(s) d'une autre année que le palmarès ${editionYear(edition)} (édition ${edition}), laissée(s) de côté : ${shown(otherYear)}`);

const open = results.filter((r) => r.status !== 'resolved');
if (values.json) {
  for (const r of results) {
    console.log(JSON.stringify({
      line: r.line, ...(r.part ? { part: r.part } : {}), text: r.text, status: r.status, ...(r.status === 'resolved' ? { code: r.code, name: r.territoryName } : {}),
      ...(r.level !== undefined ? { level: r.level } : {}),
      ...(r.status !== 'resolved' ? { reason: reasonText('fr', r), candidates: r.candidates.slice(0, 10).map((c) => ({ code: c.code, name: c.name, departement: c.departement })) } : {}),
    }));
  }
} else {
  const say = values.csv ? console.error : console.log; // --csv keeps stdout for the rows
  say(`${results.length} entrée(s) : ${results.length - open.length} résolue(s), ${open.length} à revoir.`);
  for (const r of open) {
    const options = r.candidates.slice(0, 10).map((c) => `${c.code} ${c.name} (${c.departement ?? '?'})`).join(' | ');
    say(`ligne ${entryKey(r)} « ${r.text} » : ${r.status === 'ambiguous' ? 'ambiguë' : 'inconnue'} — ${reasonText('fr', r)}${options ? ` — candidats : ${options}` : ''}`);
  }
  for (const r of results) {
    if (r.status === 'resolved' && r.repeatOf) say(`ligne ${entryKey(r)} « ${r.text} » : ${r.territoryName} au même niveau qu'à la ligne ${r.repeatOf}, compté une fois.`);
  }
  if (open.length) say(`Rien n'est importé tant que ces entrées ne sont pas tranchées : écrivez « ligne → code » (« 12.2 → code » pour le 2e nom d'une ligne, « ligne → - » pour une ligne qui n'est pas une distinction) dans un fichier et relancez avec --picks <fichier>.`);
}

if (open.length || values['dry-run']) process.exit(open.length ? 1 : 0);
if (values.csv) {
  console.log(PALMARES_COLUMNS.join(','));
  for (const row of listAsCsvRows(results, edition, source, header.mentions)) console.log(row);
  process.exit(0);
}
const rows: PalmaresRow[] = awardedEntries(results).map((r) => ({
  line: r.line, edition, code: r.code, kind: index.registry.get(r.code)!.kind, level: r.level!, mentions: header.mentions, source,
}));
const db = await openConfiguredDatabase();
try {
  const s = await writeAwards(db.prisma, rows, {});
  console.error(`Import terminé (édition ${edition}) : ${s.created} créée(s), ${s.updated} mise(s) à jour, ${s.unchanged} inchangée(s).`);
} finally {
  await db.close();
}
