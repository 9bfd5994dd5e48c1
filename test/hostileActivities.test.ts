// Valid-looking activities that used to fail the turn (« incident technique », HTTP 200) or the member's every later
// message (#16 item 3), replayed through POST /api/messages: none gets the apology, the same user's next normal
// message is answered, and no log line at any level carries a raw user or conversation id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRegistry } from '../data/territories/registry.ts';
import { seedSamplesIfEmpty } from '../data/samples.ts';
import { membersAddedActivity, messageActivity, replyText } from './helpers/activities.ts';
import { LOCAL_REPLY_TIMEOUT_MS } from '../bot/adapter.ts';
import { startTestBot, type TestBot } from './helpers/testBot.ts';
import { cleanStrings, normalizeActivity } from '../bot/activityEdge.ts';
import { scrubIds } from '../bot/logger.ts';

let t: TestBot;
const logs: string[] = [];
beforeAll(async () => {
  t = await startTestBot({}, { logs });
  await seedSamplesIfEmpty(t.db, getRegistry());
});
afterAll(async () => { await t?.close(); });

type Activity = Omit<ReturnType<typeof messageActivity>, 'channelData'> & Record<string, unknown>;
const NUL = '\u0000';
const LONE = '\uD800';
const CASES: [string, (a: Activity) => void][] = [
  ['text: null', (a) => { (a as Record<string, unknown>).text = null; }],
  ['entities: [{}]', (a) => { a.entities = [{}]; }],
  ['entities: a mention without mentioned', (a) => { a.entities = [{ type: 'mention', text: '<at>arobase</at>' }]; }],
  ['entities: not an array', (a) => { a.entities = { type: 'mention' }; }],
  ['value: null', (a) => { a.value = null; }],
  ['a NUL in from.name', (a) => { a.from.name = `Marie${NUL}Curie`; }],
  ['a lone surrogate in from.name', (a) => { a.from.name = `Marie${LONE}`; }],
  ['a NUL in from.aadObjectId', (a) => { a.from.aadObjectId = `aad${NUL}x`; }],
  ['a lone surrogate in from.aadObjectId', (a) => { a.from.aadObjectId = `aad${LONE}`; }],
  ['a NUL in locale', (a) => { a.locale = `fr${NUL}FR`; }],
  ['a lone surrogate in locale', (a) => { a.locale = `fr-${LONE}`; }],
  ['a NUL in channelData', (a) => { a.channelData = { tenant: { id: `t${NUL}` }, note: `x${NUL}` }; }],
  ['a lone surrogate in channelData', (a) => { a.channelData = { tenant: { id: `t${LONE}` } }; }],
  ['channelData: a string', (a) => { a.channelData = 'x'; }],
  ['a NUL in the text', (a) => { a.text = `Quel est le niveau de Grenoble${NUL} ?`; }],
];

describe('hostile but plausible activities', () => {
  it.each(CASES)('%s: no apology, and the next normal message is answered', async (name, spoil) => {
    const user = `29:hostile-${CASES.findIndex(([n]) => n === name)}`;
    const o = t.opts({ userId: user, conversationId: `a:${user}` });
    const bad = messageActivity('Quel est le niveau de Grenoble ?', o) as Activity;
    spoil(bad);
    const before = t.connector.received.length;
    const res = await t.post(bad);
    expect(res.status).toBeLessThan(500);
    const replies = t.connector.received.slice(before).map((c) => replyText(c.body)).join('\n');
    expect(replies).not.toMatch(/incident technique|technical (problem|incident)/i);
    const next = (await t.say('Quel est le niveau de Grenoble ?', o)).map(replyText).join('\n');
    expect(next).toMatch(/Grenoble \(Isère\) — 5 arobases/);
  });

  it.each([['conversation.id', 'conversation'], ['from.id', 'from']] as const)('a NUL in %s: refused (400), nothing stored', async (_name, where) => {
    const a = messageActivity('Bonjour', t.opts({ userId: '29:nul-id', conversationId: 'a:nul-id' })) as Activity;
    (a[where] as { id: string }).id += NUL;
    const res = await t.post(a);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain(NUL);
    expect(await t.db.prisma.member.count({ where: { teamsUserId: { startsWith: '29:nul-id' } } })).toBe(0);
  });

  it('no log line, at any level, carries a raw user or conversation id', () => {
    expect(logs.length).toBeGreaterThan(CASES.length); // the check reads real lines
    for (const line of logs) expect(line).not.toMatch(/29:hostile|a:29:hostile|29:nul-id/);
  });
});

describe('normalizeActivity (the one edge) and the log scrubber', () => {
  it('a Teams id in a log line becomes a digest', () => {
    const line = scrubIds('{"msg":"Conversation a:1xYz-AbC_9 not found for 29:1abcDEF and 19:meeting_N2@thread.v2"}');
    expect(line).not.toMatch(/a:1xYz|29:1abc|19:meeting/);
    expect(line.match(/id#[0-9a-f]{12}/g)).toHaveLength(3);
    expect(scrubIds('{"reqId":"3f2b8c1e-0000-4000-8000-000000000000","at":"12:30"}')).toBe('{"reqId":"3f2b8c1e-0000-4000-8000-000000000000","at":"12:30"}');
  });

  it('cleans at any depth and keeps what is valid', () => {
    expect(cleanStrings({ a: [`x${NUL}y`, { b: `😀${LONE}` }] })).toEqual({ a: ['xy', { b: '😀' }] });
    const a = normalizeActivity({ text: null, value: null, entities: [{}, { type: 'clientInfo' }], locale: 'fr-FR', from: { id: '29:a', name: 5 } });
    expect(a).toEqual({ entities: [{ type: 'clientInfo' }], locale: 'fr-FR', from: { id: '29:a' } });
  });
});

describe('local mode', () => {
  it('the bot listens on 127.0.0.1 only: with ADMIN_IDS set, nobody else on the network can act as an admin', () => {
    expect(t.bot.address).toBe('127.0.0.1');
  });
});

describe('bounded side effects of one activity', () => {
  const manyAdded = (o: Parameters<typeof t.opts>[0], conversationType: string, includeBot: boolean) => {
    const a = membersAddedActivity({ ...t.opts(o), includeBot }) as Record<string, unknown> & { membersAdded: { id: string; name?: string }[]; conversation: Record<string, unknown> };
    for (let i = a.membersAdded.length; i < 500; i++) a.membersAdded.push({ id: `29:crowd-${i}`, name: `Person ${i}` });
    a.conversation.conversationType = conversationType;
    return a;
  };
  const welcomes = async (activity: unknown) => {
    const before = t.connector.received.length;
    expect((await t.post(activity)).status).toBeLessThan(300);
    return t.connector.received.slice(before).length;
  };

  it('500 members added in a personal chat: one welcome, to the installing user', async () => {
    expect(await welcomes(manyAdded({ userId: '29:installer', userName: 'Ada Lovelace', conversationId: 'a:installer' }, 'personal', true))).toBe(1);
  });
  it('the bot added to a team with 500 people: one welcome to the team; 500 people joining later: none', async () => {
    expect(await welcomes(manyAdded({ userId: '29:team-owner', conversationId: '19:crowd@thread.tacv2' }, 'channel', true))).toBe(1);
    expect(await welcomes(manyAdded({ userId: '29:team-owner', conversationId: '19:crowd@thread.tacv2' }, 'channel', false))).toBe(0);
  });

  it('a reply to a dead local serviceUrl is given up within 2 s (no connector retries), refused or hung', async () => {
    let started = Date.now();
    let res = await t.post(messageActivity('aide', t.opts({ serviceUrl: 'http://127.0.0.1:9/', userId: '29:dead-url', conversationId: 'a:dead-url' })));
    expect(res.status).toBeLessThan(600);
    expect(Date.now() - started).toBeLessThan(2_000);
    const respond = t.connector.respond;
    t.connector.respond = () => ({ status: 200, delayMs: 30_000 });
    try {
      started = Date.now();
      res = await t.post(messageActivity('aide', t.opts({ userId: '29:hung-url', conversationId: 'a:hung-url' })));
      expect(Date.now() - started).toBeLessThan(LOCAL_REPLY_TIMEOUT_MS + 1_000);
    } finally {
      t.connector.respond = respond;
    }
  });
});
