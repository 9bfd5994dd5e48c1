import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaStorage } from '../bot/prismaStorage.ts';
import type { Database } from '../data/database.ts';
import { openTestDatabase } from './helpers/testDb.ts';

let db: Database;
beforeAll(async () => { db = await openTestDatabase(); });
afterAll(async () => { await db.close(); });

describe('PrismaStorage (botbuilder Storage with ETags)', () => {
  it('reads back what it wrote, with a new eTag per write', async () => {
    const s = new PrismaStorage(db.prisma);
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
    const a = new PrismaStorage(db.prisma);
    const b = new PrismaStorage(db.prisma);
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
    const s = new PrismaStorage(db.prisma);
    await s.write({ k3: { x: 1 } });
    await s.delete(['k3']);
    expect(await s.read(['k3'])).toEqual({});
  });
});
