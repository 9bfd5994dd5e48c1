// Label facts read from the awards table: a territory's level, history, TEN status, and palmarès lists.
// Every fact carries its source; nothing here ever guesses a level.
import type { PrismaClient } from './generated/prisma/client.ts';
import { editionYear, isPublished, publishedAfter } from './editions.ts';
import { labelSnapshot, type AwardFact, type EditionInfo } from './labelSnapshot.ts';
import { TEN_VALIDITY_YEARS, type Mention } from './mentions.ts';

export type { AwardFact, EditionInfo } from './labelSnapshot.ts';

/** TEN = the 5@ label obtained six times (criterion stated by the association). */
export const TEN_REQUIRED_FIVE_AT = 6;

export async function listEditions(prisma: PrismaClient): Promise<EditionInfo[]> {
  return (await labelSnapshot(prisma)).editions;
}

export async function territoryHistory(prisma: PrismaClient, code: string): Promise<AwardFact[]> {
  return [...((await labelSnapshot(prisma)).byCode.get(code) ?? [])];
}

export type LevelFact =
  /**
   * The territory has an award in the edition asked (or, with no edition asked, in its newest award);
   * `newerIncomplete`: palmarès published since then that the data does not hold entirely.
   */
  | { status: 'awarded'; award: AwardFact; ten: TenStatus | null; newerIncomplete: EditionInfo[] }
  /** The edition asked has not been announced yet (« palmarès 2027 » in 2026). */
  | { status: 'unpublished'; edition: EditionInfo }
  /** The edition is fully imported and the territory is not in it. */
  | { status: 'not_labelled'; edition: EditionInfo; latest: AwardFact | null }
  /** We do not know: the edition asked (null: none asked and no award at all) is only partly imported. */
  | { status: 'unknown'; edition: EditionInfo | null; latest: AwardFact | null };

export type TenStatus = { since: number; until: number; source: string; active: boolean };

/** TEN awarded in the newest edition carrying it, valid three years (e.g. 2021 → 2021-2023). */
export function tenStatus(history: readonly AwardFact[], currentYear: number): TenStatus | null {
  const ten = [...history].reverse().find((a) => a.mentions.includes('excellence'));
  if (!ten) return null;
  const until = ten.year + TEN_VALIDITY_YEARS - 1;
  return { since: ten.year, until, source: ten.source, active: currentYear <= until };
}

/**
 * The level of a territory: in the edition asked, or its newest award. Only published palmarès count (the calendar
 * of editions, on `now`): an edition not announced yet is said so, never called incomplete, and the palmarès
 * published after the territory's newest award that the data lacks are named (a newer label may exist).
 */
export async function levelOf(prisma: PrismaClient, code: string, edition: number | undefined, now: Date): Promise<LevelFact> {
  const { editions, byCode } = await labelSnapshot(prisma);
  const history = (byCode.get(code) ?? []).filter((a) => isPublished(a.edition, now));
  const latest = history.at(-1) ?? null;
  const infoOf = (n: number) => editions.find((e) => e.number === n) ?? { number: n, year: editionYear(n), complete: false };
  if (edition !== undefined) {
    const info = infoOf(edition);
    if (!isPublished(edition, now)) return { status: 'unpublished', edition: { ...info, complete: false } };
    const award = history.find((a) => a.edition === edition);
    if (award) return { status: 'awarded', award, ten: tenStatus(history.filter((a) => a.edition <= edition), now.getUTCFullYear()), newerIncomplete: [] };
    return info.complete ? { status: 'not_labelled', edition: info, latest } : { status: 'unknown', edition: info, latest };
  }
  const newestComplete = [...editions].reverse().find((e) => e.complete && isPublished(e.number, now));
  if (latest && (!newestComplete || latest.edition >= newestComplete.number)) {
    const newerIncomplete = publishedAfter(latest.edition, now).map(infoOf).filter((e) => !e.complete);
    return { status: 'awarded', award: latest, ten: tenStatus(history, now.getUTCFullYear()), newerIncomplete };
  }
  if (newestComplete) return { status: 'not_labelled', edition: newestComplete, latest };
  return { status: 'unknown', edition: null, latest };
}

export type TenEligibility = {
  fiveAtCount: number;
  fiveAtYears: number[];
  missing: number;
  ten: TenStatus | null;
  /** False when some edition is not fully imported: the count is a lower bound. */
  complete: boolean;
};

export async function tenEligibility(prisma: PrismaClient, code: string, now: Date): Promise<TenEligibility> {
  const { editions, byCode } = await labelSnapshot(prisma);
  const history = (byCode.get(code) ?? []).filter((a) => isPublished(a.edition, now));
  const fiveAt = history.filter((a) => a.level === 5);
  // Complete only when every published palmarès is fully imported: otherwise the count is a lower bound.
  const complete = editions.length > 0 && publishedAfter(FIRST_RECORDED_EDITION - 1, now).every((n) => editions.some((e) => e.number === n && e.complete));
  return {
    fiveAtCount: fiveAt.length, fiveAtYears: fiveAt.map((a) => a.year),
    missing: Math.max(0, TEN_REQUIRED_FIVE_AT - fiveAt.length),
    ten: tenStatus(history, now.getUTCFullYear()),
    complete,
  };
}

/** The first edition whose palmarès the label counts for the six 5@ (the 8e, 2006, is the first the press lists). */
const FIRST_RECORDED_EDITION = 8;

/** How many TEN each wave named (seed: 14 in 2021; press: 11 in 2022, 4 in 2023, 13 in 2025; shared/domain.md). */
export const TEN_WAVES: Readonly<Record<number, number>> = { 22: 14, 23: 11, 24: 4, 26: 13 };

export type TenStatusFact = {
  ten: (TenStatus & { edition: number }) | null;
  /** The TEN waves published on `now` whose winners the data does not hold entirely. */
  incompleteWaves: EditionInfo[];
  /** Every TEN wave published on `now`. */
  waves: EditionInfo[];
};

/** Whether a territory is (or was) a Territoire d'excellence numérique, and how sure the data allows to be. */
export async function tenStatusOf(prisma: PrismaClient, code: string, now: Date): Promise<TenStatusFact> {
  const { editions, byCode, byEdition } = await labelSnapshot(prisma);
  const history = (byCode.get(code) ?? []).filter((a) => isPublished(a.edition, now));
  const award = [...history].reverse().find((a) => a.mentions.includes('excellence'));
  const status = tenStatus(history, now.getUTCFullYear());
  const infoOf = (n: number) => editions.find((e) => e.number === n) ?? { number: n, year: editionYear(n), complete: false };
  const published = Object.entries(TEN_WAVES).map(([n, count]) => ({ n: Number(n), count })).filter(({ n }) => isPublished(n, now));
  const incompleteWaves = published
    .filter(({ n }) => !award || n > award.edition)
    .filter(({ n, count }) => !editions.some((e) => e.number === n && e.complete)
      && (byEdition.get(n) ?? []).filter((a) => a.mentions.includes('excellence')).length < count)
    .map(({ n }) => infoOf(n));
  return { ten: award && status ? { ...status, edition: award.edition } : null, incompleteWaves, waves: published.map(({ n }) => infoOf(n)) };
}

export type PalmaresFilter = { edition: number; level?: number; mention?: Mention; codes?: string[] };
export type PalmaresPage = { edition: EditionInfo; total: number; page: number; pageSize: number; rows: AwardFact[] };

export const PAGE_SIZE = 10;

const byName = new Intl.Collator('fr');

/**
 * One page of an edition's palmarès, best level first then by name; `codes` restricts to territories
 * (a département…).
 */
export async function palmares(
  prisma: PrismaClient, filter: PalmaresFilter, page = 0, nameOf: (code: string) => string = (c) => c,
): Promise<PalmaresPage> {
  const { editions, byEdition } = await labelSnapshot(prisma);
  const codes = filter.codes && new Set(filter.codes);
  const rows = (byEdition.get(filter.edition) ?? []).filter((a) =>
    (!filter.level || a.level === filter.level) && (!filter.mention || a.mentions.includes(filter.mention)) && (!codes || codes.has(a.code)));
  const sorted = rows.sort((a, b) => b.level - a.level || byName.compare(nameOf(a.code), nameOf(b.code)));
  const lastPage = Math.max(0, Math.ceil(sorted.length / PAGE_SIZE) - 1);
  const current = Math.min(Math.max(0, page), lastPage);
  const info = editions.find((e) => e.number === filter.edition);
  return {
    edition: info ?? { number: filter.edition, year: editionYear(filter.edition), complete: false },
    total: sorted.length, page: current, pageSize: PAGE_SIZE, rows: sorted.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE),
  };
}

/** The newest published edition that has any award (default for "palmarès" without a year). */
export async function newestEditionWithAwards(prisma: PrismaClient, now: Date): Promise<number | null> {
  const { byEdition } = await labelSnapshot(prisma);
  const published = [...byEdition.keys()].filter((n) => isPublished(n, now));
  return published.length ? Math.max(...published) : null;
}

/** The codes of every territory with an award (ranked first when a name could mean several). */
export async function labelledCodes(prisma: PrismaClient): Promise<ReadonlySet<string>> {
  const snapshot = await labelSnapshot(prisma);
  let codes = labelledCache.get(snapshot);
  if (!codes) labelledCache.set(snapshot, (codes = new Set(snapshot.byCode.keys())));
  return codes;
}
const labelledCache = new WeakMap<object, ReadonlySet<string>>();

