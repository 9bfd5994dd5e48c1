// The slots of a message besides the place: which palmarès (a year, « 19e label », « l'an dernier », the latest),
// which level (« les 5@ », « 5 arobases », « @@@@ », « cinq arobases »), which page. Each slot marks the words it
// took, so that they are not read again as a place.
import { yearEdition } from '../editions.ts';
import type { CueHit } from './cues.ts';
import { ordinalNumber, smallNumber, type Token } from './tokens.ts';

export type Slots = {
  /** The palmarès asked, by edition number. */
  edition?: number;
  /** A year named that has no palmarès (2010, before 1999). */
  yearWithoutEdition?: number;
  /** "le dernier palmarès", "actuellement": the newest published edition, or the latest award. */
  latest?: boolean;
  level?: number;
  page?: 'next' | 'previous' | number;
  /** « l'année d'après » (+1), « l'année précédente » (−1): from the edition in the conversation. */
  editionShift?: number;
};

const YEAR = /^(19[5-9]\d|20[0-9]\d)$/;
const LABEL_WORDS = new Set(['label', 'labels', 'edition', 'editions', 'palmares', 'ceremonie', 'ceremony', 'millesime', 'promotion', 'awards', 'cru']);
const BEFORE_ORDINAL = new Set(['au', 'du', 'le', 'la', 'the', 'lors', 'pour', 'a', 'en', 'of', 'at', 'in', 'for', 'de']);
const ARRONDISSEMENTS = new Set(['paris', 'marseille', 'lyon']);
const AROBASE = new Set(['@', 'arobase', 'arobases', 'arobas', 'arrobase', 'arrobases', 'arobaz', 'arobace', 'arrobas', 'aerobase', 'aerobases']);

/** Reads the slots; `used[i]` becomes true for every word a slot took. */
export function readSlots(tokens: readonly Token[], cues: readonly CueHit[], used: boolean[], now: Date): Slots {
  const slots: Slots = {};
  const norms = tokens.map((t) => t.norm);
  const take = (from: number, to: number) => { for (let k = from; k < to; k++) used[k] = true; };
  // Several dates in one message (« cette année, comme en 2021 ? »): the first one said is the one asked.
  let at = Infinity;
  const setEdition = (edition: number | undefined, pos: number, year?: number) => {
    if (pos > at) return;
    at = pos;
    slots.edition = edition;
    if (edition === undefined && year !== undefined) slots.yearWithoutEdition = year;
    else delete slots.yearWithoutEdition;
  };

  for (let i = 0; i < norms.length; i++) {
    const w = norms[i] as string;
    // A year: 2018 → 19e; 2010 has none.
    if (YEAR.test(w) && at === Infinity) {
      const year = Number(w);
      setEdition(yearEdition(year), i, year);
      take(i, i + 1);
      continue;
    }
    // « 19e label », « au 24e », « label 22 », « edition n° 22 ».
    const ord = ordinalNumber(w);
    if (ord !== undefined && ord >= 1 && ord <= 60 && at === Infinity) {
      // After a name too (« grenoble 24e »), unless it is a city with arrondissements (« Marseille 13e »).
      const near = LABEL_WORDS.has(norms[i + 1] ?? '') || LABEL_WORDS.has(norms[i - 1] ?? '') || BEFORE_ORDINAL.has(norms[i - 1] ?? '')
        || (ord >= 8 && i > 0 && !ARRONDISSEMENTS.has(norms[i - 1] ?? ''));
      if (near) { setEdition(ord, i); take(i, i + 1); continue; }
    }
    if ((w === 'label' || w === 'edition') && /^\d{1,2}$/.test(norms[i + 1] ?? '') && Number(norms[i + 1]) >= 8 && at === Infinity) {
      setEdition(Number(norms[i + 1]), i + 1);
      take(i + 1, i + 2);
      continue;
    }
    // Level: « 5@ », « 5 arobases », « cinq @ », « @@@@ », « niveau 4 », « level 4 », « 4 étoiles ».
    if (slots.level === undefined) {
      const n = smallNumber(w);
      if (n !== undefined && AROBASE.has(norms[i + 1] ?? '')) { slots.level = n; take(i, i + 2); i++; continue; }
      if (n !== undefined && (norms[i - 1] === 'niveau' || norms[i - 1] === 'level') && !YEAR.test(norms[i + 1] ?? '')) { slots.level = n; take(i, i + 1); continue; }
      if (w === '@') {
        let j = i;
        while (norms[j] === '@') j++;
        if (j - i >= 2 && j - i <= 5) { slots.level = j - i; take(i, j); i = j - 1; continue; }
      }
    }
    // « il y a deux ans », "two years ago", « y a 3 ans ».
    const ago = agoYears(norms, i);
    if (ago && at === Infinity) {
      setEdition(yearEdition(now.getUTCFullYear() - ago.years), i);
      take(i, i + ago.length);
      i += ago.length - 1;
      continue;
    }
    // « page 2 », « p2 », « p. 3 ».
    const page = /^p(\d{1,3})$/.exec(w)?.[1] ?? ((w === 'page' || w === 'p') && /^\d{1,3}$/.test(norms[i + 1] ?? '') ? norms[i + 1] : undefined);
    if (page !== undefined && slots.page === undefined) {
      slots.page = Math.max(1, Number(page));
      take(i, w === 'page' || w === 'p' ? i + 2 : i + 1);
      continue;
    }
  }
  for (const c of cues) {
    if (c.cue === 'lastYear' || c.cue === 'thisYear') {
      setEdition(yearEdition(now.getUTCFullYear() - (c.cue === 'lastYear' ? 1 : 0)), c.start);
      take(c.start, c.end);
    }
    if (c.cue === 'latest' && slots.edition === undefined) { slots.latest = true; take(c.start, c.end); }
    if (c.cue === 'relShift' && slots.edition === undefined) {
      slots.editionShift = /apres|suivante|after|following|next/.test(norms.slice(c.start, c.end).join(' ')) ? 1 : -1;
      take(c.start, c.end);
    }
    if (slots.page === undefined && (c.cue === 'pageNext' || c.cue === 'pagePrev')) slots.page = c.cue === 'pageNext' ? 'next' : 'previous';
  }
  return slots;
}

const NUMBER_WORDS: Record<string, number> = {
  un: 1, une: 1, one: 1, a: 1, deux: 2, two: 2, trois: 3, three: 3, quatre: 4, four: 4, cinq: 5, five: 5, six: 6,
  sept: 7, seven: 7, huit: 8, eight: 8, neuf: 9, nine: 9, dix: 10, ten: 10,
};
const count = (w: string | undefined) => (w === undefined ? undefined : /^\d{1,2}$/.test(w) ? Number(w) : NUMBER_WORDS[w]);

/** « il y a deux ans » / « y a 2 ans » / "two years ago" starting at word i. */
function agoYears(norms: readonly string[], i: number): { years: number; length: number } | undefined {
  const w = norms[i];
  if (w === 'il' && norms[i + 1] === 'y' && norms[i + 2] === 'a') {
    const n = count(norms[i + 3]);
    if (n !== undefined && n > 0 && n <= 30 && /^ans?$/.test(norms[i + 4] ?? '')) return { years: n, length: 5 };
  }
  if (w === 'y' && norms[i + 1] === 'a') {
    const n = count(norms[i + 2]);
    if (n !== undefined && n > 0 && n <= 30 && /^ans?$/.test(norms[i + 3] ?? '')) return { years: n, length: 4 };
  }
  const n = count(w);
  if (n !== undefined && n > 0 && n <= 30 && /^years?$/.test(norms[i + 1] ?? '') && norms[i + 2] === 'ago') return { years: n, length: 3 };
  // « N-2 » (accounting style: N is this year).
  if (w === 'n' && /^[1-9]$/.test(norms[i + 1] ?? '') && (norms[i + 2] === undefined || !/^\d/.test(norms[i + 2]!))) return { years: Number(norms[i + 1]), length: 2 };
  return undefined;
}
