// End to end through the real adapter: botbuilder's TeamsAdapter (local mode, no credentials) sends each member's
// message with continueConversationAsync to the fake Bot Connector. Retry-After, 503, 403; no hidden retries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { createAdapter } from '../bot/adapter.ts';
import { loadConfig } from '../bot/config.ts';
import { createTeamsSender } from '../bot/notifications/teamsSender.ts';
import type { Database } from '../data/database.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { createAnnouncement, queueAnnouncement, startNotificationWorker } from '../data/notifications/index.ts';
import { CODES, seedBulkMembers, seedEditions, seedMembers } from '../bench/lib/notifyFixtures.ts';
import { startFakeConnector, type FakeConnector } from './helpers/fakeConnector.ts';
import { openTestDatabase } from './helpers/testDb.ts';

describe('fan-out through the Teams adapter', () => {
  let db: Database;
  let connector: FakeConnector;
  const requests = new Map<string, number>();
  let throttledAt = 0;
  let retriedAt = 0;

  beforeAll(async () => {
    db = await openTestDatabase();
    connector = await startFakeConnector();
    connector.respond = (c) => {
      const n = (requests.get(c.conversationId) ?? 0) + 1;
      requests.set(c.conversationId, n);
      if (c.conversationId === 'a:conv-blocked') return { status: 403 };
      if (c.conversationId === 'a:conv-gone') return { status: 404 };
      if (c.conversationId === 'a:conv-throttled' && n === 1) {
        throttledAt = performance.now();
        return { status: 429, headers: { 'retry-after': '0.3' } };
      }
      if (c.conversationId === 'a:conv-throttled') retriedAt = performance.now();
      if (c.conversationId === 'a:conv-flaky' && n === 1) return { status: 503 };
      return { status: 201 };
    };
    await seedEditions(db.prisma);
    await seedMembers(db.prisma, [
      { key: 'grenoble', territoryCode: CODES.grenoble }, { key: 'english', locale: 'en-GB', territoryCode: CODES.lyon },
      { key: 'blocked' }, { key: 'gone' }, { key: 'throttled' }, { key: 'flaky' },
    ].map((m) => ({ ...m, serviceUrl: connector.url })));
    await seedBulkMembers(db.prisma, 14, connector.url);
  });
  afterAll(async () => {
    await connector?.close();
    await db?.close();
  });

  it('delivers one message per member, own territory first, honouring Retry-After and failing 403/404 for good', async () => {
    const config = loadConfig({ PORT: '0', DATABASE_URL: 'pglite:memory', SEED_SAMPLES: 'never' });
    const adapter = createAdapter(config, pino({ level: 'silent' }), {});
    const { announcement } = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry: getRegistry() });
    await queueAnnouncement(db.prisma, announcement.id);
    const worker = startNotificationWorker({ db, sender: createTeamsSender(adapter, ''), rate: 100, untilIdle: true, lookup: getRegistry() });
    await worker.finished;

    // Exactly one request per attempt: botbuilder's own HTTP retries are off, the outbox counts every attempt.
    expect(requests.get('a:conv-throttled')).toBe(2);
    expect(requests.get('a:conv-flaky')).toBe(2);
    expect(requests.get('a:conv-blocked')).toBe(1);
    expect(requests.get('a:conv-gone')).toBe(1);
    expect([...requests.values()].reduce((a, b) => a + b, 0)).toBe(22);

    const accepted = connector.received.map((c) => c.conversationId);
    expect(accepted).toHaveLength(18);
    expect(new Set(accepted).size).toBe(18);
    expect(accepted).not.toContain('a:conv-blocked');

    const card = (id: string) => {
      const body = connector.received.find((c) => c.conversationId === id)!.body;
      const attachment = (body.attachments as { contentType: string; content: { body: { text: string }[] } }[])[0]!;
      expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
      return { summary: body.summary, texts: attachment.content.body.map((b) => b.text) };
    };
    expect(card('a:conv-grenoble').texts[1]).toBe('Votre commune Grenoble est Territoire d’excellence numérique (5 @). Félicitations !');
    expect(card('a:conv-grenoble').summary).toBe(card('a:conv-grenoble').texts[1]);
    expect(card('a:conv-english').texts[1]).toBe('Your commune Lyon is labelled for the first time, with 2 @. Congratulations!');
    // No apology from the adapter's onTurnError: a failed send is the worker's business, not a turn error.
    expect(connector.received.every((c) => Array.isArray(c.body.attachments))).toBe(true);

    // The throttled message was retried after Retry-After (0.3 s); the global pause itself is covered in the worker test.
    expect(retriedAt - throttledAt).toBeGreaterThanOrEqual(290);
    const rows = await db.prisma.delivery.findMany({ include: { member: true } });
    const by = Object.fromEntries(rows.map((r) => [r.member.conversationId, r]));
    expect(by['a:conv-blocked']).toMatchObject({ status: 'failed', lastStatusCode: 403, member: { active: false } });
    expect(by['a:conv-gone']).toMatchObject({ status: 'failed', lastStatusCode: 404, member: { active: false } });
    expect(by['a:conv-throttled']).toMatchObject({ status: 'sent', attempts: 2 });
    expect(by['a:conv-flaky']).toMatchObject({ status: 'sent', attempts: 2 });
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(18);
    expect((await db.prisma.announcement.findUniqueOrThrow({ where: { id: announcement.id } })).status).toBe('done');
  });

  // #18 item 2: nothing waits for a hung request.
  it('a request with no answer is given up at the latency-following timeout, frees its slot, and is retried', async () => {
    await db.prisma.delivery.deleteMany({});
    await db.prisma.announcement.deleteMany({});
    await db.prisma.member.updateMany({ data: { active: true } });
    let hungAt = 0;
    connector.respond = (c) => {
      if (c.conversationId === 'a:conv-bulk-3' && !hungAt) {
        hungAt = performance.now();
        return { status: 503, delayMs: 30_000 }; // no answer for 30 s
      }
      return { status: 201 };
    };
    const before = connector.received.length;
    const adapter = createAdapter(loadConfig({ PORT: '0', DATABASE_URL: 'pglite:memory', SEED_SAMPLES: 'never' }), pino({ level: 'silent' }), {});
    const { announcement } = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry: getRegistry() });
    await queueAnnouncement(db.prisma, announcement.id);
    const t0 = performance.now();
    // One request at a time: were the hung one to hold its slot for its 30 s, nothing else would be sent meanwhile.
    const worker = startNotificationWorker({
      db, sender: createTeamsSender(adapter, ''), rate: 100, concurrency: 1, timeoutMinMs: 300, timeoutMaxMs: 600, untilIdle: true,
    });
    await worker.finished;
    const elapsed = performance.now() - t0;
    expect(hungAt).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(10_000);
    expect(worker.stats.timedOut).toBe(1);
    const hung = await db.prisma.delivery.findFirstOrThrow({ where: { announcementId: announcement.id, member: { conversationId: 'a:conv-bulk-3' } } });
    expect(hung).toMatchObject({ status: 'sent', attempts: 2 });
    expect(connector.received.slice(before).filter((c) => c.conversationId === 'a:conv-bulk-3')).toHaveLength(1);
  });
});
