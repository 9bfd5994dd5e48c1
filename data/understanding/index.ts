// Understanding what officials type: a message → its intent, its slots and its place, the place ranked with what
// people mean (territories in the palmarès first, then population). Plain TypeScript, synchronous, no database:
// the bot passes the codes present in the palmarès (`labelled`) and the date (`now`, for « l'an dernier »).
import { candidatesOf, getTerritoryIndex, type Resolution, type TerritoryIndexHandle } from '../territories/index.ts';
import { areaIndex, resolveArea, type Area, type AreaIndex } from '../territories/areas.ts';
import { toTerritory, type Territory } from '../territories/registry.ts';
import { boundedDistance } from '../territories/distance.ts';
import { nameTokens } from '../territories/keys.ts';
import { foldText } from '../text.ts';
import type { Mention } from '../mentions.ts';
import { CueSet, findCues, type CueHit } from './cues.ts';
import { classify, type Reading } from './intent.ts';
import { FILLER, VOCABULARY } from './lexicon.ts';
import { recognizeNotificationCommand } from './notificationCommands.ts';
import { PlaceRanking } from './placeRanking.ts';
import { bestSpans, placeSpans, type PlaceSpan } from './placeSpans.ts';
import { readSlots } from './slots.ts';
import { tokenize, spanText, type Token } from './tokens.ts';
import type { Intent, Understanding } from './types.ts';

export type { Intent, NotificationCommand, PalmaresIntent, TerritoryIntent, TerritoryQuestion, Understanding } from './types.ts';
export { recognizeNotificationCommand } from './notificationCommands.ts';

export type UnderstandOptions = {
  /** Today, for « l'an dernier », « cette année ». */
  now: Date;
  /** Codes of the territories present in the palmarès (ranked first among homonyms and longer names). */
  labelled?: ReadonlySet<string>;
  /** false: understand afresh, without the memory of recent messages (bench:understand times the work itself). */
  remember?: boolean;
};

const GREETINGS = new Set(['bonjour', 'bonsoir', 'salut', 'coucou', 'hello', 'hi', 'hey', 'merci', 'thanks', 'yo', 'bjr', 'slt', 'cc', 'bot', 'robot', 'chatbot', 'assistant', 'cher', 'dear']);
const NO_CODES: ReadonlySet<string> = new Set();
/** How many understood messages are remembered (a few hundred kB). */
const RECENT = 5_000;

/** Cue words people misspell, corrected when a word is one edit away (two for long words) and is no place. */
const KEY_WORDS = [
  'niveau', 'historique', 'palmares', 'arobase', 'arobases', 'labellise', 'labellisee', 'labellisees', 'candidature',
  'candidater', 'notifications', 'excellence', 'territoire', 'evolution', 'classement', 'resultats', 'eligible',
  'numerique', 'combien', 'laureats', 'notification', 'history', 'level', 'labelled', 'awards',
];

// Multi-word phrases of these cues may hold words that are communes (« Villes Internet »: Villes, in the Ain).
const PHRASES_NOT_PLACES = new Set(['prep', 'epci', 'followUp', 'question', 'placeWord']);
const AREA_LEAD = new Set(['du', 'de', 'd', 'la', 'l', 'le', 'les', 'dans', 'en', 'in', 'the', 'of', 'for', 'pour', 'region', 'departement', 'dept', 'dep', 'dpt', 'from', 'des']);
const COMMON_AREA_WORDS = new Set(['cher', 'somme', 'manche', 'allier', 'aube', 'lot', 'var', 'ain', 'centre', 'nord', 'gard', 'orne', 'paris']);

export class Understander {
  readonly ranking: PlaceRanking;
  private readonly areas: AreaIndex;

  constructor(private readonly territories: TerritoryIndexHandle = getTerritoryIndex()) {
    this.ranking = new PlaceRanking(territories.registry, territories.resolver);
    this.areas = areaIndex(territories.registry);
  }

  /**
   * The same message on the same day with the same palmarès is understood the same way: the last few thousand are
   * remembered (the same questions come back: « Quel est le niveau de Grenoble ? »). The result is shared: read-only.
   */
  understand(text: string, options: UnderstandOptions): Understanding {
    const labelled = options.labelled ?? NO_CODES;
    const source = typeof text === 'string' ? text : '';
    if (options.remember === false) return this.understandAfresh(source, options.now, labelled);
    if (this.recentFor !== labelled) { this.recent.clear(); this.recentFor = labelled; }
    const key = `${options.now.toISOString().slice(0, 10)}\u0000${source.slice(0, 600)}`;
    let understood = this.recent.get(key);
    if (!understood) {
      understood = this.understandAfresh(source, options.now, labelled);
      if (this.recent.size >= RECENT) this.recent.clear();
      this.recent.set(key, understood);
    }
    return understood;
  }

  private readonly recent = new Map<string, Understanding>();
  private recentFor: ReadonlySet<string> | undefined;

  private understandAfresh(source: string, now: Date, labelled: ReadonlySet<string>): Understanding {
    if (source.trim() === '?') return { intent: { name: 'help' } };
    // The commands as typed (admins' publish/status/cancel, « arrêter les notifications »); « seulement X » only
    // when X is a département or région (« seulement en 2021 » filters a list).
    const recognized = recognizeNotificationCommand(source);
    // « seulement la Bretagne » with no word of notifications: the conversation decides (after a list, a list filter).
    const command = recognized?.name === 'onlyArea' && !/notif|alert|abonn|subscri|annonce|message/i.test(foldText(source)) ? { ...recognized, implicit: true } : recognized;
    if (command && (command.name !== 'onlyArea' || resolveArea(this.territories.registry, command.area))) return { intent: { name: 'notifications', command } };
    const understood = this.read(source, now, labelled);
    // « seulement Atlantide »: nothing else understood, so the filter command says which areas it knows.
    if (command && understood.intent.name === 'unknown') return { intent: { name: 'notifications', command } };
    return understood;
  }

  private read(source: string, now: Date, labelled: ReadonlySet<string>): Understanding {
    const tokens = tokenize(source);
    if (!tokens.length) return { intent: { name: 'unknown' } };
    for (const t of tokens) t.norm = this.corrected(t.norm);
    const norms = tokens.map((t) => t.norm);
    // « salut arobase », « merci arobase »: the bot's name, not a level.
    const hits = findCues(norms).map((h) => (h.cue === 'arobase' && norms[h.start] === 'arobase' && h.end === h.start + 1
      && [norms[h.start - 1], norms[h.start + 1]].some((w) => w !== undefined && GREETINGS.has(w)) ? { ...h, cue: 'vocative' as const } : h));
    const used = tokens.map(() => false);
    const slots = readSlots(tokens, hits, used, now);
    for (const h of hits) if (h.end - h.start > 1 && !PHRASES_NOT_PLACES.has(h.cue)) for (let k = h.start; k < h.end; k++) used[k] = true;
    // A multi-word département or région (« Pas-de-Calais », « Grand Est », « Deux-Sèvres ») is read before places:
    // it holds commune names (Calais, Grand, Sèvres) that are not meant.
    let areaFirst = this.areaOutside(source, tokens, used, undefined, 2);
    // Not when the words are also a commune's name (« Saint-Martin »: communes, and an overseas collectivity).
    if (areaFirst && this.territories.resolver.index.exact(nameTokens(areaFirst.text)).length) areaFirst = undefined;
    const qualifiers = tokens.map(() => false);
    if (areaFirst) for (let k = areaFirst.start; k < areaFirst.end; k++) { used[k] = true; qualifiers[k] = true; }
    const place = bestSpans(placeSpans(source, tokens, used, this.env(labelled), qualifiers)).find((s) => !s.weak);
    // The area qualified the place (« Saint-Denis de la Réunion »): no list filter.
    if (areaFirst && place && place.end >= areaFirst.end && place.start < areaFirst.start) areaFirst = undefined;
    const area = areaFirst ?? this.areaOutside(source, tokens, used, place, 1);
    const inPlace = (i: number) => !!place && i >= place.start && i < place.end;
    const inArea = (i: number) => !!area && i >= area.start && i < area.end;
    const cues = new CueSet(hits, (h) => h.start >= (place?.start ?? Infinity) && h.end <= (place?.end ?? -1));
    // « le maire de Bron » is about a person, unless the member says it of themselves (« je suis maire de Bron »).
    const declared = hits.some((h) => h.cue === 'declare' || h.cue === 'declareLead' || h.cue === 'my');
    // (a role right before the place: « le maire de Bron », "the mayor of Lyon")
    const roles = new Set(hits.filter((h) => h.cue === 'role' && h.end - h.start === 1 && !!place && h.end <= place.start && place.start - h.end <= 2).map((h) => h.start));
    // A word is explained by a phrase matched where it stands (« temps » in « au fil du temps », not in « quel temps »).
    const covered = tokens.map(() => false);
    for (const h of hits) for (let k = h.start; k < h.end; k++) covered[k] = true;
    const unexplained = (w: string, i: number) => (!covered[i] && !FILLER.has(w)) || (roles.has(i) && !declared);
    const leftover = norms.filter((w, i) => !used[i] && !inPlace(i) && !inArea(i) && unexplained(w, i) && !/^\d+$/.test(w)).length;
    const reading: Reading = {
      cues, slots, leftover,
      ...(place ? { place } : {}),
      ...(area ? { area: { area: area.area, text: area.text } } : {}),
      ...(mentionOf(hits, place) ? { mention: mentionOf(hits, place) } : {}),
      // « et Bron ? », « and in 2019? », and « seulement ceux de 2023 » / « only the 5@ ones » (a narrower list).
      followUp: hits.some((h) => (h.cue === 'followUp' || h.cue === 'notifOnly') && h.start === 0),
      meaningful: norms.filter((w) => !FILLER.has(w)).length,
      norms,
      meaningfulOutside: norms.filter((w, i) => !FILLER.has(w) && !inPlace(i) && !inArea(i)).length,
    };
    const intent = classify(reading);
    return this.withResolution(intent, place, labelled);
  }

  /** The place text of an intent (typed, or from a card or the language model) ranked with what people mean. */
  resolvePlace(text: string, labelled: ReadonlySet<string> = NO_CODES): Resolution {
    const tokens = tokenize(text);
    const spans = bestSpans(placeSpans(text, tokens, tokens.map(() => false), this.env(labelled)));
    const whole = spans.find((s) => s.start === 0 && s.end === tokens.length) ?? (spans.length === 1 ? spans[0] : undefined);
    return whole ? this.rankSpan(whole, labelled) : this.ranking.rank(text, nameTokens(text), labelled);
  }

  private env(labelled: ReadonlySet<string>) {
    const { entries } = this.territories.registry;
    const prior = (entities: readonly number[]) => {
      let best = 0;
      for (const e of entities) {
        const entry = entries[e];
        if (!entry) continue;
        best = Math.max(best, (labelled.has(entry.code) ? 4 : 0) + Math.log10((entry.population ?? 0) + 1) / 2);
      }
      return best;
    };
    const longer = (words: readonly string[]) => this.ranking.longerNames(words, labelled)
      .some((e) => labelled.has(entries[e]!.code) || (entries[e]!.population ?? 0) >= 2000);
    return { resolver: this.territories.resolver, areas: this.areas, prior, longer };
  }

  private rankSpan(span: PlaceSpan, labelled: ReadonlySet<string>): Resolution {
    if (span.code) {
      const entry = this.territories.registry.get(span.code);
      if (entry) return { status: 'found', territory: toTerritory(entry), alternatives: [] };
    }
    const r = this.ranking.rank(span.query, span.words, labelled);
    if (span.postcode) {
      const all = candidatesOf(r);
      const kept = all.filter((t) => this.territories.registry.get(t.code)?.postcodes.includes(span.postcode!));
      if (kept.length === 1) return { status: 'found', territory: kept[0]!, alternatives: [] };
      if (kept.length > 1) return { status: 'ambiguous', candidates: kept };
    }
    return span.qualifier ? this.within(r, span, span.qualifier) : r;
  }

  /** Candidates restricted to the département or région named after the place (« Lisieux in Normandy »). */
  private within(r: Resolution, span: PlaceSpan, area: Area): Resolution {
    const registry = this.territories.registry;
    const inside = (t: Territory) => (area.kind === 'departement' ? t.departement === area.code : !!t.departement && registry.regionOfDepartement(t.departement) === area.code);
    if (r.status === 'found' && inside(r.territory)) return { ...r, alternatives: r.alternatives.filter(inside) };
    const all = candidatesOf(r);
    const kept = all.filter(inside);
    if (kept.length === 1) return { status: 'found', territory: kept[0]!, alternatives: [] };
    if (kept.length > 1) return { status: 'ambiguous', candidates: kept };
    return this.territories.resolver.resolve(`${span.query} (${area.name})`);
  }

  private withResolution(intent: Intent, place: PlaceSpan | undefined, labelled: ReadonlySet<string>): Understanding {
    const named = 'place' in intent && intent.place !== undefined && place && intent.place === place.text;
    const then = intent.name === 'setMyTown' && intent.then;
    if (!named && !then) return { intent };
    return { intent, resolution: this.rankSpan(place!, labelled) };
  }

  /** A misspelt cue word (« nivau », « historiqe », « arobaze ») read as meant, unless it is a place name itself. */
  private corrected(norm: string): string {
    if (norm.length < 5 || VOCABULARY.has(norm) || FILLER.has(norm) || /\d/.test(norm)) return norm;
    const budget = norm.length >= 8 ? 2 : 1;
    const key = KEY_WORDS.find((k) => boundedDistance(norm, k, budget) <= budget);
    return key && !this.territories.resolver.index.exact([norm]).length ? key : norm;
  }

  /** A département or région named outside the place: « dans l'Eure », « du 62 », « (59) », « Bretagne ». */
  private areaOutside(text: string, tokens: readonly Token[], used: readonly boolean[], place: PlaceSpan | undefined, minWords: number) {
    // « seine st denis »: abbreviations expanded as in names (st → saint).
    const norms = tokens.map((t) => nameTokens(t.norm).join('') || t.norm);
    for (let i = 0; i < tokens.length; i++) {
      if (used[i] || (place && i >= place.start && i < place.end)) continue;
      const hit = this.areas.at(norms, i);
      if (!hit || hit.length < minWords || (place && i < place.end && i + hit.length > place.start)) continue;
      if (used.slice(i, i + hit.length).some(Boolean)) continue;
      const word = norms[i] as string;
      const lead = AREA_LEAD.has(norms[i - 1] ?? '') || text[tokens[i]!.start - 1] === '(';
      const capital = /^\p{Lu}/u.test(tokens[i]!.raw) && /\p{Ll}/u.test(text);
      if (/^\d/.test(word) || (COMMON_AREA_WORDS.has(word) && hit.length === 1)) {
        if (!lead && !(hit.length === 1 && capital && !/^\d/.test(word))) continue;
      }
      // « en réunion », « réunion DSI »: a meeting; the island is « la Réunion ».
      if (word === 'reunion' && norms[i - 1] !== 'la') continue;
      if (/^\d+$/.test(word) && used[i]) continue;
      return { area: hit.area, start: i, end: i + hit.length, text: spanText(text, tokens, i, i + hit.length) };
    }
    return undefined;
  }
}


/** A mention named outside the place (« CA Cap Excellence » is a name, not the TEN). */
function mentionOf(all: readonly CueHit[], place: PlaceSpan | undefined): Mention | undefined {
  const hits = all.filter((h) => !place || h.end <= place.start || h.start >= place.end);
  for (const h of hits) if (h.cue.startsWith('mention:')) return h.cue.slice('mention:'.length) as Mention;
  return hits.some((h) => h.cue === 'ten') ? 'excellence' : undefined;
}

let shared: Understander | undefined;

/** The process-wide understander over the shared territory index. */
export function getUnderstander(): Understander {
  shared ??= new Understander();
  return shared;
}
