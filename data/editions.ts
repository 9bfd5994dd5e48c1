// The calendar of the label's editions: which palmarès exist, which year names them, which are published on a date.
// Since 2011 the ceremony is in late January–February and edition = vintage year − 1999 (22e label = palmarès 2021).
// Before, the edition was the rank of a ceremony held in November–December, named after that year by the press:
// 8e 4 Dec 2006 … 11e 15 Dec 2009; no ceremony in 2010; the 12e on 14 January 2011 (shared/domain.md, press pages).
// The application edition (the questionnaire open now) is another notion: see data/questionnaire.
export const FIRST_KNOWN_EDITION = 1; // 1999, the label's first (palmarès import bounds; the 8e–11e are 2006–2009)
export const LAST_PLAUSIBLE_EDITION = 60;

/** Ceremony dates the sources give (ISO dates, Europe/Paris days). */
const CEREMONIES: Readonly<Record<number, string>> = {
  8: '2006-12-04', 10: '2008-11-24', 11: '2009-12-15', 12: '2011-01-14',
  22: '2021-02-04', 23: '2022-02-03', 25: '2024-02-08', 27: '2026-01-29',
};

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
