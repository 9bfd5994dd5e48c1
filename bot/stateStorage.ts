// botbuilder Storage in the database's BotState table, so several bot processes share conversation state.
// ETag semantics as botbuilder's MemoryStorage: a write whose eTag is neither '*' nor the stored one fails.
// Every turn reads and writes here: plain SQL on the driver (data/sql.ts), not Prisma.
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Sql } from '../data/sql.ts';

/** Prisma's DateTime columns hold UTC without a time zone. */
const NOW = `(now() AT TIME ZONE 'UTC')`;

export class ETagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

export type StateStorageOptions = {
  /**
   * This process is the database's only user (embedded PGlite): what it last read or wrote is what is stored, so
   * reads of known keys come from memory. Writes still go to the database, conditional on the eTag.
   * Never with PostgreSQL shared by several bot processes.
   */
  exclusive?: boolean;
  /** Keys remembered at most (least recently used dropped first). */
  maxEntries?: number;
};

export class StateStorage implements Storage {
  /** key → JSON of the stored item (eTag included), or null when known to be absent. Only when exclusive. */
  private readonly known: Map<string, string | null> | undefined;
  private readonly maxEntries: number;

  constructor(private readonly sql: Sql, options: StateStorageOptions = {}) {
    this.known = options.exclusive ? new Map() : undefined;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  private remember(key: string, json: string | null): void {
    if (!this.known) return;
    this.known.delete(key);
    this.known.set(key, json);
    if (this.known.size > this.maxEntries) this.known.delete(this.known.keys().next().value!);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const items: StoreItems = {};
    const missing: string[] = [];
    for (const key of keys) {
      const json = this.known?.get(key);
      if (json === undefined) missing.push(key);
      else if (json !== null) items[key] = JSON.parse(json);
    }
    if (missing.length === 0) return items;
    const rows = await this.sql<{ key: string; value: object; etag: string }>(
      'SELECT key, value, etag FROM "BotState" WHERE key = ANY($1::text[])', [missing]);
    for (const row of rows) items[row.key] = { ...row.value, eTag: row.etag };
    for (const key of missing) this.remember(key, key in items ? JSON.stringify(items[key]) : null);
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as { eTag?: string };
      const etag = randomUUID();
      try {
        await this.writeOne(key, value, eTag, etag);
      } catch (error) {
        this.known?.delete(key); // read it afresh next time
        throw error;
      }
      this.remember(key, JSON.stringify({ ...value, eTag: etag }));
    }
  }

  private async writeOne(key: string, value: object, eTag: string | undefined, etag: string): Promise<void> {
    const json = JSON.stringify(value);
    if (!eTag || eTag === '*') {
      await this.sql(`INSERT INTO "BotState" (key, value, etag, "updatedAt") VALUES ($1, $2::jsonb, $3, ${NOW})
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, etag = EXCLUDED.etag, "updatedAt" = EXCLUDED."updatedAt"`, [key, json, etag]);
      return;
    }
    const updated = await this.sql(`UPDATE "BotState" SET value = $2::jsonb, etag = $3, "updatedAt" = ${NOW}
      WHERE key = $1 AND etag = $4 RETURNING key`, [key, json, etag, eTag]);
    if (updated.length === 1) return;
    // Not updated: either a stale eTag or the row vanished; creating it is only right in the latter case.
    const created = await this.sql(`INSERT INTO "BotState" (key, value, etag, "updatedAt") VALUES ($1, $2::jsonb, $3, ${NOW})
      ON CONFLICT (key) DO NOTHING RETURNING key`, [key, json, etag]);
    if (created.length !== 1) throw new ETagConflictError(key);
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys.length) return;
    for (const key of keys) this.known?.delete(key);
    await this.sql('DELETE FROM "BotState" WHERE key = ANY($1::text[])', [keys]);
    for (const key of keys) this.remember(key, null);
  }
}
