// The notification worker as a process component: stand by until this process holds the sender lock, recover
// rows orphaned by a crashed predecessor, send, and start over if leadership is lost. Used by `npm start`
// (bot/main.ts) and `npm run worker`.
import type { Database } from '../database.ts';
import { completeFinished, recoverOrphans, type UncertainPolicy } from './outbox.ts';
import { createLeaderLock, type LeaderLock } from './leader.ts';
import type { AreaLookup } from './render.ts';
import { silentLogger, type NotifyLogger, type Sender } from './types.ts';
import { DEFAULT_TIMING, NotificationWorker } from './worker.ts';
import { realClock } from './tokenBucket.ts';

export type NotificationWorkerOptions = {
  db: Database;
  sender: Sender;
  /** NOTIFY_RATE, requests per second and per tenant (default 50: Teams' limit per app and tenant). */
  rate?: number;
  /** NOTIFY_MAX_RATE: all tenants together (default: no ceiling). */
  maxRate?: number;
  /** NOTIFY_MAX_ATTEMPTS (default 8). */
  maxAttempts?: number;
  /** NOTIFY_TIMEOUT_MIN_MS / NOTIFY_TIMEOUT_MAX_MS: bounds of the request timeout, which follows observed latency. */
  timeoutMinMs?: number;
  timeoutMaxMs?: number;
  /** NOTIFY_ON_UNCERTAIN: after a crash, re-send what was on the wire (default) or report it. */
  onUncertain?: UncertainPolicy;
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
  readonly stats: { sent: number; retried: number; throttled: number; failed: number; timedOut: number; uncertainRecovered: number; resentAfterCrash: number; releasedAfterCrash: number };
};

export type NotifySettings = {
  rate: number; maxRate: number | undefined; maxAttempts: number; timeoutMinMs: number; timeoutMaxMs: number; onUncertain: UncertainPolicy;
};

/** Reads the NOTIFY_* settings (.env.example documents them); throws a French one-liner on a bad value. */
export function notifySettings(env: NodeJS.ProcessEnv = process.env): NotifySettings {
  const read = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} doit être un nombre entre ${min} et ${max} (reçu « ${raw} »)`);
    return n;
  };
  const maxRate = read('NOTIFY_MAX_RATE', 0, 0, 100_000);
  const timeoutMinMs = read('NOTIFY_TIMEOUT_MIN_MS', DEFAULT_TIMING.timeoutMinMs, 100, 120_000);
  const timeoutMaxMs = read('NOTIFY_TIMEOUT_MAX_MS', Math.max(timeoutMinMs, DEFAULT_TIMING.timeoutMaxMs), 100, 120_000);
  if (timeoutMaxMs < timeoutMinMs) throw new Error(`NOTIFY_TIMEOUT_MAX_MS (${timeoutMaxMs}) doit être au moins NOTIFY_TIMEOUT_MIN_MS (${timeoutMinMs})`);
  const policy = env.NOTIFY_ON_UNCERTAIN?.trim() || 'resend';
  if (policy !== 'resend' && policy !== 'report') throw new Error(`NOTIFY_ON_UNCERTAIN doit valoir resend ou report (reçu « ${policy} »)`);
  return {
    rate: read('NOTIFY_RATE', 50, 0.1, 10_000), maxRate: maxRate || undefined, maxAttempts: Math.round(read('NOTIFY_MAX_ATTEMPTS', 8, 1, 100)),
    timeoutMinMs, timeoutMaxMs, onUncertain: policy,
  };
}

export function startNotificationWorker(options: NotificationWorkerOptions): NotificationWorkerHandle {
  const logger = options.logger ?? silentLogger;
  const defaults = notifySettings();
  const rate = options.rate ?? defaults.rate;
  const maxAttempts = options.maxAttempts ?? defaults.maxAttempts;
  const maxRate = options.maxRate ?? defaults.maxRate;
  const timing = { timeoutMinMs: options.timeoutMinMs ?? defaults.timeoutMinMs, timeoutMaxMs: options.timeoutMaxMs ?? defaults.timeoutMaxMs };
  const onUncertain = options.onUncertain ?? defaults.onUncertain;
  const lock = options.lock ?? createLeaderLock(options.db.target, { logger });
  const stopping = new AbortController();
  const stats = { sent: 0, retried: 0, throttled: 0, failed: 0, timedOut: 0, uncertainRecovered: 0, resentAfterCrash: 0, releasedAfterCrash: 0 };

  const finished = (async () => {
    while (!stopping.signal.aborted) {
      if (!(await lock.acquire(stopping.signal))) break;
      logger.info({ rate, maxRate, maxAttempts, ...timing, onUncertain }, 'notification sender active');
      const run = AbortSignal.any([stopping.signal, lock.lost]);
      try {
        // Leader only: a row still `claimed` or `sending` belongs to no live worker (crash policy in outbox.ts).
        const orphans = await recoverOrphans(options.db.prisma, onUncertain);
        stats.releasedAfterCrash += orphans.released;
        stats.resentAfterCrash += orphans.resent;
        stats.uncertainRecovered += orphans.uncertain;
        if (orphans.released || orphans.resent || orphans.uncertain) {
          logger.warn({ ...orphans, policy: onUncertain }, 'deliveries interrupted by a crash: never-sent ones go again; those on the wire are '
            + (onUncertain === 'resend' ? 're-sent (possible duplicates, reported)' : 'marked uncertain (not re-sent automatically)'));
          await completeFinished(options.db.prisma);
        }
        const worker = new NotificationWorker({
          prisma: options.db.prisma, sender: options.sender, rate, maxRate, timing, maxAttempts, concurrency: options.concurrency,
          logger, lookup: options.lookup, untilIdle: options.untilIdle,
        });
        await worker.run(run);
        for (const k of ['sent', 'retried', 'throttled', 'failed', 'timedOut'] as const) stats[k] += worker.stats[k];
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
