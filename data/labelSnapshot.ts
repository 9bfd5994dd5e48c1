// The palmarès in memory: every award and edition, indexed by territory and by edition, so a label answer costs
// no query. The awards table is small (a few hundred rows per edition) and changes only on import.
// Freshness: an import in this process clears the snapshot at once; every SNAPSHOT_TTL_MS the next reader checks a
// cheap version stamp (count, newest id and update time of the awards, and the editions) and reloads only if it moved,
// so an import by another process (CLI, second bot instance) is seen within that delay.
import type { PrismaClient } from './generated/prisma/client.ts';
import { editionYear } from './editions.ts';
import { isMention, type Mention } from './mentions.ts';

export type EditionInfo = { number: number; year: number; complete: boolean };
export type AwardFact = { code: string; edition: number; year: number; level: number; mentions: Mention[]; source: string };

export type LabelSnapshot = {
  /** Oldest first. */
  editions: EditionInfo[];
  /** A territory's awards, oldest edition first. */
  byCode: ReadonlyMap<string, readonly AwardFact[]>;
  byEdition: ReadonlyMap<number, readonly AwardFact[]>;
};

export const SNAPSHOT_TTL_MS = 5_000;

type Entry = { checkedAt: number; version: string; snapshot: Promise<LabelSnapshot>; checking?: Promise<LabelSnapshot> };
const cache = new WeakMap<PrismaClient, Entry>();
/** Bumped by every forget: a check that started before it must not store what it read. */
const generations = new WeakMap<PrismaClient, number>();

/** After an import in this process: the next reader reloads. */
export function forgetLabelSnapshot(prisma: PrismaClient): void {
  cache.delete(prisma);
  generations.set(prisma, (generations.get(prisma) ?? 0) + 1);
}

async function readVersion(prisma: PrismaClient): Promise<{ version: string; editions: EditionInfo[] }> {
  const [stamp, rows] = await Promise.all([
    prisma.$queryRaw<{ n: number; id: number; at: Date | null }[]>`
      SELECT count(*)::int AS n, coalesce(max(id), 0)::int AS id, max("updatedAt") AS at FROM "Award"`,
    prisma.edition.findMany({ orderBy: { number: 'asc' } }),
  ]);
  const editions = rows.map((e) => ({ number: e.number, year: e.year, complete: e.complete }));
  const s = stamp[0];
  return { version: `${s?.n}/${s?.id}/${s?.at?.getTime() ?? 0}/${JSON.stringify(editions)}`, editions };
}

async function load(prisma: PrismaClient, editions: EditionInfo[]): Promise<LabelSnapshot> {
  const rows = await prisma.award.findMany({ orderBy: [{ editionNumber: 'asc' }, { territoryCode: 'asc' }] });
  const byCode = new Map<string, AwardFact[]>();
  const byEdition = new Map<number, AwardFact[]>();
  for (const a of rows) {
    const fact: AwardFact = {
      code: a.territoryCode, edition: a.editionNumber, year: editionYear(a.editionNumber), level: a.level,
      mentions: a.mentions.filter(isMention), source: a.source,
    };
    let mine = byCode.get(fact.code);
    if (!mine) byCode.set(fact.code, (mine = []));
    mine.push(fact);
    let inEdition = byEdition.get(fact.edition);
    if (!inEdition) byEdition.set(fact.edition, (inEdition = []));
    inEdition.push(fact);
  }
  return { editions, byCode, byEdition };
}

export function labelSnapshot(prisma: PrismaClient): Promise<LabelSnapshot> {
  const entry = cache.get(prisma);
  if (entry && Date.now() - entry.checkedAt < SNAPSHOT_TTL_MS) return entry.snapshot;
  if (entry?.checking) return entry.checking;
  const generation = generations.get(prisma) ?? 0;
  const checking = (async () => {
    const { version, editions } = await readVersion(prisma);
    const current = cache.get(prisma);
    const snapshot = current && current.version === version ? await current.snapshot : await load(prisma, editions);
    if ((generations.get(prisma) ?? 0) === generation) {
      cache.set(prisma, { checkedAt: Date.now(), version, snapshot: Promise.resolve(snapshot) });
    }
    return snapshot;
  })();
  // A failed check or load is not kept: the next reader tries again.
  checking.catch(() => { if (cache.get(prisma)?.checking === checking) cache.delete(prisma); });
  if (entry) entry.checking = checking;
  else cache.set(prisma, { checkedAt: -Infinity, version: '', snapshot: checking, checking });
  return checking;
}
