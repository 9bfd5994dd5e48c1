// Words of a message with their place in the original text: folded for matching ("Vandœuvre" → "vandoeuvre"),
// the original kept for what is shown back. Apostrophes and hyphens separate words ("d'Agen" → d, agen); "@" is a
// word of its own ("5@" → 5, @).
import { foldText } from '../text.ts';

export type Token = {
  /** As typed. */
  raw: string;
  /** Lowercase, no accents ("Barœul" → "baroeul"). */
  norm: string;
  start: number;
  end: number;
};

/** Longer messages are cut: nobody asks a label question in more than this. */
export const MAX_MESSAGE = 500;
const MAX_TOKENS = 80;
// « s/s » and « s/ » are how people shorten « sous » and « sur » (« Fontenay-s/s-Bois »).
const WORD = /\b[sS]\/[sS]\b|\b[sS]\/(?=[\s\p{L}-])|[\p{L}\p{M}\p{N}]+|@/gu;
const SHORT: Record<string, string> = { 's/s': 'sous', 's/': 'sur' };

export function tokenize(text: string): Token[] {
  const s = text.slice(0, MAX_MESSAGE);
  const out: Token[] = [];
  for (const m of s.matchAll(WORD)) {
    const norm = SHORT[m[0].toLowerCase()] ?? foldText(m[0]).replace(/\s+/g, '');
    if (!norm) continue;
    out.push({ raw: m[0], norm, start: m.index, end: m.index + m[0].length });
    if (out.length >= MAX_TOKENS) break;
  }
  return out;
}

/** The original text from token i to token j (exclusive), as typed. */
export function spanText(text: string, tokens: readonly Token[], i: number, j: number): string {
  const first = tokens[i];
  const last = tokens[j - 1];
  return first && last ? text.slice(first.start, last.end) : '';
}

const UNITS: Record<string, number> = {
  un: 1, une: 1, one: 1, deux: 2, two: 2, trois: 3, three: 3, quatre: 4, four: 4, cinq: 5, five: 5,
};

/** 1 to 5 from a digit or a number word ("cinq", "five"). */
export function smallNumber(norm: string | undefined): number | undefined {
  if (norm === undefined) return undefined;
  if (/^[1-5]$/.test(norm)) return Number(norm);
  return UNITS[norm];
}

/** "19e", "19eme", "19ème", "22nd", "3rd" → the number. */
export function ordinalNumber(norm: string | undefined): number | undefined {
  const m = norm === undefined ? null : /^(\d{1,2})(?:e|er|ere|eme|ieme|em|th|st|nd|rd)$/.exec(norm);
  return m ? Number(m[1]) : undefined;
}
