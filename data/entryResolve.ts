// One published entry resolved: its name against the registry (a territory's own name, its short form, a name
// before a merger that kept the code), its département and its neighbours. The whole list's rules (scope, repeats,
// picks) are palmaresList's.
import { EPCI_AFTER, EPCI_NAME, EPCI_OF_TOWN, EPCI_SPAN, EPCI_WORDS } from './epciPhrases.ts';
import { WHERE_OPENERS, type ListEntry } from './palmaresLine.ts';
import { nameSpans } from './sentenceNames.ts';
import type { Reason, ReasonVars } from './palmaresReasons.ts';
import { canonicalName, DOMINANT, dominant, KNOWN_TOWN, listNames, memberOf, type ListNames } from './palmaresNames.ts';
import { epciCore, epciTypeOf, nameTokens, stripArticle } from './territories/keys.ts';
import type { Resolution, Territory } from './territories/index.ts';
import { toTerritory, type Registry, type RegistryEntry } from './territories/registry.ts';
import { escapeRegExp, foldPlaceName, foldText } from './text.ts';

export type EntryResult = ListEntry & (
  // (`repeatOf`: the same territory and level as that entry, « Lille » in an article's prose then in its list: one award.)
  | { status: 'resolved'; code: string; territoryName: string; repeatOf?: string }
  | { status: 'ambiguous'; candidates: Territory[]; reason: Reason; reasonVars?: ReasonVars }
  | { status: 'unknown'; candidates: Territory[]; reason: Reason; reasonVars?: ReasonVars }
);

const HOMONYMS = 'homonyms';
const SHORT_FORM = 'shortForm';
/** Reasons that say the name is a place's (several places'), not a near spelling. */
export const NAMED = new Set<Reason>([HOMONYMS, SHORT_FORM, 'shortOrExact']);
/** …and those that name a place merged since. */
const PLACE = new Set<Reason>([...NAMED, 'merged', 'formerName']);

/**
 * Resolves one entry: the resolver proposes, the strict name and département check decides. When the whole text is
 * not a territory's name, the names it holds are tried (a sentence: « la ville d'Épernay conserve ses 5 @ »); one
 * territory only, or none.
 */
export function resolveEntry(entry: ListEntry, resolve: (query: string) => Resolution, registry: Registry): EntryResult {
  const names = listNames(registry);
  const whole = resolveName(entry, resolve, names, registry);
  if (whole.status === 'resolved') return whole;
  // (« Kemperle / Quimperlé », « Brest metropol / Brest métropole »: a name in two languages; the one that resolves,
  // or both to one place; two places, the reviewer says.)
  const sides = / \/ /.test(entry.name) ? entry.name.split(/ \/ /).map((name) => resolveName({ ...entry, name: name.trim() }, resolve, names, registry)) : [];
  const either = sides.flatMap((r) => (r.status === 'resolved' ? [r] : []));
  if (sides.length === 2 && either.length && either.every((r) => r.code === either[0]!.code)) return { ...either[0]!, name: entry.name };
  if (sides.length === 2 && either.length === 2) return ambiguous(entry, either.flatMap((r) => registry.get(r.code) ?? []), HOMONYMS);
  // A name is a commune's unless its own words say intercommunalité; a name inside an intercommunalité's phrase
  // (« la communauté d'agglomération de Lisieux », « la com' com' de Sarlat ») is no commune of the sentence.
  const found = [...entry.name.matchAll(EPCI_SPAN), ...entry.name.matchAll(EPCI_NAME), ...entry.name.matchAll(EPCI_AFTER)];
  const epciSpans = [...new Set(found.map((m) => m[0].trim()))].map((name) => ({ name, kind: 'epci' as const }));
  // (Every time it is written: « Ernée et la CC de l'Ernée » names the town too.)
  const plain = entry.name.replace(/’/g, "'");
  const inEpci = (name: string) => epciSpans.some((e) => e.name.includes(name))
    && [...plain.matchAll(new RegExp(`(?<![\\p{L}-])${escapeRegExp(name)}(?![\\p{L}'-])`, 'gu'))]
      .every((o) => found.some((m) => m.index <= o.index && o.index + name.length <= m.index + m[0].length));
  const spans = [
    // (« En Petite-Terre, Dzaoudzi … », « Dans le Genevois, … »: where, not who.)
    ...nameSpans(entry.name).filter((name) => !inEpci(name) && !saidAsWhere(plain, name))
      .map((name) => ({ name, kind: (EPCI_WORDS.test(foldText(name)) ? 'epci' : 'commune') as 'epci' | 'commune' })),
    ...epciSpans,
  ].filter((n) => n.name !== entry.name);
  const tried = spans.map((n) => resolveName({ ...entry, name: n.name }, resolve, names, registry, n.kind));
  // A sentence naming two places (« Marcoux, près de Boën-sur-Lignon ») is no guess: only one name may be a place,
  // in the line's département or any other (« Fleury-sur-Orne dans le Calvados, Val-de-Reuil … dans l'Eure »).
  // (Named twice, « la communauté d'agglomération Grand Lac » and « Grand Lac », is one place.)
  const keys = new Set<string>();
  // (« … une première pour une station de l'Oisans »: an intercommunalité's bare name after « de », a noun's
  // complement, is where, not who.)
  // (« La capitale du Sud »: the CA and the CC du Sud, namesakes, both intercommunalités.)
  const epciOnly = (r: EntryResult) => (r.status === 'resolved' ? registry.get(r.code)?.kind === 'epci'
    : r.status === 'ambiguous' && r.candidates.length > 0 && r.candidates.every((c) => registry.get(c.code)?.kind === 'epci'));
  const complement = (r: EntryResult) => epciOnly(r) && !EPCI_WORDS.test(foldText(r.name))
    && /(?:^|\s)(?!(?:communaut|agglo|m[ée]tropole|pays)\p{L}*\s)\p{Ll}+\s+(?:de|du|des|d['’]|de la|de l['’])\s*$/u.test(plain.slice(0, plain.indexOf(r.name)));
  const named = tried.filter((r) => isPlace(r) && !complement(r))
    .filter((r) => { const key = r.status === 'resolved' ? r.code : `? ${r.name}`; return !keys.has(key) && !!keys.add(key); });
  // « Pamandzi (Petite-Terre) », « Grand Lac (Aix-les-Bains) », a news item's « [Agen] L'Agglomération d'Agen … »: a
  // place in brackets that holds, or is held by, the other place named says where; the other is the entry.
  // (A news item's heading names its site: a town's, whose intercommunalité the item may be about; an
  // intercommunalité's heading over « Marmande et son agglo » says nothing of which.)
  const bracketed = new Set([...entry.text.matchAll(/\(([^()]+)\)/g)].map((m) => foldText(m[1]!)));
  const heading = new Set([...entry.text.matchAll(/\[([^[\]]+)\]/g)].map((m) => foldText(m[1]!)));
  const aside = (r: EntryResult, other: EntryResult) => (bracketed.has(foldText(r.name)) || (heading.has(foldText(r.name)) && other.status === 'resolved'
    && registry.get(other.code)?.kind === 'epci')) && related(r, other, registry);
  const places = named.length === 2 ? named.filter((r, i) => !aside(r, named[1 - i]!)) : named;
  // « Marcoux, près de Boën-sur-Lignon », « Beaumont, commune voisine de Clermont-Ferrand »: the town it is near says
  // the département, as a reader takes it; the namesake there, if one only.
  const near = places.length === 2 ? places.findIndex((r) => r.status === 'resolved' && NEAR.test(entry.text.slice(0, entry.text.indexOf(r.name)))) : -1;
  const other = near >= 0 ? places[1 - near]! : undefined;
  if (other && other.status === 'ambiguous' && NAMED.has(other.reason) && places[near]!.status === 'resolved' && !entry.departement) {
    const there = registry.get(places[near]!.code)?.departement;
    const settled = there ? resolveName({ ...entry, name: other.name, departement: there }, resolve, names, registry, 'commune') : undefined;
    if (settled?.status === 'resolved') return { ...settled, name: entry.name, departement: undefined };
  }
  const elsewhere = entry.departement ? spans.filter((n, i) => !isPlace(tried[i]!)
    && isPlace(resolveName({ ...entry, name: n.name, departement: undefined }, resolve, names, registry, n.kind))).length : 0;
  // One place named: resolved, or its namesakes for the list to settle (« … villes suivantes : Mérignac »).
  if (places.length === 1 && !elsewhere && (places[0]!.status === 'resolved' || whole.status === 'unknown' || !PLACE.has(whole.reason))) {
    return { ...places[0]!, name: entry.name };
  }
  return whole;
}

/** A name said only as where the sentence stands, at its start and before a comma: « En Petite-Terre, … ». */
function saidAsWhere(text: string, name: string): boolean {
  const at = text.indexOf(name);
  return at >= 0 && WHERE_START.test(text.slice(0, at)) && /^\s*,/.test(text.slice(at + name.length));
}
const WHERE_START = new RegExp(`(?:^|[.;:!?]\\s*)(?:${WHERE_OPENERS}|plus au)\\s+(?:(?:le|la|les|l['’])\\s*)?$`, 'i');

/** What a place's neighbour follows: « près de », « (commune) voisine de », « aux portes de », « non loin de ». */
const NEAR = /\b(?:pr[èe]s\s+de|(?:commune\s+|ville\s+)?voisine?\s+de|[àa]\s+c[ôo]t[ée]\s+de|aux\s+portes\s+de|non\s+loin\s+de|proche\s+de|limitrophe\s+de)\s*(?:la\s+|l['’]\s*)?$/i;

/** A territory in a région: a commune by its département, an intercommunalité by one of its communes. */
function inRegion(t: { code?: string; departement?: string; kind?: string }, region: string, registry: Registry): boolean {
  const departements = t.kind === 'epci' ? (registry.get(t.code ?? '')?.members ?? []).map((m) => registry.get(m)?.departement) : [t.departement];
  return departements.some((d) => !!d && registry.regionOfDepartement(d) === region);
}

/** A commune and the intercommunalité it belongs to, either way round. */
function related(a: EntryResult, b: EntryResult, registry: Registry): boolean {
  return a.status === 'resolved' && b.status === 'resolved' && memberOf(a.code, b.code, registry);
}
const unique = <T extends Territory>(list: T[]): T[] => [...new Map(list.map((t) => [t.code, t])).values()];
export const resolved = (entry: ListEntry, t: Territory): EntryResult => ({ ...entry, status: 'resolved', code: t.code, territoryName: t.name });
export const ambiguous = (entry: ListEntry, candidates: Territory[], reason: Reason, reasonVars?: ReasonVars): EntryResult =>
  ({ ...entry, status: 'ambiguous', candidates: candidates.map((c) => toTerritory({ postcodes: [], ...c })), reason, ...(reasonVars ? { reasonVars } : {}) });

function resolveName(entry: ListEntry, resolve: (query: string) => Resolution, names: ListNames, registry: Registry, kindOf?: 'epci' | 'commune'): EntryResult {
  if (!entry.name) return { ...entry, status: 'unknown', candidates: [], reason: 'noName' };
  if (entry.level === undefined) return { ...entry, status: 'unknown', candidates: [], reason: entry.levelUnclear ? 'levelUnclear' : 'noLevel' };
  const r = resolve(entry.departement ? `${entry.name} ${entry.departement}` : entry.name);
  const list = r.status === 'found' ? [r.territory, ...r.alternatives] : r.status === 'ambiguous' ? r.candidates : r.suggestions;
  // A commune and its namesake EPCI (« Arras », « CU d'Arras »): the entry's own words say which.
  const kind = kindOf ?? (EPCI_WORDS.test(foldText(entry.name)) ? 'epci' : 'commune');
  const canonical = canonicalName(entry.name);
  // An intercommunalité lies in a département when one of its communes does.
  const inPlace = (t: { code?: string; departement?: string; kind?: string }) => (entry.region ? inRegion(t, entry.region, registry) : true) && (!entry.departement || t.departement === entry.departement
    || (t.kind === 'epci' && !!registry.get(t.code ?? '')?.members?.some((m) => registry.get(m)?.departement === entry.departement)));
  const same = list.filter((t) => t.kind === kind && canonicalName(t.name) === canonical && inPlace(t));
  const named = kind === 'commune' ? communeNamed(entry, canonical, same, names, registry, inPlace) : undefined;
  // « Le Thouarsais »: an intercommunalité's very name beats a commune's short or former name.
  const epciNamed = named && named.status !== 'resolved' && named.reason !== HOMONYMS && !names.exact(canonical).length
    ? names.epcis(canonical).filter(inPlace) : [];
  if (epciNamed.length === 1) return resolved(entry, epciNamed[0]!);
  if (named) return named;
  // « la CINOR »: initials in capitals, as the official name writes them in brackets.
  const initials = /^(?:[Ll]a |[Ll]e |[Ll]['’])?([A-Z][A-Z0-9]{1,7})$/.exec(entry.name)?.[1];
  const byInitials = initials ? names.initials(initials).filter(inPlace) : [];
  if (byInitials.length === 1) return resolved(entry, byInitials[0]!);
  if (byInitials.length > 1) return ambiguous(entry, byInitials, HOMONYMS);
  const spelledOut = initials && !byInitials.length ? names.spelledInitials(initials).filter(inPlace) : [];
  if (spelledOut.length === 1 && entry.departement) return resolved(entry, spelledOut[0]!);
  if (spelledOut.length) return ambiguous(entry, spelledOut.slice(0, 5), 'near');
  // An intercommunalité often goes without its type words (« Grand Annecy », « Caen la Mer »): when no commune anywhere
  // has the name, one intercommunalité of that name is the one (« Tulle (91) » is Tulle misplaced, not Tulle Agglo).
  const epcis = kind === 'epci' ? unique([...same, ...names.epcis(canonical).filter(inPlace)])
    : names.exact(canonical).length ? [] : names.epcis(canonical).filter(inPlace);
  if (epcis.length === 1) return resolved(entry, epcis[0]!);
  // (« CA du Sud », « communauté de communes du Sud »: the type said tells the namesakes apart.)
  const said = epciCore(stripArticle(nameTokens(entry.name))).type;
  const typed = said ? epcis.filter((e) => epciTypeOf(registry.get(e.code)?.epciType) === said) : [];
  if (epcis.length > 1 && typed.length === 1) return resolved(entry, typed[0]!);
  if (epcis.length > 1) return ambiguous(entry, epcis, HOMONYMS);
  if (same.length > 1) return ambiguous(entry, same, HOMONYMS);
  // « l'agglo de Saint-Malo », « la com' com' de Sarlat »: today's intercommunalité of that town, for the reviewer
  // to confirm (the one of the year named may have merged since).
  const town = kind === 'epci' ? EPCI_OF_TOWN.exec(entry.name)?.[1]?.trim() : undefined;
  const seat = town ? communeNamed({ ...entry, name: town }, canonicalName(town), [], names, registry, inPlace) : undefined;
  const ofTown = seat?.status === 'resolved' ? names.epciOf(seat.code) : undefined;
  if (ofTown) return ambiguous(entry, [ofTown], 'epciOfTown', { town: seat!.status === 'resolved' ? seat!.territoryName : town! });
  // « Antibes Juan-les-Pins (06) », « Hyères les Palmiers (83) »: a town's official name, then a locality's or a
  // brand's; taken within the département given only, when no other commune there starts with that name.
  // (A list's name only: at most four words, no punctuation, not a sentence's.)
  const listed = !entry.sentence && !/[,;:.!?«»"()]/.test(entry.name) && entry.name.trim().split(/\s+/).length <= 4;
  const usual = kind === 'commune' && entry.departement && listed ? usualName(entry.name, entry.departement, names, registry) : undefined;
  if (usual) return resolved(entry, usual);
  // « Hazebrouk (59) »: a typo is never corrected unseen (the reviewer confirms it), but the commune of the
  // département one letter off comes first among the candidates, ready to pick.
  const oneOff = kind === 'commune' && entry.departement ? names.oneOffIn(canonical, entry.departement) : [];
  if (list.length || oneOff.length) return ambiguous(entry, unique([...oneOff, ...list]).slice(0, 5), 'near');
  return { ...entry, status: 'unknown', candidates: [], reason: 'unknownName' };
}

/** A commune by its name, its short form or its name before a merger; undefined when none is so named. */
function communeNamed(entry: ListEntry, canonical: string, same: Territory[], names: ListNames, registry: Registry, inPlace: (t: { code?: string; departement?: string; kind?: string }) => boolean): EntryResult | undefined {
  const exact = unique([...same, ...names.exact(canonical).filter(inPlace)]);
  const shorts = names.shortFor(canonical).filter(inPlace);
  // (« La Mayenne est aussi représentée, par Changé »: with an article, a département's name is the département; its
  // namesake commune, Mayenne or Vienne, is written without one.)
  const article = /^(?:le|la|les|l) (.+)$/.exec(foldPlaceName(entry.name))?.[1];
  if (article && registry.allDepartements().some((d) => foldPlaceName(d.name) === article) && !exact.some((t) => foldPlaceName(t.name) === foldPlaceName(entry.name))) return undefined;
  if (exact.length) {
    // « Charleville » alone: the village of that name, or Charleville-Mézières? Only a département, or the list, says.
    const largest = Math.max(...exact.map((t) => t.population ?? 0));
    const bigger = entry.departement ? [] : shorts.filter((c) => (c.population ?? 0) > largest);
    if (exact.length === 1 && !bigger.length) return resolved(entry, exact[0]!);
    // « Le Lamentin » (Martinique), not Lamentin (Guadeloupe): an article written is the name's own.
    const spelled = /^(?:le|la|les|l) /.test(foldPlaceName(entry.name)) ? exact.filter((t) => foldPlaceName(t.name) === foldPlaceName(entry.name)) : [];
    if (spelled.length === 1 && !bigger.length) return resolved(entry, spelled[0]!);
    // (A commune bears the very name: a national list's size never outweighs it, a page's département or région may.)
    return ambiguous(entry, byPopulation([...exact, ...bigger]), bigger.length ? 'shortOrExact' : HOMONYMS);
  }
  const formers = names.formers(canonical, true).filter(inPlace);
  // Merged keeping its own code (Cherbourg-Octeville, 50129, is Cherbourg-en-Cotentin): that code, whichever name —
  // for the former commune's very name only (« Le Thouarsais » is no Thouarsais-Bouildroux).
  const exactFormer = new Set(names.formers(canonical));
  const sameCode = formers.filter((f) => f.code === f.current && exactFormer.has(f)).flatMap((f) => registry.get(f.current) ?? []);
  const renamed = formers.filter((f) => f.code !== f.current || !exactFormer.has(f));
  const candidates = unique([...shorts, ...sameCode]);
  // A bare short name is a town's everybody knows (« Vandoeuvre », « Brive »); « Bromont » (Québec) is not
  // Bromont-Lamothe, a village of the Puy-de-Dôme: a village's short name needs its département.
  const known = (t: Territory) => !!entry.departement || sameCode.includes(t as RegistryEntry) || (t.population ?? 0) >= KNOWN_TOWN;
  // (« Saint-Dizier » under a Territoire de Belfort heading: Saint-Dizier-l'Évêque, a village, starts so there; Saint-Dizier
  // (52), 25,000 inhabitants, bears the very name: the reviewer says. « Montreuil (62) » on its line is Montreuil-sur-Mer.)
  const bigger = candidates.length === 1 && entry.headingDepartement ? names.exact(canonical).filter((t) => t.kind === 'commune' && (t.population ?? 0) >= DOMINANT * Math.max(1, candidates[0]!.population ?? 0)) : [];
  if (bigger.length) return ambiguous(entry, [candidates[0]!, ...bigger], 'shortOrExact');
  if (candidates.length === 1 && !renamed.length && known(candidates[0]!)) return resolved(entry, candidates[0]!);
  // « Bourg (Ain) »: within its département, a short name is the town that dwarfs the others (Bourg-en-Bresse).
  const town = entry.departement && !renamed.length ? dominant(candidates, DOMINANT) : undefined;
  if (town && (town.population ?? 0) >= KNOWN_TOWN) return resolved(entry, town);
  const now = renamed.length === 1 && !candidates.length ? registry.get(renamed[0]!.current) : undefined;
  if (now) return ambiguous(entry, [now], 'merged', { name: now.name, code: now.code });
  const merged = renamed.flatMap((f) => registry.get(f.current) ?? []);
  const all = unique([...candidates, ...merged]);
  // A merged commune's candidate is today's commune, whose size says nothing of the old one's: never settled by the list.
  return all.length ? ambiguous(entry, byPopulation(all), renamed.length ? 'formerName' : SHORT_FORM) : undefined;
}

/**
 * The commune of the département whose name opens `name` before a space and capitalised words, if one only, and if
 * no intercommunalité's name opens so (« Privas Centre Ardèche » is the agglomeration, not Privas).
 */
function usualName(name: string, departement: string, names: ListNames, registry: Registry): Territory | undefined {
  const words = name.trim().split(/\s+/);
  const plain = (t: string) => ` ${foldText(t).replace(/[^a-z0-9]+/g, ' ').trim()} `;
  for (let k = words.length - 1; k >= 1; k--) {
    const rest = words.slice(k);
    if (!/^\p{Lu}/u.test(rest[0]!) && !(/^(?:les|la|le)$/.test(rest[0]!) && /^\p{Lu}/u.test(rest[1] ?? ''))) continue;
    const opening = words.slice(0, k).join(' ');
    const canonical = canonicalName(opening);
    const exact = names.exact(canonical).filter((t) => t.kind === 'commune' && t.departement === departement);
    const longer = names.shortFor(canonical).filter((t) => t.departement === departement);
    const epci = registry.epcis.some((e) => plain(e.name).includes(plain(opening)));
    if (exact.length === 1 && !longer.length && !epci) return exact[0];
  }
  return undefined;
}

const byPopulation = <T extends Territory>(list: T[]): T[] => [...list].sort((a, b) => (b.population ?? 0) - (a.population ?? 0));

export const isPlace = (r: EntryResult) => r.status === 'resolved' || PLACE.has(r.reason);
