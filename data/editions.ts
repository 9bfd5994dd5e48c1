// The calendar of the label's editions: which palmarès exist, which year names them, which are published on a date.
// Since 2011 the ceremony is in late January–February and edition = vintage year − 1999 (22e label = palmarès 2021).
// Before, the edition was the rank of a ceremony held in November–December, named after that year by the press:
// 8e 4 Dec 2006 … 11e 15 Dec 2009; no ceremony in 2010; the 12e on 14 January 2011 (shared/domain.md, press pages).
// The application edition (the questionnaire open now) is another notion: see data/questionnaire.
export const FIRST_KNOWN_EDITION = 1; // 1999, the label's first (palmarès import bounds; the 8e–11e are 2006–2009)
export const LAST_PLAUSIBLE_EDITION = 60;

/**
 * Ceremony dates the sources give (ISO dates, Europe/Paris days); the pages are cited in data/samples/lists/ and
 * data/samples/totaux/: 8e Lyon (La Gazette, BdT), 10e and 11e (BdT), 12e (BdT « 303 communes »), 13e (BdT), 14e
 * (Épiais-Rhus), 15e (VL Média), 16e Mérignac (PresseLib), 18e Lille (France 3), 19e (France 3), 20e (La Gazette de
 * SQY), 22e (Ville de Grenoble), 23e (Actu-Médias), 24e (L'Opinion), 25e (Villers-Semeuse), 26e (MagJournal 77),
 * 27e Agen (Top Outre-mer). None found for the 9e (2007), 17e and 21e.
 */
const CEREMONIES: Readonly<Record<number, string>> = {
  8: '2006-12-04', 10: '2008-11-24', 11: '2009-12-15', 12: '2011-01-14', 13: '2012-02-07', 14: '2013-01-31',
  15: '2014-02-21', 16: '2015-02-03', 18: '2017-02-01', 19: '2018-02-08', 20: '2019-01-29',
  22: '2021-02-04', 23: '2022-02-03', 24: '2023-02-02', 25: '2024-02-08', 26: '2025-02-07', 27: '2026-01-29',
};

/** The day a palmarès was presented (ISO date), when a source gives it. */
export function ceremonyDate(edition: number): string | undefined {
  return CEREMONIES[edition];
}

/** The year a palmarès is named after: its ceremony year (8e–11e: 2006–2009), or edition + 1999 since the 12e. */
export function editionYear(edition: number): number {
  return edition >= 12 ? edition + 1999 : edition + 1998;
}

/** The edition of a palmarès year; undefined for 2010 (no ceremony that year) and before the label (1999). */
export function yearEdition(year: number): number | undefined {
  if (year >= 2011) return year - 1999;
  if (year === 2010 || year < 1999) return undefined;
  return year - 1998;
}

export function isKnownEdition(edition: number): boolean {
  return Number.isInteger(edition) && edition >= FIRST_KNOWN_EDITION && edition <= LAST_PLAUSIBLE_EDITION;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Whether a palmarès has been announced on `now`: on its ceremony date when known; otherwise, since the 12e, from
 * 1 March of its year (ceremonies are held in late January–February), and the 8e–11e (2006–2009) are past.
 */
export function isPublished(edition: number, now: Date): boolean {
  if (!Number.isInteger(edition) || edition < 1) return false;
  const known = CEREMONIES[edition];
  if (known) return isoDay(now) >= known;
  if (edition < 12) return true;
  return isoDay(now) >= `${editionYear(edition)}-03-01`;
}

/** The newest palmarès announced on `now`. */
export function latestPublished(now: Date): number {
  let e = Math.max(12, (yearEdition(now.getUTCFullYear()) ?? 12) + 1);
  while (e > 12 && !isPublished(e, now)) e--;
  return e;
}

/** Editions announced on `now` after `edition`, oldest first (the palmarès a territory's answer may lack). */
export function publishedAfter(edition: number, now: Date): number[] {
  const out: number[] = [];
  for (let e = Math.max(edition + 1, 1), last = latestPublished(now); e <= last; e++) if (isPublished(e, now)) out.push(e);
  return out;
}
