// Lists typed by hand, with a level as a bare digit: « Rezé – 3 », « Saumur – 3 à vérifier » (a mail), « Puy-de-Dôme :
// Thiers 3, Riom 4, Volvic 2 » (a chat). A digit alone is a level only when the whole list is written so; the line is
// then rewritten as a typed list would say it (« Thiers 3@ ») and read by the same rules.
import { DASH_LEVEL } from './pageFurniture.ts';
import { UNSURE } from './palmaresLine.ts';

/** « Thiers 3 », « Le Chambon-Feugerolles 3 (pas le Chambon-sur-Lignon) », « la CC des Monts du Lyonnais 3 ». */
const TERSE_ITEM = /^\s*(?:\+\s*)?(?:et\s+)?(\p{L}[^,;\d()]*?\p{L})\s+([1-5])(\s*\([^()]*\))?\s*$/u;
/** What may open such a line: a département or a heading and a colon, « + ». */
const OPENING = /^\s*(?:[\p{L}' -]{2,40}:\s*|\+\s*)/u;

/** The items of a line, when every one is a name and a digit (undefined otherwise). */
function terseItems(line: string): RegExpExecArray[] | undefined {
  const body = line.replace(OPENING, '');
  const items = body.split(/,(?![^()]*\))|\s+et\s+(?=\p{Lu}|la\s|le\s|les\s|l['’])/u).map((item) => TERSE_ITEM.exec(item));
  return items.length && items.every((m) => m) ? items as RegExpExecArray[] : undefined;
}

/** « Commune — Dépt — Population — Niveau »: a report's table typed with dashes, its cells. */
const dashCells = (line: string) => line.split(/\s+[—–]\s+/);

/**
 * The rows of such tables, each under its header line whose last cell is the level's (« Niveau », « Nb @ »), with as
 * many cells: their last cell, a digit, is a level (« Lorient — 56 — 58 329 — 4 »).
 */
function dashTableRows(lines: string[]): Set<string> {
  const rows = new Set<string>();
  let width = 0;
  for (const line of lines) {
    const cells = dashCells(line);
    if (cells.length >= 3 && /^(?:niv|nb\s*@|@|arobase)/i.test(cells.at(-1)!.trim())) width = cells.length;
    else if (width && cells.length === width && /^[1-5]$/.test(cells.at(-1)!.trim())) rows.add(line);
    // (A wrapped name's first line, « Communauté de communes du Pays de Dol », is no other table.)
    else if (cells.length !== width && cells.length > 1) width = 0;
  }
  return rows;
}

/** A function that rewrites each line of the list `lines` as read (the line itself when the list is no such list). */
export function handTypedLevels(lines: string[]): (line: string) => string {
  // (Four dashed lines at least; three lines listing two such names at least.)
  const dashed = lines.filter((l) => DASH_LEVEL.test(l)).length >= 4;
  const terse = lines.filter((l) => (terseItems(l)?.length ?? 0) >= 2).length >= 3;
  const rows = dashTableRows(lines);
  return (line) => {
    // (Or a wrapped name's line joined to its row.)
    if (rows.has(line) || [...rows].some((row) => line.endsWith(` ${row}`))) return line.replace(/([1-5])\s*$/, '$1@');
    if (dashed && DASH_LEVEL.test(line)) {
      return line.replace(DASH_LEVEL, (_, name: string, level: string, brackets = '', remark = '') => `${name} ${level}@ ${brackets}${UNSURE.test(remark) ? remark : ''}`);
    }
    if (!terse) return line;
    // (« Riom c'est 3 pas 4, c'est Thiers qui a 4 ! »: a correction, said with the list's bare digits.)
    if (!terseItems(line)) return line.replace(/\b(c['’]est|qui a)\s+([1-5])(?:\s+(?:pas|et non|non)\s+[1-5])?(?![\d@])/giu, (_, said: string, level: string) => `${said} ${level}@`);
    // (The remark in brackets is no name: « (la CC, pas la ville) ».)
    return line.replace(/(\p{L})\s+([1-5])(\s*\([^()]*\))?(?=\s*(?:,|$|\s+et\s))/gu, (_, last: string, level: string, brackets = '') => `${last} ${level}@${UNSURE.test(brackets) ? brackets : ''}`);
  };
}

const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'sur', 'sous', 'en', 'et', 'lès', 'lez', 'aux', 'au', 'à', 'd', 'l']);
/** « st brevin 3@, chateau-gontier 4@ »: a note typed in lower case, its words capitalised as names are written. */
function capitalised(line: string): string {
  return line.replace(/(^|[\s(/+,-])([\p{Ll}][\p{L}]*)/gu, (all, before: string, word: string, at: number) => (at > 0 && PARTICLES.has(word) ? all
    : `${before}${word[0]!.toUpperCase()}${word.slice(1)}`));
}

/**
 * A function that gives each line of the list `lines` its names' capitals when the list was typed in lower case (six
 * in ten of its lines with words have no capital letter, three with a level at least); the line itself otherwise.
 */
export function lowerCaseNames(lines: string[]): (line: string) => string {
  const worded = lines.filter((l) => /\p{L}{3}/u.test(l));
  const lower = worded.filter((l) => !/\p{Lu}/u.test(l));
  // (A line with no level, « bretagne / pdl : », stays as typed: a heading, no names; « 4 @ — 10 collectivités »
  // headings over capitalised names are no such note.)
  return lower.filter((l) => /@|arobase/i.test(l)).length >= 3 && lower.length >= 0.6 * worded.length ? (line) => (/\p{Lu}/u.test(line) || !/@|arobase/i.test(line) ? line : capitalised(line)) : (line) => line;
}
