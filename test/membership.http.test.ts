// The takeover issue #15 describes, replayed through POST /api/messages: user E declares Grenoble, then tries to
// read, edit and approve their way into A's draft. E sees nothing of it, changes nothing, and the refusals are logged
// without personal data. A's own path (claim → admin card → approval → walkthrough) goes through the same bot.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../bot/config.ts';
import { startBot, type BotHandle } from '../bot/main.ts';
import type { Database } from '../data/database.ts';
import { startFakeConnector, type FakeConnector } from './helpers/fakeConnector.ts';
import { openTestDatabase } from './helpers/testDb.ts';
import { cardSubmitActivity, messageActivity, replyText, sharedMessageActivity, type ActivityOptions } from './helpers/activities.ts';
import { TEST_NOW } from './helpers/testBot.ts';

let db: Database;
let connector: FakeConnector;
let bot: BotHandle;
const logs: string[] = [];
const env = { ADMIN_IDS: '29:admin', CONVERSATION_RATE_LIMIT: '1000,100' };

const ALICE = { userId: '29:alice', userName: 'Alice Martin', aadObjectId: 'aad-alice', conversationId: 'a:alice', tenantId: 'tenant-grenoble' };
const EVE = { userId: '29:eve', userName: 'Ève Intruse', aadObjectId: 'aad-eve', conversationId: 'a:eve', tenantId: 'tenant-eve' };
const ADMIN = { userId: '29:admin', userName: 'Admin VI', aadObjectId: 'aad-admin', conversationId: 'a:admin', tenantId: 'tenant-vi' };
type Who = Partial<ActivityOptions>;

type Sent = { conversationId: string; body: Record<string, unknown> };
async function post(activity: unknown): Promise<Sent[]> {
  const before = connector.received.length;
  const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  expect(res.status).toBeLessThan(300);
  return connector.received.slice(before);
}
const opts = (who: Who): ActivityOptions => ({ serviceUrl: connector.url, ...who });
const text = (sent: Sent[], conversationId?: string) =>
  sent.filter((s) => !conversationId || s.conversationId === conversationId).map((s) => replyText(s.body)).join('\n---\n');
const say = async (words: string, who: Who) => text(await post(messageActivity(words, opts(who))), who.conversationId);
const click = async (value: Record<string, unknown>, who: Who) => text(await post(cardSubmitActivity(value, opts(who))), who.conversationId);
function buttonData(sent: Sent[], title: string): Record<string, unknown> {
  const json = JSON.stringify(sent.map((s) => s.body));
  const m = new RegExp(`"title":"${title}","data":(\\{[^}]*\\})`).exec(json);
  if (!m) throw new Error(`no button « ${title} »`);
  return JSON.parse(m[1]!);
}
const answers = async () => (await db.prisma.application.findFirstOrThrow({ where: { territoryCode: '38185' } })).answers;

beforeAll(async () => {
  db = await openTestDatabase();
  connector = await startFakeConnector();
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  bot = await startBot({ config: loadConfig({ PORT: '0', DATABASE_URL: 'pglite:memory', SEED_SAMPLES: 'never', NOTIFY_WORKER: 'off', ...env }),
    logger, db, startTypingTimer: false, env, now: () => TEST_NOW });
});
afterAll(async () => {
  await bot?.stop();
  await connector?.close();
  await db?.close();
});

describe('a territory’s application belongs to its approved members', () => {
  it('A claims Grenoble, the admin approves from the card, A answers', async () => {
    await say('bonjour', ADMIN); // the admin's conversation is known: the claim card can reach them
    expect(await say('candidature', ALICE)).toMatch(/quelle collectivité représentez-vous/);
    expect(await say('Grenoble', ALICE)).toMatch(/Vous représentez \*\*Grenoble\*\* \(Isère, 38\)/);
    const claimed = await post(messageActivity('oui', opts(ALICE)));
    expect(text(claimed, ALICE.conversationId)).toMatch(/votre rattachement doit être validé/);
    expect(text(claimed, ALICE.conversationId)).not.toMatch(/Personne ne peut encore la valider/);
    const card = text(claimed, ADMIN.conversationId);
    expect(card).toMatch(/Alice Martin demande à agir au nom de \*\*Grenoble \(38185\)\*\*[\s\S]*Tenant Entra : tenant-grenoble/);
    const approved = await post(cardSubmitActivity(buttonData(claimed, 'Approuver'), opts(ADMIN)));
    expect(text(approved, ADMIN.conversationId)).toMatch(/Rattachement de Alice Martin à Grenoble : \*\*accepté\*\*/);
    expect(text(approved, ALICE.conversationId)).toMatch(/Bonne nouvelle : votre rattachement à \*\*Grenoble\*\* est accepté/);
    expect(await say('candidature', ALICE)).toMatch(/Préparons la candidature de \*\*Grenoble\*\*[\s\S]*Quels sont vos prénom et nom/);
    for (const words of ['Alice Martin', '2', 'Directrice du numérique']) await say(words, ALICE);
    expect(await say('alice@grenoble.fr', ALICE)).toMatch(/téléphone/i);
    expect(await answers()).toMatchObject({ contact_name: 'Alice Martin', contact_email: 'alice@grenoble.fr' });
  });

  it('E, having declared Grenoble, sees nothing of A’s draft and changes nothing', async () => {
    const before = await answers();
    const seen: string[] = [];
    const as = async (p: Promise<string>) => { const t = await p; seen.push(t); return t; };
    expect(await as(say('voir candidature 38185', EVE))).toMatch(/Vous n’avez pas accès/);
    expect(await as(say('ma commune est Grenoble', EVE))).toMatch(/votre commune est Grenoble[\s\S]*votre rattachement doit être validé/);
    expect(await as(say('voir candidature 38185', EVE))).toMatch(/Vous n’avez pas accès/);
    expect(await as(say('candidature', EVE))).toMatch(/attend encore une décision/);
    await as(say('modifier 1', EVE));
    await as(say('récapitulatif', EVE));
    await as(say('envoyer', EVE));
    // Forged clicks: an edit, an answer, a submit, and an approval of E's own claim.
    await as(click({ arobase: 'edit', q: 'contact_name' }, EVE));
    await as(click({ arobase: 'answer', q: 'contact_name', value: 'Pirate' }, EVE));
    await as(click({ arobase: 'submit' }, EVE));
    const claim = await db.prisma.membership.findFirstOrThrow({ where: { member: { teamsUserId: '29:eve' } } });
    expect(await as(click({ arobase: 'membership', decision: 'approve', id: claim.id }, EVE))).toMatch(/Seuls les administrateurs/);
    expect(await as(say('demandes', EVE))).toMatch(/Aucune demande/); // nobody's claims are E's to decide
    expect(await as(say('membres 38185', EVE))).toMatch(/Vous ne voyez que les membres/);
    expect(await as(say('exporter les candidatures', EVE))).toMatch(/réservée aux administrateurs/);

    const all = seen.join('\n');
    for (const secret of ['Alice Martin', 'alice@grenoble.fr', 'Directrice du numérique']) expect(all).not.toContain(secret);
    expect(await answers()).toEqual(before);
    expect(await db.prisma.application.findFirstOrThrow({ where: { territoryCode: '38185' } })).toMatchObject({ status: 'draft', authors: ['29:alice'] });
    expect((await db.prisma.membership.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe('pending');
  });

  it('the refusals are logged, without names, ids or e-mails', () => {
    const refusals = logs.filter((l) => /refused/.test(l));
    expect(refusals.some((l) => /membership_decision_refused/.test(l))).toBe(true);
    expect(refusals.some((l) => /application_access_refused/.test(l))).toBe(true);
    for (const l of refusals) expect(l).not.toMatch(/29:eve|aad-eve|tenant-eve|Ève|Intruse|a:eve|alice/i);
  });

  it.each([
    ['a team channel', 'channel', 'voir candidature 38185'],
    ['a group chat', 'groupChat', 'candidature'],
  ])('in %s, A’s own draft is not shown: the bot continues in the personal chat', async (_where, conversationType, words) => {
    const channel = { ...ALICE, conversationId: `19:${conversationType}@thread.v2` };
    const activity = sharedMessageActivity(words, { ...opts(channel), where: conversationType as 'channel' | 'groupChat', mention: true });
    const sent = await post(activity);
    const shown = JSON.stringify(sent.map((s) => s.body));
    expect(text(sent)).toMatch(/conversation privée/);
    expect(shown).toMatch(/https:\/\/teams\.microsoft\.com\/l\/chat\/0\/0\?users=28%3Aarobase-bot/);
    expect(shown).not.toMatch(/alice@grenoble\.fr|Directrice/);
  });
});
