// Normalisation of territory names and of the place text people type, shared by the index and the query parser.
// A name becomes folded tokens ("Saint-Germain-en-Laye" → ['saint', 'germain', 'en', 'laye']) and then
// compact keys without spaces ("saintgermainenlaye"): hyphens, apostrophes and spaces are insignificant.
import { foldText } from '../text.ts';

/** Leading articles dropped for the loose key ("Le Robert" ↔ "Robert"). */
export const ARTICLES: ReadonlySet<string> = new Set(['le', 'la', 'les', 'l']);

// Abbreviations are expanded rather than contracted, so that a typo inside "Saint" stays a small edit distance.
const EXPANSIONS: ReadonlyMap<string, string> = new Map([
  ['st', 'saint'], ['ste', 'sainte'], ['sts', 'saints'], ['stes', 'saintes'],
]);

const NOT_WORD = /[^a-z0-9]+/;
const ASCII = /^[\x00-\x7f]*$/;

/** Folded word tokens, [a-z0-9] only, with St/Ste expanded to saint/sainte (foldText skipped for plain ASCII). */
export function nameTokens(text: string): string[] {
  const out: string[] = [];
  for (const word of (ASCII.test(text) ? text.toLowerCase() : foldText(text)).split(NOT_WORD)) {
    if (word) out.push(EXPANSIONS.get(word) ?? word);
  }
  return out;
}

export function compact(tokens: readonly string[]): string {
  return tokens.join('');
}

/** Drops one leading article when something remains ("les abymes" → "abymes"); may return `tokens` itself. */
export function stripArticle(tokens: readonly string[]): readonly string[] {
  const first = tokens[0];
  return tokens.length > 1 && first !== undefined && ARTICLES.has(first) ? tokens.slice(1) : tokens;
}

export type EpciType = 'CC' | 'CA' | 'CU' | 'METRO';

// Legal-form phrases (folded tokens) people put before or after an EPCI name, with the form they imply.
const LEADING: readonly [string[], EpciType | undefined][] = [
  [['communaute', 'de', 'communes'], 'CC'], [['communaute', 'de', 'commune'], 'CC'],
  [['communaute', 'd', 'agglomeration'], 'CA'], [['communaute', 'd', 'agglo'], 'CA'],
  [['communaute', 'urbaine'], 'CU'], [['communaute'], undefined],
  [['metropole', 'europeenne'], 'METRO'], [['eurometropole'], 'METRO'], [['metropole'], 'METRO'], [['metro'], 'METRO'],
  [['agglomeration'], 'CA'], [['agglo'], 'CA'], [['cc'], 'CC'], [['cdc'], 'CC'], [['comcom'], 'CC'],
  [['com', 'com'], 'CC'], [['ca'], 'CA'], [['cu'], 'CU'], [['intercommunalite'], undefined],
  [['interco'], undefined], [['epci'], undefined],
];
const TRAILING: readonly [string[], EpciType | undefined][] = [
  [['communaute', 'de', 'communes'], 'CC'], [['communaute', 'd', 'agglomeration'], 'CA'],
  [['agglomeration'], 'CA'], [['agglo'], 'CA'], [['metropole'], 'METRO'], [['communaute'], undefined],
  [['intercommunalite'], undefined],
];
const PREPOSITIONS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'd', 'l', 'la', 'le', 'les']);

function phraseAt(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((w, i) => tokens[at + i] === w);
}

export type EpciCore = { core: readonly string[]; hint: boolean; type?: EpciType };

/**
 * Separates legal-form words from an EPCI name or query: "communauté d'agglomération du Grand Avignon" →
 * core ['grand', 'avignon'], hint, CA; "Grenoble-Alpes-Métropole" → ['grenoble', 'alpes'], hint, METRO.
 * Without legal-form words (or when nothing would remain) the tokens come back unchanged, hint false.
 */
export function epciCore(tokens: readonly string[]): EpciCore {
  let start = 0;
  let end = tokens.length;
  let hint = false;
  let type: EpciType | undefined;
  const note = (t: EpciType | undefined) => { hint = true; type ??= t; };
  for (let guard = 0; start < end && guard < 8; guard++) {
    const lead = LEADING.find(([p]) => start + p.length < end && phraseAt(tokens, start, p));
    if (lead) { start += lead[0].length; note(lead[1]); continue; }
    const word = tokens[start];
    if (hint && word !== undefined && PREPOSITIONS.has(word) && start + 1 < end) { start++; continue; }
    break;
  }
  for (let guard = 0; end > start && guard < 4; guard++) {
    const trail = TRAILING.find(([p]) => end - p.length > start && phraseAt(tokens, end - p.length, p));
    if (!trail) break;
    end -= trail[0].length;
    note(trail[1]);
  }
  if (!hint) return { core: [...tokens], hint: false };
  const core = stripArticle(tokens.slice(start, end));
  return type ? { core, hint, type } : { core, hint };
}

/** The legal form of a registry EPCI as a hint type (MET69, the Métropole de Lyon, counts as a métropole). */
export function epciTypeOf(epciType: string | undefined): EpciType | undefined {
  if (epciType === 'MET69') return 'METRO';
  return epciType === 'CC' || epciType === 'CA' || epciType === 'CU' || epciType === 'METRO' ? epciType : undefined;
}

/** Removes parenthesised parts: "CA du Grand Avignon (COGA)" → "CA du Grand Avignon ". */
export function withoutParentheses(text: string): string {
  return text.replace(/\([^()]*\)/g, ' ');
}

/** A short acronym in parentheses, e.g. "(COGA)" → "coga". */
export function acronymOf(name: string): string | undefined {
  const m = /\(([A-Za-z0-9]{2,10})\)/.exec(name);
  return m?.[1]?.toLowerCase();
}

export type KeyTier = 0 | 1;
/** Tier 0: the official name itself. Tier 1: looser aliases (article dropped, parentheses dropped, EPCI core). */
export type NameKey = { key: string; tier: KeyTier };

/** All lookup keys of a registry name; `epci` adds the legal-form-free core and the acronym. */
export function keysOfName(name: string, epci: boolean, tokens: string[] = nameTokens(name)): NameKey[] {
  const first = tokens[0];
  const plain = !name.includes('(');
  if (!epci && plain && !(first !== undefined && ARTICLES.has(first))) { // the common case: one key
    const key = compact(tokens);
    return key ? [{ key, tier: 0 }] : [];
  }
  const bare = plain ? tokens : nameTokens(withoutParentheses(name));
  const variants: [readonly string[], KeyTier][] = [
    [tokens, 0], [stripArticle(tokens), 1], [bare, 1], [stripArticle(bare), 1],
  ];
  if (epci) {
    variants.push([epciCore(bare).core, 1]);
    const acronym = acronymOf(name);
    if (acronym) variants.push([[acronym], 1]);
  }
  const keys: NameKey[] = [];
  for (const [t, tier] of variants) {
    const key = compact(t);
    if (key && !keys.some((k) => k.key === key)) keys.push({ key, tier });
  }
  return keys;
}

/** Allowed edit distance for a key length: 0 up to 4 characters, 1 up to 7, 2 beyond. */
export function typoBudget(length: number): number {
  return length <= 4 ? 0 : length <= 7 ? 1 : 2;
}
