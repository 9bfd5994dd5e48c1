// botbuilder Storage in the database's BotState table, so several bot processes share conversation state.
// ETag semantics as botbuilder's MemoryStorage: a write whose eTag is neither '*' nor the stored one fails.
// Every turn reads and writes here: plain SQL on the driver (data/sql.ts), not Prisma.
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Sql } from '../data/sql.ts';

/** Prisma's DateTime columns hold UTC without a time zone. */
const NOW = `(now() AT TIME ZONE 'UTC')`;
const RETRY_MS = 1_000;

export class ETagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

export type StateStorageOptions = {
  /**
   * This process is the database's only user (embedded PGlite). Then what it last read or wrote is what is stored:
   * reads of known keys come from memory, the eTag is checked in memory, and the row is written just after the turn,
   * with those of the turns that ended meanwhile, in one statement. The reply has already left by then in any case
   * (Teams AI saves state after the handlers); flush() writes what is pending (on shutdown).
   * Never with PostgreSQL shared by several bot processes: there every read and write goes to the database.
   */
  exclusive?: boolean;
  /** Keys remembered at most (least recently used dropped first; pending writes are kept until written). */
  maxEntries?: number;
  /** A deferred write failed (it is retried every second). */
  onWriteError?: (error: unknown) => void;
};

export class StateStorage implements Storage {
  /** key → JSON of the stored item (eTag included), or null when known to be absent. Only when exclusive. */
  private readonly known: Map<string, string | null> | undefined;
  /** Exclusive mode: key → JSON of the value (no eTag) and its eTag, not yet in the database. */
  private pending = new Map<string, { json: string; etag: string }>();
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Immediate | NodeJS.Timeout | undefined;
  /** The last deferred write failed: retry after RETRY_MS rather than at once. */
  private failed = false;
  private readonly maxEntries: number;

  constructor(private readonly sql: Sql, private readonly options: StateStorageOptions = {}) {
    this.known = options.exclusive ? new Map() : undefined;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  private remember(key: string, json: string | null): void {
    if (!this.known) return;
    this.known.delete(key);
    this.known.set(key, json);
    if (this.known.size > this.maxEntries) {
      for (const old of this.known.keys()) {
        if (this.known.size <= this.maxEntries) break;
        if (!this.pending.has(old)) this.known.delete(old);
      }
    }
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
      const known = this.known?.get(key);
      if (known !== undefined) {
        // Exclusive and known: the stored eTag is the one in memory.
        const stored = known === null ? undefined : (JSON.parse(known) as { eTag?: string }).eTag;
        if (eTag && eTag !== '*' && stored !== undefined && eTag !== stored) throw new ETagConflictError(key);
        this.remember(key, JSON.stringify({ ...value, eTag: etag }));
        this.pending.set(key, { json: JSON.stringify(value), etag });
        this.schedule(0);
        continue;
      }
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

  private schedule(delayMs: number): void {
    if (this.timer || this.flushing) return;
    this.timer = delayMs > 0 ? setTimeout(() => this.run(), delayMs) : setImmediate(() => this.run());
  }

  private run(): void {
    this.timer = undefined;
    this.flushing = this.writePending().finally(() => {
      this.flushing = undefined;
      if (this.pending.size) this.schedule(this.failed ? RETRY_MS : 0);
    });
  }

  /** Writes every pending row in one statement; on failure they stay pending (newer values win). */
  private async writePending(): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    const keys = [...batch.keys()];
    try {
      await this.sql(`INSERT INTO "BotState" (key, value, etag, "updatedAt")
        SELECT k, v::jsonb, e, ${NOW} FROM unnest($1::text[], $2::text[], $3::text[]) AS t(k, v, e)
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, etag = EXCLUDED.etag, "updatedAt" = EXCLUDED."updatedAt"`,
      [keys, keys.map((k) => batch.get(k)!.json), keys.map((k) => batch.get(k)!.etag)]);
      this.failed = false;
    } catch (error) {
      this.failed = true;
      for (const [key, row] of batch) if (!this.pending.has(key)) this.pending.set(key, row);
      this.options.onWriteError?.(error);
    }
  }

  /** Waits until every deferred write is in the database (or has failed once more). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = undefined;
    }
    await this.flushing;
    if (this.pending.size) {
      this.flushing = this.writePending().finally(() => { this.flushing = undefined; });
      await this.flushing;
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys.length) return;
    await this.flush(); // a pending write must not land after the delete
    for (const key of keys) this.known?.delete(key);
    await this.sql('DELETE FROM "BotState" WHERE key = ANY($1::text[])', [keys]);
    for (const key of keys) this.remember(key, null);
  }
}
