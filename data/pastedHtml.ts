// A page's source pasted instead of its text: « <li><strong class="ville">Brest m&eacute;tropole</strong> &ndash;
// <span class="arobase">@@@@@</span></li> ». Read as the page shows it, line for line (line numbers unchanged).

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', middot: '·', hellip: '…', laquo: '«', raquo: '»',
  rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', bull: '•', oelig: 'œ', OElig: 'Œ', aelig: 'æ', ccedil: 'ç', Ccedil: 'Ç', deg: '°', euro: '€',
};
const ACCENTED = { acute: '\u0301', grave: '\u0300', circ: '\u0302', uml: '\u0308', tilde: '\u0303' } as const;
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;

/** Whether a text is a page's source: three lines with tags at least. */
export function isPastedHtml(lines: string[]): boolean {
  return lines.filter((l) => /<\/?(?:p|li|ul|ol|div|span|strong|b|em|h[1-6]|td|tr|table|a|br)\b[^<>]*>/i.test(l)).length >= 3;
}

/** A line of such a source as shown: comments and tags gone, entities decoded. */
export function htmlLineText(line: string): string {
  return line.replace(/<!--.*?(?:-->|$)/g, ' ').replace(/<br\s*\/?>/gi, ' ').replace(TAG, ' ')
    .replace(/&#(\d{1,6});|&#x([0-9a-f]{1,6});/gi, (all, dec?: string, hex?: string) => {
      const code = dec ? Number(dec) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    })
    .replace(/&([A-Za-z]+);/g, (all, name: string) => {
      if (ENTITIES[name] !== undefined) return ENTITIES[name]!;
      const m = /^([A-Za-z])(acute|grave|circ|uml|tilde)$/.exec(name);
      return m ? `${m[1]}${ACCENTED[m[2] as keyof typeof ACCENTED]}`.normalize('NFC') : all;
    })
    .replace(/[ \t]+/g, ' ').trim();
}
