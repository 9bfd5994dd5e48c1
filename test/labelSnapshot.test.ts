// The palmarès held in memory: answers cost no query, an import here is seen at once, one by another process
// (a direct write, as the CLI or a second bot instance would do) within the freshness delay.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../data/database.ts';
import { levelOf, newestEditionWithAwards, palmares, territoryHistory } from '../data/labelFacts.ts';
import { SNAPSHOT_TTL_MS } from '../data/labelSnapshot.ts';
import { importPalmares } from '../data/palmares.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { openTestDatabase } from './helpers/testDb.ts';

const registry = getRegistry();
const csv = (...rows: string[]) => ['edition,code,name,level,mentions,source', ...rows].join('\n') + '\n';
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  const result = await importPalmares(db.prisma, csv(
    '21,38185,Grenoble,4,,Presse A', '22,38185,Grenoble,5,,Presse B', '22,69029,Bron,3,,Presse C',
  ), { registry });
  expect(result.ok).toBe(true);
});
afterAll(async () => { await db.close(); });
/** A fixed day: which palmarès are published depends on it, never on the machine's clock. */
const NOW = new Date('2026-06-15T12:00:00Z');
afterEach(() => { vi.restoreAllMocks(); });

describe('label snapshot', () => {
  it('answers level, history, palmarès and newest edition from memory: no query per answer', async () => {
    await levelOf(db.prisma, '38185', undefined, NOW); // loads
    const findMany = vi.spyOn(db.prisma.award, 'findMany');
    const raw = vi.spyOn(db.prisma, '$queryRaw');
    for (let i = 0; i < 20; i++) {
      expect(await levelOf(db.prisma, '38185', undefined, NOW)).toMatchObject({ status: 'awarded', award: { level: 5, edition: 22, source: 'Presse B' } });
      expect((await territoryHistory(db.prisma, '38185')).map((a) => a.level)).toEqual([4, 5]);
      expect((await palmares(db.prisma, { edition: 22 })).rows.map((a) => a.code)).toEqual(['38185', '69029']);
      expect(await newestEditionWithAwards(db.prisma, NOW)).toBe(22);
    }
    expect(findMany).not.toHaveBeenCalled();
    expect(raw).not.toHaveBeenCalled();
  });

  it('a caller changing the history it got does not change the next answer', async () => {
    (await territoryHistory(db.prisma, '38185')).pop();
    expect(await territoryHistory(db.prisma, '38185')).toHaveLength(2);
  });

  it('sees an import in this process at once', async () => {
    await importPalmares(db.prisma, csv('22,69029,Bron,4,,Presse D'), { registry });
    expect(await levelOf(db.prisma, '69029', undefined, NOW)).toMatchObject({ award: { level: 4, source: 'Presse D' } });
  });

  it('sees a change by another process once the freshness delay has passed, not before', async () => {
    await levelOf(db.prisma, '69029', undefined, NOW);
    await db.prisma.award.updateMany({ where: { territoryCode: '69029', editionNumber: 22 }, data: { level: 2, source: 'Presse E' } });
    expect(await levelOf(db.prisma, '69029', undefined, NOW)).toMatchObject({ award: { level: 4 } });
    const findMany = vi.spyOn(db.prisma.award, 'findMany');
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + SNAPSHOT_TTL_MS + 1);
    expect(await levelOf(db.prisma, '69029', undefined, NOW)).toMatchObject({ award: { level: 2, source: 'Presse E' } });
    expect(findMany).toHaveBeenCalledTimes(1); // one reload, then memory again
    await levelOf(db.prisma, '38185', undefined, NOW);
    expect(findMany).toHaveBeenCalledTimes(1);
  });

  it('keeps the snapshot when the version check finds nothing new', async () => {
    await levelOf(db.prisma, '38185', undefined, NOW);
    const findMany = vi.spyOn(db.prisma.award, 'findMany');
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 2 * SNAPSHOT_TTL_MS);
    expect(await levelOf(db.prisma, '38185', undefined, NOW)).toMatchObject({ award: { level: 5 } });
    expect(findMany).not.toHaveBeenCalled();
  });
});
