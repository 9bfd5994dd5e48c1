// The sending loop of the lock holder: claim a few due deliveries ahead, send them concurrently under the global
// rate limit, classify failures, and write outcomes in batches.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { parseContent } from './announcements.ts';
import { cancelledAmong, claimDeliveries, completeFinished, markSending, nextDueIn, type ClaimedRow } from './outbox.ts';
import { OutcomeBuffer } from './outcomeBuffer.ts';
import { renderMessage, type AreaLookup } from './render.ts';
import { classifyFailure, defaultRetryPolicy, type RetryPolicy } from './retryPolicy.ts';
import { realClock, TokenBucket, type Clock } from './tokenBucket.ts';
import { PaceAborted, silentLogger, type AnnouncementContent, type NotificationMessage, type NotifyLogger, type Sender } from './types.ts';

export type WorkerOptions = {
  prisma: PrismaClient;
  sender: Sender;
  /** Requests per second, retries included (NOTIFY_RATE). */
  rate: number;
  /** Attempts per delivery before giving up (NOTIFY_MAX_ATTEMPTS); 429 gets 4× more. */
  maxAttempts: number;
  /** Requests in flight at most: enough to keep the pace whatever the channel's latency. */
  concurrency?: number;
  /** Token bucket capacity (default rate/10, at least 2; see tokenBucket.ts). */
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

type Cached = { content: AnnouncementContent; messages: Map<string, NotificationMessage> };

/** Sends started but not yet through the rate limit: enough to keep it fed, few enough to keep `sending` honest. */
const LOOKAHEAD = 3;

export class NotificationWorker {
  private readonly bucket: TokenBucket;
  private readonly policy: RetryPolicy;
  private readonly logger: NotifyLogger;
  private readonly clock: Clock;
  private readonly concurrency: number;
  private readonly inflight = new Set<Promise<void>>();
  private unpaced = 0;
  private wakers: (() => void)[] = [];
  private readonly outcomes: OutcomeBuffer;
  private readonly announcements = new Map<string, Cached>();
  private readonly sendingMarked = new Set<string>();
  readonly stats = { sent: 0, retried: 0, throttled: 0, failed: 0 };

  constructor(private readonly o: WorkerOptions) {
    this.clock = o.clock ?? realClock;
    this.bucket = new TokenBucket(o.rate, o.burst, this.clock);
    this.policy = o.retryPolicy ?? defaultRetryPolicy(o.maxAttempts);
    this.logger = o.logger ?? silentLogger;
    this.concurrency = o.concurrency ?? 16;
    this.outcomes = new OutcomeBuffer(o.prisma, () => this.clock.now(), this.logger);
  }

  /** Sends until `signal` aborts (or, with untilIdle, nothing is pending), then drains: in-flight sends finish. */
  async run(signal: AbortSignal): Promise<void> {
    // ≈ 200 ms of sends claimed ahead, bounded: claimed rows are `sending`, hence `uncertain` after a crash.
    const batch = Math.max(LOOKAHEAD, Math.min(Math.ceil(this.o.rate / 5), 2 * this.concurrency));
    const queue: ClaimedRow[] = [];
    let claiming: Promise<number> | undefined;
    // The next batch is claimed while the current one is being sent: the database never delays a token.
    const refill = () => {
      claiming ??= (async () => {
        await this.dropCancelled(queue);
        const rows = await claimDeliveries(this.o.prisma, batch);
        await this.markAnnouncements(rows);
        queue.push(...rows);
        return rows.length;
      })().finally(() => { claiming = undefined; });
      return claiming;
    };
    const timer = setInterval(() => void this.outcomes.flush(), this.o.flushMs ?? 200);
    try {
      while (!signal.aborted) {
        if (this.inflight.size >= this.concurrency || this.unpaced >= LOOKAHEAD) {
          await this.changed(signal);
          continue;
        }
        if (queue.length === 0 && (await refill()) === 0 && queue.length === 0) {
          if (await this.idle(signal)) break;
          continue;
        }
        this.start(queue.shift()!, signal);
        if (queue.length <= batch / 2) void refill().catch((err) => this.logger.error({ err }, 'claim failed'));
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
      this.announcements.delete(id);
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

  private async message(row: ClaimedRow): Promise<NotificationMessage> {
    let cached = this.announcements.get(row.announcementId);
    if (!cached) {
      const a = await this.o.prisma.announcement.findUniqueOrThrow({ where: { id: row.announcementId } });
      cached = { content: parseContent(a.content), messages: new Map() };
      this.announcements.set(row.announcementId, cached);
    }
    // Many members share a territory, a locale and filters: render each combination once.
    const key = [row.locale, row.territoryCode, row.filterDepartements.join(','), row.filterRegions.join(',')].join('|');
    let message = cached.messages.get(key);
    if (!message) {
      message = renderMessage(cached.content, row, this.o.lookup);
      cached.messages.set(key, message);
    }
    return message;
  }

  private start(row: ClaimedRow, signal: AbortSignal): void {
    this.unpaced++;
    let counted = true;
    const paced = () => {
      if (counted) { counted = false; this.unpaced--; this.wake(); }
    };
    const p = this.deliver(row, signal, paced).finally(() => {
      paced();
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
      message = await this.message(row);
    } catch (err) {
      // A bug or unreadable content, not a channel failure: retrying would not help.
      this.logger.error({ err, deliveryId: row.deliveryId }, 'could not render the announcement');
      this.outcomes.push({ ...base, status: 'failed', statusCode: null, delayMs: null, error: `message impossible à construire : ${(err as Error).message}`.slice(0, 500) });
      return;
    }
    let wired = false;
    const tickets: (() => void)[] = [];
    const pace = async () => {
      const ticket = await this.bucket.take(signal);
      if (!ticket) throw new PaceAborted();
      wired = true;
      tickets.push(ticket.written);
      onPaced();
      return ticket.written;
    };
    try {
      if (!this.o.sender.pacesItself) (await pace())();
      try {
        await this.o.sender.send(row, message, { pace });
      } finally {
        for (const written of tickets) written(); // idempotent: the request has left by now if it ever did
      }
      this.stats.sent++;
      this.outcomes.push({ ...base, status: 'sent', statusCode: null, delayMs: null, error: null });
    } catch (error) {
      if (!wired && signal.aborted) return this.outcomes.release([row]);
      const d = classifyFailure(error, row.attempt, this.policy);
      if (d.action === 'retry') {
        if (d.throttled) {
          // The limit is per app and tenant: everybody waits, not only this recipient.
          this.stats.throttled++;
          this.bucket.pause(d.delayMs);
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
