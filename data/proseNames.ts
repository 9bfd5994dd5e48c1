// An article's sentence that names several places, each with its level somewhere after it: « Dans l'Yonne, Sens et
// Joigny conservent leurs trois arobases, tandis qu'Avallon et Tonnerre en décrochent deux », « Aubusson décroche une
// troisième arobase, tout comme Sainte-Feyre », « Mamoudzou obtient 2 @ et Dzaoudzi 1 @ ». Reading only: which name
// is which territory is palmaresList's.
import { departementMentions } from './departementWords.ts';
import type { PlaceNamed } from './listLayout.ts';
import { GLUED_BRACKETS, LAST_YEAR, PAST_LEVEL, REMARK, UNSURE, WHERE_OPENERS, WORDS, type ListEntry } from './palmaresLine.ts';
import { nameSpans } from './sentenceNames.ts';
import type { Registry } from './territories/registry.ts';
import { escapeRegExp, foldText } from './text.ts';

type Span = { at: number; end: number };
/** The intercommunalité a name is, if it names one (its code); undefined otherwise. */
export type EpciNamed = (name: string) => string | undefined;
type Name = Span & { name: string; departement?: string };
type Level = Span & { value: number | undefined; reached?: boolean; past?: boolean };

// (« five @ »: an English newsletter's.)
const NUMBER = 'une?|deux|trois|quatre|cinq|one|two|three|four|five|premi[eè]re|deuxi[eè]me|seconde|troisi[eè]me|quatri[eè]me|cinqui[eè]me';
/** The verb of a level reached: « passe (de deux) à », « reste à », « sont donc à », « atteint les », « en compte désormais ». */
const FINAL = `(?<![\\p{L}-])(?:(?:pass|redescend|descend|remont|mont|grimp|rest|retomb|progress)(?:e|ent)|redescend|descend|(?:est|sont)\\s+(?:pass|mont|grimp|redescend|descend|remont)[ée]e?s?|(?:est|sont)\\s+donc)\\s+(?:donc\\s+)?(?:de\\s+(?:(?:${NUMBER}|[1-5])\\s*(?:@|arr?obases?)?|@{1,5})\\s+)?à\\s+|(?<![\\p{L}-])(?:atteint|atteignent)\\s+(?:les|la)\\s+|\\ben\\s+compt(?:e|ent)\\s+d[ée]sormais\\s+`;
/** A level as an article says it; `undefined` value: a change (« gagne une arobase ») or a level lost or aimed at. */
const LEVELS: [RegExp, (m: RegExpExecArray) => number | undefined][] = [
  // The level reached after a change: « passe à trois », « redescend à deux @ », « restent à 4@ », « passe de deux à
  // trois arobases », « sont donc à deux arobases », « atteint les @@@ », « en compte désormais trois ».
  [new RegExp(`(?:${FINAL})(?:(${NUMBER}|[1-5])(?:\\s*(?:@|[Aa]rr?obases?))?|(@{1,5}))(?![\\p{L}@\\d])`, 'gu'), (m) => (m[2] ? m[2].length : WORDS[m[1]!.toLowerCase()] ?? Number(m[1]))],
  // « le niveau maximal », « la note maximale »: five arobases, the label's highest (unless aimed at, below).
  [/\b(?:vis\p{L}*|esp[èé]r\p{L}*|manqu\p{L}*|rat\p{L}*)\s+(?:le|la|sa|son)\s+(?:note\s+maximale|niveau\s+maximal)/giu, () => undefined],
  [/\b(?:la\s+note\s+maximale|(?:le\s+|son\s+|au\s+|du\s+)?niveau\s+maximal|(?:la\s+)?plus\s+(?:haute|[ée]lev[ée]e)\s+(?:distinction|r[ée]compense|marche)|(?:distinction|r[ée]compense)\s+la\s+plus\s+(?:haute|[ée]lev[ée]e))(?!\p{L})/giu, () => 5],
  // « avait obtenu trois arobases en 2024 »: a former level (marked `past`: not this one, and no doubt on it).
  [new RegExp(`\\b(?:avai(?:t|ent)|[ée]tai(?:t|ent))\\s+(?:d[ée]j[àa]\\s+)?(?:(?:obtenu|d[ée]croch[ée]|re[çc]u|eu|gagn[ée]|h[ée]rit[ée]|labellis[ée]e?s?(?:\\s+avec)?)(?:\\s*,[^,.;@]{1,25},)?(?:\\s+d['’]\\s*|\\s+de)?|[àa])?\\s*(?:(?:${NUMBER})\\s+(?:@|arr?obases?)|[1-5]\\s*(?:@|arr?obases?)|@{1,5})`, 'giu'), () => undefined],
  // « elle en décroche une quatrième »: the rank of the arobase won.
  [/\b(?:une|sa|leur)\s+(deuxi[eè]me|seconde|troisi[eè]me|quatri[eè]me|cinqui[eè]me)\b(?!\s+(?:fois|ann[ée]es?|place|[ée]dition|labellisation|candidature|participation|c[ée]r[ée]monie|arr?obase|@))/giu, (m) => WORDS[m[1]!.toLowerCase()]],
  [/\b(?:gagn\p{L}*|prenn?\p{L}*|perd\p{L}*)\s+(?:(?:ainsi|encore|donc|aussi|[ée]galement|bien)\s+)?(?:une?|deux|[12])\s*(?:@|arr?obases?)|\bprogress\p{L}*\s+d['’]une\s+(?:@|arr?obase)|\b(?:une?|deux|[12])\s*(?:@|arr?obases?)\s+(?:de plus|suppl[ée]mentaires?)/giu, () => undefined],
  [/\b(?:vis\p{L}*|esp[èé]r\p{L}*|manqu\p{L}*)\s+(?:la|sa|une)\s+\p{L}+\s+(?:@|arr?obases?)/giu, () => undefined],
  [/(?<![\p{L}\d])([1-5])\s*(?:@|arr?obases?)(?![\p{L}@])/giu, (m) => Number(m[1])],
  // « trois arobases », « deux symboles @ »
  [new RegExp(`(?<![\\p{L}])(${NUMBER})\\s+(?:(?:symboles?|signes?|logos?)\\s+)?[«"“]?\\s*(?:@|arr?obases?)`, 'giu'), (m) => WORDS[m[1]!.toLowerCase()]],
  [/(?<![@\p{L}\d])(@{1,5})(?![@\p{L}\d])/gu, (m) => m[1]!.length],
  // Said again in short: « … en décrochent deux », « Questembert deux. », « passent à trois », « obtient sa première, ».
  [new RegExp(`(?<![\\p{L}])(?<!(?<![\\p{L}])(?:les|des|ces|leurs) )(${NUMBER})(?:\\s+chacune?s?)?(?=\\s*(?:[.,;!)]|$))`, 'giu'), (m) => WORDS[m[1]!.toLowerCase()]],
  [new RegExp(`\\ben\\s+\\p{L}+\\s+(?:d[ée]sormais\\s+)?(${NUMBER})\\b`, 'giu'), (m) => WORDS[m[1]!.toLowerCase()]],
];
const PAST = LEVELS.find(([re]) => re.source.includes('avai(?:t|ent)'))![0];
/** What may stand between two names of one group: « , », « et », « ainsi que », an article. */
const JOINED = /^\s*(?:,|et|&|ainsi que|,\s*et)?\s*(?:(?:la|le|les|l')\s*)?(?:(?:petite?s?|voisine?s?)\s+)?(?:(?:commune|ville|village|cit[ée])s?\s+(?:de\s+|d'))?$/i;
/**
 * What a subject's group follows: the sentence's start, a comma, « et », « tandis que », « comme », « pour »… (not
 * « aux portes de Tarbes », « le village de la Montagne Noire », « à Paris »).
 */
// (« comme » after a comma or « tout », or opening the sentence, « Comme sa voisine Trélazé, la ville d'Angers … »: « des
// villes très investies comme Issy-les-Moulineaux » names an example.)
const SUBJECT_BEFORE = /(?:^|[,;:.!?(«"“[\]]|[,;]\s*comme|(?:^|[.!?]\s+)comme|\b(?:et|que|qu'|quand|tout comme|pour|ainsi|aussi|mais|puis|dont|c'est))\s*(?:(?:la|le|les|l')\s*)?(?:(?:ses|sa|son|leurs?)\s+(?:deux\s+|trois\s+)?voisine?s?\s+)?(?:(?:petite\s+)?(?:commune|ville|village|cit[ée])\s+(?:de\s+|d'))?$/i;
/** A group that takes the level of the group before it. */
const SAME_AS_BEFORE = /(?:\b(?:tout|de m[êe]me)\s+|[,;]\s*|^\s*)comme\s*(?:(?:la|le|les|l')\s*)?$|\b(?:de m[êe]me que|ainsi que|à l'instar de)\s*(?:(?:la|le|les|l')\s*)?$/i;
/** A level said before « pour » and its names: « Premier label, avec une arobase, pour Saint-Amand, Lussat … ». */
// (Right before it: « …, et pour Lormont qui en obtient trois » is no level said for Lormont.)
// (« cinq « @ » pour Maurepas »: the quote closed.)
const FOR = /^\s*[»"”]?\s*,?\s*pour\s+(?:(?:la|le|les|l')\s*)?$/i;
/**
 * A level said right before a group, which lists or brackets its names: « cinq arobases, la plus haute distinction :
 * Blanquefort, Bromont … », « cinq arobases (Agen, Grenoble, …), vingt-huit villes en ont reçu quatre ».
 */
const LISTED_AFTER = /^\s*(?::|\(\s*(?:dont|notamment|comme|parmi\s+\p{L}+)?)\s*$/iu;
const SAME_FOR = /\bm[êe]me\s+(?:distinction|niveau|score|note|r[ée]sultat|label)\s+pour\s+(?:(?:la|le|les|l')\s*)?$/i;
const EPCI = /(?:(?:[Ll]a |[Ll]e |[Ll]')?(?:[Cc]ommunaut[ée]\s+(?:de\s+communes|d['’]\s*agglom[ée]ration|urbaine)|[Mm][ée]tropole|[Aa]gglom[ée]ration|[Aa]gglo|[Cc]om['’]?\s?com['’]?|CC|CA|CU)\s+(?:(?:de\s+la|de\s+l'|du|des|de|d')\s*)?)\p{Lu}[\p{L}'-]*(?:\s+(?:(?:de|du|des|la|le|les|et|en|sur|aux?)\s+|d'|l')*\p{Lu}[\p{L}'-]*)*|\p{Lu}[\p{L}'-]*(?:\s+(?:(?:de|du|des|la|le|les|et|en|sur)\s+|d'|l')*\p{Lu}[\p{L}'-]*)*\s+(?:[Mm][ée]tropole|[Aa]gglom[ée]ration|[Aa]gglop[ôo]le|[Aa]gglo|[Cc]ommunaut[ée])(?![\p{L}])/gu;
/** A clause opening on where it stands, up to the name: « Dans le Chablais et le », « En ». */
const LOCATIVE = new RegExp(`(?:^|[.;:!?]\\s*)(?:${WHERE_OPENERS}|outre|hormis)\\s+(?:(?:la|le|les|l')\\s*)?(?:[^,;:.!?]*\\s(?:et|ou)\\s+(?:(?:la|le|les|l')\\s*)?)?$`, 'i');
/** Where a département's name says where (« Dans l'Yonne, », « Côté Nièvre », « (Deux-Sèvres) »), not a town's name. */
const WHERE_BEFORE = /(?:\b(?:dans|en|c[ôo]t[ée]|du c[ôo]t[ée] de|d[ée]partement\s+(?:de\s+la|de\s+l'|du|des|de))\s*(?:(?:la|le|les|l')\s*)?|\(\s*)$/i;

/**
 * The places a sentence names as subjects, each with the level said after its group (« Sens et Joigny … trois
 * arobases »), before « pour » it, or, after « tout comme », the group's before it; a group with two levels or none
 * says none (`levelUnclear`). A place named as a complement (« aux portes de Tarbes », « voisin de … ») is no entry.
 * Undefined when the sentence names no place or says no level.
 */
export function proseNames(entry: ListEntry, registry: Registry, placeNamed: PlaceNamed, epciNamed: EpciNamed = () => undefined): ListEntry[] | undefined {
  // (« (+1 @) » is last year's change; « (côté lotois) » a remark: both blanked, the offsets kept.)
  const blank = (m: string) => ' '.repeat(m.length);
  const text = (entry.read ?? entry.text).normalize('NFC').replace(/’/g, "'").replace(/\s+/g, ' ').replace(GLUED_BRACKETS, '$1').replace(LAST_YEAR, blank).replace(PAST_LEVEL, blank).replace(REMARK, blank);
  const levels = levelsIn(text);
  if (!levels.some((l) => l.value !== undefined)) return undefined;
  // Départements said as places: masked, and given to the names after them (or before, when said last).
  // (Every place it is said: « Dans la Creuse, Faux-la-Montagne … La communauté de communes Creuse Grand Sud ».)
  const wheres = departementMentions(text, registry, true).filter((w) => WHERE_BEFORE.test(text.slice(0, w.at)));
  let masked = text;
  for (const w of wheres) masked = masked.slice(0, w.at) + ' '.repeat(w.end - w.at) + masked.slice(w.end);
  // (Said last, only when it is the sentence's one and no name's own bracket: « …, dans le Territoire de Belfort ».)
  const last = wheres.length === 1 && !/\(\s*$/.test(text.slice(0, wheres[0]!.at)) ? wheres[0] : undefined;
  // (The line's département, unless it is one of the names: « comme Saint-Martin » is no Saint-Martin (978).)
  const spans = namesIn(masked, levels, (name) => placeNamed(name, undefined, name), epciNamed);
  // « Niort (79) », « Niort (Deux-Sèvres) »: a département in brackets right after a name is its own.
  const own = (end: number) => /^\s*\(\s*(\d{2,3}|2[AB])\s*\)/i.exec(masked.slice(end))?.[1]?.toUpperCase().padStart(2, '0')
    ?? wheres.find((w) => /^\s*\(\s*$/.test(text.slice(end, w.at)))?.d.code;
  // (Nor a name's own in the middle, « Caen, Allonnes (72), Bailleul »; the last name's may be all's, « Elven et
  // Questembert (56) ».)
  const lineDepartement = spans.some((n) => foldText(n.name) === foldText(registry.departementName(entry.departement ?? '') ?? ''))
    || spans.slice(0, -1).some((n) => own(n.end) === entry.departement) ? undefined : entry.departement;
  const departementAt = (at: number) => (wheres.filter((w) => w.end <= at).at(-1) ?? last)?.d.code ?? lineDepartement;
  const places = spans.map((n) => ({ ...n, departement: own(n.end) ?? departementAt(n.at) }))
    .filter((n) => placeNamed(n.name, n.departement, n.name) || placeNamed(n.name, undefined, n.name));
  const all: Name[][] = [];
  for (const n of places) {
    const last = all.at(-1)?.at(-1);
    // (« Provence Alpes Agglomération (Digne-les-Bains) décroche 2 arobases »: a seat in brackets says where.)
    // (Not « Rodés (Rodez) »: a name in another language, then the official one.)
    if (last && epciNamed(last.name) && /^\s*\(\s*$/.test(masked.slice(last.end, n.at)) && /^\s*\)/.test(masked.slice(n.end))) continue;
    // (« Saint-Julien (CC Norge et Tille) »: its intercommunalité in brackets says where; its member so named, where.)
    const inBrackets = last && /^\s*\(\s*$/.test(masked.slice(last.end, n.at)) && /^\s*\)/.test(masked.slice(n.end)) ? epciNamed(n.name) : undefined;
    if (last && inBrackets) {
      const member = (registry.get(inBrackets)?.members ?? []).flatMap((m) => registry.get(m) ?? []).filter((m) => foldText(m.name) === foldText(last.name));
      if (member.length === 1 && !last.departement) last.departement = member[0]!.departement;
      continue;
    }
    // (« Dans le Chablais et le Genevois, Thonon-les-Bains … »: where the sentence stands, no subject.)
    if (LOCATIVE.test(masked.slice(0, n.at)) && /^[^,;:.!?]*,/.test(masked.slice(n.end))) continue;
    // (« Saint-Aubin (Aube, 580 habitants) et Villeneuve (Ain, …) »: a name's own brackets do not part the group.)
    if (last && JOINED.test(masked.slice(last.end, n.at).replace(/^\s*\((?![^()]*(?:@|arr?obase|\b(?:une?|deux|trois|quatre|cinq)\b))[^()]*\)/i, ' '))) all.at(-1)!.push(n);
    else all.push([n]);
  }
  // « [Flers Agglo Mag] « Flers se voit décerner 3 arobases » »: a news item's heading names its site, not a subject.
  const heading = /^\s*\[[^\]]*\]/.exec(masked)?.[0].length ?? 0;
  const groups = all.filter((g) => SUBJECT_BEFORE.test(masked.slice(0, g[0]!.at)) && g[0]!.at >= heading);
  // (« [Val de Garonne Agglomération] Marmande et son agglo obtiennent @@@ »: the heading is the « agglo » named.)
  const itsEpci = /\bet (?:son|sa) (?:agglo|agglom[ée]ration|communaut[ée]|interco|intercommunalit[ée]|m[ée]tropole)\b/i.exec(masked.slice(heading));
  const withEpci = itsEpci ? groups.findIndex((g) => g.at(-1)!.end <= heading + itsEpci.index) : -1;
  if (withEpci >= 0) groups[withEpci] = [...groups[withEpci]!, ...all.filter((g) => g[0]!.at < heading).flat()];
  const names = groups.flat();
  if (!names.length) return undefined;
  // A level for each name of each group.
  const said: (number | undefined)[][] = [];
  groups.forEach((group, i) => {
    const from = group.at(-1)!.end;
    // (Within its sentence: « … dont Alissas, regroupées … se sont vues décerner l'un des Labels. Une action … le
    // village de Saint Apollinaire-de-Rias … a reçu la distinction la plus élevée » gives Alissas no level.)
    const stop = /[.!?…]\s+(?=[\p{Lu}«"“])/u.exec(masked.slice(from));
    const to = Math.min(groups[i + 1]?.[0]!.at ?? masked.length, stop ? from + stop.index + 1 : masked.length);
    const segment = masked.slice(from, to);
    // (A level said before « pour » the next group is that group's: « trois arobases pour Petite-Île, et une arobase
    // pour Trois-Bassins ».)
    // (Nor one in brackets right after another name: « Saint-Paul également, devant Le Tampon (3@) ».)
    const bracketed = (l: Level) => spans.some((n) => n.end <= l.at && /^\s*\(\s*$/.test(masked.slice(n.end, l.at)) && n.at >= from);
    const inSegment = levels.filter((l) => l.at >= from && l.end <= to && !FOR.test(masked.slice(l.end, to)) && !l.past && !bracketed(l));
    // (« gagne une arobase et passe à trois »: the level reached is the one said.)
    const levelsAfter = (list: Level[]) => [...new Set((list.some((l) => l.reached) ? list.filter((l) => l.reached) : list).map((l) => l.value))];
    // (« … ont obtenu cinq @, la communauté d'agglomération Caux Vallée de Seine quatre @ »: the next level follows a
    // name the sentence gives it, even one read as no place.)
    const other = inSegment[0] && spans.find((n) => n.at > inSegment[0]!.end && n.at < to);
    const own = other ? inSegment.filter((l) => l.end <= other.at) : inSegment;
    const after = levelsAfter(levelsAfter(inSegment).length > 1 && levelsAfter(own).length === 1 ? own : inSegment);
    const before = masked.slice(0, group[0]!.at);
    const earlier = levels.filter((l) => l.end <= group[0]!.at && l.at >= (groups[i - 1]?.at(-1)!.end ?? 0));
    // The level just before, in this sentence: « Pessac en affiche quatre, tout comme Bordeaux Métropole » (Pessac is
    // no subject here, Mérignac's five in the sentence before is not it); else the group before's, in this sentence.
    const sameSentence = (at: number) => !/[.!?…]\s+(?=[\p{Lu}«"“])/u.test(masked.slice(at, group[0]!.at));
    const close = [...new Set(earlier.filter((l) => l.value !== undefined && sameSentence(l.end)).map((l) => l.value))];
    // (The group before's level, when it has one for all its names.)
    const groupLevel = said[i - 1]?.every((v) => v === said[i - 1]![0]) ? said[i - 1]![0] : undefined;
    const previous = close.length === 1 ? close[0] : close.length ? undefined : groups[i - 1] && sameSentence(groups[i - 1]!.at(-1)!.end) ? groupLevel : undefined;
    const all = (value: number | undefined) => said.push(group.map(() => value));
    // « Le Passage, Bon-Encontre et Boé … avec respectivement 3, 3 et 2 arobases »: in order, when they are as many.
    // (Brackets closed after the names: what follows is said of others.)
    const listedAfter = (level: Level | undefined, names: Name[]) => !!level && level.value !== undefined && LISTED_AFTER.test(masked.slice(level.end, names[0]!.at))
      && (!/\(\s*\p{L}*\s*$/u.test(masked.slice(level.end, names[0]!.at)) || /^[\s.…]*(?:etc\.?)?\s*\)/.test(masked.slice(names.at(-1)!.end)));
    if (/\brespectivement\b/i.test(segment)) said.push(inTurn(segment, group.length));
    // (« première @ pour Nuits, Aillant-sur-Tholon garde ses @@ »: the last name has its own, said after it.)
    else if (earlier.length && FOR.test(masked.slice(earlier.at(-1)!.end, group[0]!.at)) && group.length > 1 && after.length === 1
      && /^\s*,\s*$/.test(masked.slice(group.at(-2)!.end, group.at(-1)!.at))) said.push(group.map((_, j) => (j === group.length - 1 ? after[0] : earlier.at(-1)!.value)));
    else if (earlier.length && FOR.test(masked.slice(earlier.at(-1)!.end, group[0]!.at))) all(earlier.at(-1)!.value);
    else if (listedAfter(earlier.at(-1), group)) all(close.length === 1 ? close[0] : undefined);
    // « Même distinction pour Brest métropole »: the level of the group before.
    else if (i > 0 && !after.length && SAME_FOR.test(before)) all(groupLevel);
    else if (after.length) all(after.length === 1 ? after[0] : undefined);
    // « … tout comme Fouesnant », « …, Malemort aussi »: the level of the group before.
    else if (i > 0 && (SAME_AS_BEFORE.test(before) || /^\s*,?\s*(?:\p{L}+\s+)?(?:aussi|[ée]galement|de m[êe]me)\b/iu.test(segment))) all(previous);
    else all(undefined);
  });
  // « Belley, Miribel et Trévoux … avec deux arobases pour Belley et Miribel, une seule pour Trévoux »: a name said
  // twice shares the levels out in a way this reading does not follow; the reviewer says.
  const twice = names.some((n) => masked.split(new RegExp(`(?<![\\p{L}-])${escapeRegExp(n.name)}(?![\\p{L}-])`, 'u')).length > 2
    && new RegExp(`\\bpour\\s+${escapeRegExp(n.name)}(?![\\p{L}-])`, 'iu').test(masked));
  // (« … ?? à vérifier »: the writer's doubt, the reviewer's call.)
  if (twice || UNSURE.test(text)) said.forEach((levels) => levels.fill(undefined));
  const one = names.length === 1;
  return groups.flatMap((group, i) => group.map((n, j): ListEntry => ({
    line: entry.line, text: one ? entry.text : n.name, name: n.name, departement: n.departement, sentence: true,
    ...(entry.headingDepartement && n.departement === entry.departement ? { headingDepartement: true } : {}),
    ...(entry.wider ? { wider: entry.wider } : {}),
    ...(said[i]![j] !== undefined ? { level: said[i]![j] } : { levelUnclear: true }),
  })));
}

/** « respectivement trois et deux arobases », « respectivement 3, 3 et 2 arobases »: `count` levels in turn, or none. */
function inTurn(segment: string, count: number): (number | undefined)[] {
  const m = new RegExp(`respectivement\\s+(?:(?:de|à|avec)\\s+)?((?:[1-5]|${NUMBER})(?:\\s*(?:,|et)\\s*(?:[1-5]|${NUMBER}))+)\\s*(?:@|arr?obases?)`, 'iu').exec(segment);
  const values = m ? m[1]!.split(/\s*(?:,|\bet\b)\s*/).map((v) => WORDS[v.toLowerCase()] ?? Number(v)) : [];
  return values.length === count ? values : Array.from({ length: count }, () => undefined);
}

/** Every level the text says, left to right; a level written twice (« trois arobases @@@ ») once. */
function levelsIn(text: string): Level[] {
  const found: Level[] = [];
  for (const [re, value] of LEVELS) {
    for (const m of text.matchAll(re)) {
      const span = { at: m.index, end: m.index + m[0].length };
      if (!found.some((f) => f.at < span.end && span.at < f.end)) found.push({ ...span, value: value(m as RegExpExecArray), ...(re === LEVELS[0]![0] ? { reached: true } : {}), ...(re === PAST ? { past: true } : {}) });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The names, left to right: intercommunalités by their phrase, then runs of capitalised words outside them and the levels. */
function namesIn(text: string, levels: Level[], isPlace: (name: string) => boolean, epciNamed: EpciNamed): Name[] {
  // (« la communauté urbaine Caen la mer »: the press writes the name's last words in lower case; taken when they make
  // it another intercommunalité's name, up to three words on.)
  const bare = (span: string) => span.replace(/^(?:[Ll]a |[Ll]e |[Ll]')(?=[CcMmAa])/, '').trim();
  const epcis = [...text.matchAll(EPCI)].flatMap((m) => {
    const longer = /^(?:\s+(?:la|le|les|de|du|des|et|en|sur)\s+\p{Ll}[\p{L}'-]*){1,3}/u.exec(text.slice(m.index + m[0].length))?.[0];
    const base = epciNamed(bare(m[0]));
    const ext = (longer ?? '').split(/(?=\s+(?:la|le|les|de|du|des|et|en|sur)\s)/u).filter(Boolean).map((_, i, all) => m[0] + all.slice(0, all.length - i).join(''))
      .find((span) => { const code = epciNamed(bare(span)); return code !== undefined && code !== base; });
    const span = ext ?? m[0];
    return isPlace(bare(span)) ? [{ at: m.index, end: m.index + span.length, name: bare(span) }] : [];
  });
  const taken = (at: number, end: number) => [...epcis, ...levels].some((s) => s.at < end && at < s.end);
  const names: Name[] = [...epcis];
  let cursor = 0;
  for (const name of nameSpans(text)) {
    for (let at = text.indexOf(name, cursor); at >= 0; at = text.indexOf(name, at + 1)) {
      if (/[\p{L}-]/u.test(text[at - 1] ?? ' ') || /[\p{L}-]/u.test(text[at + name.length] ?? ' ')) continue;
      const bare = name.replace(/\.+$/, '');
      // (« Chambéry métropole », dissolved since: an intercommunalité's name no territory bears, not the town's.)
      const epciAfter = /^\s+(?:m[ée]tropole|agglo(?:m[ée]ration)?|communaut[ée])(?![\p{L}])/iu.test(text.slice(at + bare.length));
      if (!taken(at, at + bare.length) && !epciAfter) names.push({ at, end: at + bare.length, name: bare });
      cursor = at + name.length;
      break;
    }
  }
  names.sort((a, b) => a.at - b.at);
  // (« Lamballe Terre et Mer @@ »: a name that holds « et », its first words naming no place; « Mer » alone is the
  // Loir-et-Cher's.)
  for (let i = 0; i + 1 < names.length; i++) {
    const [first, next] = [names[i]!, names[i + 1]!];
    const joined = text.slice(first.at, next.end);
    if (/^\s+(?:et|&)\s+$/.test(text.slice(first.end, next.at)) && !isPlace(first.name) && isPlace(joined)) names.splice(i, 2, { at: first.at, end: next.end, name: joined });
  }
  return names;
}
