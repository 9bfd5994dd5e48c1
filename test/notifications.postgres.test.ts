// PostgreSQL only (TEST_DATABASE_URL): two workers claiming at once never send a delivery twice, and the sender
// lock lets one process send while another stands by, then takes over when the holder dies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '../data/database.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { createAnnouncement, queueAnnouncement, senderRunning, startNotificationWorker } from '../data/notifications/index.ts';
import { createLeaderLock } from '../data/notifications/leader.ts';
import { NotificationWorker } from '../data/notifications/worker.ts';
import { recordingSender, seedBulkMembers, seedEditions } from '../bench/lib/notifyFixtures.ts';
import { createPostgresDatabase, postgresUrl } from './helpers/testDb.ts';

describe.skipIf(!postgresUrl)('notifications on PostgreSQL', () => {
  let target: { url: string; drop(): Promise<void> };
  let a: Database;
  let b: Database;

  beforeAll(async () => {
    target = await createPostgresDatabase();
    a = await openDatabase({ url: target.url });
    b = await openDatabase({ url: target.url, migrate: false }); // a second process: its own connection pool
    await seedEditions(a.prisma);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await target?.drop();
  });

  async function announce(members: number): Promise<string> {
    await a.prisma.$executeRawUnsafe('TRUNCATE "Delivery", "Announcement", "Member" CASCADE');
    await seedBulkMembers(a.prisma, members);
    const { announcement } = await createAnnouncement(a.prisma, { edition: 22, createdBy: 'admin', registry: getRegistry() });
    await queueAnnouncement(a.prisma, announcement.id);
    return announcement.id;
  }

  it('lets two workers claim concurrently without sending any delivery twice', async () => {
    await announce(300);
    const senderA = recordingSender(undefined, 10);
    const senderB = recordingSender(undefined, 10);
    // A worker claims ≈ 200 ms of sends ahead (rate / 5 rows): at 500/s that is 100 rows, so 300 deliveries leave
    // work for both; at 2000/s the first claim would take all 300 and prove nothing about concurrent claims.
    const options = { rate: 500, maxAttempts: 3, untilIdle: true, concurrency: 4 };
    await Promise.all([
      new NotificationWorker({ prisma: a.prisma, sender: senderA, ...options }).run(new AbortController().signal),
      new NotificationWorker({ prisma: b.prisma, sender: senderB, ...options }).run(new AbortController().signal),
    ]);
    const all = [...senderA.sent, ...senderB.sent].map((s) => s.memberId);
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    expect(senderA.sent.length).toBeGreaterThan(0);
    expect(senderB.sent.length).toBeGreaterThan(0);
    expect(await a.prisma.delivery.count({ where: { status: 'sent', attempts: 1 } })).toBe(300);
  });

  it('holds the sender lock in one process; a stand-by takes over when the holder’s connection dies', async () => {
    const first = createLeaderLock(a.target, { pollMs: 100 });
    const second = createLeaderLock(b.target, { pollMs: 100 });
    const stop = new AbortController();
    expect(await first.acquire(stop.signal)).toBe(true);
    let secondLeads = false;
    const waiting = second.acquire(stop.signal).then((ok) => (secondLeads = ok));
    await new Promise((r) => setTimeout(r, 400));
    expect(secondLeads).toBe(false);
    // The holder's process dies: PostgreSQL ends its session, which releases the lock.
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'arobase-notify-lock' AND datname = current_database() AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)`);
    await admin.end();
    await waiting;
    expect(secondLeads).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(first.lost.aborted).toBe(true);
    await second.release();
    await first.release();
  });

  it('runs one sending worker across processes; the stand-by finishes the job after the first stops', async () => {
    await announce(120);
    const senderA = recordingSender(undefined, 5);
    const senderB = recordingSender(undefined, 5);
    const wa = startNotificationWorker({ db: a, sender: senderA, rate: 200 });
    await new Promise((r) => setTimeout(r, 300));
    const wb = startNotificationWorker({ db: b, sender: senderB, rate: 200, untilIdle: true });
    while (senderA.sent.length < 20) await new Promise((r) => setTimeout(r, 20));
    expect(senderB.sent).toHaveLength(0); // standing by
    await wa.stop();
    await wb.finished;
    expect(senderB.sent.length).toBeGreaterThan(0);
    const all = [...senderA.sent, ...senderB.sent].map((s) => s.memberId);
    expect(new Set(all).size).toBe(120);
    expect(all).toHaveLength(120);
  });
  it('two announcements of the same edition confirmed at once from two processes: one message per member', async () => {
    await a.prisma.$executeRawUnsafe('TRUNCATE "Delivery", "Announcement", "Member" CASCADE');
    await seedBulkMembers(a.prisma, 200);
    const registry = getRegistry();
    const [x, y] = await Promise.all([
      createAnnouncement(a.prisma, { edition: 22, createdBy: 'admin', registry }),
      createAnnouncement(b.prisma, { edition: 22, createdBy: 'admin', registry }),
    ]);
    const [qx, qy] = await Promise.all([queueAnnouncement(a.prisma, x.announcement.id), queueAnnouncement(b.prisma, y.announcement.id)]);
    expect(qx.queued + qy.queued).toBe(200);
    expect([qx.alreadyReceived, qy.alreadyReceived].sort((m, n) => m - n)).toEqual([0, 200]);
    const rows = await a.prisma.delivery.findMany({ select: { memberId: true } });
    expect(new Set(rows.map((r) => r.memberId)).size).toBe(200);
    expect(rows).toHaveLength(200);
  });

  it('tells whether a sender holds the lock (notify:status --follow hints when none does)', async () => {
    expect(await senderRunning(b)).toBe(false);
    const lock = createLeaderLock(a.target, { pollMs: 100 });
    expect(await lock.acquire(new AbortController().signal)).toBe(true);
    try {
      expect(await senderRunning(b)).toBe(true);
    } finally {
      await lock.release();
    }
    expect(await senderRunning(b)).toBe(false);
  });
});
