// The names one line lists, parted by commas, « et », dots or spaced dashes: reading only, each name still to be
// resolved.

/**
 * The names a line lists (« Elbeuf (76) et Trévières (14) ont reçu trois arobases », « … cinq arobases (Agen, Grenoble,
 * Narbonne…) », « villes suivantes : Argentan, Besançon… »), each with what it says of itself; undefined unless every
 * item starts as a name does (« Marcoux, 790 habitants, près de Boën… » lists nothing).
 */
export function enumeration(text: string): string[] | undefined {
  // The names after a colon (« villes suivantes : … »), in brackets (« (Agen, Grenoble…) »), before a colon
  // (« Lens, Liévin et Hénin-Beaumont : 3 @ »), after « pour » (« Deux arobases pour Ajain, … et Bourganeuf »), or
  // the whole line.
  const colon = text.indexOf(':');
  const pour = /\bpour\s+(?=\p{Lu})/giu;
  let afterPour: string | undefined;
  for (let m = pour.exec(text); m; m = pour.exec(text)) afterPour = text.slice(m.index + m[0].length);
  const places = [
    colon >= 0 ? text.slice(text.lastIndexOf(':') + 1) : undefined, /\(([^()]*,[^()]*)\)/.exec(text)?.[1],
    colon >= 0 ? text.slice(0, colon) : undefined, afterPour, colon < 0 ? text : undefined,
  ];
  for (const list of places) {
    if (list === undefined) continue;
    // (« Marly-le-Roi - Ramonville St Agne - Metz »: three names at least parted by a spaced dash; one such dash is a
    // name's own, « Golfe du Morbihan - Vannes agglomération ».)
    const dashes = (list.match(/\s[-–]\s/g) ?? []).length >= 2;
    // (« Saint-Julien (CC Norge et Tille) : 1 arobase »: a name's brackets are not parted, unless they are the list.)
    const items = outsideBrackets(list, list === places[1], dashes ? /\s*[,;·•]\s*|\s+(?:et|and)\s+|\s+[-–]\s+/i : /\s*[,;·•]\s*|\s+(?:et|and)\s+/i)
      .map((t) => t.replace(/^[\s\-–•*·]*(?:\.{3}|…)?\s*(?:et\s+|ainsi que\s+|sans oublier\s+|mais aussi\s+)?|\s*(?:\.{3}|…)?[\s.]*$/g, ''))
      .map((t) => ((t.match(/\)/g) ?? []).length > (t.match(/\(/g) ?? []).length ? t.replace(/\)\s*$/, '') : t))
      .filter(Boolean);
    // « … : …, ainsi que Marly, pour sa toute première candidature. »: a remark after the last name listed.
    // (« Deux arobases pour A, B et C, dont les candidatures … » too.)
    if ((list === places[0] || list === afterPour) && items.length >= 3 && /^(?:pour|avec|qui|dont|soit|en)\b/i.test(items.at(-1)!)) items.pop();
    if (items.length >= 2 && items.every((t) => NAME_START.capital.test(t) || NAME_START.epci.test(t))) return items;
  }
  return undefined;
}

/** How a listed name starts: a capital (after an article), or an intercommunalité's type (« la communauté de … »). */
const NAME_START = { capital: /^(?:(?:la|le|les|l['’])\s*)?\p{Lu}/u, epci: /^(?:(?:la|le|l['’])\s*)?(?:communaut|m[ée]tropole|agglo|interco|com['’]?\s?com)/i };

/** `text` split at `separator`, not inside brackets unless `inside`. */
function outsideBrackets(text: string, inside: boolean, separator: RegExp): string[] {
  if (inside || !text.includes('(')) return text.split(separator);
  // Separators inside brackets masked, offsets kept, then the pieces cut from the text.
  const masked = text.replace(/\([^()]*\)/g, (m) => m.replace(/[^()]/g, '\u0000'));
  const pieces: string[] = [];
  let at = 0;
  for (const m of masked.matchAll(new RegExp(separator.source, `${separator.flags}g`))) {
    pieces.push(text.slice(at, m.index));
    at = m.index + m[0].length;
  }
  return [...pieces, text.slice(at)];
}
