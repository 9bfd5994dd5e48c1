// One global pace for every request to Teams (50 per second per app and tenant), retries included.
//
// Two rules, both cheap:
// - a token bucket at rate ÷ (1 + margin) with a small capacity (default rate/10, at least 2): it sets the pace, and
//   a worker whose event loop stalled (database, GC, a busy machine) catches up instead of losing that time;
// - a sliding-window guard, the channel's own rule: never more than `rate` requests in any window of
//   1 s × (1 + margin/2). It only bites after a catch-up burst (the bucket is slower), and it counts a request from
//   the moment it actually left (the sender reports it; until then it counts as leaving now): a request granted but
//   held up in the process would otherwise reach the channel bunched with later ones. A 429's Retry-After pause
//   costs far more than the margin.
//   The margin adapts like TCP's congestion window: 0.5 % at first, each 429 doubles it (at most 10 %), and it decays
//   back to 0.5 % (τ = 30 s) while the channel accepts everything.
// Slow start: half the rate for the first 250 ms (first connections, code not yet optimised).
// Waiters are served first come, first served.
export type Clock = { now(): number; sleep(ms: number, signal?: AbortSignal): Promise<void> };

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) => new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, Math.max(0, ms));
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  }),
};

/** A granted request. written(): it is on the wire now; unused(): it will not be made. Both idempotent. */
export type Ticket = { written(): void; unused(): void };

type Waiter = { resolve: (ticket: Ticket | null) => void };

const MAX_MARGIN = 0.1;
const MARGIN_DECAY_MS = 30_000;
const SLOW_START_MS = 250;

export class TokenBucket {
  readonly capacity: number;
  private tokens = 1;
  /** Time of the last refill; undefined until the first request (no burst saved up before the work starts). */
  private last: number | undefined;
  private firstGrant: number | undefined;
  private blockedUntil = -Infinity;
  /** Requests granted, not yet reported on the wire. */
  private unwritten = 0;
  /** When recent requests left, oldest first (within the guard's window). */
  private readonly recent: number[] = [];
  private readonly windowCount: number;
  private readonly baseWindowMs: number;
  private margin: number;
  private marginAt: number;
  private readonly waiters: Waiter[] = [];
  private pumping = false;
  private wakePump: (() => void) | undefined;

  /** rate: requests per second; capacity: the most tokens kept (≥ 1). */
  constructor(readonly rate: number, capacity?: number, private readonly clock: Clock = realClock, readonly baseMargin = 0.005, startMargin = 0.005) {
    if (!(rate > 0)) throw new RangeError(`rate must be > 0 (got ${rate})`);
    this.capacity = capacity ?? Math.max(2, rate / 10);
    if (!(this.capacity >= 1)) throw new RangeError(`capacity must be ≥ 1 (got ${capacity})`);
    this.windowCount = Math.max(1, Math.round(rate));
    this.baseWindowMs = (1000 * this.windowCount) / rate;
    this.margin = Math.max(baseMargin, startMargin);
    this.marginAt = clock.now();
  }

  /** Current guard margin (share of the window), after its decay. */
  currentMargin(now = this.clock.now()): number {
    return this.baseMargin + (this.margin - this.baseMargin) * Math.exp(-(now - this.marginAt) / MARGIN_DECAY_MS);
  }

  /** Tokens per second now: rate ÷ (1 + margin), half that during the slow start. */
  private pace(now: number): number {
    const rate = this.rate / (1 + this.currentMargin(now));
    return this.firstGrant === undefined || now - this.firstGrant < SLOW_START_MS ? rate / 2 : rate;
  }

  private refill(now: number): void {
    this.last ??= now;
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.pace(now)) / 1000);
      this.last = now;
    }
  }

  /** Milliseconds until a request may start (0 = now; Infinity = when an outstanding request leaves). */
  waitTime(): number {
    const now = this.clock.now();
    if (now < this.blockedUntil) return this.blockedUntil - now;
    this.refill(now);
    const bucket = this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / this.pace(now);
    const windowMs = this.baseWindowMs * (1 + this.currentMargin(now) / 2);
    while (this.recent.length && this.recent[0]! <= now - windowMs) this.recent.shift();
    const over = this.unwritten + this.recent.length - this.windowCount + 1; // how many must leave the window first
    const window = over <= 0 ? 0 : over <= this.recent.length ? this.recent[over - 1]! + windowMs - now : Infinity;
    return Math.max(bucket, window);
  }

  /** Takes a token now if one is free and nobody is queued before us. */
  tryTake(): Ticket | null {
    if (this.waiters.length > 0 || this.waitTime() > 0) return null;
    return this.grant();
  }

  private grant(): Ticket {
    const now = this.clock.now();
    this.firstGrant ??= now;
    this.tokens -= 1;
    this.unwritten++;
    let open = true;
    const close = (wrote: boolean) => {
      if (!open) return;
      open = false;
      this.unwritten--;
      if (wrote) this.recent.push(this.clock.now());
      else this.tokens = Math.min(this.capacity, this.tokens + 1);
      this.wakePump?.();
    };
    return { written: () => close(true), unused: () => close(false) };
  }

  /** Waits for a token, in arrival order; null if the signal aborted first. */
  take(signal?: AbortSignal): Promise<Ticket | null> {
    if (signal?.aborted) return Promise.resolve(null);
    return new Promise<Ticket | null>((resolve) => {
      const waiter: Waiter = { resolve };
      const abort = () => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve(null);
      };
      waiter.resolve = (ticket) => { signal?.removeEventListener('abort', abort); resolve(ticket); };
      signal?.addEventListener('abort', abort, { once: true });
      this.waiters.push(waiter);
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiters.length) {
        const wait = this.waitTime();
        if (wait > 0) {
          // A request leaving may free the window earlier than the timer (or at all, when wait is Infinity).
          const woken = new Promise<void>((resolve) => { this.wakePump = resolve; });
          const stop = new AbortController();
          await Promise.race([woken, this.clock.sleep(Math.min(wait, 1_000), stop.signal)]);
          stop.abort();
          this.wakePump = undefined;
          continue;
        }
        this.waiters.shift()!.resolve(this.grant());
      }
    } finally {
      this.pumping = false;
    }
  }

  /** A 429 with Retry-After: nobody starts a request before `ms` has passed, no burst builds up meanwhile, and the
   *  window's margin widens. */
  pause(ms: number): void {
    const now = this.clock.now();
    const until = now + ms;
    if (now >= this.blockedUntil) { // a new throttling episode (not another 429 of the same burst)
      this.margin = Math.min(MAX_MARGIN, this.currentMargin(now) * 2);
      this.marginAt = now;
    }
    if (until <= this.blockedUntil) return;
    this.blockedUntil = until;
    this.tokens = 0;
    this.last = until;
  }

  /** Milliseconds of pause left (0 when not paused). */
  pausedFor(): number {
    return Math.max(0, this.blockedUntil - this.clock.now());
  }

  /** Requests waiting for a token. */
  get queued(): number {
    return this.waiters.length;
  }
}
