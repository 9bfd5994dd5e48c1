// Parsing of the place text people type: codes (postcode, INSEE, SIREN), a département qualifier
// ("Valence (Drôme)", "Valence 26", "Valence, Drôme", "Valence dans la Drôme") and the name itself.
import { compact, nameTokens, stripArticle } from './territoryKeys.ts';

export const MAX_QUERY_LENGTH = 200;

/** One reading of the query: the name tokens, and the départements it is restricted to, if any. */
export type QueryVariant = { tokens: string[]; deps?: ReadonlySet<string> };

/** `codes`: 5-character postcodes / INSEE codes and 9-digit SIREN, upper-cased. Variants best first. */
export type ParsedQuery = { codes: string[]; variants: QueryVariant[] };

type Area = { code: string; name: string; region?: string };

// Words that may sit between a name and its qualifier: "dans la", "en", "département", …
const LINKS: ReadonlySet<string> = new Set([
  'dans', 'en', 'in', 'le', 'la', 'les', 'l', 'du', 'de', 'des', 'd', 'a', 'au', 'aux',
  'departement', 'dept', 'dep', 'dpt', 'region',
]);

const CODE = /^(?:\d{5}|2[ab]\d{3}|\d{9})$/;

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

  parse(text: unknown): ParsedQuery {
    const s = sanitizeQuery(text);
    const codes: string[] = [];
    const takeCodes = (tokens: string[]) => tokens.filter((t) => {
      if (!CODE.test(t)) return true;
      codes.push(t.toUpperCase());
      return false;
    });
    // Parenthesised parts: codes and département qualifiers; anything else may belong to the name.
    let deps: Set<string> | undefined;
    const others: string[] = [];
    const main = s.replace(/\(([^()]*)(?:\)|$)/g, (_, inner: string) => {
      const tokens = takeCodes(nameTokens(inner));
      const qualifier = tokens.length ? this.departementsOf(tokens) : undefined;
      if (qualifier) deps = new Set([...(deps ?? []), ...qualifier]);
      else if (tokens.length) others.push(...tokens);
      return ' ';
    });
    let rest = takeCodes(nameTokens(main));
    // A trailing qualifier: "Valence 26", "Valence Drôme", "Valence dans la Drôme" (longest match first).
    for (let n = Math.min(6, rest.length - 1); n >= 1; n--) {
      const qualifier = this.qualifiers.get(compact(rest.slice(rest.length - n)));
      if (!qualifier) continue;
      let end = rest.length - n;
      while (end > 1 && LINKS.has(rest[end - 1] as string)) end--;
      rest = rest.slice(0, end);
      deps = new Set([...(deps ?? []), ...qualifier]);
      break;
    }
    // The whole text as a name first ("Pont-de-l'Isère" is a commune, not "Pont" in Isère), then the readings
    // with the qualifier taken out, keeping or dropping other parenthesised words.
    const variants: QueryVariant[] = [{ tokens: nameTokens(s.replace(/[()]/g, ' ')).filter((t) => !CODE.test(t)) }];
    const withDeps = (tokens: string[]): QueryVariant => (deps ? { tokens, deps } : { tokens });
    if (deps) variants.push(withDeps([...rest, ...others]));
    if (others.length) variants.push(withDeps(rest));
    const seen = new Set<string>();
    return {
      codes: [...new Set(codes)],
      variants: variants.filter((v) => {
        const id = `${compact(v.tokens)}|${[...(v.deps ?? [])].join(',')}`;
        if (!v.tokens.length || seen.has(id)) return false;
        seen.add(id);
        return true;
      }),
    };
  }
}
