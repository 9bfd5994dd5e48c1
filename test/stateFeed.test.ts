// Conversation state on a shared PostgreSQL with the change feed: each process keeps the rows it read and forgets
// one as soon as another process changes it; its own writes are not news to it; with the feed down it reads the
// database. ETag conflicts are still refused by the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLabelMemoryKey, LABEL_MEMORY_PREFIX, StateStorage } from '../bot/stateStorage.ts';
import { openDatabase, type Database } from '../data/database.ts';
import { sqlOf, type Sql } from '../data/sql.ts';
import { startStateFeed, type StateFeed } from '../data/stateFeed.ts';
import { createPostgresDatabase, postgresUrl } from './helpers/testDb.ts';
import { until } from './helpers/until.ts';

/** An Sql that counts the statements it runs, and the SELECTs among them. */
function counting(sql: Sql): Sql & { selects: number; statements: number } {
  const f = (async (text: string, params?: unknown[]) => {
    f.statements++;
    if (/^\s*SELECT/i.test(text)) f.selects++;
    return sql(text, params);
  }) as Sql & { selects: number; statements: number };
  f.selects = 0;
  f.statements = 0;
  return f;
}


describe.skipIf(!postgresUrl)('state change feed (PostgreSQL, TEST_DATABASE_URL)', () => {
  let target: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let a: Database;
  let b: Database;
  let feedA: StateFeed;
  let feedB: StateFeed;
  beforeAll(async () => {
    target = await createPostgresDatabase();
    a = await openDatabase({ url: target.url });
    b = await openDatabase({ url: target.url, migrate: false });
    feedA = startStateFeed(a)!;
    feedB = startStateFeed(b)!;
    await until(async () => feedA.live && feedB.live);
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await target?.drop();
  });

  it('two processes: reads from memory, an own write is no news, another process\'s write is seen at once', async () => {
    const sqlA = counting(sqlOf(a));
    const A = new StateStorage(sqlA, { feed: feedA });
    const B = new StateStorage(sqlOf(b), { feed: feedB });
    await A.write({ k1: { n: 1 } });
    expect((await A.read(['k1'])).k1).toMatchObject({ n: 1 });
    const first = await A.read(['k1']);
    await A.write({ k1: { ...first.k1, n: 2 } });
    expect((await A.read(['k1'])).k1).toMatchObject({ n: 2 });
    expect(sqlA.selects).toBe(0); // what it wrote is what it reads: from memory

    const seenByB = await B.read(['k1']);
    await B.write({ k1: { ...seenByB.k1, n: 3 } });
    await until(async () => ((await A.read(['k1'])).k1 as { n: number }).n === 3);
    expect(sqlA.selects).toBeGreaterThanOrEqual(1);
  });

  it('still refuses a stale eTag between processes (no lost update)', async () => {
    const A = new StateStorage(sqlOf(a), { feed: feedA });
    const B = new StateStorage(sqlOf(b), { feed: feedB });
    await A.write({ k2: { who: 'init' } });
    const seenByA = (await A.read(['k2'])).k2;
    const seenByB = (await B.read(['k2'])).k2;
    await A.write({ k2: { ...seenByA, who: 'a' } });
    await expect(B.write({ k2: { ...seenByB, who: 'b' } })).rejects.toThrow(/eTag conflict/);
    expect((await B.read(['k2'])).k2).toMatchObject({ who: 'a' });
  });

  it('follow-up memory is written behind: nothing sent during the turn, then one statement the other process hears of', async () => {
    const sqlA = counting(sqlOf(a));
    const A = new StateStorage(sqlA, { feed: feedA, deferred: isLabelMemoryKey });
    const B = new StateStorage(sqlOf(b), { feed: feedB });
    const key = `${LABEL_MEMORY_PREFIX}msteams/bot/conversations/a:behind`;
    expect(await B.read([key])).toEqual({}); // B now remembers the row as absent
    await A.write({ [key]: { lastCode: '38185' } });
    expect(sqlA.statements).toBe(0);
    await until(async () => ((await B.read([key]))[key] as { lastCode?: string } | undefined)?.lastCode === '38185');
    expect(sqlA.statements).toBe(1); // the row, and the notification that made B forget its absence
  });

  it('with the feed down, every read goes to the database', async () => {
    const sqlA = counting(sqlOf(a));
    const down: StateFeed = { live: false, instance: 'x', subscribe: () => {} };
    const A = new StateStorage(sqlA, { feed: down });
    await A.write({ k3: { v: 1 } });
    await A.read(['k3']);
    await A.read(['k3']);
    expect(sqlA.selects).toBe(2);
  });
});

describe.skipIf(!postgresUrl)('conversation state connections (PostgreSQL, TEST_DATABASE_URL)', () => {
  it('commit asynchronously (conversation memory only; Prisma stays durable)', async () => {
    const target = await createPostgresDatabase();
    const db = await openDatabase({ url: target.url });
    try {
      expect(await sqlOf(db)<{ synchronous_commit: string }>('SHOW synchronous_commit')).toEqual([{ synchronous_commit: 'off' }]);
      expect(await db.prisma.$queryRawUnsafe('SHOW synchronous_commit')).toEqual([{ synchronous_commit: 'on' }]);
    } finally {
      await db.close();
      await target.drop();
    }
  }, 60_000);

  it('are kept through a quiet moment longer than pg\'s 10 s default (a new one is a new server process)', async () => {
    const target = await createPostgresDatabase();
    const db = await openDatabase({ url: target.url });
    const sql = sqlOf(db);
    // Four turns at once: four connections, each answering with its server process id.
    const burst = async () => new Set((await Promise.all(Array.from({ length: 4 }, () =>
      sql<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.2)')))).map(([row]) => row!.pid));
    try {
      const before = await burst();
      expect(before.size).toBe(4);
      await new Promise((r) => setTimeout(r, 11_000));
      expect(await burst()).toEqual(before);
    } finally {
      await db.close();
      await target.drop();
    }
  }, 60_000);
});
