import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../bot/i18n/messages.ts';
import { membersAddedActivity, messageActivity, replyText } from './helpers/activities.ts';
import { startTestBot, type TestBot } from './helpers/testBot.ts';

let t: TestBot;
beforeAll(async () => { t = await startTestBot(); });
afterAll(async () => { await t?.close(); });

const textOf = replyText;

describe('HTTP surface', () => {
  it('GET /healthz answers 200 with status ok once ready', async () => {
    const res = await fetch(`${t.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'pglite', territories: 36235 }); // communes, EPCI and the Grand Paris's 11 EPT
  });

  it('a message through POST /api/messages gets its reply at the connector, in the same conversation', async () => {
    const before = t.connector.received.length;
    const res = await t.post(messageActivity('aide', t.opts({ conversationId: 'a:conv-http' })));
    expect(res.status).toBe(200);
    const replies = t.connector.received.slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.conversationId).toBe('a:conv-http');
    expect(textOf(replies[0]!.body)).toContain('Posez-moi une question');
    const attachment = (replies[0]!.body.attachments as { contentType: string }[])[0];
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('malformed JSON is refused with 400 and the server stays healthy', async () => {
    const res = await fetch(`${t.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
    expect(res.status).toBe(400);
    expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
  });
});

// [user says, locale, the reply contains]
const conversation: [string, string, string][] = [
  ['aide', 'fr-FR', 'Posez-moi une question en français ou en anglais'],
  ['Aide !', 'fr-FR', 'Posez-moi une question en français ou en anglais'],
  ['help', 'en-US', 'Ask me a question in French or English'],
  ['HELP?', 'en-GB', 'Ask me a question in French or English'],
  ['help', 'de-DE', 'Posez-moi une question'],
];

describe('help, by locale', () => {
  it.each(conversation)('« %s » (%s)', async (text, locale, expected) => {
    const replies = await t.say(text, { locale });
    expect(replies).toHaveLength(1);
    expect(textOf(replies[0]!)).toContain(expected);
  });
});

describe('greeting new members', () => {
  it('greets the person by first name, not the bot itself', async () => {
    const before = t.connector.received.length;
    await t.post(membersAddedActivity({ ...t.opts({ userName: 'Amel Zenati' }), includeBot: true }));
    const replies = t.connector.received.slice(before).map((c) => textOf(c.body));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/^Bonjour Amel ! Je suis \*\*arobase\*\*/);
  });

  it('in English for an English locale', async () => {
    const before = t.connector.received.length;
    await t.post(membersAddedActivity(t.opts({ userName: 'Ada Lovelace', locale: 'en-US' })));
    expect(textOf(t.connector.received[before]!.body)).toMatch(/^Hello Ada! I am \*\*arobase\*\*/);
  });
});

describe('texts', () => {
  it('French and English catalogs have the same keys and no empty text', () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.fr).sort());
    for (const lang of ['fr', 'en'] as const) for (const v of Object.values(catalogs[lang])) expect(v.trim()).not.toBe('');
  });
});

describe('members captured for proactive messages', () => {
  it('a message stores the member with its conversation reference, tenant and locale', async () => {
    await t.say('aide', { userId: '29:cap-1', aadObjectId: 'aad-cap-1', conversationId: 'a:cap-1', locale: 'en-GB', tenantId: 'tenant-x' });
    const m = await t.db.prisma.member.findUnique({ where: { teamsUserId: '29:cap-1' } });
    expect(m).toMatchObject({ aadObjectId: 'aad-cap-1', tenantId: 'tenant-x', locale: 'en-GB', conversationId: 'a:cap-1', active: true });
    expect(m?.conversationReference).toMatchObject({ conversation: { id: 'a:cap-1' }, serviceUrl: t.connector.url, bot: { id: '28:arobase-bot' } });
  });

  it('a member saying the same thing twice is written once (each message has a new activity id); a new locale is written', async () => {
    const o = { userId: '29:cap-3', conversationId: 'a:cap-3', locale: 'fr-FR' };
    await t.say('aide', o);
    const first = await t.db.prisma.member.findUnique({ where: { teamsUserId: '29:cap-3' } });
    await new Promise((r) => setTimeout(r, 5));
    await t.say('aide', o);
    expect((await t.db.prisma.member.findUnique({ where: { teamsUserId: '29:cap-3' } }))?.lastSeenAt).toEqual(first?.lastSeenAt);
    await t.say('aide', { ...o, locale: 'en-US' });
    const after = await t.db.prisma.member.findUnique({ where: { teamsUserId: '29:cap-3' } });
    expect(after?.locale).toBe('en-US');
    expect(after!.lastSeenAt.getTime()).toBeGreaterThan(first!.lastSeenAt.getTime());
  });

  it('installationUpdate add/remove activates and deactivates the member', async () => {
    const o = t.opts({ userId: '29:cap-2', conversationId: 'a:cap-2' });
    const base = { ...messageActivity('', o), type: 'installationUpdate', text: undefined };
    await t.post({ ...base, action: 'add' });
    expect((await t.db.prisma.member.findUnique({ where: { teamsUserId: '29:cap-2' } }))?.active).toBe(true);
    await t.post({ ...base, action: 'remove' });
    expect((await t.db.prisma.member.findUnique({ where: { teamsUserId: '29:cap-2' } }))?.active).toBe(false);
    await t.say('aide', { userId: '29:cap-2', conversationId: 'a:cap-2' });
    expect((await t.db.prisma.member.findUnique({ where: { teamsUserId: '29:cap-2' } }))?.active).toBe(true);
  });
});
