// Teams' limit is per app and per tenant (50 requests/s): one token bucket per tenant at NOTIFY_RATE, a 429's
// Retry-After pausing only that tenant, and an optional ceiling for all tenants together (NOTIFY_MAX_RATE).
// The timing policy lives here too: the request timeout and the concurrency follow the channel's observed latency.
import { TokenBucket, type Clock, type Ticket } from './tokenBucket.ts';

export class TenantPacer {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly global: TokenBucket | undefined;

  constructor(readonly rate: number, readonly maxRate: number | undefined, private readonly clock: Clock, private readonly burst?: number) {
    this.global = maxRate ? new TokenBucket(maxRate, Math.max(2, maxRate / 10), clock) : undefined;
  }

  bucket(tenant: string): TokenBucket {
    let b = this.buckets.get(tenant);
    if (!b) this.buckets.set(tenant, (b = new TokenBucket(this.rate, this.burst, this.clock)));
    return b;
  }

  /** A grant from the tenant's bucket, then from the ceiling's; null when the signal aborts first. */
  async take(tenant: string, signal: AbortSignal): Promise<Ticket | null> {
    const own = await this.bucket(tenant).take(signal);
    if (!own || !this.global) return own;
    const all = await this.global.take(signal);
    if (!all) {
      own.unused();
      return null;
    }
    return { written: () => { own.written(); all.written(); }, unused: () => { own.unused(); all.unused(); } };
  }

  /** A 429 from this tenant: it waits, the others go on. */
  pause(tenant: string, ms: number): void {
    this.bucket(tenant).pause(ms);
  }

  pausedFor(tenant: string): number {
    return this.buckets.get(tenant)?.pausedFor() ?? 0;
  }

  /** Requests per second all tenants together may reach, `tenants` being those with work. */
  aggregateRate(tenants: number): number {
    const sum = this.rate * Math.max(1, tenants);
    return this.maxRate ? Math.min(this.maxRate, sum) : sum;
  }
}

export type TimingLimits = { timeoutMinMs: number; timeoutMaxMs: number };

/** In flight at most: 400 tenants at 50/s would ask for thousands, but one process sends ~1,500/s (bench:notify). */
const MAX_CONCURRENCY = 256;

/** How long the channel takes to answer, and how long a request holds a slot (answers, errors and timeouts alike). */
export class LatencyTracker {
  private readonly answers: number[] = [];
  private next = 0;
  private occupancyMs = 200;

  constructor(private readonly limits: TimingLimits, private readonly size = 256) {}

  /** An answer (any HTTP status) arrived `ms` after the request left. */
  answered(ms: number): void {
    if (this.answers.length < this.size) this.answers.push(ms);
    else this.answers[this.next] = ms;
    this.next = (this.next + 1) % this.size;
  }

  /** A slot was held `ms` (from start to settle). EWMA, so that a burst of timeouts raises it quickly. */
  held(ms: number): void {
    this.occupancyMs += (ms - this.occupancyMs) * 0.05;
  }

  /**
   * Four times the 99th percentile of recent answers, within the configured floor and ceiling; the ceiling until
   * 20 answers are known. A request without an answer by then is given up and retried: it frees its slot at once.
   */
  timeoutMs(): number {
    const { timeoutMinMs: min, timeoutMaxMs: max } = this.limits;
    if (this.answers.length < 20) return max;
    const sorted = [...this.answers].sort((a, b) => a - b);
    const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!;
    return Math.round(Math.min(max, Math.max(min, 4 * p99)));
  }

  /** Little's law: requests in flight = rate × time each holds a slot, with room for variation; bounded. */
  concurrency(rate: number): number {
    return Math.max(8, Math.min(MAX_CONCURRENCY, Math.ceil(rate * (this.occupancyMs / 1000) * 1.5) + 4));
  }
}
