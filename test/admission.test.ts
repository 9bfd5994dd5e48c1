// Global admission (#16 item 1): beyond MAX_CONCURRENT_TURNS turns at once, a burst's further messages are refused
// at once with 503 and Retry-After, while a quiet conversation still gets through (up to twice the limit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admits } from '../bot/server.ts';
import { ConversationRateLimiter } from '../bot/requestGuard.ts';
import { messageActivity } from './helpers/activities.ts';
import { startTestBot, type TestBot } from './helpers/testBot.ts';

describe('admission rule', () => {
  it.each([
    [0, 4, false, false, true], [3, 4, false, false, true], [4, 4, false, false, false], [4, 4, true, false, true],
    [7, 4, true, false, true], [8, 4, true, false, false], [0, 4, false, true, true], [1, 4, false, true, false], [1, 4, true, true, true],
    [3, 16, false, true, true], [4, 16, false, true, false], [100, 0, false, true, true],
  ])('%i in flight, limit %i, quiet %s, loop lagging %s → %s', (inFlight, max, quiet, lagging, expected) => {
    expect(admits(inFlight, max, quiet, lagging)).toBe(expected);
  });

  it('a conversation is quiet once known for 2 s and while it has hardly used its burst; a refused message is given back', () => {
    let now = 0;
    const limiter = new ConversationRateLimiter(20, 2, 100, () => now);
    expect(limiter.take('c')).toMatchObject({ ok: true, quiet: false }); // first seen now: a flood's fresh burst looks like this
    now += 2_000;
    expect(limiter.take('c')).toMatchObject({ ok: true, quiet: true });
    expect(limiter.take('c')).toMatchObject({ ok: true, quiet: true });
    expect(limiter.take('c')).toMatchObject({ ok: true, quiet: false }); // three at once
    limiter.refund('c');
    now += 1_000; // two messages a second: quiet again
    expect(limiter.take('c')).toMatchObject({ ok: true, quiet: true });
  });
});

describe('through POST /api/messages', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ MAX_CONCURRENT_TURNS: '2' });
    t.connector.respond = () => ({ status: 200, delayMs: 300 }); // each turn holds its slot
  });
  afterAll(async () => { await t?.close(); });

  it('a burst beyond the limit: 503 + Retry-After at once for the rest; a quiet conversation still answered', async () => {
    expect((await t.post(messageActivity('aide', t.opts({ userId: '29:quiet', conversationId: 'a:quiet' })))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2_100)); // an ongoing chat, not a conversation first seen in the flood
    const burst = Array.from({ length: 10 }, () => t.post(messageActivity('aide', t.opts({ userId: '29:burst', conversationId: 'a:burst' }))));
    await new Promise((r) => setTimeout(r, 50));
    const quiet = await t.post(messageActivity('aide', t.opts({ userId: '29:quiet', conversationId: 'a:quiet' })));
    const results = await Promise.all(burst);
    const statuses = results.map((r) => r.status);
    expect(quiet.status).toBe(200);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1); // 2 slots; a loaded machine may finish one late
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    for (const r of results.filter((x) => x.status === 503)) expect(r.headers.get('retry-after')).toBe('1');
  });
});
