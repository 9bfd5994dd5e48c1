// npm run samples:lists — rebuilds data/samples/presse-listes-2026-12.csv from the published lists of
// data/samples/lists/ (import:list's resolution and picks); refuses while an entry is open or contradicts another file.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildListSamples, listsCsvFile, samplesDir } from '../../data/samples.ts';
import { getTerritoryIndex } from '../../data/territories/index.ts';

const index = getTerritoryIndex();
const build = await buildListSamples(index.registry, index.resolve);
for (const line of build.open) console.error(`à revoir : ${line}`);
for (const line of build.conflicts) console.error(`contradiction : ${line}`);
if (build.open.length || build.conflicts.length) process.exit(1);
await writeFile(join(samplesDir, listsCsvFile), build.csv);
console.log(`${listsCsvFile} : ${build.rows} ligne(s) ; ${build.skipped} déjà dans les autres fichiers, au même niveau.`);
