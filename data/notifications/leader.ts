// One sender at a time across processes: the Teams limit is per app and tenant, a second sender would only earn
// 429s. PostgreSQL: a session advisory lock on a dedicated connection — if the holder dies, PostgreSQL drops its
// session and the lock, and a stand-by (polling every second) takes over. PGlite: one process, always the leader.
import type pg from 'pg';
import { loadPg } from '../pgDriver.ts';
import type { DatabaseTarget } from '../database.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { silentLogger, type NotifyLogger } from './types.ts';

/** "arobase:notify" — any constant shared by every arobase process on the database. */
export const NOTIFY_LOCK_KEY = 0x61726f62_6e6f74n;

export interface LeaderLock {
  /** Waits until this process holds the lock; false if the signal aborted first. */
  acquire(signal: AbortSignal): Promise<boolean>;
  /** Aborted when leadership is lost (connection to the database broken). Valid after acquire() returned true. */
  readonly lost: AbortSignal;
  release(): Promise<void>;
}

class AlwaysLeader implements LeaderLock {
  readonly lost = new AbortController().signal;
  async acquire(signal: AbortSignal) { return !signal.aborted; }
  async release() {}
}

const sleep = (ms: number, signal: AbortSignal) => new Promise<void>((resolve) => {
  const timer = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
});

class AdvisoryLock implements LeaderLock {
  private client: pg.Client | undefined;
  private lostController = new AbortController();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly url: string, private readonly pollMs: number, private readonly logger: NotifyLogger) {}

  get lost() { return this.lostController.signal; }

  private async connect(): Promise<pg.Client> {
    const client = new (await loadPg()).Client({ connectionString: this.url, application_name: 'arobase-notify-lock', keepAlive: true });
    client.on('error', (err) => this.drop(client, err));
    client.on('end', () => this.drop(client, new Error('connection ended')));
    await client.connect();
    return client;
  }

  private drop(client: pg.Client, err: Error) {
    if (this.client !== client) return;
    this.client = undefined;
    clearInterval(this.heartbeat);
    if (!this.lostController.signal.aborted) {
      this.logger.warn({ err: err.message }, 'notification lock connection lost');
      this.lostController.abort(err);
    }
    client.end().catch(() => {});
  }

  async acquire(signal: AbortSignal): Promise<boolean> {
    this.lostController = new AbortController();
    let waiting = false;
    while (!signal.aborted) {
      try {
        this.client ??= await this.connect();
        const { rows } = await this.client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [NOTIFY_LOCK_KEY.toString()]);
        if (rows[0]?.ok) {
          // A query now and then notices a dead connection even when no send is running.
          const client = this.client;
          this.heartbeat = setInterval(() => client.query('SELECT 1').catch((err: Error) => this.drop(client, err)), 5_000);
          this.heartbeat.unref();
          return true;
        }
        if (!waiting) this.logger.info({}, 'another process sends the notifications: standing by');
        waiting = true;
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'notification lock: database unreachable, retrying');
        if (this.client) this.drop(this.client, err as Error);
        this.lostController = new AbortController();
      }
      await sleep(this.pollMs, signal);
    }
    return false;
  }

  async release(): Promise<void> {
    clearInterval(this.heartbeat);
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [NOTIFY_LOCK_KEY.toString()]).catch(() => {});
    await client.end().catch(() => {});
  }
}

export function createLeaderLock(target: DatabaseTarget, options: { pollMs?: number; logger?: NotifyLogger } = {}): LeaderLock {
  if (target.kind === 'pglite') return new AlwaysLeader();
  return new AdvisoryLock(target.url, options.pollMs ?? 1_000, options.logger ?? silentLogger);
}

/**
 * Whether some process holds the sender lock (a notification worker is running). PostgreSQL: the advisory lock in
 * pg_locks, for this database. PGlite: false — the embedded database is one process, so when a CLI has it open no
 * bot or worker can be sending.
 */
export async function senderRunning(db: { target: DatabaseTarget; prisma: PrismaClient }): Promise<boolean> {
  if (db.target.kind === 'pglite') return false;
  const key = NOTIFY_LOCK_KEY;
  const [row] = await db.prisma.$queryRaw<{ held: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND objsubid = 1
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND classid::bigint = ${Number(key >> 32n)} AND objid::bigint = ${Number(key & 0xffffffffn)}
    ) AS held`;
  return !!row?.held;
}
