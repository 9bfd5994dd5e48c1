// One line of a published palmarès as written: a name, usually a département (« (62) », « (34 Hérault) », « dans
// l'Eure »), a level (« @@@ », « 3@ », « trois arobases », « la plus haute marche »). The names a sentence holds
// (sentenceNames.ts), the file's header and picks (listHeader.ts) are read apart. Reading only: resolving the names is
// palmaresList's.
import type { Registry } from './territories/registry.ts';
import { departementMentions } from './departementWords.ts';
import { escapeRegExp, foldText } from './text.ts';

/**
 * One entry: a line, or one name of a line that lists several (`part`, from 1: « Agen, Metz et Vannes : 5 @ »);
 * `sentence`: a name an article's sentence holds, which a national list's size never settles (« tout petits villages,
 * comme Saint-Martin »); `row`: a spreadsheet's row, whose name cell is one name (« Erdre & Gesvres »).
 */
// (`region`: the région a row or a bracket gives without a département, « Fontaine (Bourgogne-Franche-Comté) ».)
// (`levelChange`: only a change is said, « en progression d'une arobase »: a heading's level stands.)
// (`wider`: said beyond the list's département, « Dans la région, … », or beyond its région, under « Ailleurs dans
// l'Ouest »: the list's scope settles no namesake there.)
// (`read`: the text as read when it differs, levels dated before the list's year blanked: listYear.ts.)
export type ListEntry = { line: number; part?: number; text: string; read?: string; wider?: 'region' | 'anywhere'; name: string; departement?: string; region?: string; level?: number; levelUnclear?: boolean; levelChange?: boolean; sentence?: boolean; row?: boolean; unplaced?: boolean; headingDepartement?: boolean };

/** How a reviewer names an entry in a picks file and on a card: « 12 », or « 12.2 » for a line's second name. */
export const entryKey = (e: { line: number; part?: number }): string => (e.part ? `${e.line}.${e.part}` : String(e.line));

/** A level's number as a word, cardinal or ordinal: « trois », « sa troisième ». */
export const WORDS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, one: 1, two: 2, three: 3, four: 4, five: 5,
  // « sa première arobase », « une cinquième arobase »: the rank of the arobase just won is the level.
  premier: 1, premiere: 1, première: 1, deuxieme: 2, deuxième: 2, second: 2, seconde: 2, troisieme: 3, troisième: 3,
  quatrieme: 4, quatrième: 4, cinquieme: 5, cinquième: 5,
};
// « 3@ » before « @ »: the digit says the level, the sign only what it counts.
const LEVEL_PATTERNS: [RegExp, (m: RegExpExecArray) => number][] = [
  [/\b([1-5])\s*(?:@|arobases?|arrobases?)(?![\w@])/i, (m) => Number(m[1])],
  [/(?<![\p{L}])(une?|deux|trois|quatre|cinq|one|two|three|four|five|premi[eè]re?|deuxi[eè]me|seconde?|troisi[eè]me|quatri[eè]me|cinqui[eè]me)\s+(?:(?:symboles?|signes?|logos?)\s+)?[«"“]?\s*(?:@|arobases?|arrobases?)\s*[»"”]?/iu, (m) => WORDS[m[1]!.toLowerCase()]!],
  [/(?<!@)(@{1,5})(?!@)/, (m) => m[1]!.length],
  // « Niveau 4 : Lanester, Ploemeur », « labellisée niveau 3 »: the label's word for its level.
  [/\bniveau\s+([1-5])(?![\d,.])/i, (m) => Number(m[1])],
  // « …, dans l'Eure, en a eu quatre » (the arobases named earlier in the article).
  [/\ben (?:(?:a|ont) (?:eu|obtenu|re[çc]u|d[ée]croch[ée])|obtien(?:t|nent)|re[çc]oi(?:t|vent)|d[ée]croche(?:nt)?|compte(?:nt)?)\s+(une?|deux|trois|quatre|cinq|[1-5])\b/i, (m) => WORDS[m[1]!.toLowerCase()] ?? Number(m[1])],
  // « … la plus haute marche (du podium) » of a five-level label.
  [/\b(?:la )?plus (?:haute|[ée]lev[ée]e) (?:marche|distinction|r[ée]compense)\b|\b(?:distinction|r[ée]compense) la plus (?:haute|[ée]lev[ée]e)\b|\bla note maximale\b|\bniveau maximal\b/i, () => 5],
];

/** « Tour(s)plus »: brackets inside a word are its spelling, not a second name nor a remark. */
export const GLUED_BRACKETS = /(?<=\p{L})\((\p{L}{1,3})\)(?=\p{L})/gu;
/**
 * « @@@ (+1 @) », « (–1) »: the change since last year, not a second level; « @@@@ (@@@) », a level then one in
 * brackets: last year's, as the lists that print it say in their legend (not « leur arobase (1 @) », the level said).
 */
export const LAST_YEAR = /\(\s*[+\-–−]\s*[1-4]\s*(?:@|arobases?)?\s*\)|(?<=@\s*)\(\s*(?:@{1,5}|[1-5]\s*(?:@|arobases?))\s*\)/gi;
/**
 * « deux @ l'an passé », « qui affichait trois arobases l'an dernier », « qui comptait trois @ en 2024 », « (1 @ en
 * 2023) », « had three @ », « qui était à 2@ »: last year's level, not this one; « @@@ cette année, pas @@ »: a level denied.
 */
export const PAST_LEVEL = /\(\s*(?:une?|deux|trois|quatre|cinq|[1-5])\s*(?:@|arr?obases?)\s+en\s+(?:19|20)\d{2}\s*\)|\bqui\s+[ée]tai(?:t|ent)\s+(?:d[ée]j[àa]\s+)?[àa]\s+(?:(?:une?|deux|trois|quatre|cinq|[1-5])\s*(?:@|arr?obases?)|@{1,5})|\b(?:pas|et\s+non|non)\s+(?:(?:une?|deux|trois|quatre|cinq|[1-5])\s*(?:@|arr?obases?)|@{1,5})(?![\p{L}@])|\b(?:qui\s+)?(?:affichait|avait|comptait|d[ée]tenait|poss[ée]dait|totalisait)\s+(?:d[ée]j[àa]\s+)?(?:(?:une?|deux|trois|quatre|cinq|[1-5])\s*(?:@|arr?obases?)|@{1,5})\s*,?\s*en\s+(?:19|20)\d{2}(?!\d)|\b(?:had|was\s+at|were\s+at)\s+(?:already\s+)?(?:(?:one|two|three|four|five|[1-5])\s*["“]?\s*(?:@|arr?obases?)|@{1,5})|(?:\b(?:qui\s+)?(?:affichait|avait|comptait|d[ée]tenait|poss[ée]dait|totalisait)\s+(?:d[ée]j[àa]\s+)?|\bcontre\s+)?(?:(?:une?|deux|trois|quatre|cinq|[1-5])\s*(?:@|arr?obases?)|(?:une?|deux|trois|quatre|cinq|[1-5])(?=\s+l['’]an)|@{1,5})\s*,?\s*(?:l['’]an\s+(?:dernier|pass[ée]|pr[ée]c[ée]dent)|l['’]ann[ée]e\s+(?:derni[èe]re|pass[ée]e|pr[ée]c[ée]dente)|lors de la (?:pr[ée]c[ée]dente|derni[èe]re) [ée]dition)(?![\p{L}])/giu;
/**
 * « n'ont pas présenté de candidature », « ne figure plus au palmarès », « n'était pas candidate »: places named that
 * won nothing this year.
 */
export const NOT_APPLIED = /\bn['’]\s*(?:a|ont|avait|avaient|[ée]tait|[ée]taient|est|sont)\s+(?:pas|plus)\s+(?:[ée]t[ée]\s+)?(?:candidat\p{L}*|postul\p{L}*|concouru|obtenu|d[ée]croch[ée]|re[çc]u|particip\p{L}*|pr[ée]sent[ée]\p{L}*|repr[ée]sent[ée]\p{L}*|d[ée]pos[ée]\p{L}*|renouvel[ée]\p{L}*|retenue?s?|labellis[ée]e?s?|r[ée]compens[ée]e?s?|distingu[ée]e?s?|class[ée]e?s?)|\bne\s+(?:figur\p{L}*|se\s+repr[ée]sent\p{L}*|concour\p{L}*|candidat\p{L}*|postul\p{L}*)\s+(?:plus|pas)\b|\b(?:pas|aucune)\s+(?:de\s+|d['’])?candidature\b|\b(?:sort\p{L}*|absente?s?|disparai\p{L}*|disparu\p{L}*)\s+du\s+palmar[èe]s|\bnon\s+(?:labellis[ée]e?s?|reconduite?s?|retenue?s?|renouvel[ée]e?s?|candidat(?:e|s|es)?)\b/iu;
/** « (nouveau) », « (côté lotois cette fois) »: a remark in brackets, no name, no place, no level. */
export const REMARK = /\((?![^()]*[\p{Lu}\d@])(?![^()]*\b(?:arr?obases?|une?|deux|trois|quatre|cinq|premi\p{L}*|chacune?s?)\b)[^()]*\)/gu;

/** One line of a published list → its name, département and level, as written. */
export function parseListLine(text: string, line: number, registry: Registry): ListEntry {
  let region: string | undefined;
  let rest = text.normalize('NFC').replace(/^\s*(?:[-–•*·]|\d+[.)])\s+/, '')
    .replace(GLUED_BRACKETS, '$1')
    // « Caen la mer (communauté urbaine) »: the type said after, in brackets, is the name's (not a second place).
    .replace(/^([^()]+?)\s*\(\s*((?:communaut[ée]\s+(?:urbaine|d['’]\s*agglom[ée]ration|de\s+communes))|m[ée]tropole|agglom[ée]ration)\s*\)/iu, '$2 $1')
    // « Isle-d'Abeau (L') », « Tronche (La) »: a sorted list's article put after the name.
    .replace(/^(\p{Lu}[\p{L}'’ -]*?)\s*\((L['’]|La|Le|Les)\)/u, (_, name: string, article: string) => (/['’]$/.test(article) ? `${article}${name}` : `${article} ${name}`))
    // « (de @ à @@@@@) », « de 1 à 5 arobases », « d'une à cinq arobases (@) »: the label's scale, no level.
    .replace(/\b(?:de|d['’]|from)\s*(?:@|1|une?|one)\s*(?:@|arobases?)?\s*(?:[àa]|to)\s*(?:@@@@@|5|cinq|five)(?:\s*["“«]?\s*(?:@|arobases?)\s*["”»]?)?(?:\s*\(\s*@\s*\))?|\bnombre\s+(?:de\s+@+|d['’]\s*arr?obases?)/giu, ' ')
    // A table's last column, the change since last year: « @@ nouveau », « @@@ = », « @@@@ +1 », « ↗ ».
    .replace(/(?<=[@\d\s)])(?:\s+(?:=|\+\s?[1-4](?:\s?(?:@|arobases?)(?!@))?|[-−][1-4](?:\s?@(?!@))?|[–—-]?\s*(?:nouveau|nouvelle|new)|[↗↘➚➘]))+\s*$/iu, ' ')
    // (« • Sainte-Marie Nouveau », « Liffré-Cormier Communauté Nouveau »: the page's tag after the name.)
    .replace(/\s+(?:[–—-]\s*)?(?:nouveau|nouvelle|nouvelle labellis[ée]e|nouveau labellis[ée]|new)\s*$/iu, ' ')
    // « (50.000 habitants) », « , 790 habitants, »: a population is neither a département nor part of the name.
    .replace(/(?:\s[–—-])?\(?\s*\d[\d  .,]*\s*(?:habitants?|hab\.?(?![\p{L}]))\s*\)?/giu, ' ')
    // (« Metz Métropole (46 communes) »: its members' count.)
    .replace(/\(\s*\d+\s+communes?(?:\s+membres)?\s*\)/giu, ' ')
    .replace(LAST_YEAR, ' ').replace(PAST_LEVEL, ' ')
    // « un village de la région Rhône-Alpes, Saint-Apollinaire-de-Rias », « Région Pays de la Loire : … »: a région
    // said (even a former one) is no name; « Communauté de communes Région Lézignanaise » keeps its word.
    .replace(/(?:^|(?<=\b(?:la|en|de)\s))[Rr][ée]gion\s+(?:(?:de la|de|du|des|d['’])\s*)?\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de la|de|du|des|d['’])\s*)?\p{Lu}[\p{L}'’-]*)*/gu, ' ')
    .replace(REMARK, ' ')
    // « La Turballe (Pays de la Loire) »: a région in brackets says where, like a département, and is no name.
    // (Not « (Martinique) », a région that is also a département, read as one below.)
    .replace(/\(([^()]{3,40})\)/g, (all, inside: string) => {
      const named = (list: { code: string; name: string }[]) => list.find((a) => foldText(a.name) === foldText(inside));
      const inRegion = named(registry.allRegions());
      if (!inRegion || named(registry.allDepartements())) return all;
      region = inRegion.code;
      return ' ';
    });
  // « gagne une arobase », « une arobase de plus »: one more than last year, not a level of one.
  const unchanged = rest;
  rest = rest.replace(CHANGE, ' ');
  const changed = rest !== unchanged;
  let level: number | undefined;
  for (const [re, value] of LEVEL_PATTERNS) {
    const m = re.exec(rest);
    if (m) {
      level = value(m);
      rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length);
      break;
    }
  }
  // « perd une arobase et redescend à deux @ », « visaient la quatrième arobase, ils restent à trois »: which level?
  const other = LEVEL_PATTERNS.map(([re, value]) => { const m = re.exec(rest); return m ? value(m) : undefined; }).find((v) => v !== undefined);
  // (« Saint-Philbert – 2 (de-Grand-Lieu ou de-Bouaine ?? à vérifier) »: the writer's own doubt leaves it to the reviewer.)
  const levelUnclear = (level === undefined && changed) || (level !== undefined && ((other !== undefined && other !== level) || NOT_WON.test(text) || UNSURE.test(text)));
  if (levelUnclear) level = undefined;
  // « 5 arobases @@@@@ »: the level said twice is said once.
  else if (level !== undefined) for (const [re] of LEVEL_PATTERNS) rest = rest.replace(new RegExp(re.source, `${re.flags.replace('g', '')}g`), ' ');
  let departement: string | undefined;
  // (« Méréville (91660) », « Nice (CP 06000) »: a postcode in brackets says the département, as its number does.)
  rest = rest.replace(/\(\s*(?:CP\s*)?(\d{5})\s*\)/gi, (all, postcode: string) => (registry.departementName(departementOfPostcode(postcode)) ? `(${departementOfPostcode(postcode)})` : all));
  // « 35170 BRUZ », « CS 20023 – 35601 REDON CEDEX »: an address's postcode and town say the place, nothing else does.
  const post = /(?:^|[^\d])(?:F-)?(\d{5})\s+(\p{Lu}[^–,;:()@\d]*)/u.exec(rest);
  const postDepartement = post ? departementOfPostcode(post[1]!) : undefined;
  if (post && postDepartement && registry.departementName(postDepartement)) {
    const town = post[2]!.replace(/\s+CEDEX\b.*$/i, '').trim();
    return { line, text, name: town, departement: postDepartement, level, ...(levelUnclear ? { levelUnclear } : {}) };
  }
  const code = departementNumber(` ${rest}`);
  if (code && registry.departementName(code[1]!.toUpperCase().padStart(2, '0'))) {
    departement = code[1]!.toUpperCase().padStart(2, '0');
    rest = ` ${rest}`.slice(0, code.index) + ' ' + ` ${rest}`.slice(code.index + code[0].length);
    // « (34 Hérault) »: the number's département in words is no second place; « Changé, commune du département de
    // la Mayenne (53) » neither.
    const inWords = escapeRegExp(registry.departementName(departement)!);
    // (A table's région column after it, « Villeneuve-d'Ascq 59 Nord-Pas-de-Calais 62 358 », today's or a former one,
    // is no name either.)
    const after = rest.slice(code.index).replace(regionColumn(registry), ' ');
    rest = rest.slice(0, code.index) + after.replace(new RegExp(`^\\s*${inWords}\\s*\\)?`, 'i'), ' ');
    rest = rest.replace(new RegExp(`\\bd[ée]partement\\s+(?:de la |de l['’]|du |des |de |d['’])?${inWords}(?![A-Za-zÀ-ÿ-])`, 'i'), ' ');
  } else {
    // A département named on its own, never a piece of a compound name (« Saint-Martin » in « Saint-Martin-d'Hères »);
    // the rightmost one when several match, as départements follow the name.
    const pick = departementMentions(rest, registry).at(-1);
    const named = pick?.d;
    // (« Vienne   31 778   @@@@   2011 »: a name that is only a département's, with numbers beside it, is the town.)
    if (pick && named && foldText(named.name) !== foldText(rest.replace(/[(),;:]/g, ' ').replace(/\d[\d  .]*/g, ' ').replace(/\s+/g, ' ').trim())) {
      departement = named.code;
      const before = rest.slice(0, pick.at).replace(/[,(]?\s*(?:dans l['’]|dans (?:le|la|les) |en )?$/i, '');
      rest = `${before} ${rest.slice(pick.end).replace(/^\s*\)?/, '')}`;
    }
  }
  // Brackets part names (« Grand Lac (Aix-les-Bains) »: an agglomeration, then its seat), as a comma does.
  // (After a département, a table's population column, « 55 300 », is no part of it; nor a footnote's star, « Conques* ».)
  const name = rest.replace(departement ? /(?<![\p{L}\d])\d{1,3}(?:[  .]\d{3})*(?![\p{L}\d])|(?<=\p{L})\*+(?!\p{L})/gu : /(?<=\p{L})\*+(?!\p{L})/gu, ' ').replace(/[()[\]]/g, ' , ').replace(/[«»"]/g, ' ').replace(/\s+/g, ' ').replace(/(?:\s*[:;,–—-])+\s*$/, '').replace(/^\s*[:;,–—-]\s*/, '').replace(/\s+—\s+—(?=\s|$)/g, ' ')
    .replace(EPCI_ARTICLE, '').replace(TRAILING_VERB, '').trim();
  return { line, text, name, departement, level, ...(levelUnclear ? { levelUnclear } : {}), ...(levelUnclear && changed && other === undefined ? { levelChange: true } : {}), ...(region && !departement ? { region } : {}) };
}

/** The régions before 2016, as lists of those years print them beside the département. */
export const FORMER_REGIONS = ['Alsace', 'Aquitaine', 'Auvergne', 'Basse-Normandie', 'Bourgogne', 'Centre', 'Champagne-Ardenne', 'Franche-Comté',
  'Haute-Normandie', 'Languedoc-Roussillon', 'Limousin', 'Lorraine', 'Midi-Pyrénées', 'Nord-Pas-de-Calais', 'Picardie', 'Poitou-Charentes', 'Rhône-Alpes'];
const regionColumns = new WeakMap<Registry, RegExp>();
/** A région's name right at the start, then a number or the line's end (a table's column, not a name's word). */
function regionColumn(registry: Registry): RegExp {
  let re = regionColumns.get(registry);
  if (!re) {
    const names = [...registry.allRegions().map((r) => r.name), ...FORMER_REGIONS].sort((a, b) => b.length - a.length)
      .map((n) => escapeRegExp(n).replace(/[- ]/g, '[- ]'));
    regionColumns.set(registry, re = new RegExp(`^\\s*(?:${names.join('|')})(?=\\s+\\d|\\s*[*↗↘]*\\s*$)`, 'iu'));
  }
  return re;
}

/** 29200 → 29, 97400 → 974, 20000 → 2A, 20200 → 2B. */
export function departementOfPostcode(postcode: string): string {
  if (postcode.startsWith('97') || postcode.startsWith('98')) return postcode.slice(0, 3);
  if (postcode.startsWith('20')) return Number(postcode) < 20200 ? '2A' : '2B';
  return postcode.slice(0, 2);
}

/**
 * « Arras (62) », « (34 Hérault) », « Arras 62 »: a number in brackets, or right after a name and before no word.
 * « avec 16 villes » holds no département.
 */
function departementNumber(text: string): RegExpExecArray | undefined {
  for (const m of text.matchAll(/[(,\s]\(?\s*(\d{2,3}|2[AaBb])\s*\)?(?=[\s,;:)–—-]|$)/g)) {
    if (m[0].includes('(')) return m;
    const before = text.slice(0, m.index + 1).trimEnd().replace(/[,–—-]$/, '').trimEnd();
    const after = text.slice(m.index + m[0].length);
    // « Parthenay Deux-Sèvres 10 500 »: a population's thousands, no département.
    // (« Clermont Communauté 63 287 624 »: two groups after it, the number is the département.)
    if (/^\s\d{3}(?!\d)(?!\s\d{3}(?!\d))/.test(after)) continue;
    // « 41 Contres @@ »: lists sorted by département put its number first.
    // (« 01 – Ain »: a heading of such a list, the number, a dash and the name.)
    if (!before && /^\s*[–—-]?\s+\p{Lu}/u.test(after)) return m;
    if (/(?:^|\s)\p{Lu}[\p{L}'’-]*$/u.test(before) && !/^\s*\p{Ll}/u.test(after)) return m;
  }
  return undefined;
}


const CHANGE = /\b(?:gagn\p{L}*|prenn?\p{L}*)\s+(?:(?:ainsi|encore|donc|aussi|[ée]galement|bien)\s+)?(?:une?|deux|[12])\s*(?:@|arr?obases?)(?:\s+(?:de plus|suppl[ée]mentaires?))?|\b(?:en\s+)?(?:progression|progresse|hausse|baisse|recul|recule)\s+d['’]\s*(?:une?|deux|[12])\s*(?:@|arr?obases?)|\b(?:une?|deux|[12])\s*(?:@|arr?obases?)\s+(?:de plus|suppl[ée]mentaires?)\b/giu;

/**
 * The words a clause opens on to say where it stands, « Dans le Genevois, … », « En Petite-Terre, … », « Au Nord, … »:
 * the names after them, up to the comma, are no subjects (each reader adds its own).
 */
export const WHERE_OPENERS = 'dans|en|au|aux|c[ôo]t[ée]|sur|chez|vers';

/** A writer's doubt: « ?? », « à vérifier », « à confirmer », « sous réserve », « je crois ». */
export const UNSURE = /\?\?|(?<!\p{L})(?:[àa]\s+(?:v[ée]rifier|confirmer)|sous\s+r[ée]serve|je\s+crois)(?!\p{L})/iu;

/** Words that say a level was aimed at or lost, not won. */
const NOT_WON = /\bavai(?:t|ent)\s+(?:obtenu|d[ée]croch[ée]|re[çc]u|eu)\b|\b(?:vis(?:e|es|ent|ons|ions|iez|ait|aient|[ée]e?s?)|esp[èé]r(?:e|ent|ons|ions|ait|aient)|perd(?:u|ent|ait)?|redescend\w*|r[ée]trograd\w*|manqu\w*|[ée]chou\w*)\b/i;

/** « …, a reçu trois arobases »: the verb left once the level is taken. */
const TRAILING_VERB = /[\s,]+(?:(?:qui )?(?:a|ont) (?:re[çc]u|obtenu|eu|d[ée]croch[ée]|gagn[ée])|obtient|obtiennent|re[çc]oit|re[çc]oivent|d[ée]croche|d[ée]crochent|labellis[ée]e?s?|avec)\s*$/i;
/** « la communauté de communes du Vexin normand »: the article before an EPCI's type goes. */
const EPCI_ARTICLE = /^(?:la|le|l['’]) ?(?=(?:communaut|m[ée]tropole|agglo))/i;
