// A PDF copy's broken lines: a name cut at its hyphen, a département or a population alone on the next line, a name
// a table cell wrapped, a mail wrapped at its width. Joined back before the list is read.

/**
 * A PDF copy breaks lines: « Bellerive-sur- » / « Allier 03 @@@ », « Murat » / « 15 » / « @ ». A line ending in a
 * hyphen goes on with the next; a line that is only a département number (then one that is only a population) belongs to
 * the name before it.
 */
export function joinBrokenLines(lines: { line: number; raw: string }[]): { line: number; raw: string; end?: number }[] {
  const out: { line: number; raw: string; end?: number }[] = [];
  for (const l of lines) {
    const prev = out.at(-1);
    const before = prev?.raw;
    // (« Mé- » / « tropole », « Saint-Ju- » / « lien-en-Genevois »: a word the line cut, its hyphen no name's; not
    // « Saint-Julien- » / « en-Genevois ».)
    if (prev && /\p{L}-$/u.test(prev.raw) && /^\p{Ll}/u.test(l.raw) && !PARTICLE_FIRST.test(l.raw)) prev.raw = prev.raw.slice(0, -1) + l.raw;
    else if (prev && /\p{L}-$/u.test(prev.raw) && /^\p{L}/u.test(l.raw)) prev.raw += l.raw;
    // « Conques* »: a footnote's star.
    else if (prev && /^(?:\d{2,3}|2[AB])$/i.test(l.raw) && /\p{L}\*+$/u.test(prev.raw)) prev.raw = `${prev.raw.replace(/\*+$/, '')} ${l.raw}`;
    else if (prev && /^(?:\d{2,3}|2[AB])$/i.test(l.raw) && /\p{L}\*?$/u.test(prev.raw)) prev.raw += ` ${l.raw}`;
    // « Grand Rodez » / « 12 » / « 55 300 » / « @@@@ »: the population column after the département's.
    // (Not « 4 » alone: a level cell, « Grand Annecy » / « 74 » / « 4 ».)
    else if (prev && /^\d{1,3}(?:[  .]\d{3})*$/.test(l.raw) && !/^[1-5]$/.test(l.raw) && /\p{L}\s(?:\d{2,3}|2[AB])$/iu.test(prev.raw)) prev.raw += ` ${l.raw}`;
    // A name a PDF cell wrapped: « Communauté de communes du Pays de » / « Landerneau-Daoulas 29 … », or the row's
    // name cell, then its end alone, « Annemasse - Les Voirons    74    85 602    @@ » / « Agglomération ».
    else if (prev && WRAPPED_END.test(prev.raw) && !/[\d@]/.test(prev.raw) && /^\p{Lu}/u.test(l.raw)) prev.raw += ` ${l.raw}`;
    else if (prev && wrappedCell(prev.raw, l.raw)) {
      const end = /^\S.*?(?=\s{2,}|$)/u.exec(l.raw)![0];
      prev.raw = prev.raw.replace(/^\S.*?\S(?=\s{2,})/u, (cell) => (cell.endsWith('-') ? `${cell}${end}` : `${cell} ${end}`));
    }
    // A mail wrapped at its width: « … Guichen, Vitré » / « Communauté », « … Melesse, Val » / « d'Anast (35) ».
    else if (prev && !/[@.:!?]$/.test(prev.raw) && !/@|arobase/i.test(prev.raw) && (LONE_EPCI_WORD.test(l.raw) || /^(?:d['’]|de |du |des |sur |sous |l[èe]s )\p{L}/u.test(l.raw)
      // (« Communauté de communes du Pays de Dol » / « et de la Baie du Mont Saint-Michel — 35 — 2 ».)
      || (/^(?:communaut[ée]|cc|ca)(?!\p{L})/iu.test(prev.raw) && !/\d/.test(prev.raw) && /^et (?:de |du |des |d['’])\p{L}/u.test(l.raw)))) {
      prev.raw += ` ${l.raw}`;
    }
    else out.push({ ...l });
    // (The last line a joined line took: the line under it is the next one.)
    if (prev && prev.raw !== before) prev.end = l.line;
  }
  return out;
}

/** A name's particle, hyphened (« en-Genevois », « sur-Mer », « d'Ascq »). */
const PARTICLE_FIRST = /^(?:en|sur|sous|l[èe]s|lez|la|le|les|de|du|des|aux?|et)(?:-|\s|$)|^[dl]['’]/u;
/** A name cut after its particle (« … du Pays de »). */
const WRAPPED_END = /\s(?:de|du|des|de la|d['’]|et|sur|sous|l[èe]s|en|la|le|aux?)$/iu;
/** A wrapped cell's end: a few words, no number, no level (then, maybe, a remark column's words). */
const CELL_END = /^\p{Lu}[\p{L}'’ ()-]{0,40}?(?:\s{2,}[^\d@]*)?$/u;
const LONE_EPCI_WORD = /^(?:Communaut[ée]|Agglom[ée]ration|Agglo|M[ée]tropole)$/u;
/** A table row's name cell (before two spaces and a number or a level) and the next line holding its end. */
function wrappedCell(row: string, next: string): boolean {
  const cell = /^\S.*?\S(?=\s{2,}[\d@])/u.exec(row)?.[0];
  if (!cell || !CELL_END.test(next)) return false;
  return cell.endsWith('-') || WRAPPED_END.test(cell) || EPCI_WORD_FIRST.test(next)
    || /^(?:communaut[ée] de communes|communaut[ée] d['’]agglom[ée]ration|communaut[ée] urbaine)$/i.test(cell);
}
const EPCI_WORD_FIRST = /^\s*(?:Agglom[ée]ration|Agglo|Communaut[ée]|M[ée]tropole)\b/u;

/**
 * Two columns side by side, a name cut at its right column's line end: « deux arobases :      Conflans-Sainte-Ho- » /
 * « Leffrinckoucke (59) @     norine (78) @@@ ». The cut name's end goes up to its line, its column's place left blank.
 */
export function joinColumnBreaks(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    const cut = /^(.*\S)\s{3,}(\S.*\p{L}-)\s*$/u.exec(out[i]!);
    if (!cut) continue;
    const column = out[i]!.lastIndexOf(cut[2]!);
    const next = out[i + 1]!;
    // The next line's right column starts near where this one's did (ligatures, « ﬀ », shift it), in lower case.
    const gap = [...next.matchAll(/\s{3,}(?=\S)/g)].at(-1);
    if (!gap || Math.abs(gap.index + gap[0].length - column) > 10) continue;
    const end = next.slice(gap.index + gap[0].length);
    if (!/^\p{Ll}/u.test(end)) continue;
    const joined = PARTICLE_FIRST.test(end) ? `${cut[2]}${end}` : `${cut[2]!.slice(0, -1)}${end}`;
    // (Each column its own clause: « deux arobases : » ends the left one's heading text, not Conflans's level.)
    out[i] = `${cut[1]} ; ${joined}`;
    out[i + 1] = next.slice(0, gap.index);
  }
  return out;
}
