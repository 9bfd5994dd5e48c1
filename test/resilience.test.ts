// Production behaviour on PostgreSQL: two bot processes sharing conversation state, and a database outage.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StateStorage } from '../bot/stateStorage.ts';
import { sqlOf } from '../data/sql.ts';
import { openDatabase, type Database } from '../data/database.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { importPalmares } from '../data/palmares.ts';
import { samplesDir } from '../data/samples.ts';
import { startFakeConnector, type FakeConnector } from './helpers/fakeConnector.ts';
import { messageActivity, replyText } from './helpers/activities.ts';
import { startBotProcess, type BotProcess } from './helpers/botProcess.ts';
import { createPostgresDatabase, postgresUrl } from './helpers/testDb.ts';
import { until } from './helpers/until.ts';

describe.skipIf(!postgresUrl)('two bot processes on one PostgreSQL', () => {
  let pgdb: { url: string; drop(): Promise<void> };
  let db: Database;
  let connector: FakeConnector;
  let a: BotProcess;
  let b: BotProcess;
  let n = 0;

  beforeAll(async () => {
    pgdb = await createPostgresDatabase();
    db = await openDatabase({ url: pgdb.url });
    // PostgreSQL never gets the samples automatically: import them as an operator would.
    for (const f of readdirSync(samplesDir).filter((x) => x.endsWith('.csv'))) {
      await importPalmares(db.prisma, readFileSync(join(samplesDir, f), 'utf8'), { registry: getRegistry() });
    }
    connector = await startFakeConnector();
    [a, b] = await Promise.all([startBotProcess({ DATABASE_URL: pgdb.url }), startBotProcess({ DATABASE_URL: pgdb.url })]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await connector?.close();
    await db?.close();
    await pgdb?.drop();
  });

  async function say(bot: BotProcess, text: string, conversationId: string, userId = `29:${conversationId}`) {
    const before = connector.received.length;
    const res = await fetch(`${bot.base}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity(text, { serviceUrl: connector.url, conversationId, userId })),
    });
    return { status: res.status, text: connector.received.slice(before).map((c) => replyText(c.body)).join('\n') };
  }

  it('a conversation continues on the other process: memory and "my town" are in the database', async () => {
    const conv = `a:shared-${++n}`;
    expect((await say(a, 'Quel est le niveau de Bron en 2021 ?', conv)).text).toContain('Bron (Rhône) — 5 arobases');
    // The follow-up memory is written behind, within 200 ms of the answer (a person takes longer to type).
    await until(async () => (await db.prisma.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "BotState" WHERE key LIKE 'label/%' AND key LIKE $1`, `%/conversations/${conv}`)).length === 1);
    expect((await say(b, 'et en 2023 ?', conv)).text).toContain('24e label, palmarès 2023');
    expect((await say(a, 'ma commune est Grenoble', conv)).text).toContain('votre commune est Grenoble');
    expect((await say(b, 'Historique de ma commune', `a:other-${n}`, `29:${conv}`)).text).toContain('Historique du label — Grenoble');
  });

  it('ETag concurrency on PostgreSQL: of two writers holding the same version, the second is refused', async () => {
    const s1 = new StateStorage(sqlOf(db));
    const other = await openDatabase({ url: pgdb.url });
    const s2 = new StateStorage(sqlOf(other));
    try {
      await s1.write({ 'pg/etag': { v: 0 } });
      const [x, y] = [(await s1.read(['pg/etag']))['pg/etag'], (await s2.read(['pg/etag']))['pg/etag']];
      const results = await Promise.allSettled([s1.write({ 'pg/etag': { ...x, v: 1 } }), s2.write({ 'pg/etag': { ...y, v: 2 } })]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
      const winner = results[0]!.status === 'fulfilled' ? 1 : 2;
      expect((await s1.read(['pg/etag']))['pg/etag']).toMatchObject({ v: winner });
    } finally {
      await other.close();
    }
  });

  it('a database outage: users get a polite « réessayez », no 5xx, and the bot recovers by itself', async () => {
    const name = new URL(pgdb.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      // What a restart looks like to the bot: every connection dropped, new ones refused for a while.
      await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      const during = await Promise.all([say(a, 'Quel est le niveau de Grenoble ?', 'a:outage-1'), say(b, 'Palmarès 2021', 'a:outage-2')]);
      for (const r of during) {
        expect(r.status).toBeLessThan(500);
        expect(r.text).toContain('Réessayez dans quelques instants');
      }
      await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
      let recovered = '';
      for (let i = 0; i < 20 && !recovered.includes('5 arobases'); i++) {
        recovered = (await say(a, 'Quel est le niveau de Grenoble ?', 'a:outage-3')).text;
        if (!recovered.includes('5 arobases')) await new Promise((r) => setTimeout(r, 500));
      }
      expect(recovered).toContain('Grenoble (Isère) — 5 arobases');
      expect((await say(b, 'Palmarès 2021', 'a:outage-4')).text).toContain('Palmarès 2021 (22e label, remis le 4 février 2021)');
      expect((await fetch(`${a.base}/healthz`)).status).toBe(200);
    } finally {
      await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`).catch(() => {});
      await admin.end();
    }
  }, 60_000);

  it('SIGTERM: the process drains and exits 0', async () => {
    const c = await startBotProcess({ DATABASE_URL: pgdb.url, LOG_LEVEL: 'warn' });
    // Hold the turn open: the connector takes 1.5 s to accept the reply, so SIGTERM lands mid-turn.
    connector.respond = (x) => ({ status: 200, delayMs: x.conversationId === 'a:drain' ? 1500 : 0 });
    const slow = say(c, 'Historique de Bron', 'a:drain');
    await new Promise((r) => setTimeout(r, 500));
    const code = c.stop('SIGTERM');
    const answer = await slow.catch((e) => { console.log('BOT OUTPUT', c.output()); throw e; });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Historique du label — Bron');
    expect(await code).toBe(0);
    connector.respond = () => ({ status: 200 });
  }, 60_000);
});
