// botbuilder Storage over Prisma, so several bot processes share conversation state.
// ETag semantics as botbuilder's MemoryStorage: a write whose eTag is neither '*' nor the stored one fails.
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { PrismaClient } from '../data/generated/prisma/client.ts';

export class ETagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

export class PrismaStorage implements Storage {
  constructor(private readonly prisma: PrismaClient) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows = await this.prisma.botState.findMany({ where: { key: { in: keys } } });
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...(row.value as object), eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as { eTag?: string };
      const etag = randomUUID();
      if (!eTag || eTag === '*') {
        await this.prisma.botState.upsert({ where: { key }, create: { key, value, etag }, update: { value, etag } });
        continue;
      }
      const updated = await this.prisma.botState.updateMany({ where: { key, etag: eTag }, data: { value, etag } });
      if (updated.count === 1) continue;
      // Not updated: either a stale eTag or the row vanished; creating it is only right in the latter case.
      const exists = await this.prisma.botState.findUnique({ where: { key }, select: { key: true } });
      if (exists) throw new ETagConflictError(key);
      try {
        await this.prisma.botState.create({ data: { key, value, etag } });
      } catch {
        throw new ETagConflictError(key);
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length) await this.prisma.botState.deleteMany({ where: { key: { in: keys } } });
  }
}
