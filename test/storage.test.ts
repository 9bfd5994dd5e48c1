import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isLabelMemoryKey, LABEL_MEMORY_PREFIX, StateStorage } from '../bot/stateStorage.ts';
import { beforeClose, sqlOf, type Sql } from '../data/sql.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../data/database.ts';
import { openTestDatabase } from './helpers/testDb.ts';
import { until } from './helpers/until.ts';

let db: Database;
beforeAll(async () => { db = await openTestDatabase(); });
afterAll(async () => { await db.close(); });
afterEach(() => { vi.restoreAllMocks(); });
/** SELECTs the storage sent to the database since the spy was set. */
const selects = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.filter(([sql]) => /^\s*SELECT/i.test(String(sql))).length;

describe('StateStorage (botbuilder Storage with ETags)', () => {
  it('reads back what it wrote, with a new eTag per write', async () => {
    const s = new StateStorage(sqlOf(db));
    await s.write({ k1: { count: 1 } });
    const first = (await s.read(['k1', 'missing'])) as Record<string, { count: number; eTag: string }>;
    expect(Object.keys(first)).toEqual(['k1']);
    expect(first.k1).toMatchObject({ count: 1 });
    await s.write({ k1: { ...first.k1, count: 2 } });
    const second = (await s.read(['k1'])) as Record<string, { count: number; eTag: string }>;
    expect(second.k1!.count).toBe(2);
    expect(second.k1!.eTag).not.toBe(first.k1!.eTag);
  });

  it('refuses a write carrying a stale eTag (no lost update between two bot processes)', async () => {
    const a = new StateStorage(sqlOf(db));
    const b = new StateStorage(sqlOf(db));
    await a.write({ k2: { who: 'init' } });
    const seenByA = (await a.read(['k2'])).k2;
    const seenByB = (await b.read(['k2'])).k2;
    await a.write({ k2: { ...seenByA, who: 'a' } });
    await expect(b.write({ k2: { ...seenByB, who: 'b' } })).rejects.toThrow(/eTag conflict/);
    expect((await a.read(['k2'])).k2).toMatchObject({ who: 'a' });
    // '*' forces the write.
    await b.write({ k2: { who: 'b', eTag: '*' } });
    expect((await a.read(['k2'])).k2).toMatchObject({ who: 'b' });
  });

  it('deletes', async () => {
    const s = new StateStorage(sqlOf(db));
    await s.write({ k3: { x: 1 } });
    await s.delete(['k3']);
    expect(await s.read(['k3'])).toEqual({});
  });

  it('shared database: the updates of turns ending together go in one statement, each told whether it won', async () => {
    const s = new StateStorage(sqlOf(db));
    await s.write({ s1: { n: 0 }, s2: { n: 0 }, s3: { n: 0 } });
    const seen = await s.read(['s1', 's2', 's3']);
    const stale = { ...(await s.read(['s2'])).s2 };
    const query = vi.spyOn(db.pglite!, 'query');
    const results = await Promise.allSettled([
      s.write({ s1: { ...seen.s1, n: 1 } }),
      s.write({ s2: { ...seen.s2, n: 1 } }),
      s.write({ s3: { ...seen.s3, n: 1 } }),
      new StateStorage(sqlOf(db)).write({ s2: { ...stale, n: 2 } }), // same version of s2, written at the same time
    ]);
    const updates = query.mock.calls.filter(([sql]) => /^\s*UPDATE/i.test(String(sql)));
    expect(updates.length).toBeLessThanOrEqual(2); // one batch, plus the duplicate key written on its own
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    expect(await s.read(['s1', 's2', 's3'])).toMatchObject({ s1: { n: 1 }, s2: { n: 1 }, s3: { n: 1 } });
  });

  it('shared database: follow-up memory rows are written behind, last writer wins; other rows still go at once', async () => {
    const s = new StateStorage(sqlOf(db), { deferred: isLabelMemoryKey });
    const key = `${LABEL_MEMORY_PREFIX}msteams/bot/conversations/a:behind`;
    const query = vi.spyOn(db.pglite!, 'query');
    await s.write({ [key]: { lastCode: '38185' } });
    expect(query).not.toHaveBeenCalled(); // the turn waits for no database round trip
    expect((await s.read([key]))[key]).toMatchObject({ lastCode: '38185' }); // what it holds, before it is written
    await s.write({ [key]: { lastCode: '69029', eTag: 'from another turn' } }); // no eTag check: last writer wins
    await s.flush();
    const upserts = query.mock.calls.filter(([sql]) => /INSERT INTO "BotState"/.test(String(sql)));
    expect(upserts).toHaveLength(1); // both writes, one statement
    expect((await new StateStorage(sqlOf(db)).read([key]))[key]).toMatchObject({ lastCode: '69029' });
    query.mockClear();
    await s.write({ 'msteams/bot/conversations/a:behind': { dialog: 1 } }); // the conversation row: written at once
    expect(query).toHaveBeenCalled();
  });

  describe('exclusive (embedded PGlite: one process)', () => {
    it('reads what it knows from memory, including keys known to be absent; writes reach the database', async () => {
      const s = new StateStorage(sqlOf(db), { exclusive: true });
      await s.write({ e1: { n: 1 } });
      expect(await s.read(['e1', 'e-none'])).toMatchObject({ e1: { n: 1 } });
      const query = vi.spyOn(db.pglite!, 'query');
      const read = (await s.read(['e1', 'e-none'])) as Record<string, { n: number; eTag: string }>;
      expect(read).toEqual({ e1: { n: 1, eTag: expect.any(String) } });
      expect(query).not.toHaveBeenCalled();
      await s.write({ e1: { ...read.e1, n: 2 } });
      expect((await s.read(['e1'])).e1).toMatchObject({ n: 2 });
      await s.flush();
      expect((await new StateStorage(sqlOf(db)).read(['e1'])).e1).toEqual({ n: 2, eTag: (await s.read(['e1'])).e1!.eTag }); // in the database
    });

    it('writes the turns that end together in one statement, just after them', async () => {
      const s = new StateStorage(sqlOf(db), { exclusive: true });
      await s.read(['b1', 'b2', 'b3']);
      const query = vi.spyOn(db.pglite!, 'query');
      await Promise.all(['b1', 'b2', 'b3'].map((k, i) => s.write({ [k]: { i } })));
      expect(query).not.toHaveBeenCalled();
      await new Promise((r) => setImmediate(r));
      await s.flush();
      expect(query).toHaveBeenCalledTimes(1);
      expect((await new StateStorage(sqlOf(db)).read(['b1', 'b2', 'b3']))).toMatchObject({ b1: { i: 0 }, b2: { i: 1 }, b3: { i: 2 } });
    });

    it('follow-up memory waits up to 200 ms to share a statement; a conversation row saved meanwhile takes it along at once', async () => {
      const inserts: string[][] = [];
      const sql: Sql = (text, params) => {
        if (/^\s*INSERT/.test(text)) inserts.push([...(params?.[0] as string[])]);
        return sqlOf(db)(text, params);
      };
      const s = new StateStorage(sql, { exclusive: true, deferred: isLabelMemoryKey });
      const memory = `${LABEL_MEMORY_PREFIX}msteams/bot/conversations/a:wait`;
      await s.read([memory, 'conv-wait', memory + '2']);
      await s.write({ [memory]: { lastCode: '38185' } });
      await new Promise((r) => setTimeout(r, 80));
      expect(inserts).toEqual([]); // a row of conversation state would have been written by now (20 ms)
      const saved = Date.now();
      await s.write({ 'conv-wait': { step: 1 } });
      await until(async () => inserts.length === 1);
      expect(Date.now() - saved).toBeLessThan(150);
      expect(inserts[0]!.sort()).toEqual(['conv-wait', memory].sort());
      await s.write({ [memory + '2']: { lastCode: '69029' } }); // alone: written within its 200 ms
      await until(async () => inserts.length === 2, 2_000);
      expect(inserts[1]).toEqual([memory + '2']);
      expect((await new StateStorage(sqlOf(db)).read([memory])))
        .toMatchObject({ [memory]: { lastCode: '38185' } });
    });

    it('hands out copies: a caller changing what it read changes nothing stored', async () => {
      const s = new StateStorage(sqlOf(db), { exclusive: true });
      await s.write({ e2: { list: [1] } });
      ((await s.read(['e2'])).e2 as { list: number[] }).list.push(2);
      expect((await s.read(['e2'])).e2).toMatchObject({ list: [1] });
    });

    it('still refuses a stale eTag (two turns of one conversation at once), from memory', async () => {
      const s = new StateStorage(sqlOf(db), { exclusive: true });
      await s.write({ e3: { who: 'init' } });
      const first = (await s.read(['e3'])).e3;
      const second = (await s.read(['e3'])).e3;
      await s.write({ e3: { ...first, who: 'a' } });
      await expect(s.write({ e3: { ...second, who: 'b' } })).rejects.toThrow(/eTag conflict/);
      expect((await s.read(['e3'])).e3).toMatchObject({ who: 'a' });
      await s.flush();
      expect((await new StateStorage(sqlOf(db)).read(['e3'])).e3).toMatchObject({ who: 'a' });
    });

    it('keeps a write that failed, serves it from memory, and retries it until the database takes it', async () => {
      let down = true;
      const errors: unknown[] = [];
      const sql: Sql = (text, params) => (down && /^\s*INSERT/.test(text) ? Promise.reject(new Error('disk full')) : sqlOf(db)(text, params));
      const s = new StateStorage(sql, { exclusive: true, onWriteError: (e) => errors.push(e) });
      await s.read(['f1']);
      await s.write({ f1: { v: 1 } });
      await new Promise((r) => setImmediate(r));
      await s.flush();
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect((await s.read(['f1'])).f1).toMatchObject({ v: 1 });
      expect(await new StateStorage(sqlOf(db)).read(['f1'])).toEqual({});
      down = false;
      await s.flush();
      expect((await new StateStorage(sqlOf(db)).read(['f1'])).f1).toMatchObject({ v: 1 });
    });

    it('while the database refuses writes, new rows do not bring the retry forward (one attempt a second)', async () => {
      const attempts: number[] = [];
      const sql: Sql = (text, params) => {
        if (/^\s*INSERT/.test(text)) { attempts.push(Date.now()); return Promise.reject(new Error('database down')); }
        return sqlOf(db)(text, params);
      };
      const s = new StateStorage(sql, { exclusive: true, deferred: isLabelMemoryKey, onWriteError: () => {} });
      const keys = ['down-1', 'down-2', 'down-3', `${LABEL_MEMORY_PREFIX}down-4`];
      await s.read(keys);
      await s.write({ [keys[0]!]: { n: 1 } });
      await until(async () => attempts.length === 1);
      for (const key of keys.slice(1)) {
        await new Promise((r) => setTimeout(r, 30));
        await s.write({ [key]: { n: 2 } });
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(attempts).toHaveLength(1); // the retry is due a second after the failure
      await until(async () => attempts.length === 2, 3_000);
      expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(900);
      await s.flush().catch(() => {});
    });

    it('a row saved while a flush is writing gets written too, without another save', async () => {
      const inserts: string[][] = [];
      let during: (() => Promise<void>) | undefined;
      const sql: Sql = async (text, params) => {
        if (/^\s*INSERT/.test(text)) {
          inserts.push([...(params?.[0] as string[])]);
          const hook = during;
          during = undefined;
          await new Promise((r) => setImmediate(r));
          await hook?.(); // another turn saves while this write is under way
        }
        return sqlOf(db)(text, params);
      };
      const s = new StateStorage(sql, { exclusive: true });
      await s.read(['fl-1', 'fl-2']);
      await s.write({ 'fl-1': { n: 1 } });
      during = () => s.write({ 'fl-2': { n: 2 } });
      await s.flush();
      expect(inserts).toEqual([['fl-1']]);
      await until(async () => inserts.length === 2, 2_000);
      expect(inserts[1]).toEqual(['fl-2']);
    });

    it('writes what is pending when the database closes', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'arobase-state-'));
      try {
        let file = await openDatabase({ url: `pglite:${dir}` });
        const s = new StateStorage(sqlOf(file), { exclusive: true });
        beforeClose(file, () => s.flush());
        await s.read(['c1']);
        await s.write({ c1: { kept: true } });
        await file.close();
        file = await openDatabase({ url: `pglite:${dir}`, migrate: false });
        expect((await new StateStorage(sqlOf(file)).read(['c1'])).c1).toMatchObject({ kept: true });
        await file.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('forgets deleted keys and drops the least recently used beyond its size', async () => {
      const s = new StateStorage(sqlOf(db), { exclusive: true, maxEntries: 2 });
      await s.write({ e4: { x: 1 }, e5: { x: 2 }, e6: { x: 3 } });
      await s.delete(['e6']);
      expect(await s.read(['e6'])).toEqual({});
      const query = vi.spyOn(db.pglite!, 'query');
      expect(await s.read(['e4'])).toMatchObject({ e4: { x: 1 } }); // dropped from memory, read again
      expect(selects(query)).toBe(1);
    });
  });
});
