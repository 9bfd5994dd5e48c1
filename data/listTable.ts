// A published list sent as a spreadsheet export: « nom;département;niveau », « "Ville","Dept","Arobases" », tab
// separated, with or without a header row. Each row becomes the line a person would have written
// (« Bourg-en-Bresse (01) 3@ »), so that it is read by the same rules as a typed list.
import type { Registry } from './territories/registry.ts';
import { departementOfPostcode } from './palmaresLine.ts';
import { foldText } from './text.ts';

const DELIMITERS = [';', '\t', '|', ','] as const;
/** A cell that is a level and nothing else: « 3 », « @@@ », « 3@ », « 3 arobases », « trois ». */
// (« Level 2 », « Niveau 3 », « 4 stars »: an English form's or a hand-typed column's.)
const LEVEL_CELL = /^(?:[1-5](?:\s*\/\s*5)?|@{1,5}|[1-5]\s*@|(?:[1-5]|une?|deux|trois|quatre|cinq)\s*(?:@|arobases?|arrobases?)?|(?:level|niveau)\s*[1-5]|[1-5]\s*stars?)$/i;
// (The level's column: one that says arobases first (« Nb @ », « Niveau »), then « Label 2023 »; never « Année label ».)
// (« Année », « annee »: the year of a row in an export of several palmarès; « Année 1ère labellisation » is no such.)
const HEADER = { year: /^(?:annee|year|millesime|edition)(?!.*(?:1ere|premiere|first|depuis))/, name: /^(?:nom|commune|ville|collectivite|territoire|name|libelle|town|intercommunalite|epci)/, departement: /^(?:dep|dpt|county)/, postcode: /^(?:cp|code postal|postcode)$/, region: /^reg(?:ion)?\b/, level: /@|arobase|^niv|^level/, levelElse: /^(?:label|nombre|nb\b)/ };

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
  // (« @ @ »: a level's signs spaced, as a PDF copy or a hand types them.)
  return out.map((c) => (/^@(?: @){1,4}$/.test(c) ? c.replace(/ /g, '') : c));
}

/** A level cell that says none this year: « — », « n.c. », « non », blank. */
const NO_LEVEL_CELL = /^(?:[—–-]|n\.?\s?c\.?|non|)$/i;

type Columns = { name: number; departement?: number; level?: number; postcode?: number; region?: number; year?: number };

/**
 * A row's line to read (`unplaced`: its département cell blank, the writer did not say where); `header` for the header
 * row; `other` for a line of no row (a title above the table); `otherYear` for a row of another palmarès.
 */
export type TableLine = string | { line: string; unplaced: true } | 'header' | 'other' | 'otherYear';

/**
 * The rows as lines to read, when the entries are a table (seven in ten lines split in the same number of cells,
 * with a level cell or under a header); undefined otherwise. `year`: the palmarès imported, when an export holds
 * several years' rows; `markdown`: the file has a Markdown table's rule (« |:---|:---:| »).
 */
export function tableLines(lines: string[], registry: Registry, year?: number, markdown = false): TableLine[] | undefined {
  const departementNames = new Set(registry.allDepartements().map((d) => foldText(d.name)));
  for (const delimiter of DELIMITERS) {
    const rows = lines.map((l) => cells(l, delimiter));
    const counts = new Map<number, number>();
    for (const r of rows) if (r.length >= 2) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [width, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
    if (count < Math.max(2, 0.7 * rows.length)) continue;
    // (« Archives … ;;; » then « Remise des labels … ;;; » above the header: titles a spreadsheet padded to its width.)
    const headerAt = rows.slice(0, 6).findIndex((r) => r.length === width && headerColumns(r));
    const first = headerAt >= 0 ? headerAt : rows.findIndex((r) => r.length === width);
    const header = headerColumns(rows[first]!);
    const body = rows.filter((r, i) => r.length === width && !(header && i <= first));
    if (!header && body.filter((r) => r.some((c) => LEVEL_CELL.test(c))).length < 0.8 * body.length) continue;
    // A web table's merged cell (« rowspan ») leaves the département only on its group's first row; a spreadsheet's
    // blank cell is blank (« Buhl » without its département is Buhl (67) or Buhl (68)).
    let departement = '';
    // (So does a spreadsheet's merged cell copied, « Loire-Atlantique (44) » then blank rows: half the rows blank, three
    // at least, the first one filled, and no département filled twice.)
    const at = header?.departement;
    const filled = at === undefined ? [] : body.map((r) => r[at]!.trim()).filter(Boolean);
    const blanks = body.length - filled.length;
    // (A Markdown table, « |:---|:---:| », has no merged cells: a blank is blank.)
    const merged = (delimiter === '|' && !markdown) || (at !== undefined && blanks >= 3 && blanks >= 0.5 * body.length && !!body[0]?.[at]?.trim() && new Set(filled).size === filled.length);
    const pastYear = header ? otherYear(body, header, year) : () => false;
    // (A spreadsheet's merged level cell: « @@@@@ » on its group's first row, each level once, the rows under it blank.)
    const lv = header?.level;
    const levels = lv === undefined ? [] : body.map((r) => r[lv]!.trim()).filter(Boolean);
    const levelMerged = lv !== undefined && body.length - levels.length >= 3 && body.length - levels.length >= 0.5 * body.length
      && LEVEL_CELL.test(body[0]?.[lv]?.trim() ?? '') && new Set(levels).size === levels.length;
    let level = '';
    return rows.map((row, i): TableLine => {
      if (row.length !== width) return 'other';
      if (header && i === first) return 'header';
      if (header && i < first) return 'other';
      if (pastYear(row)) return 'otherYear';
      // (« | Intercommunalité | Niveau 2024 | Niveau 2025 | … »: a second table's header, below the communes'.)
      if (header && headerColumns(row)?.level === header.level) return 'header';
      if (lv !== undefined && levelMerged && row.some((c, k) => k !== lv && c.trim())) {
        row[lv] ||= level;
        level = row[lv]!;
      }
      // (« | Le Vigen | @ | — | non reconduit | »: no level this year, no award.)
      // (« Clamart;92;commune;;2;non candidate; », « n.c. »: this year's level cell blank or « not applicable »: no award.)
      if (header?.level !== undefined && NO_LEVEL_CELL.test(row[header.level]!.trim()) && row.some((c, k) => k !== header.level && c.trim())) return 'other';
      if (at !== undefined && merged) {
        row[at] ||= departement;
        departement = row[at]!;
      }
      return asLine(row, header, departementNames);
    });
  }
  return fixedWidthLines(lines, departementNames);
}

/**
 * A page's tab-separated table among its prose (« Collectivité⇥Label 2016⇥Rappel 2015 », then its rows): each row as
 * the line to read (this year's level only), `null` for a row with no level this year (« Durtal⇥—⇥@ »), undefined for
 * the page's other lines.
 */
export function tabBlockLines(lines: string[], registry: Registry): (string | null | undefined)[] {
  const out: (string | null | undefined)[] = lines.map(() => undefined);
  const rows = lines.map((l) => cells(l, '\t'));
  const at = rows.findIndex((r) => r.length >= 3 && headerColumns(r)?.level !== undefined);
  if (at < 0) return out;
  const header = headerColumns(rows[at]!)!;
  const departementNames = new Set(registry.allDepartements().map((d) => foldText(d.name)));
  for (let i = at + 1; i < rows.length && rows[i]!.length === rows[at]!.length; i++) {
    if (NO_LEVEL_CELL.test(rows[i]![header.level!]!.trim())) { out[i] = null; continue; }
    const line = asLine(rows[i]!, header, departementNames);
    out[i] = typeof line === 'string' ? line : line.line;
  }
  return out;
}

/**
 * A table a word processor or a PDF lays out with spaces: « Collectivité      Département      Niveau », its columns
 * where the header's words start (a blank cell stays blank), a long name wrapped onto the next line, the header
 * repeated on each page. A département column, three rows at least with a level cell, six lines in ten under the
 * header.
 */
function fixedWidthLines(lines: string[], departementNames: Set<string>): TableLine[] | undefined {
  const chunks = (line: string) => [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ at: m.index, text: m[0] }));
  const headerAt = lines.findIndex((l) => chunks(l).length >= 3 && headerColumns(chunks(l).map((c) => c.text))?.level !== undefined);
  if (headerAt < 0) return undefined;
  const starts = chunks(lines[headerAt]!).map((c) => c.at);
  const cellsOf = (line: string) => {
    const row = starts.map(() => '');
    for (const c of chunks(line)) {
      const k = starts.findLastIndex((s) => s <= c.at + 2);
      row[Math.max(0, k)] = `${row[Math.max(0, k)]} ${c.text}`.trim();
    }
    return row;
  };
  const header = headerColumns(cellsOf(lines[headerAt]!))!;
  // (Without a département column, the page's headings say where: read as lines.)
  if (header.departement === undefined) return undefined;
  const rows = lines.map(cellsOf);
  const isRow = (i: number) => i > headerAt && LEVEL_CELL.test(rows[i]![header.level!]!);
  // (Most lines under the header are rows: a page's prose, or a list whose header is one line of many, is no such table.)
  const rowCount = lines.filter((_, i) => isRow(i)).length;
  if (rowCount < 3 || rowCount < 0.6 * lines.filter((l, i) => i > headerAt && l.trim()).length) return undefined;
  const out: TableLine[] = lines.map((l, i) => (i === headerAt || l.trim() === lines[headerAt]!.trim() ? 'header' : 'other'));
  let last = -1;
  rows.forEach((row, i) => {
    if (isRow(i)) { out[i] = asLine(row, header, departementNames); last = i; return; }
    // (« CC du Pays de Dol et de la » / « Baie du Mont Saint-Michel »: the name's cell goes on under its row.)
    if (last >= 0 && last === i - 1 && row.every((c, k) => k === header.name || !c) && row[header.name]) {
      rows[last]![header.name] = `${rows[last]![header.name]} ${row[header.name]}`;
      out[last] = asLine(rows[last]!, header, departementNames);
    }
  });
  return out;
}

/**
 * An export of several years (« 51;Reims;4;2024 » then « 51;Reims;5;2025 »): the rows of the palmarès imported when it
 * is known; else a territory's latest row only (the earlier ones are its past levels).
 */
function otherYear(body: string[][], header: Columns, year?: number): (row: string[]) => boolean {
  const at = header.year;
  if (at === undefined) return () => false;
  const yearOf = (row: string[]) => Number(/\b(?:19|20)\d{2}\b/.exec(row[at] ?? '')?.[0] ?? NaN);
  // (A year the file lacks: none of its rows is that palmarès; the reviewer sees them all set aside.)
  if (year !== undefined) return (row) => !Number.isNaN(yearOf(row)) && yearOf(row) !== year;
  const who = (row: string[]) => `${foldText(row[header.name] ?? '')}\u0000${header.departement !== undefined ? row[header.departement] : ''}`;
  const latest = new Map<string, number>();
  for (const r of body) if (!Number.isNaN(yearOf(r))) latest.set(who(r), Math.max(latest.get(who(r)) ?? 0, yearOf(r)));
  return (row) => yearOf(row) < (latest.get(who(row)) ?? 0);
}

function headerColumns(row: string[]): Columns | undefined {
  // (A title a spreadsheet padded to the table's width, « Villes Internet - Archives …;;; », is no header.)
  if (row.some((c) => LEVEL_CELL.test(c)) || row.filter((c) => c.trim()).length < 2) return undefined;
  const folded = row.map((c) => foldText(c));
  const find = (re: RegExp) => { const i = folded.findIndex((c) => re.test(c)); return i >= 0 ? i : undefined; };
  const name = find(HEADER.name);
  return name === undefined ? undefined : { name, departement: find(HEADER.departement), level: levelColumn(folded, HEADER.level) ?? levelColumn(folded, HEADER.levelElse), postcode: find(HEADER.postcode), region: find(HEADER.region), year: find(HEADER.year) };
}

/**
 * The level's column. « Niveau 2024 | Niveau 2025 »: last year's and this year's, the latest year's; two level columns
 * that say no year: neither (the rows stay open for the reviewer).
 */
function levelColumn(folded: string[], re: RegExp): number | undefined {
  const all = folded.flatMap((c, i) => (re.test(c) ? [i] : []));
  if (all.length < 2) return all[0];
  const years = all.map((i) => Number(/\b(?:19|20)\d{2}\b/.exec(folded[i]!)?.[0] ?? NaN));
  if (years.some((y) => Number.isNaN(y))) return undefined;
  return all[years.indexOf(Math.max(...years))];
}

/** « Bourg-en-Bresse », « 1 », « 3 » → « Bourg-en-Bresse (01) 3@ » (a spreadsheet drops the département's zero). */
function asLine(row: string[], header: Columns | undefined, departementNames: Set<string>): string | { line: string; unplaced: true } {
  const isDepartement = (c: string) => /^(?:\d{1,3}|2[AB])$/i.test(c) || departementNames.has(foldText(c));
  const levelAt = header ? header.level ?? -1 : row.findLastIndex((c) => LEVEL_CELL.test(c));
  const departementAt = header ? header.departement ?? -1 : row.findIndex((c, i) => i !== levelAt && isDepartement(c));
  const nameAt = header ? header.name : row.findIndex((c, i) => i !== levelAt && i !== departementAt && c !== '');
  const name = row[nameAt] ?? '';
  // (A blank département cell, a postcode beside it: « Saint-Pierre;;97410 » is in La Réunion.)
  const postcode = header?.postcode !== undefined ? row[header.postcode] ?? '' : '';
  // (« Loire (42) », « 57 - Moselle »: the number.)
  const cell = row[departementAt] ?? '';
  const departement = (/^[^()]+\((\d{2,3}|2[AB])\)$/i.exec(cell) ?? /^(\d{2,3}|2[AB])\s*[-–]\s*\p{L}/iu.exec(cell))?.[1] ?? (cell || (/^\d{5}$/.test(postcode) ? departementOfPostcode(postcode) : ''));
  const level = row[levelAt] ?? '';
  const where = /^\d{1,2}$/.test(departement) ? departement.padStart(2, '0') : departement;
  // « 3 », « 3/5 » in a level column: arobases.
  const digit = /^(?:(?:level|niveau)\s*([1-5])|([1-5])(?:\s*\/\s*5|\s*stars?)?)$/i.exec(level);
  const how = digit ? `${digit[1] ?? digit[2]}@` : /^(?:une?|deux|trois|quatre|cinq)$/i.test(level) ? `${level} @` : level;
  // (No département, a région cell: « Fontaine;;Bourgogne-Franche-Comté » is not the Fontaine of the Isère.)
  const region = !where && header?.region !== undefined ? row[header.region] ?? '' : '';
  const line = `${name}${where ? ` (${where})` : region ? ` (${region})` : ''} ${how}`.trim();
  // (« Fontaine;;2 »: not the largest Fontaine of a national list; the reviewer says which.)
  return header?.departement !== undefined && !where && !region ? { line, unplaced: true } : line;
}
