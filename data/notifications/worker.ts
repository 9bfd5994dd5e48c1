// The sending loop of the lock holder: claim due deliveries ahead, send them concurrently, each tenant at its own
// pace (pacer.ts), mark each `sending` right before its request leaves (wireMarker.ts), classify failures, and write
// outcomes in batches. Concurrency and the request timeout follow the channel's observed latency.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { cancelledAmong, claimDeliveries, completeFinished, markSending, nextDueIn, type ClaimedRow } from './outbox.ts';
import { OutcomeBuffer } from './outcomeBuffer.ts';
import { LatencyTracker, TenantPacer, type TimingLimits } from './pacer.ts';
import { WireMarker } from './wireMarker.ts';
import { MessageCache } from './messageCache.ts';
import type { AreaLookup } from './render.ts';
import { classifyFailure, defaultRetryPolicy, type RetryPolicy } from './retryPolicy.ts';
import { realClock, type Clock } from './tokenBucket.ts';
import { PaceAborted, silentLogger, type NotificationMessage, type NotifyLogger, type Sender } from './types.ts';

export type WorkerOptions = {
  prisma: PrismaClient;
  sender: Sender;
  /** Requests per second and per tenant, retries included (NOTIFY_RATE). */
  rate: number;
  /** Requests per second for all tenants together (NOTIFY_MAX_RATE); none by default. */
  maxRate?: number;
  /** Request timeout bounds (NOTIFY_TIMEOUT_MIN_MS / NOTIFY_TIMEOUT_MAX_MS); it follows the observed latency. */
  timing?: TimingLimits;
  /** Attempts per delivery before giving up (NOTIFY_MAX_ATTEMPTS); 429 gets 4× more. */
  maxAttempts: number;
  /** Requests in flight at most; by default rate × observed time in flight (LatencyTracker.concurrency). */
  concurrency?: number;
  /** Token bucket capacity per tenant (default rate/10, at least 2; see tokenBucket.ts). */
  burst?: number;
  lookup?: AreaLookup;
  logger?: NotifyLogger;
  retryPolicy?: RetryPolicy;
  clock?: Clock;
  /** Outcomes are written at most this often (one statement for the batch). */
  flushMs?: number;
  /** Return once nothing is pending (CLI, bench) instead of polling forever. */
  untilIdle?: boolean;
};

/** Sends started but not yet through their tenant's rate limit: enough to keep it fed, no more. */
const LOOKAHEAD = 3;
export const DEFAULT_TIMING: TimingLimits = { timeoutMinMs: 1_000, timeoutMaxMs: 15_000 };

export class NotificationWorker {
  readonly pacer: TenantPacer;
  readonly latency: LatencyTracker;
  private readonly marker: WireMarker;
  private readonly policy: RetryPolicy;
  private readonly logger: NotifyLogger;
  private readonly clock: Clock;
  private readonly inflight = new Set<Promise<void>>();
  /** Per tenant: sends waiting for a token, and rows claimed or in flight (the tenants with work). */
  private readonly unpaced = new Map<string, number>();
  private readonly work = new Map<string, number>();
  private wakers: (() => void)[] = [];
  private readonly outcomes: OutcomeBuffer;
  private readonly messages: MessageCache;
  private readonly sendingMarked = new Set<string>();
  readonly stats = { sent: 0, retried: 0, throttled: 0, failed: 0, timedOut: 0 };

  constructor(private readonly o: WorkerOptions) {
    this.clock = o.clock ?? realClock;
    this.pacer = new TenantPacer(o.rate, o.maxRate, this.clock, o.burst);
    this.latency = new LatencyTracker(o.timing ?? DEFAULT_TIMING);
    this.marker = new WireMarker(o.prisma);
    this.messages = new MessageCache(o.prisma, o.lookup);
    this.policy = o.retryPolicy ?? defaultRetryPolicy(o.maxAttempts);
    this.logger = o.logger ?? silentLogger;
    this.outcomes = new OutcomeBuffer(o.prisma, () => this.clock.now(), this.logger);
  }

  private count(map: Map<string, number>, tenant: string, delta: number): void {
    const n = (map.get(tenant) ?? 0) + delta;
    if (n > 0) map.set(tenant, n);
    else map.delete(tenant);
  }

  /** Requests in flight at most now: the tenants with work at their rate, times the observed time in flight. */
  private concurrency(): number {
    return this.o.concurrency ?? this.latency.concurrency(this.pacer.aggregateRate(this.work.size));
  }

  /** Sends until `signal` aborts (or, with untilIdle, nothing is pending), then drains: in-flight sends finish. */
  async run(signal: AbortSignal): Promise<void> {
    const queue: ClaimedRow[] = [];
    // ≈ 200 ms of sends claimed ahead at the rate all tenants with work can reach. Claimed rows are not `sending`:
    // after a crash they are simply sent.
    const batch = () => Math.max(LOOKAHEAD, Math.min(500, Math.ceil(this.pacer.aggregateRate(Math.max(1, this.work.size)) / 5)));
    let claiming: Promise<number> | undefined;
    // The next batch is claimed while the current one is being sent: the database never delays a token.
    const refill = () => {
      claiming ??= (async () => {
        await this.dropCancelled(queue);
        const rows = await claimDeliveries(this.o.prisma, batch());
        await this.markAnnouncements(rows);
        for (const r of rows) this.count(this.work, r.tenantId, 1);
        queue.push(...rows);
        return rows.length;
      })().finally(() => { claiming = undefined; });
      return claiming;
    };
    const timer = setInterval(() => void this.outcomes.flush(), this.o.flushMs ?? 200);
    try {
      while (!signal.aborted) {
        if (this.inflight.size >= this.concurrency()) {
          await this.changed(signal);
          continue;
        }
        // The first row whose tenant can take one more: a throttled tenant never holds up the others.
        const next = queue.findIndex((r) => (this.unpaced.get(r.tenantId) ?? 0) < LOOKAHEAD);
        if (next < 0) {
          if (queue.length === 0 && (await refill()) === 0 && queue.length === 0) {
            if (await this.idle(signal)) break;
          } else if (queue.length < 4 * batch() && !claiming) void refill().catch((err) => this.logger.error({ err }, 'claim failed'));
          else await this.changed(signal);
          continue;
        }
        this.start(queue.splice(next, 1)[0]!, signal);
        if (queue.length <= batch() / 2) void refill().catch((err) => this.logger.error({ err }, 'claim failed'));
      }
    } finally {
      await claiming?.catch(() => 0);
      this.outcomes.release(queue.splice(0));
      await Promise.allSettled([...this.inflight]);
      clearInterval(timer);
      await this.outcomes.flush();
      await completeFinished(this.o.prisma).catch((err) => this.logger.warn({ err }, 'could not close finished announcements'));
    }
  }

  /** Rows claimed ahead for an announcement cancelled since: not sent (a send already in flight completes). */
  private async dropCancelled(queue: ClaimedRow[]): Promise<void> {
    const cancelled = await cancelledAmong(this.o.prisma, [...new Set(queue.map((r) => r.announcementId))]);
    for (let i = queue.length - 1; i >= 0 && cancelled.size; i--) {
      const row = queue[i]!;
      if (!cancelled.has(row.announcementId)) continue;
      queue.splice(i, 1);
      this.outcomes.push({ deliveryId: row.deliveryId, memberId: row.memberId, status: 'cancelled', statusCode: null, delayMs: null, error: 'annonce annulée' });
    }
  }

  private changed(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.wakers.push(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private wake(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const w of wakers) w();
  }

  /** Nothing due: write outcomes, close finished announcements, wait for the next due row. True = stop (untilIdle). */
  private async idle(signal: AbortSignal): Promise<boolean> {
    if (this.inflight.size) {
      await this.changed(signal);
      return false;
    }
    await this.outcomes.flush();
    for (const id of await completeFinished(this.o.prisma)) {
      this.logger.info({ announcementId: id }, 'announcement sent');
      this.messages.forget(id);
      this.sendingMarked.delete(id);
    }
    const due = await nextDueIn(this.o.prisma);
    if (due === null && this.o.untilIdle) return true;
    await this.clock.sleep(Math.min(due ?? 1_000, 1_000), signal);
    return false;
  }

  private async markAnnouncements(rows: ClaimedRow[]): Promise<void> {
    const fresh = [...new Set(rows.map((r) => r.announcementId))].filter((id) => !this.sendingMarked.has(id));
    if (!fresh.length) return;
    await markSending(this.o.prisma, fresh);
    for (const id of fresh) this.sendingMarked.add(id);
  }

  private start(row: ClaimedRow, signal: AbortSignal): void {
    const tenant = row.tenantId;
    this.count(this.unpaced, tenant, 1);
    let counted = true;
    const paced = () => {
      if (counted) { counted = false; this.count(this.unpaced, tenant, -1); this.wake(); }
    };
    const started = this.clock.now();
    const p = this.deliver(row, signal, paced).finally(() => {
      paced();
      this.latency.held(this.clock.now() - started);
      this.count(this.work, tenant, -1);
      this.inflight.delete(p);
      this.wake();
    });
    this.inflight.add(p);
  }

  private async deliver(row: ClaimedRow, signal: AbortSignal, onPaced: () => void): Promise<void> {
    const base = { deliveryId: row.deliveryId, memberId: row.memberId };
    if (!row.active || !row.subscribed || !row.conversationReference) {
      // Left or unsubscribed since the announcement was queued: nothing to send.
      const error = row.conversationReference ? 'membre inactif ou désabonné depuis la mise en file' : 'aucune conversation Teams enregistrée';
      this.outcomes.push({ ...base, status: 'cancelled', statusCode: null, delayMs: null, error });
      return;
    }
    let message: NotificationMessage;
    try {
      message = await this.messages.message(row);
    } catch (err) {
      // A bug or unreadable content, not a channel failure: retrying would not help.
      this.logger.error({ err, deliveryId: row.deliveryId }, 'could not render the announcement');
      this.outcomes.push({ ...base, status: 'failed', statusCode: null, delayMs: null, error: `message impossible à construire : ${(err as Error).message}`.slice(0, 500) });
      return;
    }
    let wiredAt: number | undefined;
    let notOnWire: 'cancelled' | 'release' | undefined;
    const tickets: (() => void)[] = [];
    const pace = async () => {
      const ticket = await this.pacer.take(row.tenantId, signal);
      if (!ticket) throw new PaceAborted();
      onPaced();
      // `sending` is committed before the request leaves; a row cancelled meanwhile does not leave.
      let marked: boolean;
      try {
        marked = await this.marker.mark(row.deliveryId);
      } catch (err) {
        ticket.unused();
        notOnWire = 'release';
        throw err;
      }
      if (!marked) {
        ticket.unused();
        notOnWire = 'cancelled';
        throw new PaceAborted();
      }
      const written = () => { wiredAt ??= this.clock.now(); ticket.written(); };
      tickets.push(written);
      return written;
    };
    const timeoutMs = this.latency.timeoutMs();
    try {
      if (!this.o.sender.pacesItself) (await pace())();
      try {
        await this.o.sender.send(row, message, { pace, timeoutMs });
      } finally {
        for (const written of tickets) written(); // idempotent: the request has left by now if it ever did
      }
      if (wiredAt !== undefined) this.latency.answered(this.clock.now() - wiredAt);
      this.stats.sent++;
      this.outcomes.push({ ...base, status: 'sent', statusCode: null, delayMs: null, error: null });
    } catch (error) {
      if (notOnWire === 'cancelled') return this.outcomes.push({ ...base, status: 'cancelled', statusCode: null, delayMs: null, error: 'annonce annulée' });
      if (notOnWire === 'release' || (wiredAt === undefined && signal.aborted)) return this.outcomes.release([row]);
      const d = classifyFailure(error, row.attempt, this.policy);
      if (d.statusCode !== null && wiredAt !== undefined) this.latency.answered(this.clock.now() - wiredAt);
      else if (d.statusCode === null) this.stats.timedOut++;
      if (d.action === 'retry') {
        if (d.throttled) {
          // The limit is per app and tenant: this tenant waits, the others go on.
          this.stats.throttled++;
          this.pacer.pause(row.tenantId, d.delayMs);
        } else this.stats.retried++;
        this.outcomes.push({ ...base, status: 'pending', statusCode: d.statusCode, delayMs: d.delayMs, error: d.reason });
      } else {
        this.stats.failed++;
        this.outcomes.push({ ...base, status: 'failed', statusCode: d.statusCode, delayMs: null, error: d.reason, deactivate: d.deactivate });
      }
      this.logger.debug({ deliveryId: row.deliveryId, attempt: row.attempt, statusCode: d.statusCode, action: d.action, reason: d.reason }, 'send failed');
    }
  }
}
