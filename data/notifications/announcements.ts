// Announcement lifecycle: draft (built from Award rows) → queued (one outbox row per recipient) → sending → done;
// cancel stops what is not sent yet; re-send puts failed and uncertain deliveries back in the queue.
import { Prisma, type Announcement, type PrismaClient } from '../generated/prisma/client.ts';
import type { Registry } from '../registry.ts';
import { AnnouncementError, buildAnnouncementContent, concerns, contentStats, type ContentStats } from './content.ts';
import { contentSchema, type AnnouncementContent } from './types.ts';

export { AnnouncementError } from './content.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export type Draft = { announcement: Announcement; content: AnnouncementContent; stats: ContentStats; recipients: number };

export function parseContent(json: unknown): AnnouncementContent {
  return contentSchema.parse(json);
}

/** Active, subscribed members the bot can reach and the announcement concerns (subscription filters). */
export async function selectRecipients(prisma: Db, content: AnnouncementContent): Promise<string[]> {
  const members = await prisma.member.findMany({
    where: { active: true, subscribed: true, NOT: { conversationReference: { equals: Prisma.DbNull } } },
    select: { id: true, territoryCode: true, filterDepartements: true, filterRegions: true },
    orderBy: { createdAt: 'asc' },
  });
  return members.filter((m) => concerns(content, m)).map((m) => m.id);
}

/** Builds what is new in `edition` and stores it as a draft; nothing is sent before queueAnnouncement. */
export async function createAnnouncement(prisma: PrismaClient, input: { edition: number; createdBy: string; registry: Pick<Registry, 'get'> }): Promise<Draft> {
  const content = await buildAnnouncementContent(prisma, input.edition, input.registry);
  const recipients = (await selectRecipients(prisma, content)).length;
  const announcement = await prisma.announcement.create({
    data: { editionNumber: input.edition, createdBy: input.createdBy, content: content as unknown as Prisma.InputJsonValue },
  });
  return { announcement, content, stats: contentStats(content), recipients };
}

export type QueueResult = { announcementId: string; queued: number; alreadyQueued: boolean };

/**
 * Creates the deliveries in one transaction. The row lock on the announcement serialises two confirmations, and
 * the unique (announcementId, memberId) index makes a second insert a no-op: queuing twice queues once.
 */
export async function queueAnnouncement(prisma: PrismaClient, announcementId: string): Promise<QueueResult> {
  const result = await prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string; content: unknown }[]>`
      SELECT status::text AS status, content FROM "Announcement" WHERE id = ${announcementId} FOR UPDATE`;
    if (!row) throw new AnnouncementError(`Annonce introuvable : ${announcementId}`);
    if (row.status === 'cancelled') throw new AnnouncementError('Cette annonce a été annulée : créez-en une nouvelle.');
    if (row.status !== 'draft') return { announcementId, queued: 0, alreadyQueued: true };
    const members = await selectRecipients(tx, parseContent(row.content));
    let queued = 0;
    for (let i = 0; i < members.length; i += 5000) {
      const chunk = members.slice(i, i + 5000).map((memberId) => ({ announcementId, memberId }));
      queued += (await tx.delivery.createMany({ data: chunk, skipDuplicates: true })).count;
    }
    await tx.announcement.update({ where: { id: announcementId }, data: { status: 'queued', queuedAt: new Date() } });
    return { announcementId, queued, alreadyQueued: false };
  }, { timeout: 120_000, maxWait: 30_000 });
  // Thousands of new rows: fresh statistics keep the claim on its index (PGlite has no autovacuum to do it).
  if (result.queued > 0) await prisma.$executeRawUnsafe('ANALYZE "Delivery"');
  return result;
}

/** Stops an announcement: pending deliveries become cancelled; a send already in flight completes. */
export async function cancelAnnouncement(prisma: PrismaClient, announcementId: string): Promise<{ cancelled: number }> {
  return prisma.$transaction(async (tx) => {
    const a = await tx.announcement.findUnique({ where: { id: announcementId } });
    if (!a) throw new AnnouncementError(`Annonce introuvable : ${announcementId}`);
    if (a.status === 'done' || a.status === 'cancelled') {
      throw new AnnouncementError(a.status === 'done' ? 'Cette annonce est déjà entièrement envoyée.' : 'Cette annonce est déjà annulée.');
    }
    await tx.announcement.update({ where: { id: announcementId }, data: { status: 'cancelled', cancelledAt: new Date() } });
    const { count } = await tx.delivery.updateMany({ where: { announcementId, status: 'pending' }, data: { status: 'cancelled' } });
    return { cancelled: count };
  });
}

export type ResendStatus = 'failed' | 'uncertain';

/**
 * Re-queues failed and uncertain deliveries (an admin's decision: uncertain ones may have been received) to members
 * still active — a 403/404 deactivated the member, who becomes active again by talking to the bot.
 */
export async function resendAnnouncement(prisma: PrismaClient, announcementId: string, statuses: ResendStatus[] = ['failed', 'uncertain']): Promise<{ requeued: number }> {
  return prisma.$transaction(async (tx) => {
    const a = await tx.announcement.findUnique({ where: { id: announcementId } });
    if (!a) throw new AnnouncementError(`Annonce introuvable : ${announcementId}`);
    if (a.status === 'draft' || a.status === 'cancelled') {
      throw new AnnouncementError(a.status === 'draft' ? 'Cette annonce n’a pas encore été envoyée.' : 'Cette annonce a été annulée.');
    }
    const { count } = await tx.delivery.updateMany({
      where: { announcementId, status: { in: statuses }, member: { active: true } },
      data: { status: 'pending', attempts: 0, nextAttemptAt: new Date(), error: null },
    });
    if (count > 0) await tx.announcement.update({ where: { id: announcementId }, data: { status: 'queued', completedAt: null } });
    return { requeued: count };
  });
}

export function latestAnnouncement(prisma: Db): Promise<Announcement | null> {
  return prisma.announcement.findFirst({ orderBy: { createdAt: 'desc' } });
}
