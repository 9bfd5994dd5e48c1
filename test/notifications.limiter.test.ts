// Rate limiter (token bucket + sliding-window guard, Retry-After pause) and retry classification, on a fake clock.
import { LatencyTracker } from '../data/notifications/pacer.ts';
import { describe, expect, it } from 'vitest';
import { TokenBucket, type Clock } from '../data/notifications/tokenBucket.ts';
import { backoffDelay, classifyFailure, defaultRetryPolicy } from '../data/notifications/retryPolicy.ts';
import { parseRetryAfter, SendError } from '../data/notifications/types.ts';

function fakeClock(): Clock & { t: number } {
  const c = { t: 0, now: () => c.t, sleep: async (ms: number) => { c.t += Math.max(Math.min(ms, 1_000), 0.001); } };
  return c;
}

/** Takes n tokens, each request leaving `delay(i)` ms after its grant; returns when each left. */
async function run(bucket: TokenBucket, clock: Clock & { t: number }, n: number, delay: (i: number) => number = () => 0): Promise<number[]> {
  const left: number[] = [];
  for (let i = 0; i < n; i++) {
    const ticket = (await bucket.take())!;
    const d = delay(i);
    if (d) clock.t += d; // the process was held up between the grant and the wire
    ticket.written();
    left.push(clock.t);
  }
  return left;
}

const maxInWindow = (times: number[]) => {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
};

describe('rate limiter', () => {
  it('sends at the rate (half during the first 250 ms), never more than the rate in any 1-s window', async () => {
    const clock = fakeClock();
    const times = await run(new TokenBucket(50, undefined, clock), clock, 8000);
    expect(maxInWindow(times)).toBeLessThanOrEqual(50);
    expect(times[6]!).toBeGreaterThan(200); // slow start: ≈ 7 in the first 250 ms (full rate: 120 ms)
    expect(7999 / (times[7999]! / 1000)).toBeGreaterThan(0.98 * 50); // 8,000 requests: ≥ 98 % of the cap overall
    expect(1000 / ((times[7999]! - times[6999]!) / 1000)).toBeGreaterThan(0.994 * 50); // once warm: the 0.5 % margin
  });

  it('counts a request from when it left, so a hold-up cannot bunch requests at the channel', async () => {
    const clock = fakeClock();
    // Every 40th request is held up 300 ms between its grant and the wire (a busy process).
    const times = await run(new TokenBucket(50, undefined, clock), clock, 600, (i) => (i % 40 === 39 ? 300 : 0));
    expect(maxInWindow(times)).toBeLessThanOrEqual(50);
  });

  it('catches up after a stall with a small burst only', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(50, undefined, clock);
    await run(bucket, clock, 100);
    clock.t += 2_000; // the worker was busy elsewhere
    let burst = 0;
    while (bucket.tryTake()) burst++;
    expect(burst).toBe(5); // capacity rate/10
  });

  it('saves no burst before the first request', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(50, undefined, clock);
    clock.t += 60_000;
    expect(bucket.tryTake()).not.toBeNull();
    expect(bucket.tryTake()).toBeNull();
  });

  it('pauses everybody for Retry-After, with no burst afterwards, and widens its margin', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(50, undefined, clock);
    await run(bucket, clock, 200);
    const before = bucket.currentMargin();
    bucket.pause(2_000);
    bucket.pause(1_000); // another 429 of the same episode
    expect(bucket.currentMargin()).toBeCloseTo(before * 2, 5);
    expect(bucket.tryTake()).toBeNull();
    expect(bucket.pausedFor()).toBe(2_000);
    const t0 = clock.t;
    (await bucket.take())!.written();
    expect(clock.t - t0).toBeGreaterThanOrEqual(2_000);
    expect(bucket.tryTake()).toBeNull();
    clock.t += 300_000;
    expect(bucket.currentMargin()).toBeLessThan(0.0051); // back to 0.5 % once the channel is quiet
  });

  it('gives an unused token back', () => {
    const bucket = new TokenBucket(100, 1, fakeClock());
    bucket.tryTake()!.unused();
    expect(bucket.tryTake()).not.toBeNull();
  });

  it('serves waiters in order and stops waiting when aborted', async () => {
    const bucket = new TokenBucket(20);
    const order: number[] = [];
    await Promise.all([0, 1, 2].map(async (i) => { (await bucket.take())!.written(); order.push(i); }));
    expect(order).toEqual([0, 1, 2]);
    const slow = new TokenBucket(0.001);
    slow.tryTake();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 10);
    expect(await slow.take(ac.signal)).toBeNull();
  });
});

describe('retry classification', () => {
  const policy = { ...defaultRetryPolicy(8), baseDelayMs: 500, random: () => 0.5 };
  const err = (statusCode?: number, retryAfterMs?: number) => new SendError('x', { statusCode, retryAfterMs });

  it.each([412, 500, 502, 503, 504])('retries %i with exponential backoff', (code) => {
    const d1 = classifyFailure(err(code), 1, policy);
    const d3 = classifyFailure(err(code), 3, policy);
    expect(d1).toMatchObject({ action: 'retry', throttled: false, statusCode: code });
    expect(d1.action === 'retry' && d3.action === 'retry' && d3.delayMs).toBe(4 * (d1.action === 'retry' ? d1.delayMs : 0));
  });

  it('retries network errors (no status)', () => {
    expect(classifyFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 1, policy)).toMatchObject({ action: 'retry', statusCode: null });
  });

  it('honours Retry-After on 429 exactly, and flags it as throttling', () => {
    expect(classifyFailure(err(429, 3_000), 1, policy)).toMatchObject({ action: 'retry', delayMs: 3_000, throttled: true });
  });

  it('waits at least Retry-After on a 503', () => {
    const d = classifyFailure(err(503, 10_000), 1, policy);
    expect(d.action === 'retry' && d.delayMs).toBe(10_000);
  });

  it.each([403, 404])('treats %i as permanent and deactivates the member', (code) => {
    expect(classifyFailure(err(code), 1, policy)).toMatchObject({ action: 'fail', deactivate: true, statusCode: code });
  });

  it('fails other 4xx without deactivating', () => {
    expect(classifyFailure(err(400), 1, policy)).toMatchObject({ action: 'fail', deactivate: false, statusCode: 400 });
  });

  it('gives up after NOTIFY_MAX_ATTEMPTS (429 gets a larger budget)', () => {
    expect(classifyFailure(err(503), 8, policy)).toMatchObject({ action: 'fail', deactivate: false });
    expect(classifyFailure(err(429, 1000), 8, policy)).toMatchObject({ action: 'retry' });
    expect(classifyFailure(err(429, 1000), 32, policy)).toMatchObject({ action: 'fail' });
  });

  it('jitters between half and all of the exponential delay, capped', () => {
    expect(backoffDelay(1, { ...policy, random: () => 0 })).toBe(250);
    expect(backoffDelay(1, { ...policy, random: () => 1 })).toBe(500);
    expect(backoffDelay(4, { ...policy, random: () => 1 })).toBe(4_000);
    expect(backoffDelay(30, { ...policy, random: () => 1 })).toBe(60_000);
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2_000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('timing that follows the channel (#18 item 2)', () => {
  it('the timeout is 4 × p99 of recent answers, within its floor and ceiling; the ceiling until 20 answers', () => {
    const t = new LatencyTracker({ timeoutMinMs: 1_000, timeoutMaxMs: 15_000 });
    expect(t.timeoutMs()).toBe(15_000);
    for (let i = 0; i < 100; i++) t.answered(20 + (i % 10)); // a fast channel: the floor
    expect(t.timeoutMs()).toBe(1_000);
    for (let i = 0; i < 256; i++) t.answered(i % 50 === 0 ? 2_000 : 300); // a slow tail: 4 × 2 s
    expect(t.timeoutMs()).toBe(8_000);
    for (let i = 0; i < 256; i++) t.answered(9_000); // slower than the ceiling allows
    expect(t.timeoutMs()).toBe(15_000);
  });

  it('concurrency is rate × time in flight (Little), bounded: hung requests raise it, a fast channel lowers it', () => {
    const t = new LatencyTracker({ timeoutMinMs: 1_000, timeoutMaxMs: 15_000 });
    for (let i = 0; i < 200; i++) t.held(40);
    const fast = t.concurrency(50);
    expect(fast).toBe(8); // 50/s × 40 ms × 1.5 + 4 = 7 → the floor of 8
    for (let i = 0; i < 200; i++) t.held(1_000); // each request now holds its slot for a second (timeouts)
    expect(t.concurrency(100)).toBeGreaterThanOrEqual(100 * 1 * 1.5 * 0.99);
    expect(t.concurrency(100_000)).toBe(256);
  });
});
