// The notification worker as a process component: stand by until this process holds the sender lock, recover
// rows orphaned by a crashed predecessor, send, and start over if leadership is lost. Used by `npm start`
// (bot/main.ts) and `npm run worker`.
import type { Database } from '../database.ts';
import { completeFinished, markOrphansUncertain } from './outbox.ts';
import { createLeaderLock, type LeaderLock } from './leader.ts';
import type { AreaLookup } from './render.ts';
import { silentLogger, type NotifyLogger, type Sender } from './types.ts';
import { NotificationWorker } from './worker.ts';
import { realClock } from './tokenBucket.ts';

export type NotificationWorkerOptions = {
  db: Database;
  sender: Sender;
  /** NOTIFY_RATE, requests per second (default 50: Teams' limit per app and tenant). */
  rate?: number;
  /** NOTIFY_MAX_ATTEMPTS (default 8). */
  maxAttempts?: number;
  concurrency?: number;
  logger?: NotifyLogger;
  /** Registry, to order highlights nearest to each member and name their filter areas. */
  lookup?: AreaLookup;
  /** Stop once nothing is pending (bench, one-shot runs). */
  untilIdle?: boolean;
  lock?: LeaderLock;
};

export type NotificationWorkerHandle = {
  /** Resolves when the worker has stopped by itself (untilIdle) or after stop(). */
  readonly finished: Promise<void>;
  /** Graceful: no new claim, in-flight sends complete, outcomes written, lock released. */
  stop(): Promise<void>;
  readonly stats: { sent: number; retried: number; throttled: number; failed: number; uncertainRecovered: number };
};

/** Reads NOTIFY_RATE and NOTIFY_MAX_ATTEMPTS; throws a French one-liner on a bad value. */
export function notifySettings(env: NodeJS.ProcessEnv = process.env): { rate: number; maxAttempts: number } {
  const read = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} doit être un nombre entre ${min} et ${max} (reçu « ${raw} »)`);
    return n;
  };
  return { rate: read('NOTIFY_RATE', 50, 0.1, 10_000), maxAttempts: Math.round(read('NOTIFY_MAX_ATTEMPTS', 8, 1, 100)) };
}

export function startNotificationWorker(options: NotificationWorkerOptions): NotificationWorkerHandle {
  const logger = options.logger ?? silentLogger;
  const defaults = notifySettings();
  const rate = options.rate ?? defaults.rate;
  const maxAttempts = options.maxAttempts ?? defaults.maxAttempts;
  const lock = options.lock ?? createLeaderLock(options.db.target, { logger });
  const stopping = new AbortController();
  const stats = { sent: 0, retried: 0, throttled: 0, failed: 0, uncertainRecovered: 0 };

  const finished = (async () => {
    while (!stopping.signal.aborted) {
      if (!(await lock.acquire(stopping.signal))) break;
      logger.info({ rate, maxAttempts }, 'notification sender active');
      const run = AbortSignal.any([stopping.signal, lock.lost]);
      try {
        // Leader only: a row still `sending` belongs to no live worker (crash policy in outbox.ts).
        const orphans = await markOrphansUncertain(options.db.prisma);
        if (orphans) {
          stats.uncertainRecovered += orphans;
          logger.warn({ deliveries: orphans }, 'deliveries interrupted by a crash marked uncertain (not re-sent automatically)');
          await completeFinished(options.db.prisma);
        }
        const worker = new NotificationWorker({
          prisma: options.db.prisma, sender: options.sender, rate, maxAttempts, concurrency: options.concurrency,
          logger, lookup: options.lookup, untilIdle: options.untilIdle,
        });
        await worker.run(run);
        for (const k of ['sent', 'retried', 'throttled', 'failed'] as const) stats[k] += worker.stats[k];
      } catch (err) {
        logger.error({ err }, 'notification worker failed; retrying in 5 s');
        await realClock.sleep(5_000, stopping.signal);
      } finally {
        await lock.release();
      }
      if (options.untilIdle && !lock.lost.aborted) break;
    }
  })();

  return {
    finished, stats,
    async stop() {
      stopping.abort();
      await finished;
    },
  };
}
