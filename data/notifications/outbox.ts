// The outbox table (Delivery) seen by the worker. Raw SQL where Prisma has no word for it: FOR UPDATE SKIP LOCKED,
// batched updates. Timestamps are `timestamp(3)` holding UTC (Prisma's convention), hence `now() AT TIME ZONE 'UTC'`.
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Recipient } from './types.ts';

export type ClaimedRow = Recipient & { active: boolean; subscribed: boolean };

type RawClaim = Omit<ClaimedRow, 'attempt'> & { attempt: number | bigint };

/**
 * Claims up to `limit` due deliveries of live announcements and marks them `claimed` (attempts + 1) in the same
 * statement. They become `sending` only when their request is handed to the network (markOnWire): a crash before
 * that loses nothing, the row is sent by the next leader. SKIP LOCKED: two workers never claim the same row.
 * Most recently due first (a backward scan of the status/nextAttemptAt index): a retry whose backoff just ran out
 * goes before the bulk queued earlier, so retries interleave with the fan-out instead of piling up at its end.
 */
export async function claimDeliveries(prisma: PrismaClient, limit: number): Promise<ClaimedRow[]> {
  const rows = await prisma.$queryRaw<RawClaim[]>`
    WITH picked AS (
      SELECT d.id FROM "Delivery" d JOIN "Announcement" a ON a.id = d."announcementId"
      WHERE d.status = 'pending' AND d."nextAttemptAt" <= (now() AT TIME ZONE 'UTC') AND a.status IN ('queued', 'sending')
      ORDER BY d."nextAttemptAt" DESC
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED
    ), claimed AS (
      UPDATE "Delivery" d SET status = 'claimed', attempts = d.attempts + 1, "updatedAt" = (now() AT TIME ZONE 'UTC')
      FROM picked WHERE d.id = picked.id
      RETURNING d.id, d."announcementId", d."memberId", d.attempts
    )
    SELECT c.id AS "deliveryId", c."announcementId", c."memberId", c.attempts AS attempt,
           m."conversationReference", m.locale, m."territoryCode",
           COALESCE(m."tenantId", m."conversationReference"#>>'{conversation,tenantId}', '') AS "tenantId",
           COALESCE(m."filterDepartements", '{}') AS "filterDepartements", COALESCE(m."filterRegions", '{}') AS "filterRegions",
           -- A team channel is never subscribed: the admin chose it for this announcement.
           m.active, (m.subscribed OR m.kind = 'channel') AS subscribed, (m.kind = 'channel') AS channel
    FROM claimed c JOIN "Member" m ON m.id = c."memberId"`;
  return rows.map((r) => ({ ...r, attempt: Number(r.attempt) }));
}

/**
 * These deliveries' requests are about to be handed to the network: `sending` from now on (committed before the
 * request leaves). Only rows still `claimed` (not cancelled meanwhile) are marked; returns those marked.
 */
export async function markOnWire(prisma: PrismaClient, deliveryIds: string[]): Promise<Set<string>> {
  if (!deliveryIds.length) return new Set();
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "Delivery" SET status = 'sending', "updatedAt" = (now() AT TIME ZONE 'UTC')
    WHERE id = ANY(${deliveryIds}::text[]) AND status = 'claimed' RETURNING id`;
  return new Set(rows.map((r) => r.id));
}

/** Marks announcements whose first rows were just claimed as `sending`. */
export async function markSending(prisma: PrismaClient, announcementIds: string[]): Promise<void> {
  if (!announcementIds.length) return;
  await prisma.$executeRaw`UPDATE "Announcement" SET status = 'sending' WHERE id = ANY(${announcementIds}::text[]) AND status = 'queued'`;
}

export type Outcome = {
  deliveryId: string;
  memberId: string;
  status: 'sent' | 'pending' | 'failed' | 'cancelled';
  statusCode: number | null;
  /** For `pending`: when to try again, from `at`. */
  delayMs: number | null;
  error: string | null;
  /** performance.now() when the outcome was known; the write converts it to an age so DB time stays the reference. */
  at: number;
  /** 403/404: the member is gone, mark it inactive. */
  deactivate?: boolean;
  /** Claimed but never sent (graceful stop): back to pending, attempt given back. */
  released?: boolean;
};

/**
 * Writes outcomes in one statement (after-attempt status). Only rows still `sending` are touched. A claimed row
 * that was never sent is released with delayMs 0 and its attempt given back.
 */
export async function recordOutcomes(prisma: PrismaClient, outcomes: Outcome[], now = performance.now()): Promise<void> {
  if (!outcomes.length) return;
  const ids = outcomes.map((o) => o.deliveryId);
  const statuses = outcomes.map((o) => o.status);
  const codes = outcomes.map((o) => o.statusCode);
  const ages = outcomes.map((o) => Math.max(0, Math.round(now - o.at)));
  const delays = outcomes.map((o) => o.delayMs);
  const errors = outcomes.map((o) => o.error);
  const refunds = outcomes.map((o) => (o.released ? 1 : 0));
  // A retry or a release for an announcement cancelled meanwhile ends as cancelled, not pending.
  await prisma.$executeRaw`
    UPDATE "Delivery" d SET
      status = (CASE WHEN u.status = 'pending' AND a.status = 'cancelled' THEN 'cancelled' ELSE u.status END)::"DeliveryStatus",
      "lastStatusCode" = CASE WHEN u.refund = 1 THEN d."lastStatusCode" ELSE u.code END,
      attempts = d.attempts - u.refund,
      "nextAttemptAt" = CASE WHEN u.delay IS NULL THEN d."nextAttemptAt"
        ELSE (now() AT TIME ZONE 'UTC') + (u.delay - u.age) * interval '1 millisecond' END,
      "sentAt" = CASE WHEN u.status = 'sent' THEN (now() AT TIME ZONE 'UTC') - u.age * interval '1 millisecond' ELSE d."sentAt" END,
      error = CASE WHEN u.refund = 1 THEN d.error ELSE u.error END,
      "updatedAt" = (now() AT TIME ZONE 'UTC')
    FROM unnest(${ids}::text[], ${statuses}::text[], ${codes}::int[], ${ages}::int[], ${delays}::int[], ${errors}::text[], ${refunds}::int[])
      AS u(id, status, code, age, delay, error, refund), "Announcement" a
    WHERE d.id = u.id AND d.status IN ('claimed', 'sending') AND a.id = d."announcementId"`;
  const gone = [...new Set(outcomes.filter((o) => o.deactivate).map((o) => o.memberId))];
  if (gone.length) {
    await prisma.$executeRaw`UPDATE "Member" SET active = false, "updatedAt" = (now() AT TIME ZONE 'UTC') WHERE id = ANY(${gone}::text[])`;
  }
}

/** After a crash, what to do with deliveries whose request was on the wire (NOTIFY_ON_UNCERTAIN). */
export type UncertainPolicy = 'resend' | 'report';

/**
 * Crash recovery, by the lock holder when it starts (no live worker owns these rows):
 * - `claimed`: taken by the dead worker, never handed to the network → pending again, attempt given back;
 * - `sending`: on the wire when the worker died; Teams may or may not have it. `resend` (default): pending again,
 *   flagged `resentAfterCrash` and reported as possibly received twice (at-least-once); `report`: `uncertain`, left
 *   to an admin's « renvoyer aux échecs ».
 */
export async function recoverOrphans(prisma: PrismaClient, policy: UncertainPolicy = 'resend'): Promise<{ released: number; resent: number; uncertain: number }> {
  const released = await prisma.$executeRaw`
    UPDATE "Delivery" SET status = 'pending', attempts = GREATEST(attempts - 1, 0), "nextAttemptAt" = (now() AT TIME ZONE 'UTC'),
      "updatedAt" = (now() AT TIME ZONE 'UTC')
    WHERE status = 'claimed'`;
  if (policy === 'report') {
    const uncertain = await prisma.$executeRaw`
      UPDATE "Delivery" SET status = 'uncertain', error = 'envoi interrompu (arrêt brutal du worker) : reçu ou non, inconnu',
        "updatedAt" = (now() AT TIME ZONE 'UTC')
      WHERE status = 'sending'`;
    return { released, resent: 0, uncertain };
  }
  const resent = await prisma.$executeRaw`
    UPDATE "Delivery" d SET status = (CASE WHEN a.status = 'cancelled' THEN 'cancelled' ELSE 'pending' END)::"DeliveryStatus",
      "resentAfterCrash" = true, "nextAttemptAt" = (now() AT TIME ZONE 'UTC'),
      error = 'renvoyé après un arrêt brutal : la requête était partie, le message a pu arriver deux fois',
      "updatedAt" = (now() AT TIME ZONE 'UTC')
    FROM "Announcement" a
    WHERE d.status = 'sending' AND a.id = d."announcementId"`;
  return { released, resent, uncertain: 0 };
}

/** Announcements with nothing left to send become `done`. Returns their ids. */
export async function completeFinished(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "Announcement" a SET status = 'done', "completedAt" = (now() AT TIME ZONE 'UTC')
    WHERE a.status IN ('queued', 'sending') AND NOT EXISTS (
      SELECT 1 FROM "Delivery" d WHERE d."announcementId" = a.id AND d.status IN ('pending', 'claimed', 'sending'))
    RETURNING a.id`;
  return rows.map((r) => r.id);
}

/** Which of these announcements were cancelled (the worker drops their rows claimed ahead). */
export async function cancelledAmong(prisma: PrismaClient, announcementIds: string[]): Promise<Set<string>> {
  if (!announcementIds.length) return new Set();
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Announcement" WHERE id = ANY(${announcementIds}::text[]) AND status = 'cancelled'`;
  return new Set(rows.map((r) => r.id));
}

/** Milliseconds until the next pending delivery of a live announcement is due; null when none is pending. */
export async function nextDueIn(prisma: PrismaClient): Promise<number | null> {
  const [row] = await prisma.$queryRaw<{ ms: number | null }[]>`
    SELECT (EXTRACT(EPOCH FROM (min(d."nextAttemptAt") - (now() AT TIME ZONE 'UTC'))) * 1000)::float8 AS ms
    FROM "Delivery" d JOIN "Announcement" a ON a.id = d."announcementId"
    WHERE d.status = 'pending' AND a.status IN ('queued', 'sending')`;
  return row?.ms == null ? null : Math.max(0, row.ms);
}
