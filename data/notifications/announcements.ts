// Announcement lifecycle: draft (built from Award rows) → queued (one outbox row per recipient) → sending → done;
// cancel stops what is not sent yet; re-send puts failed and uncertain deliveries back in the queue.
// One message per member per edition: publishing an edition again skips the members who already received (or are
// being sent) an announcement of that edition, unless asked otherwise.
import { Prisma, type Announcement, type PrismaClient } from '../generated/prisma/client.ts';
import type { Registry } from '../territories/registry.ts';
import { activeChannelIds } from '../channels.ts';
import { buildAnnouncementContent, concerns, contentStats, type ContentStats } from './content.ts';
import { AnnouncementError } from './errors.ts';
import { contentSchema, type AnnouncementContent } from './types.ts';

export { AnnouncementError } from './errors.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export type Draft = {
  announcement: Announcement; content: AnnouncementContent; stats: ContentStats;
  /** Members who will get a message on confirmation. */
  recipients: number;
  /** Members concerned who already received an announcement of this edition: not sent again. */
  alreadyReceived: number;
};

export function parseContent(json: unknown): AnnouncementContent {
  return contentSchema.parse(json);
}

/** Active, subscribed members the bot can reach and the announcement concerns (subscription filters). */
export async function selectRecipients(prisma: Db, content: AnnouncementContent): Promise<string[]> {
  const members = await prisma.member.findMany({
    where: { kind: 'person', active: true, subscribed: true, NOT: { conversationReference: { equals: Prisma.DbNull } } },
    select: { id: true, territoryCode: true, filterDepartements: true, filterRegions: true },
    orderBy: { createdAt: 'asc' },
  });
  return members.filter((m) => concerns(content, m)).map((m) => m.id);
}

/**
 * Members who already have an announcement of `edition` (other than `exceptAnnouncementId`): sent, uncertain (may
 * have been received), in flight, or still pending in a live announcement. Failed and cancelled ones did not get it.
 */
export async function membersWithEdition(prisma: Db, edition: number, exceptAnnouncementId = ''): Promise<Set<string>> {
  const rows = await prisma.$queryRaw<{ memberId: string }[]>`
    SELECT DISTINCT d."memberId" FROM "Delivery" d JOIN "Announcement" a ON a.id = d."announcementId"
    WHERE a."editionNumber" = ${edition} AND a.id <> ${exceptAnnouncementId}
      AND (d.status IN ('sent', 'uncertain', 'sending') OR (d.status IN ('pending', 'claimed') AND a.status IN ('queued', 'sending')))`;
  return new Set(rows.map((r) => r.memberId));
}

export type RecipientPlan = {
  /** Member ids to send to. */
  recipients: string[];
  /** Concerned members who already have an announcement of this edition (skipped, unless `again`). */
  alreadyReceived: number;
};

/** Who gets the announcement: selectRecipients and the chosen channels, minus the members who already have this edition (unless `again`). */
export async function planRecipients(
  prisma: Db, content: AnnouncementContent, options: { again?: boolean; exceptAnnouncementId?: string; channels?: readonly unknown[] } = {},
): Promise<RecipientPlan> {
  // The team channels the admin chose (data/channels.ts) are recipients like members: once per edition each.
  const concerned = [...(await selectRecipients(prisma, content)), ...(await activeChannelIds(prisma, options.channels))];
  const have = await membersWithEdition(prisma, content.edition, options.exceptAnnouncementId);
  const fresh = concerned.filter((id) => !have.has(id));
  return { recipients: options.again ? concerned : fresh, alreadyReceived: concerned.length - fresh.length };
}

/** Builds what is new in `edition` and stores it as a draft; nothing is sent before queueAnnouncement. */
export async function createAnnouncement(prisma: PrismaClient, input: { edition: number; createdBy: string; registry: Pick<Registry, 'get'> }): Promise<Draft> {
  const content = await buildAnnouncementContent(prisma, input.edition, input.registry);
  const plan = await planRecipients(prisma, content);
  const announcement = await prisma.announcement.create({
    data: { editionNumber: input.edition, createdBy: input.createdBy, content: content as unknown as Prisma.InputJsonValue },
  });
  return { announcement, content, stats: contentStats(content), recipients: plan.recipients.length, alreadyReceived: plan.alreadyReceived };
}

export type QueueResult = {
  announcementId: string; queued: number; alreadyQueued: boolean;
  /** Concerned members who already have an announcement of this edition (not queued, unless `again`). */
  alreadyReceived: number;
};

/**
 * Creates the deliveries in one transaction. The row lock on the announcement serialises two confirmations, and
 * the unique (announcementId, memberId) index makes a second insert a no-op: queuing twice queues once. The lock
 * on the edition row serialises two announcements of the same edition, so each sees the other's deliveries and a
 * member gets one message per edition (`again`: send to those who already got one too).
 */
export async function queueAnnouncement(
  prisma: PrismaClient, announcementId: string, options: { again?: boolean; now?: () => Date; channels?: readonly unknown[] } = {},
): Promise<QueueResult> {
  const result = await prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string; content: unknown; edition: number }[]>`
      SELECT status::text AS status, content, "editionNumber" AS edition FROM "Announcement" WHERE id = ${announcementId} FOR UPDATE`;
    if (!row) throw new AnnouncementError('notFound', { id: announcementId });
    if (row.status === 'cancelled') throw new AnnouncementError('queueCancelled', { edition: row.edition });
    if (row.status !== 'draft') return { announcementId, queued: 0, alreadyQueued: true, alreadyReceived: 0 };
    await tx.$queryRaw`SELECT number FROM "Edition" WHERE number = ${row.edition} FOR UPDATE`;
    const { recipients: members, alreadyReceived } = await planRecipients(tx, parseContent(row.content), { again: options.again, exceptAnnouncementId: announcementId, channels: options.channels });
    let queued = 0;
    // One array parameter a chunk (unnest): Prisma's createMany of 5,000 rows built a statement of 10,000
    // parameters, and the embedded database kept ~120 MB more for the rest of the process (bench:notify).
    for (let i = 0; i < members.length; i += 2000) {
      const chunk = members.slice(i, i + 2000);
      queued += await tx.$executeRaw`
        INSERT INTO "Delivery" (id, "announcementId", "memberId", "updatedAt")
        SELECT gen_random_uuid()::text, ${announcementId}, m, (now() AT TIME ZONE 'UTC') FROM unnest(${chunk}::text[]) AS m
        ON CONFLICT ("announcementId", "memberId") DO NOTHING`;
    }
    await tx.announcement.update({ where: { id: announcementId }, data: { status: 'queued', queuedAt: (options.now ?? (() => new Date()))() } });
    return { announcementId, queued, alreadyQueued: false, alreadyReceived };
  }, { timeout: 120_000, maxWait: 30_000 });
  // Thousands of new rows: fresh statistics keep the claim on its index (PGlite has no autovacuum to do it).
  if (result.queued > 0) await prisma.$executeRawUnsafe('ANALYZE "Delivery"');
  return result;
}

/**
 * Stops an announcement: pending deliveries become cancelled; a send already in flight completes.
 * `draftOnly` (the preview's « Abandonner »): refuses once the announcement was confirmed, so a stale preview
 * button cannot stop a send in progress.
 */
export async function cancelAnnouncement(prisma: PrismaClient, announcementId: string, options: { draftOnly?: boolean; now?: () => Date } = {}): Promise<{ cancelled: number }> {
  return prisma.$transaction(async (tx) => {
    const [a] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM "Announcement" WHERE id = ${announcementId} FOR UPDATE`;
    if (!a) throw new AnnouncementError('notFound', { id: announcementId });
    if (a.status === 'done') throw new AnnouncementError('cancelDone');
    if (a.status === 'cancelled') throw new AnnouncementError('cancelCancelled');
    if (options.draftOnly && a.status !== 'draft') throw new AnnouncementError('discardQueued');
    await tx.announcement.update({ where: { id: announcementId }, data: { status: 'cancelled', cancelledAt: (options.now ?? (() => new Date()))() } });
    const { count } = await tx.delivery.updateMany({ where: { announcementId, status: 'pending' }, data: { status: 'cancelled' } });
    return { cancelled: count };
  });
}

export type ResendStatus = 'failed' | 'uncertain';

/**
 * Re-queues failed and uncertain deliveries (an admin's decision: uncertain ones may have been received) to members
 * still active — a 403/404 deactivated the member, who becomes active again by talking to the bot.
 */
export async function resendAnnouncement(
  prisma: PrismaClient, announcementId: string, statuses: ResendStatus[] = ['failed', 'uncertain'], now: () => Date = () => new Date(),
): Promise<{ requeued: number }> {
  return prisma.$transaction(async (tx) => {
    const a = await tx.announcement.findUnique({ where: { id: announcementId } });
    if (!a) throw new AnnouncementError('notFound', { id: announcementId });
    if (a.status === 'draft') throw new AnnouncementError('resendDraft');
    if (a.status === 'cancelled') throw new AnnouncementError('resendCancelled', { edition: a.editionNumber });
    const { count } = await tx.delivery.updateMany({
      where: { announcementId, status: { in: statuses }, member: { active: true } },
      data: { status: 'pending', attempts: 0, nextAttemptAt: now(), error: null },
    });
    if (count > 0) await tx.announcement.update({ where: { id: announcementId }, data: { status: 'queued', completedAt: null } });
    return { requeued: count };
  });
}

export function latestAnnouncement(prisma: Db): Promise<Announcement | null> {
  return prisma.announcement.findFirst({ orderBy: { createdAt: 'desc' } });
}
