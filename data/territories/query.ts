// Parsing of the place text people type: codes (postcode, INSEE, SIREN), a département qualifier
// ("Valence (Drôme)", "Valence 26", "Valence, Drôme", "Valence dans la Drôme"), words around the name ("ville de",
// "France", "13e") and the name itself.
import { compact, nameTokens, stripArticle } from './keys.ts';

export const MAX_QUERY_LENGTH = 200;

/** One reading of the query: the name tokens, and the départements it is restricted to, if any. */
export type QueryVariant = { tokens: string[]; deps?: ReadonlySet<string> };

/**
 * `codes`: 5-character postcodes / INSEE codes and 9-digit SIREN, upper-cased. Variants best first. `area`: the
 * départements named when the whole text is a département or région name ("Drôme", "Corse").
 */
export type ParsedQuery = { codes: string[]; variants: QueryVariant[]; area?: ReadonlySet<string> };

type Area = { code: string; name: string; region?: string };

// Words that may sit between a name and its qualifier: "dans la", "en", "département", …
const LINKS: ReadonlySet<string> = new Set([
  'dans', 'en', 'in', 'le', 'la', 'les', 'l', 'du', 'de', 'des', 'd', 'a', 'au', 'aux',
  'departement', 'dept', 'dep', 'dpt', 'region',
]);

const CODE = /^(?:\d{5}|2[ab]\d{3}|\d{9})$/;

// Words around a name that are not part of it: "ville de Valence", "Marseille 13e", "Grenoble, France".
const PLACE_WORDS: ReadonlySet<string> = new Set(['ville', 'commune', 'mairie', 'village']);
const OF: ReadonlySet<string> = new Set(['de', 'd', 'du', 'des']);
const TRAILING_NOISE = /^(?:france|cedex|\d{1,2}(?:e|er|eme|ieme|em|nd|nde))$/;

/** The tokens without "(la) ville de" in front and "France", "Cedex", "13e" behind; the same array if none. */
function withoutNoise(tokens: string[]): string[] {
  let start = tokens[0] === 'la' || tokens[0] === 'le' || tokens[0] === 'l' ? 1 : 0;
  start = PLACE_WORDS.has(tokens[start] ?? '') && OF.has(tokens[start + 1] ?? '') && tokens.length > start + 2 ? start + 2 : 0;
  let end = tokens.length;
  while (end > start + 1 && TRAILING_NOISE.test(tokens[end - 1] as string)) end--;
  return start === 0 && end === tokens.length ? tokens : tokens.slice(start, end);
}

export function sanitizeQuery(text: unknown): string {
  const s = typeof text === 'string' ? text : '';
  return s.slice(0, MAX_QUERY_LENGTH).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

export class QueryParser {
  /** Compact qualifier text (département name or code, région name) → département codes. */
  private readonly qualifiers = new Map<string, Set<string>>();

  constructor(departements: readonly Area[], regions: readonly { code: string; name: string }[]) {
    const add = (key: string, codes: Iterable<string>) => {
      if (!key) return;
      const set = this.qualifiers.get(key) ?? new Set<string>();
      for (const c of codes) set.add(c);
      this.qualifiers.set(key, set);
    };
    const addName = (name: string, codes: string[]) => {
      const tokens = nameTokens(name);
      add(compact(tokens), codes);
      add(compact(stripArticle(tokens)), codes);
    };
    for (const d of departements) {
      addName(d.name, [d.code]);
      add(d.code.toLowerCase(), [d.code]);
      if (/^0\d$/.test(d.code)) add(d.code.slice(1), [d.code]);
    }
    add('corse', ['2A', '2B']);
    add('20', ['2A', '2B']);
    for (const r of regions) {
      addName(r.name, departements.filter((d) => d.region === r.code).map((d) => d.code));
    }
  }

  /** The départements a qualifier text designates ("la Drôme", "26", "Haute-Savoie"), if it is one. */
  departementsOf(tokens: readonly string[]): ReadonlySet<string> | undefined {
    let i = 0;
    while (i < tokens.length - 1 && LINKS.has(tokens[i] as string)) i++;
    return this.qualifiers.get(compact(tokens.slice(i)));
  }

  /** A trailing qualifier: "Valence 26", "Valence Drôme", "Valence dans la Drôme" (longest match first). */
  private trailing(tokens: string[]): { rest: string[]; deps: ReadonlySet<string> } | undefined {
    for (let n = Math.min(6, tokens.length - 1); n >= 1; n--) {
      const deps = this.qualifiers.get(compact(tokens.slice(tokens.length - n)));
      if (!deps) continue;
      let end = tokens.length - n;
      while (end > 1 && LINKS.has(tokens[end - 1] as string)) end--;
      return { rest: tokens.slice(0, end), deps };
    }
    return undefined;
  }

  /**
   * The readings of a query, best first: the whole text as a name ("Pont-de-l'Isère" is a commune, not "Pont"
   * in Isère); then the text outside parentheses, restricted to the départements in parentheses; then with a
   * trailing qualifier taken out ("Valence, Drôme"); each also without "ville de", "France", "13e"… and without
   * other parenthesised words.
   */
  parse(text: unknown): ParsedQuery {
    const s = sanitizeQuery(text);
    const codes: string[] = [];
    const takeCodes = (tokens: string[]) => tokens.filter((t) => {
      if (!CODE.test(t)) return true;
      codes.push(t.toUpperCase());
      return false;
    });
    let parenDeps: Set<string> | undefined;
    const others: string[] = [];
    const main = s.replace(/\(([^()]*)(?:\)|$)/g, (_, inner: string) => {
      const tokens = takeCodes(nameTokens(inner));
      const qualifier = tokens.length ? this.departementsOf(tokens) : undefined;
      if (qualifier) parenDeps = new Set([...(parenDeps ?? []), ...qualifier]);
      else others.push(...tokens);
      return ' ';
    });
    const mainTokens = nameTokens(main);
    const named = takeCodes(mainTokens);
    const whole = s.includes('(') ? nameTokens(s.replace(/[()]/g, ' ')) : mainTokens;
    const variants: QueryVariant[] = [{ tokens: whole.filter((t) => !CODE.test(t)) }];
    const push = (tokens: string[], deps: ReadonlySet<string> | undefined) => {
      variants.push(deps ? { tokens: [...tokens, ...others], deps } : { tokens: [...tokens, ...others] });
      if (others.length) variants.push(deps ? { tokens, deps } : { tokens });
    };
    const clean = withoutNoise(named);
    for (const base of clean === named ? [named] : [named, clean]) {
      push(base, parenDeps);
      const t = this.trailing(base);
      if (t) push(t.rest, new Set([...(parenDeps ?? []), ...t.deps]));
    }
    const seen = new Set<string>();
    const parsed: ParsedQuery = {
      codes: [...new Set(codes)],
      variants: variants.filter((v) => {
        const id = `${compact(v.tokens)}|${[...(v.deps ?? [])].join(',')}`;
        if (!v.tokens.length || seen.has(id)) return false;
        seen.add(id);
        return true;
      }),
    };
    const area = !codes.length && named.length && !/\d/.test(compact(named)) ? this.departementsOf(named) : undefined;
    if (area) parsed.area = area;
    return parsed;
  }
}
