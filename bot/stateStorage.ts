// botbuilder Storage in the database's BotState table, so several bot processes share conversation state.
// ETag semantics as botbuilder's MemoryStorage: a write whose eTag is neither '*' nor the stored one fails.
// Every turn reads and writes here: plain SQL on the driver (data/sql.ts), not Prisma. Three ways to run:
// - exclusive (embedded PGlite, one process): rows kept in memory, eTag checked there, each row written within 20 ms
//   of its save, with those saved meanwhile, in one statement (a kill -9 may lose those last 20 ms, as a crash just
//   before the save would); flush() writes what is pending (before the database closes);
// - shared with a change feed (PostgreSQL, data/stateFeed.ts): rows read are kept in memory and forgotten when another
//   process changes them; writes go to the database at once, conditional on the eTag, and notify the others (the
//   updates of turns ending together in one statement: bot/stateWriteBatch.ts);
// - shared without a feed: every read and write goes to the database.
// `deferred` rows (a label answer's follow-up memory, which any process may overwrite: last writer wins) are written
// behind in both modes, within 200 ms with the others pending (MEMORY_WRITE_DELAY_MS), and notified on a shared
// database: a label answer waits for no database round trip; a crash in those 200 ms forgets the last place asked.
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Database } from '../data/database.ts';
import { sqlOf, type Sql } from '../data/sql.ts';
import { STATE_CHANNEL, startStateFeed, type StateFeed } from '../data/stateFeed.ts';
import { StateCache, type StoredState } from './stateCache.ts';
import { StateWriteBatch } from './stateWriteBatch.ts';

/** Prisma's DateTime columns hold UTC without a time zone. */
const NOW = `(now() AT TIME ZONE 'UTC')`;
const RETRY_MS = 1_000;
/** Rows written behind: how long a turn's state may wait to be written with those of the turns that end after it. */
const WRITE_DELAY_MS = 20;
/**
 * The follow-up memory (deferred rows; any row in exclusive mode would do, but the conversation rows hold application
 * walkthroughs): a statement costs a fixed ~0.2–0.5 ms of PGlite's main thread plus ~25 µs a row, so under load one
 * statement every 200 ms instead of every 20 carries ten times more rows for the same fixed cost, and a conversation
 * answered several times meanwhile is written once. A crash in those 200 ms forgets the last place asked.
 */
const MEMORY_WRITE_DELAY_MS = 200;

export class ETagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

export type StateStorageOptions = {
  /** This process is the database's only user (embedded PGlite). Never with a shared PostgreSQL. */
  exclusive?: boolean;
  /** Shared database: the change feed that makes keeping rows in memory safe. */
  feed?: StateFeed;
  /** Rows remembered at most. */
  maxEntries?: number;
  /** A deferred write failed (it is retried every second). */
  onWriteError?: (error: unknown) => void;
  /** Rows written behind within MEMORY_WRITE_DELAY_MS; on a shared database, last writer wins (no eTag check). */
  deferred?: (key: string) => boolean;
};

type Row = { key: string; value: object; etag: string };

/** A conversation's follow-up memory row (bot/turnState.ts): last writer wins, written behind. */
export const LABEL_MEMORY_PREFIX = 'label/';
export const isLabelMemoryKey = (key: string): boolean => key.startsWith(LABEL_MEMORY_PREFIX);

/** A state item as stored: its JSON without the eTag, and the eTag it was read with. */
export function stateJson(item: unknown): { json: string; eTag: string | undefined } {
  const { eTag, ...value } = (item ?? {}) as { eTag?: string };
  return { json: JSON.stringify(value), eTag };
}

export class StateStorage implements Storage {
  private readonly cache: StateCache | undefined;
  /** Rows written behind, not yet in the database. */
  private pending = new Map<string, StoredState>();
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Immediate | NodeJS.Timeout | undefined;
  /** When the timer fires (Date.now() time). */
  private dueAt = Infinity;
  /** The shortest delay asked for by the rows that became pending since the last write started. */
  private wanted = Infinity;
  /** The last deferred write failed: retry after RETRY_MS rather than at once. */
  private failed = false;
  private readonly exclusive: boolean;
  private readonly feed: StateFeed | undefined;
  /** Shared database: the conditional updates of concurrent turns, one statement. */
  private readonly batch: StateWriteBatch | undefined;
  /** The parameter `notified` statements end with: this process's id in the feed (none without a feed). */
  private readonly notifyArgs: string[];

  constructor(private readonly sql: Sql, private readonly options: StateStorageOptions = {}) {
    this.exclusive = options.exclusive ?? false;
    this.feed = this.exclusive ? undefined : options.feed;
    this.notifyArgs = this.feed ? [this.feed.instance] : [];
    if (this.exclusive || this.feed) this.cache = new StateCache(options.maxEntries ?? 10_000, (key) => this.pending.has(key));
    this.feed?.subscribe({ changed: (key) => this.cache!.invalidate(key), reset: () => this.cache!.clear() });
    if (!this.exclusive) this.batch = new StateWriteBatch(sql, (statement, n) => this.notified(statement, n), this.notifyArgs, NOW);
  }

  /** The cache, when it may be trusted right now. */
  private get memory(): StateCache | undefined {
    return this.exclusive || this.feed?.live ? this.cache : undefined;
  }

  /** Appended to a statement returning `key`: tells the other processes (shared database with a feed). */
  private notified(statement: string, instanceParam: number): string {
    if (!this.feed) return statement;
    return `WITH changed AS (${statement}) SELECT key, pg_notify('${STATE_CHANNEL}', $${instanceParam}::text || ':' || key) FROM changed`;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const memory = this.memory;
    const items: StoreItems = {};
    const missing: string[] = [];
    for (const key of keys) {
      const stored = this.pending.get(key) ?? memory?.get(key);
      if (stored === undefined) missing.push(key);
      else if (stored !== null) items[key] = { ...JSON.parse(stored.json), eTag: stored.etag };
    }
    if (missing.length === 0) return items;
    const select = () => this.sql<Row>('SELECT key, value, etag FROM "BotState" WHERE key = ANY($1::text[])', [missing]);
    const rows = memory
      ? await memory.readThrough(missing, select, (found, key) => {
        const row = found.find((r) => r.key === key);
        return row ? { json: JSON.stringify(row.value), etag: row.etag } : null;
      })
      : await select();
    for (const row of rows) items[row.key] = { ...row.value, eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.writeTracked(changes);
  }

  /** write(), telling what each key now holds (its JSON and new eTag). */
  async writeTracked(changes: StoreItems): Promise<Map<string, StoredState>> {
    const written = new Map<string, StoredState>();
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, json } = stateJson(item);
      const next: StoredState = { json, etag: randomUUID() };
      written.set(key, next);
      const memory = this.options.deferred?.(key) ?? false;
      if (!this.exclusive && memory) {
        this.cache?.set(key, next);
        this.pending.set(key, next);
        this.schedule(MEMORY_WRITE_DELAY_MS);
        continue;
      }
      const known = this.exclusive ? this.cache!.get(key) : undefined;
      if (known !== undefined) {
        // Exclusive and known: the stored eTag is the one in memory.
        if (eTag && eTag !== '*' && known !== null && eTag !== known.etag) throw new ETagConflictError(key);
        this.cache!.set(key, next);
        this.pending.set(key, next);
        this.schedule(memory ? MEMORY_WRITE_DELAY_MS : WRITE_DELAY_MS);
        continue;
      }
      const cache = this.memory;
      try {
        // Through the cache: a change by another process notified while this write is under way wins.
        if (cache) await cache.readThrough([key], () => this.writeOne(key, next, eTag), () => next);
        else await this.writeOne(key, next, eTag);
      } catch (error) {
        this.cache?.invalidate(key); // read it afresh next time
        throw error;
      }
    }
    return written;
  }

  private async writeOne(key: string, next: StoredState, eTag: string | undefined): Promise<void> {
    const args = [key, next.json, next.etag];
    if (!eTag || eTag === '*') {
      await this.sql(this.notified(`INSERT INTO "BotState" (key, value, etag, "updatedAt") VALUES ($1, $2::jsonb, $3, ${NOW})
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, etag = EXCLUDED.etag, "updatedAt" = EXCLUDED."updatedAt" RETURNING key`, 4), [...args, ...this.notifyArgs]);
      return;
    }
    const batched = this.batch?.update(key, next.json, next.etag, eTag);
    const updated = batched ? await batched : (await this.sql(this.notified(`UPDATE "BotState" SET value = $2::jsonb, etag = $3,
      "updatedAt" = ${NOW} WHERE key = $1 AND etag = $4 RETURNING key`, 5), [...args, eTag, ...this.notifyArgs])).length === 1;
    if (updated) return;
    // Not updated: either a stale eTag or the row vanished; creating it is only right in the latter case.
    const created = await this.sql(this.notified(`INSERT INTO "BotState" (key, value, etag, "updatedAt") VALUES ($1, $2::jsonb, $3, ${NOW})
      ON CONFLICT (key) DO NOTHING RETURNING key`, 4), [...args, ...this.notifyArgs]);
    if (created.length !== 1) throw new ETagConflictError(key);
  }

  /** A row is pending and may wait `delayMs`: the write happens by then (sooner if another row asks for sooner). */
  private schedule(delayMs: number): void {
    this.wanted = Math.min(this.wanted, delayMs);
    if (this.flushing) return; // run() schedules what became pending meanwhile
    // After a failed write, new rows do not bring the retry forward: one attempt per RETRY_MS while the database is down.
    const wait = this.failed ? Math.max(delayMs, RETRY_MS) : delayMs;
    const due = Date.now() + wait;
    if (this.timer) {
      if (this.dueAt <= due) return;
      this.clearTimer();
    }
    this.dueAt = due;
    this.timer = wait > 0 ? setTimeout(() => this.run(), wait) : setImmediate(() => this.run());
  }

  private clearTimer(): void {
    clearTimeout(this.timer as NodeJS.Timeout);
    clearImmediate(this.timer as NodeJS.Immediate);
    this.timer = undefined;
  }

  private run(): void {
    this.timer = undefined;
    this.flushing = this.writePending().finally(() => {
      this.flushing = undefined;
      this.scheduleRemaining(); // after a failure, RETRY_MS at least
    });
  }

  /** Rows saved while a write was under way: their timer, by the shortest delay they asked for. */
  private scheduleRemaining(): void {
    if (this.pending.size) this.schedule(Number.isFinite(this.wanted) ? this.wanted : WRITE_DELAY_MS);
  }

  /** Writes every pending row in one statement; on failure they stay pending (newer values win). */
  private async writePending(): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    this.wanted = Infinity;
    const keys = [...batch.keys()];
    try {
      await this.sql(this.notified(`INSERT INTO "BotState" (key, value, etag, "updatedAt")
        SELECT k, v::jsonb, e, ${NOW} FROM unnest($1::text[], $2::text[], $3::text[]) AS t(k, v, e)
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, etag = EXCLUDED.etag, "updatedAt" = EXCLUDED."updatedAt" RETURNING key`, 4),
      [keys, keys.map((k) => batch.get(k)!.json), keys.map((k) => batch.get(k)!.etag), ...this.notifyArgs]);
      this.failed = false;
    } catch (error) {
      this.failed = true;
      for (const [key, row] of batch) if (!this.pending.has(key)) this.pending.set(key, row);
      this.options.onWriteError?.(error);
    }
  }

  /** Waits until every deferred write is in the database (or has failed once more). */
  async flush(): Promise<void> {
    if (this.timer) this.clearTimer();
    await this.flushing;
    if (this.pending.size) {
      this.flushing = this.writePending().finally(() => { this.flushing = undefined; });
      await this.flushing;
      // Rows saved meanwhile (a delete's flush amid running turns) get their timer; after a failure the caller has
      // been told (onWriteError) and the rows wait for the next save or flush.
      if (!this.failed) this.scheduleRemaining();
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys.length) return;
    await this.flush(); // a pending write must not land after the delete
    for (const key of keys) this.cache?.invalidate(key);
    await this.sql(this.notified('DELETE FROM "BotState" WHERE key = ANY($1::text[]) RETURNING key', 2), [keys, ...this.notifyArgs]);
    for (const key of keys) this.memory?.set(key, null);
  }
}

/** The bot's conversation state on its database: exclusive on PGlite (one process owns it), with the change feed on
 *  PostgreSQL (maybe shared by several bot processes). */
export function stateStorageFor(db: Database, onWriteError: (error: unknown) => void): StateStorage {
  return new StateStorage(sqlOf(db), {
    exclusive: db.target.kind === 'pglite', feed: startStateFeed(db), onWriteError, deferred: isLabelMemoryKey,
  });
}
