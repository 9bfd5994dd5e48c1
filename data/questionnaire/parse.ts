// Turns what someone typed (or a card's value) into the stored value of one question, or says why not.
// The parser's output is canonical: the repository re-parses a value before storing it (validateStored).
import { isDeepStrictEqual } from 'node:util';
import { formatDate } from './values.ts';
import { parseDate, parseDateBound, parseEmail, parseNumber, parsePhone, parseUrl } from './formats.ts';
import { qm } from './messages.ts';
import type { AnswerValue, Option, Question } from './schema.ts';
import { fold, formatNumber, type Lang } from './text.ts';

export type ParseResult = { ok: true; value: Exclude<AnswerValue, null> } | { ok: false; error: string };

// Yes/no questions are shown as the numbered options « 1. Oui » « 2. Non »: the numbers answer too.
const YES = new Set(['oui', 'o', 'ouais', 'yes', 'y', 'yep', 'true', 'vrai', '1']);
const NO = new Set(['non', 'n', 'no', 'nope', 'false', 'faux', '2']);

/** What the question expects, in a sentence fragment: « une date au format JJ/MM/AAAA… ». */
export function expectation(q: Question, lang: Lang, now = new Date()): string {
  switch (q.type) {
    case 'text': return qm(lang, 'expect.text', { max: q.maxLength });
    case 'longtext': return q.minLength > 0
      ? qm(lang, 'expect.longtext', { min: q.minLength, max: q.maxLength })
      : qm(lang, 'expect.longtextNoMin', { max: q.maxLength });
    case 'number': return qm(lang, q.integer ? 'expect.integer' : 'expect.number', { min: formatNumber(q.min, lang), max: formatNumber(q.max, lang) });
    case 'date': {
      const min = q.min && formatDate(parseDateBound(q.min, now));
      const max = q.max && formatDate(parseDateBound(q.max, now));
      if (min && max) return qm(lang, 'expect.dateBetween', { min, max });
      if (min) return qm(lang, 'expect.dateAfter', { min });
      if (max) return qm(lang, 'expect.dateBefore', { max });
      return qm(lang, 'expect.date');
    }
    default: return qm(lang, `expect.${q.type}`);
  }
}

export function parseAnswer(q: Question, raw: string, lang: Lang, now = new Date()): ParseResult {
  const input = raw.trim();
  const fail = (key: Parameters<typeof qm>[1], vars: Record<string, string | number> = {}): ParseResult =>
    ({ ok: false, error: `${qm(lang, key, { input: input.length > 60 ? `${input.slice(0, 57)}…` : input, ...vars })} ${qm(lang, 'error.expected', { expected: expectation(q, lang, now) })}` });
  if (!input) return fail('error.empty');
  switch (q.type) {
    case 'text':
    case 'longtext': {
      const text = input.replace(/\r\n/g, '\n');
      if (text.length > q.maxLength) return fail('error.tooLong', { length: text.length });
      if (q.type === 'longtext' && text.length < q.minLength) return fail('error.tooShort', { length: text.length });
      return { ok: true, value: text };
    }
    case 'choice': {
      const option = findOption(q.options, input);
      return option ? { ok: true, value: option.value } : fail('error.unknownChoice');
    }
    case 'multichoice': {
      const resolved = resolveChoices(q.options, input);
      if ('unknown' in resolved) return fail('error.unknownChoice', { input: resolved.unknown });
      const chosen = new Set(resolved.values);
      if (chosen.size < Math.max(q.minSelected, 1)) return fail('error.tooFewChoices', { min: Math.max(q.minSelected, 1) });
      if (q.maxSelected !== undefined && chosen.size > q.maxSelected) return fail('error.tooManyChoices', { max: q.maxSelected });
      return { ok: true, value: q.options.map((o) => o.value).filter((v) => chosen.has(v)) };
    }
    case 'number': {
      const n = parseNumber(input, lang);
      if (n === undefined) return fail('error.notNumber');
      if (q.integer && !Number.isInteger(n)) return fail('error.notInteger', { input: formatNumber(n, lang) });
      if (n < q.min || n > q.max) {
        return fail('error.outOfRange', { input: formatNumber(n, lang), min: formatNumber(q.min, lang), max: formatNumber(q.max, lang) });
      }
      return { ok: true, value: n };
    }
    case 'date': {
      const date = parseDate(input);
      if (!date) return fail('error.notDate');
      if (q.min && date < parseDateBound(q.min, now)) return fail('error.dateTooEarly', { date: formatDate(date) });
      if (q.max && date > parseDateBound(q.max, now)) return fail('error.dateTooLate', { date: formatDate(date) });
      return { ok: true, value: date };
    }
    case 'email': return ok(parseEmail(input)) ?? fail('error.notEmail');
    case 'phone': return ok(parsePhone(input)) ?? fail('error.notPhone');
    case 'url': return ok(parseUrl(input)) ?? fail('error.notUrl');
    case 'yesno': {
      const word = fold(input);
      if (YES.has(word)) return { ok: true, value: true };
      if (NO.has(word)) return { ok: true, value: false };
      return fail('error.notYesNo');
    }
  }
}

const ok = (value: string | undefined): ParseResult | undefined => (value === undefined ? undefined : { ok: true, value });

/** By number (« 2 », « 2. »), by value, or by label, ignoring case and accents. */
function findOption(options: Option[], input: string): Option | undefined {
  const n = /^(\d{1,2})\s*[.)]?$/.exec(input.trim());
  if (n) return options[Number(n[1]) - 1];
  const folded = fold(input);
  return options.find((o) => o.value === input.trim() || fold(o.value) === folded || fold(o.label.fr) === folded || fold(o.label.en) === folded);
}

/** « 1, 3 », « 1 et 3 », « 1 3 », labels (« Démocratie et services publics » stays whole), « a,b » from a card. */
function resolveChoices(options: Option[], input: string): { values: string[] } | { unknown: string } {
  const values: string[] = [];
  for (const part of input.split(/\s*[,;+]\s*/).map((p) => p.trim()).filter(Boolean)) {
    const whole = findOption(options, part);
    if (whole) { values.push(whole.value); continue; }
    const tokens = part.split(/\s+(?:et|and|&)\s+|\s+(?=\d)/i).map((t) => t.trim()).filter(Boolean);
    for (const token of tokens) {
      const option = findOption(options, token);
      if (!option) return { unknown: token };
      values.push(option.value);
    }
  }
  return { values };
}

/** The input a stored value came from (canonical values re-parse to themselves). */
function inputOf(q: Question, value: Exclude<AnswerValue, null>): string | undefined {
  switch (q.type) {
    case 'multichoice': return Array.isArray(value) ? value.join(',') : undefined;
    case 'number': return typeof value === 'number' ? String(value).replace('.', lang_decimal) : undefined;
    case 'yesno': return typeof value === 'boolean' ? (value ? 'oui' : 'non') : undefined;
    default: return typeof value === 'string' ? value : undefined;
  }
}
const lang_decimal = ','; // re-parsed as French: the comma is the decimal mark

/** A value may be stored for a question only if it is exactly what the parser would produce (null = skipped, if optional). */
export function validateStored(q: Question, value: AnswerValue, now = new Date()): { ok: true } | { ok: false; error: string } {
  if (value === null) return q.required ? { ok: false, error: 'question obligatoire : elle ne peut pas être passée' } : { ok: true };
  const input = inputOf(q, value);
  if (input === undefined) return { ok: false, error: `valeur de type inattendu pour une question ${q.type}` };
  const parsed = parseAnswer(q, input, 'fr', now);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return isDeepStrictEqual(parsed.value, value) ? { ok: true } : { ok: false, error: `valeur non normalisée (attendu ${JSON.stringify(parsed.value)})` };
}
