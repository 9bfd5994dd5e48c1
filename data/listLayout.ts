// How a published list is laid out, beyond one entry a line: a spreadsheet export (listTable), headings that give a
// level or a département to the names under them, titles that are no entries, lines a PDF copy broke in two, and
// lines that list several names (« Elbeuf (76) et Trévières (14) ont reçu trois arobases »).
import { tableLines, tabBlockLines } from './listTable.ts';
import { ADDRESS, AGENDA_DATE, CLAUSE, COLUMNS, FOOTER, KIND_LABEL, LETTER, LINKS, OPENING_NAME, PARAGRAPH, SECTION, THREAD, WEB_FURNITURE } from './pageFurniture.ts';
import { joinBrokenLines } from './brokenLines.ts';
import { handTypedLevels, lowerCaseNames } from './handTypedLevels.ts';
import { NOT_APPLIED, parseListLine, type ListEntry } from './palmaresLine.ts';
import { COMPASS, COUNTED, departementOpening, HEADING, IN_REGION, LEVEL_FIRST, NATIONAL, regionNames, regionSaid, ROW } from './listHeadings.ts';
import { enumeration } from './enumeration.ts';
import { listYear, withoutDatedPast } from './listYear.ts';
import { pastedLines } from './pastedLines.ts';
import type { Registry } from './territories/registry.ts';
import { foldText } from './text.ts';

/**
 * A line that is no entry: a title, a région heading; shown to the reviewer, never imported. `otherYear`: an export's
 * row of another palmarès than the one imported.
 */
export type IgnoredLine = { line: number; text: string; otherYear?: true };

/** Whether a text names a place (the resolver's answer), in a département if given. */
export type PlaceNamed = (name: string, departement?: string, text?: string) => boolean;

/** Whether a text is a table header's words only (« Collectivité Dép. Région Population »). */
const columns = (t: string) => COLUMNS.test(foldText(t).replace(/[.;:|/()]/g, ' ').replace(/\s+/g, ' ').trim());

/**
 * Lines of text, or the rows of a spreadsheet export. Headings, as the association's pages and the press group
 * names, give what they say to the names under them: a level (« 5 arobases : », « TROIS AROBASES : LES NOUVEAUX
 * ENTRANTS »), a département (« DANS LES VOSGES », « GUADELOUPE »). A line with no level that names no place (a
 * title) is no entry.
 */
export function readList(text: string, registry: Registry, placeNamed: PlaceNamed = () => true, year?: number): { entries: ListEntry[]; ignored: IgnoredLine[] } {
  const { shown, lines: all } = pastedLines(text, registry);
  // « Ville de Cognac › Actualités »: a web page's breadcrumb; « |---|---| »: a table's rule. No entries.
  const crumbs = all.filter((e) => /\s›\s/.test(e.raw) || !/[\p{L}\d@]/u.test(e.raw));
  const raw = all.filter((e) => !crumbs.includes(e));
  // (Untrimmed: a row's blank first cell, « \tNantes Métropole\t… », is a cell.)
  const table = tableLines(raw.map((e) => shown[e.line - 1]!), registry, year, shown.some((l) => /^\s*\|?\s*:?-{3,}:?\s*\|/.test(l)));
  if (table) {
    return {
      entries: raw.flatMap((e, i) => {
        const row = table[i]!;
        if (row === 'header' || row === 'other' || row === 'otherYear') return [];
        const unplaced = typeof row !== 'string';
        return [{ ...parseListLine(unplaced ? row.line : row, e.line, registry), text: e.raw, row: true, ...(unplaced ? { unplaced } : {}) }];
      }),
      ignored: [...crumbs.map((e) => ({ line: e.line, text: e.raw })), ...raw.flatMap((e, i) => (table[i] === 'other' ? [{ line: e.line, text: e.raw }]
        : table[i] === 'otherYear' ? [{ line: e.line, text: e.raw, otherYear: true as const }] : []))].sort((a, b) => a.line - b.line),
    };
  }
  // (A tab-separated table among a page's prose, « Collectivité⇥Label 2016⇥Rappel 2015 »: its rows read with this
  // year's level only; a row with none, « Durtal⇥—⇥@ », is no award.)
  const tabbed = tabBlockLines(raw.map((e) => shown[e.line - 1]!), registry);
  const textLines = raw.flatMap((e, i) => {
    if (tabbed[i] === null) crumbs.push(e);
    return tabbed[i] === null ? [] : [tabbed[i] === undefined ? e : { ...e, raw: tabbed[i]! }];
  });
  // (« Saint-Malo, Dinard et Redon n'ont pas présenté de candidature cette année. »: a clause naming places that won
  // nothing is read no further; a line of nothing else is no entry.)
  // (« Rezé – 3 », « Thiers 3, Riom 4 »: a hand-typed list's bare digits.)
  const typed = handTypedLevels(textLines.map((e) => e.raw));
  // (« st brevin 3@, chateau-gontier 4@ »: a note typed in lower case.)
  const named = lowerCaseNames(textLines.map((e) => e.raw));
  // (« - 2019 : Saint-Avold, 1 @ », …, « - 2025 : Saint-Avold, 3 @ »: a town's levels year by year; the palmarès
  // imported, else the latest year's line.)
  const thisYear = listYear(text);
  const yearOf = (t: string) => Number(/^[-–•*·\s]*((?:19|20)\d{2})\s*[:–—]/.exec(t)?.[1] ?? NaN);
  const years = new Set(textLines.map((e) => yearOf(e.raw)).filter((y) => !Number.isNaN(y)));
  const pastYears = years.size >= 2 ? textLines.filter((e) => !Number.isNaN(yearOf(e.raw)) && yearOf(e.raw) !== (year ?? Math.max(...years))) : [];
  // (« Intercommunalités : Le Grésivaudan · … »: the kind of the names after it, no name.)
  const lines = joinBrokenLines(textLines.filter((e) => !pastYears.includes(e))).map((e) => ({ ...e, raw: named(typed(e.raw)).replace(KIND_LABEL, '') })).flatMap((e) => {
    if (!NOT_APPLIED.test(e.raw)) return [e];
    const clauses = e.raw.split(CLAUSE);
    const kept = clauses.filter((c) => !NOT_APPLIED.test(c)).map((c) => (/[.;!?…]\s*$/.test(c) ? c : `${c}.`)).join(' ').trim();
    if (/[\p{L}@]/u.test(kept)) return [{ ...e, raw: kept }];
    crumbs.push(e);
    return [];
  // (An e-mail's « @ » is no level, nor a social network's « @Ville de Rennes », « (@VilledIssy) »: blanked, the line's
  // length kept, for every reading of the line.)
  }).map((e) => ({ ...e, read: withoutDatedPast(e.raw, thisYear).replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, (m) => ' '.repeat(m.length)).replace(/(?<![\p{L}\d@])@(?=[\p{L}_])/gu, ' ') }));
  const readOf = (i: number) => (lines[i]!.read !== lines[i]!.raw ? { read: lines[i]!.read } : {});
  const parsed = lines.map((e) => parseListLine(e.read.replace(/;/g, ' ').replace(/,(?=\s*(?:\d|@|[1-5]\s*@))/g, ' '), e.line, registry));
  const entries: ListEntry[] = [];
  const ignored: IgnoredLine[] = [...crumbs.map((e) => ({ line: e.line, text: e.raw })), ...pastYears.map((e) => ({ line: e.line, text: e.raw, otherYear: true as const }))];
  let level: number | undefined;
  // (Names read under the heading so far: a page's intro prose between a heading and its names does not end it.)
  let underHeading = 0;
  let departement: string | undefined;
  let wider: ListEntry['wider'];
  // A jury report's PDF: each name, then its level alone on the line under it (no blank line between), three times at
  // least and most level lines so: every such level is the name's above, never a heading.
  // (« @@@ (+1) »: with last year's change.)
  const underName = (i: number) => i > 0 && (lines[i - 1]!.end ?? lines[i - 1]!.line) === lines[i]!.line - 1 && parsed[i - 1]!.level === undefined && !parsed[i - 1]!.levelUnclear && /\p{L}/u.test(lines[i - 1]!.raw);
  // (« Caen (14) » / « 4 »: a table's level cell, a digit alone, when three at least and nearly all are so under names.)
  const digit = (i: number) => /^[1-5]$/.test(lines[i]!.raw.trim());
  const digits = parsed.map((_, i) => i).filter(digit);
  const digitLevels = digits.filter(underName).length >= 3 && digits.filter(underName).length >= 0.8 * digits.length;
  const levelAlone = (i: number) => (digitLevels && digit(i) ? Number(lines[i]!.raw.trim()) : parsed[i]!.level);
  const levelOnly = (i: number) => (digitLevels && digit(i)) || (parsed[i]!.level !== undefined && /^(?:@{1,5}|[1-5]\s*@)$/.test(lines[i]!.raw.replace(/\(\s*(?:[+\-–−]\s*\d|=|nouveau)\s*\)/gi, '').replace(/\s+/g, '')));
  const levelLines = parsed.map((_, i) => i).filter(levelOnly);
  const compass = new Set(lines.map((e) => foldText(e.raw)).filter((t) => COMPASS.test(t))).size;
  const underNames = levelLines.filter(underName).length;
  const levelsUnderNames = underNames >= 3 && underNames >= 0.6 * levelLines.length;
  parsed.forEach((entry, i) => {
    const name = foldText(entry.name);
    if (levelsUnderNames && levelOnly(i) && underName(i)) {
      const above = lines[i - 1]!;
      if (entries.at(-1)?.line === above.line) entries[entries.length - 1] = { ...entries.at(-1)!, level: levelAlone(i) };
      else {
        // (A name the layout passed over, « Hazebrouk » (a typo), is the entry of that level, for the reviewer.)
        const at = ignored.findIndex((g) => g.line === above.line);
        if (at >= 0) ignored.splice(at, 1);
        entries.push({ ...parsed[i - 1]!, text: above.raw, ...readOf(i - 1), level: levelAlone(i), departement: parsed[i - 1]!.departement ?? departement });
      }
      return;
    }
    // « MARTINIQUE : Schœlcher et la Cacem au rendez-vous », « Finistère : Concarneau, Landerneau »: a line that
    // opens on a département and a colon, saying no level, starts that département's part of the list.
    const opening = entry.level === undefined && !entry.levelUnclear ? departementOpening(lines[i]!.raw, registry) : undefined;
    // (« Ailleurs dans le Grand Est », « Ailleurs dans le Grand Est, l'association signale aussi Saint-Dizier (@@@) »,
    // « Et aussi dans la région : Saint-Hilaire … »: the département heading above no longer holds.)
    // (Nor does the list's own département, or its région after « Ailleurs dans l'Ouest », for the names below: `wider`.)
    const folded = foldText(lines[i]!.raw);
    if (/^(?:ailleurs|(?:et aussi )?dans (?:le reste de )?la region|hors (?:du )?departement)\b/.test(folded)) {
      departement = undefined;
      // (« Ailleurs dans le département »: still the list's.)
      wider = /\b(?:le|du) departement\b/.test(folded) ? undefined : /\bla region\b/.test(folded) || regionSaid(lines[i]!.raw, registry) ? 'region' : 'anywhere';
    }
    if (opening) [departement, wider] = [opening, undefined];
    const next = parsed[i + 1];
    // (« === 5 @ === », « ** 4 arobases ** »: a heading's decoration.)
    // (« @@@@@ — 5 arobases (10) »: the count of names under it, no département.)
    // (« Les 24 territoires labellisés 5@ : »: a count too.)
    if (entry.level !== undefined && (!entry.departement || COUNTED.test(lines[i]!.raw)) && HEADING.test(name.replace(/[=*#~_—–-]+|\d+/g, ' ').replace(/\s+/g, ' ').trim())) {
      // « Vichy 03 » then « @@@@@ » then « Yzeure 03 @@ »: a level a PDF copy pushed to the next line, not a heading.
      // (A row that ends in its département and population, its level cell alone on the next line, the same.)
      const row = ROW.test(lines[i - 1]?.raw ?? '');
      // (« Communauté urbaine de Dunkerque » / « @@@ » / « Tourcoing » / « @@@ »: a jury report's PDF puts each level on
      // the line under its name, with no blank line between; a heading of the names below would have made them one
      // lower each.)
      const under = entries.at(-1)?.line === entry.line - 1 && lines[i - 1]?.line === entry.line - 1;
      if (entries.length && entries.at(-1)!.level === undefined && !entries.at(-1)!.levelUnclear && (!next || next.level !== undefined || row || under)) {
        entries[entries.length - 1] = { ...entries.at(-1)!, level: entry.level };
        return;
      }
      level = entry.level;
      underHeading = 0;
      // (« TROIS AROBASES : LES NOUVEAUX ENTRANTS »: its words are shown with the titles.)
      if (name.split(' ').filter((w) => /\p{L}{3,}/u.test(w)).length > 1) ignored.push({ line: entry.line, text: lines[i]!.raw });
      return;
    }
    // A heading with words of its own: taken as one only when names without a level follow, and shown as ignored
    // (« 1 @ : Penmarc'h, Audierne, Scaër » lists its names: no heading).
    const headingWords = entry.level !== undefined && !entry.departement && !placeNamed(entry.name) && (enumeration(entry.name) ?? []).filter((n) => placeNamed(n)).length < 2;
    // (A sentence is no heading: « Deux arobases pour La Guerche-de-Bretagne, Janzé et Retiers, dont … ».)
    if (headingWords && next && next.level === undefined && !next.levelUnclear && LEVEL_FIRST.test(lines[i]!.raw) && (lines[i]!.raw.split(/\s+/).length <= 10 || /:\s*$/.test(lines[i]!.raw))) {
      level = entry.level;
      underHeading = 0;
      ignored.push({ line: entry.line, text: lines[i]!.raw });
      return;
    }
    // (Any other short line that says a level and names no place ends the heading above: the names after it are not
    // that heading's. « Les 4 @, région par région » after « Les 5 @ » had kept five.)
    if (headingWords && lines[i]!.raw.split(/\s+/).length <= 8) level = undefined;
    // « Collectivité Dép. Région Population »: a PDF table's header, repeated on each page; a page's footer or
    // links (« Mentions légales | Plan du site », « En savoir plus : www.villes-internet.net »), a total.
    // (« A », « M », « V-W »: an alphabetical list's letters; « 15 rue …, 75011 Paris »: an address.)
    // (« Territoire » / « Dépt. » / « Niveau »: a PDF table's header, a cell a line.)
    const headerCell = /^\S+$/.test(lines[i]!.raw.trim()) && [lines[i - 1], lines[i + 1]].some((o) => o && /^\S+$/.test(o.raw.trim()) && columns(`${lines[i]!.raw} ${o.raw}`));
    if ((entry.level === undefined && columns(entry.name)) || headerCell || (WEB_FURNITURE.test(lines[i]!.raw) && !placeNamed(entry.name, entry.departement))
      || LETTER.test(lines[i]!.raw) || (entry.level === undefined && ADDRESS.test(lines[i]!.raw))
      || (entry.level === undefined && !entry.levelUnclear && LINKS.test(lines[i]!.raw) && FOOTER.test(lines[i]!.raw))) {
      ignored.push({ line: entry.line, text: lines[i]!.raw });
      return;
    }
    // « Bretagne », « Auvergne-Rhône-Alpes », « POITOU-CHARENTES »: a région's heading (not the village of Bretagne (90),
    // which a list writes with its département).
    // (« Sud », « Nord-Est »: a part of the island or the région, the same.)
    if (entry.level === undefined && !entry.levelUnclear && !entry.departement && (regionNames(registry).has(name) || (COMPASS.test(name) && name !== 'nord'))) {
      ignored.push({ line: entry.line, text: lines[i]!.raw });
      return;
    }
    if (entry.level === undefined && !entry.levelUnclear) {
      // « DANS LES VOSGES », « Nord (59) : »; « GUADELOUPE » alone (under a level heading, « Mayenne » is the town).
      const alone = registry.allDepartements().find((d) => foldText(d.name) === name);
      // (« 35. Vienne (Isère) » is the town: a heading does not name another département.)
      // (« LA RÉUNION : douze labellisés »: a département heading with words of its own.)
      const plain = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      const said = entry.departement ? plain(registry.departementName(entry.departement) ?? '') : '';
      const titled = !!said && plain(lines[i]!.raw).startsWith(said) && /^\s*[:–—-]/.test(plain(lines[i]!.raw).slice(said.length))
        && lines[i]!.raw.split(/\s+/).length <= 8 && !/\p{Lu}/u.test(lines[i]!.raw.replace(/^[^:–—-]*/, ''));
      // (« DOUBS (25) »: the département, its number said, not the village of Doubs.)
      // (Under a level heading, « Paris (75) » is the town; « DOUBS (25) », in capitals, still a heading.)
      const itself = !!entry.departement && name === foldText(registry.departementName(entry.departement) ?? '')
        && (level === undefined || lines[i]!.raw === lines[i]!.raw.toUpperCase());
      // (« Nord », then « Ouest », « Sud », « Est » on a Réunion page: a point of the compass, not the Nord (59).)
      const theirs = !alone || !!entry.departement || name !== 'nord' || compass < 2;
      if ((entry.departement && (!name || titled || itself)) || (alone && theirs && (!entry.departement || entry.departement === alone.code) && (level === undefined || !placeNamed(entry.name, alone.code)))) {
        departement = entry.departement ?? alone!.code;
        wider = undefined;
        return;
      }
      // (A sentence that says no level is no entry, even naming a place: « Les élus … ont remis les trophées … à
      // Quimper »; under a level heading, one that names no place.)
      // (« Mortain (Manche), Evron (Mayenne), Plouarzel (Finistère), … » is a list, no sentence.)
      const sentence = lines[i]!.raw.split(/\s+/).length > 6 && (enumeration(lines[i]!.raw) ?? []).filter((n) => placeNamed(n)).length < 2;
      // (A paragraph of prose that says no level ends the list above: « Vous souhaitez candidater ? … à Wervicq-Sud. »;
      // so does a page's next part, « AGENDA », « À lire aussi », « Mentions spéciales du jury », and an agenda's date.)
      // (The post's comments, its next part: its département heading no longer holds either.)
      if (SECTION.test(lines[i]!.raw) || THREAD.test(lines[i]!.raw)) departement = undefined;
      if ((sentence && PARAGRAPH.test(lines[i]!.raw) && underHeading) || SECTION.test(lines[i]!.raw) || THREAD.test(lines[i]!.raw) || AGENDA_DATE.test(lines[i]!.raw)) {
        level = undefined;
        ignored.push({ line: entry.line, text: lines[i]!.raw });
        return;
      }
      // (« Les nouveaux venus », then a paragraph: a part of the page of its own, the level heading above ends.)
      // (Not « Vaucouleurs, Douaumont, Clermont-en-Argonne », names under « 1 arobase ».)
      if (lines[i]!.raw.split(/\s+/).length <= 6 && !/[\d@:,;]/.test(lines[i]!.raw) && (lines[i + 1]?.raw.split(/\s+/).length ?? 0) > 12
        && !placeNamed(entry.name, entry.departement)) {
        level = undefined;
        ignored.push({ line: entry.line, text: lines[i]!.raw });
        return;
      }
      // (Under a heading, a sentence is an entry when a place is its subject: « Palmarès proclamé … à Angers » is none.)
      const subject = OPENING_NAME.exec(lines[i]!.raw)?.[1];
      if (((level === undefined && sentence) || ((level === undefined || sentence) && !placeNamed(entry.name, entry.departement))
        || (sentence && !(subject && placeNamed(subject)))) && !ROW.test(lines[i]!.raw)) {
        // « Autres départements », « Hors région »: the département heading above no longer holds.
        if (/^(?:autres?|hors|divers)\b/.test(name)) departement = undefined;
        ignored.push({ line: entry.line, text: lines[i]!.raw });
        return;
      }
    }
    // (« Pacé (35) - en progression d'une arobase » under « QUATRE AROBASES »: four.)
    const { levelChange, ...read } = entry;
    const byHeading = read.levelUnclear && levelChange && level !== undefined;
    if (placeNamed(entry.name, entry.departement)) underHeading++;
    // (« Dans la région, à noter la première arobase de Sarry » on an Yonne page: any Sarry of the région; « À l'échelle
    // nationale, … revenu à Beaumont » under « AISNE »: any Beaumont.)
    const beyond = entry.departement === undefined ? (NATIONAL.test(lines[i]!.raw) ? 'anywhere' : IN_REGION.test(lines[i]!.raw) ? 'region' : wider) : undefined;
    const under = beyond ? undefined : departement;
    entries.push({ ...read, ...(byHeading ? { levelUnclear: undefined } : {}), text: lines[i]!.raw, ...readOf(i), level: byHeading ? level : entry.level ?? (entry.levelUnclear ? undefined : level), departement: entry.departement ?? under,
      ...(entry.departement === undefined && under !== undefined ? { headingDepartement: true } : {}), ...(beyond ? { wider: beyond } : {}) });
  });
  return { entries, ignored };
}
