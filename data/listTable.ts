// A published list sent as a spreadsheet export: « nom;département;niveau », « "Ville","Dept","Arobases" », tab
// separated, with or without a header row. Each row becomes the line a person would have written
// (« Bourg-en-Bresse (01) 3@ »), so that it is read by the same rules as a typed list.
import type { Registry } from './territories/registry.ts';
import { foldText } from './text.ts';

const DELIMITERS = [';', '\t', ','] as const;
/** A cell that is a level and nothing else: « 3 », « @@@ », « 3@ », « 3 arobases », « trois ». */
const LEVEL_CELL = /^(?:[1-5]|@{1,5}|[1-5]\s*@|(?:[1-5]|une?|deux|trois|quatre|cinq)\s*(?:@|arobases?|arrobases?)?)$/i;
const HEADER = { name: /^(?:nom|commune|ville|collectivite|territoire|name|libelle|town)/, departement: /^(?:dep|dpt)/, level: /^(?:niveau|arobase|level|label|@|nombre)/ };

/** Cells of one row, double quotes honoured (« "Saint-Malo","Ille-et-Vilaine" »). */
function cells(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"' && quoted && line[i + 1] === '"') { cell += '"'; i++; }
    else if (c === '"' && (quoted || !cell.trim())) quoted = !quoted;
    else if (c === delimiter && !quoted) { out.push(cell.trim()); cell = ''; }
    else cell += c;
  }
  out.push(cell.trim());
  return out;
}

type Columns = { name: number; departement?: number; level?: number };

/**
 * The rows as lines to read, when the entries are a table (four in five rows split in the same number of cells,
 * with a level cell or under a header); undefined otherwise. A header row gives undefined in its place.
 */
export function tableLines(lines: string[], registry: Registry): (string | undefined)[] | undefined {
  const departementNames = new Set(registry.allDepartements().map((d) => foldText(d.name)));
  for (const delimiter of DELIMITERS) {
    const rows = lines.map((l) => cells(l, delimiter));
    const width = rows[0]?.length ?? 0;
    if (width < 2 || rows.filter((r) => r.length === width).length < Math.max(2, 0.8 * rows.length)) continue;
    const header = headerColumns(rows[0]!);
    const body = header ? rows.slice(1) : rows;
    if (!header && body.filter((r) => r.some((c) => LEVEL_CELL.test(c))).length < 0.8 * body.length) continue;
    return rows.map((row, i) => (header && i === 0 ? undefined : asLine(row, header, departementNames)));
  }
  return undefined;
}

function headerColumns(row: string[]): Columns | undefined {
  if (row.some((c) => LEVEL_CELL.test(c))) return undefined;
  const folded = row.map((c) => foldText(c));
  const find = (re: RegExp) => { const i = folded.findIndex((c) => re.test(c)); return i >= 0 ? i : undefined; };
  const name = find(HEADER.name);
  return name === undefined ? undefined : { name, departement: find(HEADER.departement), level: find(HEADER.level) };
}

/** « Bourg-en-Bresse », « 1 », « 3 » → « Bourg-en-Bresse (01) 3@ » (a spreadsheet drops the département's zero). */
function asLine(row: string[], header: Columns | undefined, departementNames: Set<string>): string {
  const isDepartement = (c: string) => /^(?:\d{1,3}|2[AB])$/i.test(c) || departementNames.has(foldText(c));
  const levelAt = header ? header.level ?? -1 : row.findLastIndex((c) => LEVEL_CELL.test(c));
  const departementAt = header ? header.departement ?? -1 : row.findIndex((c, i) => i !== levelAt && isDepartement(c));
  const nameAt = header ? header.name : row.findIndex((c, i) => i !== levelAt && i !== departementAt && c !== '');
  const name = row[nameAt] ?? '';
  const departement = row[departementAt] ?? '';
  const level = row[levelAt] ?? '';
  const where = /^\d{1,2}$/.test(departement) ? departement.padStart(2, '0') : departement;
  const how = /^[1-5]$/.test(level) ? `${level}@` : /^(?:une?|deux|trois|quatre|cinq)$/i.test(level) ? `${level} @` : level;
  return `${name}${where ? ` (${where})` : ''} ${how}`.trim();
}
