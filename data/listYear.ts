// The year a list is of, and the levels it dates before that year: « récompensée d'une première « @ » en 2017 » on a
// page of the 2024 palmarès is a town's history, not this year's level.

const YEAR = /(?<![\d/.-])(?:19|20)\d{2}(?![\d/])/g;
/** A year said ahead (« d'ici 2030 », « à l'horizon 2028 », « Candidater pour 2026 »): no list is of it. */
const AHEAD = /(?:d['’]ici(?:\s+[àa])?|horizon|vers|avant|jusqu['’]en|pour|prochaine?s?)\s*$/i;
const LEVEL = '(?:(?:[1-5]|une?|deux|trois|quatre|cinq|premi[eè]re?|deuxi[eè]me|seconde?|troisi[eè]me|quatri[eè]me|cinqui[eè]me)\\s*[«"“]?\\s*(?:@|arr?obases?)\\s*[»"”]?|@{1,5}|niveau\\s+[1-5])';
/** « 3 @ en 2023 », « d'une première « @ » en 2017 », « @@@@@ en 2025 », « (niveau 5 en 2016) ». */
const DATED = new RegExp(`(?<![\\p{L}\\d@])${LEVEL}\\s*,?\\s*en\\s+((?:19|20)\\d{2})(?!\\d)`, 'giu');

/** The latest year a text says (not one said ahead); undefined when it says none. */
export function listYear(text: string): number | undefined {
  const years = [...text.matchAll(YEAR)].filter((m) => !AHEAD.test(text.slice(Math.max(0, m.index - 20), m.index))).map((m) => Number(m[0]));
  return years.length ? Math.max(...years) : undefined;
}

/** The line with its levels dated before `year` blanked, its length kept (offsets stay the line's). */
export function withoutDatedPast(line: string, year: number | undefined): string {
  return year === undefined ? line : line.replace(DATED, (all, said: string) => (Number(said) < year ? ' '.repeat(all.length) : all));
}
