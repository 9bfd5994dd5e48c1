// A département named in words inside a line: « dans l'Eure », « (Haute Savoie) », « Côté Nièvre », but not the
// piece of a longer name (« Val-d'Oise » holds « Oise », « Cœur de Savoie », « Mayenne Communauté »).
import type { Registry } from './territories/registry.ts';

/** A département's name where it stands in a text (offsets of the text as given, NFC). */
export type DepartementMention = { d: { code: string; name: string }; at: number; end: number };

/**
 * Every département a text names on its own, left to right (each at its last place, or at every place with `every`;
 * the longer name of two nested).
 */
export function departementMentions(text: string, registry: Registry, every = false): DepartementMention[] {
  const light = lightFold(text);
  const nfc = text.normalize('NFC');
  const found = spelledDepartements(registry).flatMap(({ d, spelled }) => spelled.flatMap((v) => standaloneAt(light, v, every).map((at) => ({ d, at, length: v.length }))))
    .filter((x) => !NAME_BEFORE.test(light.slice(0, x.at)) && !DIRECTION_BEFORE.test(light.slice(0, x.at)) && !inName(light, x.at, x.at + x.length)
      // (« Vienne Condrieu Agglomération », « Loire Forez »: a line that opens on it and goes on in capitals names more.)
      && !(/^[\s•·*–—-]*$/.test(light.slice(0, x.at)) && /^ \p{Lu}/u.test(nfc.slice(x.at + x.length)))
      // (« la ville d'art et d'histoire du Nord caraïbe »: a point of the compass and its adjective.)
      && !(x.d.code === '59' && /^ (?!(?:de|du|des|et|en|pour|avec|au|aux|ou|qui|se|sont|est|a|à|ont)(?!\p{L}))\p{Ll}/u.test(nfc.slice(x.at + x.length)))
      // (« Boucle Nord de Seine »: between a name's capitalised word and « de … », a piece of that name.)
      && !(/(?:^|[^\p{L}])\p{Lu}\p{Ll}+ $/u.test(nfc.slice(0, x.at)) && !/(?:^|[^\p{L}])(?:cote|dans|en|vers|pour|et) $/u.test(light.slice(0, x.at))
        && /^ (?:d'|de |du |des )\p{L}/u.test(light.slice(x.at + x.length)))).map((x) => ({ ...x, end: x.at + x.length }));
  return found.filter((x) => !found.some((y) => y !== x && y.at <= x.at && y.end >= x.end && y.length > x.length)) // « Oise » in « Val-d'Oise »
    .sort((a, b) => a.at - b.at).map(({ d, at, end }) => ({ d, at, end }));
}

/** « Tours Métropole Val de Loire », « Cœur de Savoie », « Thiérache Sambre et Oise »: a word and « de » (« et ») before a département's name make it
 *  part of a longer name (but « du département de la Mayenne » names the département). */
const NAME_BEFORE = /(?:^|[\s-])(?!departement )\p{L}+ (?:de la |de l'|du |des |de |d'|sur |sous |et )$/u;

/** « Au Nord, la CINOR … », « Cap Nord »: a point of the compass, or a name's piece, not the département. */
const DIRECTION_BEFORE = /(?:^|[^\p{L}])(?:au|plus au|cap|grand) $/u;

/**
 * « Mayenne Communauté », « (Bassin d'Arcachon Nord) »: a département's name that an intercommunalité's type word
 * follows, or that ends a name in brackets, is a piece of that name.
 */
function inName(light: string, at: number, end: number): boolean {
  if (/^ (?:communaute|agglo|agglomeration|metropole)\b/.test(light.slice(end))) return true;
  // (« Saint Martin d'Hères », « Saint Martin de Ré »: the name goes on; not Saint-Martin (978).)
  if (/^ (?:d'|de |du |des |sur |sous |l[eè]s )\p{L}/u.test(light.slice(end)) && /^\s*$|[,;:(•·–—-]\s*$/.test(light.slice(0, at))) return true;
  const open = light.lastIndexOf('(', at);
  return open >= 0 && light.indexOf(')', open) >= end && /[a-z'-]+ $/.test(light.slice(open + 1, at)) && /^\s*\)/.test(light.slice(end));
}

/** « Haute-Savoie » as written: « haute-savoie », « haute savoie »; « Territoire-de-Belfort »; « La Réunion »: « reunion ». */
const spellings = (name: string) => {
  const light = lightFold(name);
  return [...new Set([light, light.replace(/-/g, ' '), light.replace(/ /g, '-'), light.replace(/^(?:la|le|les) /, '')])];
};

/** Every département with its spellings: worked out once per registry, not once per line read. */
const spelled = new WeakMap<Registry, { d: { code: string; name: string }; spelled: string[] }[]>();
function spelledDepartements(registry: Registry): { d: { code: string; name: string }; spelled: string[] }[] {
  let list = spelled.get(registry);
  if (!list) spelled.set(registry, list = registry.allDepartements().map((d) => ({ d, spelled: spellings(d.name) })));
  return list;
}

/** Lower case without accents, hyphens and apostrophes kept (they say whether a word stands alone; « ’ » is « ' »). */
export const lightFold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/’/g, "'").toLowerCase();

/** Where `name` stands alone in `text` (not glued to a letter or a hyphen; « l'Eure » is fine): its last place, or every. */
function standaloneAt(text: string, name: string, every: boolean): number[] {
  const places: number[] = [];
  for (let at = text.lastIndexOf(name); at >= 0; at = at > 0 ? text.lastIndexOf(name, at - 1) : -1) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + name.length] ?? ' ';
    // An apostrophe before is an elided article (« dans l'Eure »), not a compound (« Val-d'Oise » holds « Oise »).
    const elided = before === "'" && /(^|[^\p{L}\d-])[ld]$/u.test(text.slice(0, at - 1));
    if ((elided || !/[\p{L}\d'-]/u.test(before)) && !/[\p{L}\d'-]/u.test(after)) {
      places.push(at);
      if (!every) break;
    }
  }
  return places;
}
