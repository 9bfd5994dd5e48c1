// Label facts read from the awards table: a territory's level, history, TEN status, and palmarès lists.
// Every fact carries its source; nothing here ever guesses a level.
import type { PrismaClient } from './generated/prisma/client.ts';
import { editionYear } from './editions.ts';
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
  /** The territory has an award in the edition asked (or, with no edition asked, in its newest award). */
  | { status: 'awarded'; award: AwardFact; ten: TenStatus | null; newerIncomplete: EditionInfo[] }
  /** The edition is fully imported and the territory is not in it. */
  | { status: 'not_labelled'; edition: EditionInfo; latest: AwardFact | null }
  /** We do not know: the edition asked (null: none asked and no award at all) is only partly imported. */
  | { status: 'unknown'; edition: EditionInfo | null; latest: AwardFact | null };

export type TenStatus = { since: number; until: number; source: string; active: boolean };

/** TEN awarded in the newest edition carrying it, valid three years (e.g. 2021 → 2021-2023). */
export function tenStatus(history: readonly AwardFact[], currentYear = new Date().getFullYear()): TenStatus | null {
  const ten = [...history].reverse().find((a) => a.mentions.includes('excellence'));
  if (!ten) return null;
  const until = ten.year + TEN_VALIDITY_YEARS - 1;
  return { since: ten.year, until, source: ten.source, active: currentYear <= until };
}

export async function levelOf(prisma: PrismaClient, code: string, edition?: number, now = new Date()): Promise<LevelFact> {
  const { editions, byCode } = await labelSnapshot(prisma);
  const history = byCode.get(code) ?? [];
  const latest = history.at(-1) ?? null;
  if (edition !== undefined) {
    const award = history.find((a) => a.edition === edition);
    const info = editions.find((e) => e.number === edition) ?? { number: edition, year: editionYear(edition), complete: false };
    if (award) return { status: 'awarded', award, ten: tenStatus(history.filter((a) => a.edition <= edition), now.getFullYear()), newerIncomplete: [] };
    return info.complete ? { status: 'not_labelled', edition: info, latest } : { status: 'unknown', edition: info, latest };
  }
  const newestComplete = [...editions].reverse().find((e) => e.complete);
  if (latest && (!newestComplete || latest.edition >= newestComplete.number)) {
    const newerIncomplete = editions.filter((e) => e.number > latest.edition && !e.complete);
    return { status: 'awarded', award: latest, ten: tenStatus(history, now.getFullYear()), newerIncomplete };
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

export async function tenEligibility(prisma: PrismaClient, code: string, now = new Date()): Promise<TenEligibility> {
  const { editions, byCode } = await labelSnapshot(prisma);
  const history = byCode.get(code) ?? [];
  const fiveAt = history.filter((a) => a.level === 5);
  return {
    fiveAtCount: fiveAt.length, fiveAtYears: fiveAt.map((a) => a.year),
    missing: Math.max(0, TEN_REQUIRED_FIVE_AT - fiveAt.length),
    ten: tenStatus(history, now.getFullYear()),
    complete: editions.length > 0 && editions.every((e) => e.complete),
  };
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

/** The newest edition that has any award (default for "palmarès" without a year). */
export async function newestEditionWithAwards(prisma: PrismaClient): Promise<number | null> {
  const { byEdition } = await labelSnapshot(prisma);
  return byEdition.size ? Math.max(...byEdition.keys()) : null;
}
