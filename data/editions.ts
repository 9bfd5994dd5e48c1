// Edition numbering: since 2011 the edition number is the vintage year − 1999 (22e label = 2021 palmarès).
export const FIRST_KNOWN_EDITION = 12; // 2011
export const LAST_PLAUSIBLE_EDITION = 60;

export function editionYear(edition: number): number {
  return edition + 1999;
}

export function yearEdition(year: number): number {
  return year - 1999;
}

export function isKnownEdition(edition: number): boolean {
  return Number.isInteger(edition) && edition >= FIRST_KNOWN_EDITION && edition <= LAST_PLAUSIBLE_EDITION;
}
