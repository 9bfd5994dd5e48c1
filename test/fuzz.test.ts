// Hostile input: generated activities through POST /api/messages — no 5xx, no crash, still healthy. `npm test` sends
// 2,000 (a seeded draw: the same every run); `npm run fuzz` sends 20,000 (FUZZ_COUNT, and FUZZ_SEED for another draw).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRegistry } from '../data/territories/registry.ts';
import { seedSamplesIfEmpty } from '../data/samples.ts';
import { messageActivity, replyText } from './helpers/activities.ts';
import { startTestBot, type TestBot } from './helpers/testBot.ts';

const COUNT = Number(process.env.FUZZ_COUNT ?? 2_000);
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ LOG_LEVEL: 'silent' });
  await seedSamplesIfEmpty(t.db, getRegistry());
  t.connector.respond = () => ({ status: 200 });
});
afterAll(async () => { await t?.close(); });

/** Seeded PRNG (mulberry32): the same activities every run for a seed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(Number(process.env.FUZZ_SEED ?? 20261127));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (n: number) => Math.floor(rand() * n);
const SPICE = ['\u0000', '\u0007', '\u202e', '\u200f', 'שלום', 'مرحبا', '🦄', '👩🏽‍💻', '\ud800', '%s%n', '${x}', '<script>', "'; DROP TABLE \"Award\";--", '\\', '"', '@@@@', 'Saint', 'Grenoble', '2021', '5@', 'palmarès', 'ma commune est', 'et en', '\r\n', '\t'];
const junk = (n: number) => Array.from({ length: n }, () => (rand() < 0.5 ? pick(SPICE) : String.fromCharCode(int(0xffff)))).join(rand() < 0.5 ? ' ' : '');

type Kind = string;
function generate(i: number): { kind: Kind; body: string } {
  // Hostility is in the bodies; ids and locale stay per user, as in a real chat.
  const user = i % 211;
  const base = messageActivity('x', t.opts({ conversationId: `a:fuzz-${user}`, userId: `29:fuzz-${user}`, locale: ['fr-FR', 'en-US', '', 'xx', '🦄'][user % 5] })) as Record<string, unknown>;
  const r = rand();
  const json = (o: unknown) => JSON.stringify(o);
  if (r < 0.25) return { kind: 'garbage text', body: json({ ...base, text: junk(1 + int(40)) }) };
  if (r < 0.30) return { kind: '100 kB message', body: json({ ...base, text: junk(10).repeat(1).padEnd(100_000, pick(['a', 'é', '🦄', ' '])) }) };
  if (r < 0.40) return { kind: 'wrong types', body: json({ ...base, [pick(['text', 'from', 'conversation', 'type', 'locale', 'recipient', 'channelData', 'entities', 'value'])]: pick([123, true, null, [], {}, 'str', -1, 1e308]) }) };
  if (r < 0.50) {
    const copy = { ...base };
    delete copy[pick(['type', 'from', 'conversation', 'serviceUrl', 'recipient', 'channelId', 'text', 'id', 'locale'])];
    return { kind: 'missing field', body: json(copy) };
  }
  if (r < 0.62) return { kind: 'unknown card submit', body: json({ ...base, text: undefined, value: pick([{ verb: junk(3) }, { verb: 'pickTerritory', code: junk(2), intent: { name: junk(2) } }, { verb: 'palmaresPage', query: { edition: junk(1) }, page: -5 }, { verb: 'palmaresPage', query: { edition: 22, area: junk(4) }, page: 1e9 }, 'string', [1, 2], { msteams: { type: 'imBack' } }]) }) };
  if (r < 0.67) return { kind: 'huge attachments list', body: json({ ...base, attachments: Array.from({ length: pick([21, 500, 3000]) }, () => ({ contentType: 'text/plain', content: junk(2) })) }) };
  if (r < 0.74) return { kind: 'other activity types', body: json({ ...base, type: pick(['invoke', 'event', 'typing', 'messageReaction', 'conversationUpdate', 'installationUpdate', 'endOfConversation', junk(1)]), name: pick(['adaptiveCard/action', 'composeExtension/query', junk(1)]), value: pick([{}, { action: { type: 'Action.Execute', verb: junk(1) } }, null]), membersAdded: pick([undefined, [{ id: junk(1) }], []]) }) };
  if (r < 0.80) return { kind: 'not an activity', body: pick(['123', '"text"', '[]', 'null', '{', '{"type":', junk(5), '{}', 'true']) };
  if (r < 0.85) return { kind: 'foreign serviceUrl', body: json({ ...base, serviceUrl: pick(['https://smba.trafficmanager.net/emea/', 'http://10.0.0.1/', 'file:///etc/passwd', 'javascript:alert(1)', junk(2)]) }) };
  return { kind: 'real questions', body: json({ ...base, text: pick(['Quel est le niveau de Grenoble ?', 'Palmarès 2021', 'historique de Bron', 'Saint-Martin', 'et en 2023 ?', 'ma commune est Sèvres', 'niveau de ma commune', 'aide', 'What level is Bron?']) }) };
}

describe('fuzz: hostile activities', () => {
  it(`${COUNT} generated activities: 0 server errors, then still healthy and answering`, async () => {
    const statuses = new Map<number, number>();
    const serverErrors: { kind: Kind; status: number; body: string }[] = [];
    const byKind = new Map<Kind, number>();
    let next = 0;
    async function worker() {
      while (next < COUNT) {
        const i = next++;
        const { kind, body } = generate(i);
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
        const res = await fetch(`${t.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        // A 503 with Retry-After is the global admission saying « busy » (bot/server.ts), not a failure.
        const busy = res.status === 503 && res.headers.get('retry-after') !== null;
        if (res.status >= 500 && !busy) serverErrors.push({ kind, status: res.status, body: body.slice(0, 200) });
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker));
    console.log('fuzz statuses', Object.fromEntries(statuses), 'kinds', Object.fromEntries(byKind));
    expect(serverErrors.slice(0, 5).map((e) => `${e.kind} → ${e.status}: ${e.body}`)).toEqual([]);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(COUNT);
    expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
    const replies = await t.say('Quel est le niveau de Grenoble ?', { conversationId: 'a:after-fuzz', userId: '29:after-fuzz' });
    expect(replyText(replies[0])).toContain('Grenoble (Isère) — 5 arobases');
    // Nothing leaked to a foreign host: every reply went to the local connector.
    expect(t.connector.received.every((c) => c.conversationId.length > 0)).toBe(true);
  }, 300_000);

  it('one conversation flooding is answered 429 with Retry-After, others are not affected', async () => {
    const flood = await Promise.all(Array.from({ length: 40 }, () => t.post(messageActivity('aide', t.opts({ conversationId: 'a:flood', userId: '29:flood' })))));
    const limited = flood.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await t.post(messageActivity('aide', t.opts({ conversationId: 'a:calm', userId: '29:calm' })))).status).toBe(200);
  });

  it('a body over 256 kB is refused with 413', async () => {
    const res = await fetch(`${t.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...messageActivity('x', t.opts()), text: 'a'.repeat(300_000) }) });
    expect(res.status).toBe(413);
  });
});
