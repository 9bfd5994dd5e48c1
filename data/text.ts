// Text folding shared by the registry, the resolver and the import: "Vandœuvre-lès-Nancy" → "vandoeuvre les nancy".
/** The same short strings (place names, commands) are folded again and again: remembered, up to a bound. */
const folded = new Map<string, string>();
const MAX_FOLDED = 5_000;

export function foldText(input: string): string {
  if (input.length > 200) return fold(input);
  let out = folded.get(input);
  if (out === undefined) {
    out = fold(input);
    if (folded.size >= MAX_FOLDED) folded.clear();
    folded.set(input, out);
  }
  return out;
}

function fold(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[’'`´‘ʼ\-‐‑–—_./,;:()«»"]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Names are "the same" when they fold to the same text. */
export function sameName(a: string, b: string): boolean {
  return foldText(a) === foldText(b);
}

/** Every user-facing text exists in French and English. */
export type Lang = 'fr' | 'en';

/** A template split once: literal text at even positions, placeholder names at odd ones. */
const templates = new Map<string, string[]>();
const MAX_TEMPLATES = 2_000;

function partsOf(template: string): string[] {
  let parts = templates.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(template, parts);
  }
  return parts;
}

/** Replaces {name} placeholders; an unknown name stays as written. (Every reply fills a dozen catalog texts: the
 *  templates are split once instead of a regular expression with a callback each time.) */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  if (!template.includes('{')) return template;
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!;
    out += (k in vars ? String(vars[k]) : `{${k}}`) + parts[i + 1]!;
  }
  return out;
}

/** `(lang, key, vars) → text` over a French and an English catalog with the same keys. */
export function translator<M extends Record<string, string>>(catalogs: Record<Lang, M>) {
  return (lang: Lang, key: keyof M & string, vars?: Record<string, string | number>): string => fill(catalogs[lang][key] as string, vars);
}

/** French first: anything but an English locale gets French. */
export function langOf(locale: string | undefined | null): Lang {
  return /^en\b/i.test(locale ?? '') ? 'en' : 'fr';
}

/** 22 → "22e" in French, "22nd" in English. */
export function ordinal(lang: Lang, n: number): string {
  if (lang === 'fr') return n === 1 ? '1er' : `${n}e`;
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** A day as people write it, « 4 décembre 2006 » / "4 December 2006": an instant (Paris day) or an ISO day. */
export function formatDay(lang: Lang, d: Date | string): string {
  const date = typeof d === 'string' ? new Date(`${d}T12:00:00Z`) : d;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(date);
}

/** A place name folded, « St »/« Ste » written out (« St-Germain » and « Saint-Germain » compare equal). */
export const foldPlaceName = (text: string): string => foldText(abbreviationsOut(text)).replace(/\bste\b/g, 'sainte').replace(/\bst\b/g, 'saint');

/** « S.-Amand », « N.-D.-d'Oé », « Sully s/ Loire »: as a hand-typed spreadsheet abbreviates them. */
const abbreviationsOut = (text: string): string => (/[./]/.test(text)
  ? text.replace(/\bN\.\s*-?\s*D\.\s*-?/g, 'Notre-Dame-').replace(/(?<![\p{L}])S\.\s*-?/gu, 'Saint-').replace(/\bs\/\s*/gi, 'sur ')
  : text);

/** A text as a RegExp's literal, « u » patterns included (which refuse « \- »: no need outside a class). */
export const escapeRegExp = (s: string): string => s.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');
