// What is new in an edition, computed only from Award rows: each award of edition N compared with N − 1.
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { editionYear } from '../editions.ts';
import type { Registry } from '../territories/registry.ts';
import { AnnouncementError } from './errors.ts';
import type { AnnouncementContent, AnnouncementEntry, Change } from './types.ts';

type Db = PrismaClient | Prisma.TransactionClient;
type AreaLookup = Pick<Registry, 'get'>;

function compare(level: number, previous: { level: number } | undefined, previousComplete: boolean): Change {
  if (!previous) return previousComplete ? 'new' : 'unknown';
  return level > previous.level ? 'up' : level < previous.level ? 'down' : 'same';
}

export async function buildAnnouncementContent(prisma: Db, edition: number, registry: AreaLookup): Promise<AnnouncementContent> {
  const previousEdition = edition - 1;
  const [current, previous, editions] = await Promise.all([
    prisma.award.findMany({ where: { editionNumber: edition }, orderBy: { territoryCode: 'asc' } }),
    prisma.award.findMany({ where: { editionNumber: previousEdition } }),
    prisma.edition.findMany({ where: { number: { in: [edition, previousEdition] } } }),
  ]);
  if (current.length === 0) throw new AnnouncementError('noAwards', { edition });
  const previousComplete = editions.find((e) => e.number === previousEdition)?.complete ?? false;
  const before = new Map(previous.map((a) => [a.territoryCode, a]));
  const entries = current.map((award): AnnouncementEntry => {
    const prev = before.get(award.territoryCode);
    const place = registry.get(award.territoryCode);
    const entry: AnnouncementEntry = {
      code: award.territoryCode,
      // The registry names the territory; an unknown code (merged commune) keeps its code rather than a guess.
      name: place?.name ?? award.territoryCode,
      kind: award.territoryKind,
      level: award.level,
      previousLevel: prev?.level ?? null,
      mentions: award.mentions,
      newMentions: award.mentions.filter((m) => !prev?.mentions.includes(m)),
      change: compare(award.level, prev, previousComplete),
      source: award.source,
    };
    if (place?.departement) entry.departement = place.departement;
    if (place?.region) entry.region = place.region;
    return entry;
  });
  return {
    version: 1, edition, year: editionYear(edition),
    editionComplete: editions.find((e) => e.number === edition)?.complete ?? false,
    previousEdition, previousComplete, entries,
  };
}

/** Worth announcing to everybody: a first label, a level gained, or a mention obtained. */
export function isHighlight(e: AnnouncementEntry): boolean {
  return e.change === 'new' || e.change === 'up' || e.newMentions.length > 0;
}

export type ContentStats = {
  entries: number; ten: number; firstLabels: number; up: number; down: number; same: number; unknown: number;
  /** Other mentions obtained, by mention. */
  mentions: Record<string, number>;
};

export function contentStats(content: AnnouncementContent): ContentStats {
  const s: ContentStats = { entries: content.entries.length, ten: 0, firstLabels: 0, up: 0, down: 0, same: 0, unknown: 0, mentions: {} };
  for (const e of content.entries) {
    if (e.newMentions.includes('excellence')) s.ten++;
    if (e.change === 'new') s.firstLabels++;
    else if (e.change === 'up' || e.change === 'down' || e.change === 'same' || e.change === 'unknown') s[e.change]++;
    for (const m of e.newMentions) if (m !== 'excellence') s.mentions[m] = (s.mentions[m] ?? 0) + 1;
  }
  return s;
}

/**
 * Subscription filter: a member with département/région filters only gets an announcement concerning them —
 * their own territory is in the palmarès, or a highlight lies in one of their areas. Without filters: always.
 */
export function concerns(content: AnnouncementContent, member: { territoryCode: string | null; filterDepartements: string[]; filterRegions: string[] }): boolean {
  if (member.filterDepartements.length === 0 && member.filterRegions.length === 0) return true;
  return content.entries.some((e) =>
    e.code === member.territoryCode || (isHighlight(e) && inArea(e, member)));
}

export function inArea(e: { departement?: string; region?: string }, filters: { filterDepartements: string[]; filterRegions: string[] }): boolean {
  return (!!e.departement && filters.filterDepartements.includes(e.departement)) || (!!e.region && filters.filterRegions.includes(e.region));
}
