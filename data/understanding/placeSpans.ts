// Finding the place in a sentence: the span of words that names a commune or an intercommunalité, wherever it is
// (« Quel niveau pour Grenoble ? », « GRENOBLE NIVEAU », « Thionville, c'est combien ? »), with what goes with it:
// EPCI words before (« l'agglo d'Agen », « CC du Vexin normand »), a département after (« Valence dans la Drôme »,
// « Le Trait (76) »), a code with its cue (« la commune 38185 », « code postal 60000 »). Nothing is stripped by a
// fixed list of question words: every window of words is looked up as a name, and the best one is kept.
import type { AreaIndex, Area } from '../territories/areas.ts';
import type { TerritoryResolver } from '../territories/index.ts';
import { nameTokens } from '../territories/keys.ts';
import { epciAcronym, epciNickname } from '../territories/aliases.ts';
import { FILLER, VOCABULARY, phrasesAt } from './lexicon.ts';
import type { Token } from './tokens.ts';
import { spanText } from './tokens.ts';

export type PlaceSpan = {
  start: number;
  end: number;
  /** As typed, for messages ("Vandoeuvre"). */
  text: string;
  /** What the resolver is given: the name with its EPCI words and its département ("valence (Drôme)"). */
  query: string;
  /** The name's folded words without EPCI words nor département (for longer names), empty for a code. */
  words: string[];
  /** A code typed: INSEE (with a cue such as « commune », « insee »), else postcode first. */
  code?: string;
  score: number;
  /** A common word that happens to be a commune (« rue », « mer », « Y »): a place only with a clear cue. */
  weak: boolean;
  /** The span is also a département or région name (« Vienne », « Paris »). */
  area?: Area;
  /** Found as a misspelling of a name, not as a name. */
  typo?: boolean;
  /** Right after « est » / « c'est » / "is" (« ma commune de résidence est Moncontour »). */
  saidIs?: boolean;
  /** How likely people mean it (labelled, populous): see Env.prior. */
  prior: number;
  /** The département or région named after it (« Valence dans la Drôme »): candidates are restricted to it. */
  qualifier?: Area;
  /** A postcode right after the name (« Salignac, 04290 »): candidates are restricted to it. */
  postcode?: string;
};

const MAX_WINDOW = 8;
const CONNECTORS = new Set(['de', 'du', 'des', 'd', 'en', 'sur', 'sous', 'et', 'aux', 'au', 'a', 'les', 'la', 'le', 'l', 'lez', 'les', 'pres', 'lès']);
const ARTICLES = new Set(['le', 'la', 'les', 'l']);
const PREPOSITIONS = new Set(['de', 'du', 'des', 'd', 'a', 'au', 'aux', 'pour', 'sur', 'chez', 'of', 'for', 'in', 'at', 'about', 'est', 'is', 'et', 'and', 'commune', 'ville', 'village', 'town', 'city', 'concernant', 'regarding']);
/** Common words that are also communes (Rue, Mer, École, Mars, Y, Eu, Us…): a place only after a preposition. */
const COMMON = new Set((
  'rue mer ecole jardin port grand bourg signes montagne bois mont ham pont moulins bains mars avril mai juin juillet ' +
  'aout septembre octobre novembre decembre janvier fevrier mons ville villes y eu us ri oo jury chatel pin fontaine ' +
  'riviere champs vert murs vals combes plage lac val foret gare prix date form go open start top super cool bravo ' +
  'parfait genial info infos question note page suite liste internet label niveau merci aide menu bonjour salut ' +
  'ecoles eglise centre nord sud est ouest vie ile cite sainte belle beau fort bon or as an ans annee annees reseau'
).split(' '));
const CODE = /^(?:\d{5}|2[ab]\d{3}|\d{9})$/;
const INSEE_CUES = new Set(['insee', 'cog', 'siren', 'commune', 'code']);
const POSTAL_CUES = new Set(['postal', 'cp', 'postcode', 'zip']);
const DEPARTEMENT_CODE = /^(?:\d{2}|2[ab]|97[1-6])$/;

type Env = {
  resolver: TerritoryResolver;
  areas: AreaIndex;
  /** How likely people mean these entities: labelled ones, then populous ones (0 to ~8). */
  prior: (entities: readonly number[]) => number;
  /** Whether some labelled or populous territory's name goes on after these words (« Vandoeuvre », « Charenton »). */
  longer: (words: readonly string[]) => boolean;
};
/** A misspelling away from a preposition is taken for a town of about 2,000 inhabitants or more (or labelled). */
export const MIN_TYPO_PRIOR = 1.65;

/** Candidate place spans of a message, best first; `used` marks words already taken (slots). */
export function placeSpans(text: string, tokens: readonly Token[], used: readonly boolean[], env: Env, qualifiers: readonly boolean[] = []): PlaceSpan[] {
  const norms = tokens.map((t) => t.norm);
  const words = tokens.map((t) => nameTokens(t.norm));
  const free = (i: number) => !used[i];
  // Words of an area read first (« de la Réunion »): no place of their own, but they may qualify one.
  const qualifierFree = (i: number) => !used[i] || !!qualifiers[i];
  const contentCount = norms.filter((w, i) => free(i) && !FILLER.has(w) && !VOCABULARY.has(w)).length;
  const allCaps = !/\p{Ll}/u.test(text);
  // Punctuation between two words (« Guadeloupe ! Baie Mahaut »): no name spans it (qualifiers may: « Valence, Drôme »).
  const broken = tokens.map((t, i) => i > 0 && /[,;:!?.()«»"/]/.test(text.slice(tokens[i - 1]!.end, t.start)));
  const meaningful = norms.filter((w) => !FILLER.has(w)).length;
  const spans: PlaceSpan[] = [];

  // Codes: INSEE / SIREN with a cue, postcodes otherwise (the resolver tries both, postcode first).
  for (let i = 0; i < tokens.length; i++) {
    if (!free(i) || !CODE.test(norms[i] as string)) continue;
    const before = norms.slice(Math.max(0, i - 3), i);
    const insee = before.some((w) => INSEE_CUES.has(w)) && !before.some((w) => POSTAL_CUES.has(w));
    const code = (norms[i] as string).toUpperCase();
    // « code postal 60000 », « code insee 38185 »: the words naming the code go with it.
    let start = i;
    while (start > 0 && i - start < 2 && free(start - 1) && (INSEE_CUES.has(norms[start - 1] as string) || POSTAL_CUES.has(norms[start - 1] as string)) && norms[start - 1] !== 'commune') start--;
    spans.push({ start, end: i + 1, text: tokens[i]!.raw, query: code, words: [], code: insee ? code : undefined, score: 30, weak: false, prior: MIN_TYPO_PRIOR });
  }

  // Whole names: every window of free words that is a commune or EPCI name.
  for (let i = 0; i < tokens.length; i++) {
    if (!free(i) || (CONNECTORS.has(norms[i] as string) && !ARTICLES.has(norms[i] as string))) continue;
    // « vandeuvre les nancy »: an article right after a content word is inside a name, not the start of one.
    const before = norms[i - 1];
    if (ARTICLES.has(norms[i] as string) && before !== undefined && free(i - 1) && !VOCABULARY.has(before) && !FILLER.has(before) && !/^\d+$/.test(before)) continue;
    let key = '';
    for (let j = i + 1; j <= Math.min(tokens.length, i + MAX_WINDOW); j++) {
      if (!free(j - 1) || (j - 1 > i && broken[j - 1])) break;
      key += (words[j - 1] as string[]).join('');
      if (CONNECTORS.has(norms[j - 1] as string)) continue;
      const name = words.slice(i, j).flat();
      const alias = (j === i + 1 ? epciAcronym(tokens[i]!.raw) : undefined) ?? epciNickname(key);
      if (alias) {
        spans.push({ start: i, end: j, text: spanText(text, tokens, i, j), query: alias, words: [], code: alias, score: 10 * name.length + 6, weak: false, prior: MIN_TYPO_PRIOR });
        continue;
      }
      const hits = env.resolver.index.exact(name);
      if (!hits.length) continue;
      spans.push(scored(i, j, name, Math.min(...hits.map((h) => h.rank)) === 0, false, env.prior(hits.map((h) => h.entity))));
    }
  }

  // Typos: a run of words that are no vocabulary, looked up as a whole by the resolver.
  for (let i = 0; i < tokens.length; i++) {
    if (!isContent(i)) continue;
    let j = i + 1;
    while (j < tokens.length && free(j) && !broken[j] && (isContent(j) || (CONNECTORS.has(norms[j] as string) && isContent(j + 1) && !broken[j + 1]))) j++;
    // Worth a typo lookup when whole names cover less than half of the run (« marcq en bareuil », not « bron niv »),
    // and the words are placed as a name is: capitalised, after a preposition, or all the message has besides its
    // vocabulary. A misspelt common word (« avais », « ceux ») must not become a village: away from a preposition,
    // only a town people ask about (labelled, or of some size) is taken.
    const inside = spans.filter((s) => s.start >= i && s.end <= j && !s.code && !s.weak).reduce((n, s) => Math.max(n, s.end - s.start), 0);
    const name = words.slice(i, j).flat();
    const capitalised = !allCaps && /\p{Ll}/u.test(text) && /^\p{Lu}/u.test(tokens[i]!.raw);
    const afterPreposition = PREPOSITIONS.has(norms[i - 1] ?? '') || (ARTICLES.has(norms[i - 1] ?? '') && PREPOSITIONS.has(norms[i - 2] ?? ''));
    // In a long message written with capitals, a misspelt town is capitalised too.
    const careful = tokens.length >= 10 && /\p{Lu}/u.test(text) && !allCaps;
    const alone = meaningful <= 4 && contentCount === norms.slice(i, j).filter((w, k) => free(i + k) && !FILLER.has(w) && !VOCABULARY.has(w)).length;
    const contentWords = norms.slice(i, j).filter((w) => !CONNECTORS.has(w)).length;
    if ((inside * 2 < j - i || contentWords >= 2) && name.join('').length >= 4 && (capitalised || ((afterPreposition || alone) && !careful))) {
      const r = env.resolver.resolve(name.join(' '));
      const entities = r.status === 'found' ? [r.territory.code] : r.status === 'ambiguous' ? r.candidates.map((t) => t.code) : [];
      const ids = entities.map((c) => env.resolver.index.entity(c)).filter((e) => e !== undefined);
      const prior = env.prior(ids);
      const longer = env.longer(name);
      if ((r.status === 'found' && afterPreposition) || (r.status !== 'not_found' && prior >= MIN_TYPO_PRIOR) || longer) {
        spans.push({ ...scored(i, j, name, false, true, Math.max(prior, longer ? MIN_TYPO_PRIOR : 0)), typo: true });
      }
    }
    i = j - 1;
  }

  function isContent(i: number): boolean {
    const w = norms[i];
    return w !== undefined && free(i) && !VOCABULARY.has(w) && !/^\d+$/.test(w) && !CONNECTORS.has(w);
  }

  function scored(i: number, j: number, name: string[], official: boolean, typo: boolean, prior: number): PlaceSpan {
    const single = j - i === 1;
    const vocabulary = norms.slice(i, j).every((w) => VOCABULARY.has(w));
    const prev = norms[i - 1];
    const afterPreposition = prev !== undefined && (PREPOSITIONS.has(prev) || (ARTICLES.has(prev) && PREPOSITIONS.has(norms[i - 2] ?? '')));
    // A word of the vocabulary is never a place on its own (« our » is Our, in the Jura); a common word that is a
    // commune (« rue », « mer ») only after a preposition or alone in the message.
    const capitalised = !allCaps && /\p{Ll}/u.test(text) && /^\p{Lu}/u.test(tokens[i]!.raw);
    const common = single && (name.join('').length <= 2 || COMMON.has(norms[i] as string)) && contentCount > 0 && !capitalised;
    // In a long message written with care, a lowercase common word is not a town (« atteint le seuil »).
    const careless = single && !capitalised && !afterPreposition && tokens.length >= 10 && /\p{Lu}/u.test(text) && !allCaps && name.join('').length <= 6;
    const weak = vocabulary || common || careless;
    const capital = !allCaps && /^\p{Lu}/u.test(tokens[i]!.raw) && i > 0;
    const size = name.length - (ARTICLES.has(name[0] as string) && name.length > 1 ? 0.5 : 0);
    let span: PlaceSpan = {
      start: i, end: j, text: spanText(text, tokens, i, j), query: name.join(' '), words: name,
      score: 10 * size + (official ? 2 : 0) + (afterPreposition ? 3 : 0) + (capital ? 2 : 0) + prior - (typo ? 6 : 0) - (weak ? 20 : 0),
      weak, prior,
    };
    const area = env.areas.get(name);
    if (area) { span.area = area; span.score -= 4; }
    if (prev === 'est' || prev === 'is') span.saidIs = true;
    span = withEpciWords(span);
    return withQualifier(span);
  }

  /** « CC du Vexin normand », « l'agglo d'Agen », « Bordeaux Métropole »: the EPCI words go with the name. */
  function withEpciWords(span: PlaceSpan): PlaceSpan {
    let k = span.start;
    while (k > 0 && free(k - 1) && CONNECTORS.has(norms[k - 1] as string)) k--;
    for (let s = Math.max(0, k - 4); s < k; s++) {
      if (!free(s)) continue;
      const epci = phrasesAt(norms, s).find((p) => p.cue === 'epci' && s + p.words.length === k);
      if (!epci) continue;
      const query = `${words.slice(s, k).flat().join(' ')} ${span.query}`;
      if (isEpci(query)) return { ...span, start: s, text: spanText(text, tokens, s, span.end), query, score: span.score + 5 };
    }
    const next = norms[span.end];
    if (next && phrasesAt(norms, span.end).some((p) => p.cue === 'epci' && p.words.length === 1) && free(span.end)) {
      const query = `${span.query} ${next}`;
      if (isEpci(query)) return { ...span, end: span.end + 1, text: spanText(text, tokens, span.start, span.end + 1), query, score: span.score + 5 };
    }
    return span;
  }

  function isEpci(query: string): boolean {
    const r = env.resolver.resolve(query);
    const first = r.status === 'found' ? r.territory : r.status === 'ambiguous' ? r.candidates[0] : undefined;
    return first?.kind === 'epci';
  }

  /** « Valence dans la Drôme », « Le Trait (76) », « Saint-Denis de la Réunion », « St Denis 93 », « Salignac, 04290 ». */
  function withQualifier(span: PlaceSpan): PlaceSpan {
    const next = norms[span.end];
    if (next && /^\d{5}$/.test(next) && free(span.end) && !span.code) {
      return { ...span, end: span.end + 1, text: spanText(text, tokens, span.start, span.end + 1), postcode: next, score: span.score + 25 };
    }
    let k = span.end;
    while (k < tokens.length && k - span.end < 3 && qualifierFree(k) && ['dans', 'en', 'de', 'la', 'le', 'l', 'du', 'des', 'in', 'the', 'departement', 'dept', 'dep'].includes(norms[k] as string)) k++;
    if (k >= tokens.length || !qualifierFree(k)) return span;
    const found = env.areas.at(norms, k);
    const code = DEPARTEMENT_CODE.test(norms[k] as string) ? env.areas.get([norms[k] as string]) : undefined;
    const area = found?.area ?? code;
    const length = found?.length ?? 1;
    if (!area || area.kind !== 'departement' && area.kind !== 'region') return span;
    if (!qualifierFree(k + length - 1)) return span;
    const r = env.resolver.resolve(`${span.query} (${area.name})`);
    if (r.status === 'not_found') return span;
    return { ...span, end: k + length, text: spanText(text, tokens, span.start, k + length), qualifier: area, score: span.score + 3 };
  }

  return spans.sort((a, b) => b.score - a.score || a.start - b.start);
}

/** The best spans that do not overlap, best first. */
export function bestSpans(spans: readonly PlaceSpan[]): PlaceSpan[] {
  const out: PlaceSpan[] = [];
  for (const s of spans) if (!out.some((o) => s.start < o.end && o.start < s.end)) out.push(s);
  return out;
}
