// Notifications in conversation, through POST /api/messages: subscription commands for members, and an admin
// publishing, watching (status card updated in place) and cancelling; the worker fans out to the local connector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRegistry } from '../data/territories/registry.ts';
import { seedSamplesIfEmpty } from '../data/samples.ts';
import { cardSubmitActivity, replyText } from './helpers/activities.ts';
import { startTestBot, type TestBot } from './helpers/testBot.ts';
import { recognizeNotificationCommand } from '../data/understanding/notificationCommands.ts';

const ADMIN = '29:admin-1';
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ ADMIN_IDS: `${ADMIN}, aad-other-admin`, NOTIFY_WORKER: 'on', NOTIFY_RATE: '200' });
  await seedSamplesIfEmpty(t.db, getRegistry());
});
afterAll(async () => { await t?.close(); });

const say = async (text: string, userId: string, locale = 'fr-FR') =>
  (await t.say(text, { userId, conversationId: `a:${userId}`, locale })).map(replyText).join('\n');
const member = (userId: string) => t.db.prisma.member.findUnique({ where: { teamsUserId: userId } });

describe('subscription commands', () => {
  it.each<[string, string, string, Record<string, unknown>]>([
    ['arrêter les notifications', 'fr-FR', 'vous ne recevrez plus', { subscribed: false }],
    ['reprendre les notifications', 'fr-FR', 'vous recevrez les annonces', { subscribed: true }],
    ["seulement l'Isère", 'fr-FR', 'que les annonces concernant Isère', { filterDepartements: ['38'], filterRegions: [] }],
    ['seulement la Bretagne', 'fr-FR', 'concernant Bretagne', { filterDepartements: [], filterRegions: ['53'] }],
    ['toutes les notifications', 'fr-FR', 'pour tout le réseau', { filterDepartements: [], filterRegions: [] }],
    ['stop notifications', 'en-US', 'no longer receive', { subscribed: false }],
    ['resume notifications', 'en-US', 'you will receive announcements', { subscribed: true }],
    ['only 69', 'en-US', 'only receive announcements about Rhône', { filterDepartements: ['69'] }],
  ])('« %s » (%s)', async (text, locale, answer, stored) => {
    const user = '29:sub-1';
    expect(await say(text, user, locale)).toContain(answer);
    expect(await member(user)).toMatchObject(stored);
  });

  it('an unknown area changes nothing and says what is expected', async () => {
    const before = await member('29:sub-1');
    expect(await say('seulement Atlantide', '29:sub-1')).toContain('Je ne reconnais pas « Atlantide »');
    expect(await member('29:sub-1')).toMatchObject({ filterDepartements: before!.filterDepartements, subscribed: before!.subscribed });
  });

  it('« mes notifications » shows the settings', async () => {
    expect(await say('mes notifications', '29:sub-1')).toMatch(/Vos notifications : activées \(seulement : Rhône\)/);
  });
});

describe('admin commands', () => {
  /** The status card's stop button, as the publish test receives it. */
  let stopButton: Record<string, unknown> = {};
  it.each(['publier l’édition 22', 'état des notifications', 'annuler l’annonce', 'renvoyer aux échecs'])('« %s » is refused politely to a non-admin, and nothing is created', async (text) => {
    expect(await say(text, '29:not-admin')).toContain('réservée aux administrateurs');
    expect(await t.db.prisma.announcement.count()).toBe(0);
  });

  it('publish: preview with recipients, confirm, the worker fans out, the status card is updated in place', async () => {
    for (const u of ['29:m-1', '29:m-2', '29:m-3']) await say('aide', u);
    await say('ma commune est Grenoble', '29:m-1');
    await say('arrêter les notifications', '29:m-3');
    const [preview] = await t.say('publier l’édition 22', { userId: ADMIN, conversationId: `a:${ADMIN}` });
    const text = replyText(preview);
    expect(text).toContain('Annonce du 22e label (palmarès 2021)');
    const subscribed = await t.db.prisma.member.count({ where: { subscribed: true, active: true } });
    expect(text).toContain(`Destinataires : ${subscribed} membre(s)`);
    const actions = (preview!.attachments as { content: { actions: { title: string; data: Record<string, unknown> }[] } }[])[0]!.content.actions;
    const before = t.connector.received.length;
    await t.post(cardSubmitActivity(actions[0]!.data, t.opts({ userId: ADMIN, conversationId: `a:${ADMIN}` })));
    expect(replyText(t.connector.received[before]?.body)).toContain(`Annonce mise en file : ${subscribed} message(s)`);
    // The admin is told how to stop it, with a command the bot understands.
    const hint = /tapez « (.+?) » pour arrêter l’envoi/.exec(replyText(t.connector.received[before]?.body) ?? '')?.[1];
    expect(hint && recognizeNotificationCommand(hint)).toEqual({ name: 'cancel' });
    // …or with the status card's own button.
    type Card = { attachments?: { content: { actions?: { title: string; data: Record<string, unknown> }[] } }[] };
    const stop = t.connector.received.slice(before).map((c) => (c.body as Card).attachments?.[0]?.content.actions?.[0]).find((a) => a?.data.verb === 'announceCancel');
    expect(stop?.title).toBe('Arrêter l’envoi');
    stopButton = stop!.data;
    // The fan-out reaches every subscribed member once, and not the one who stopped.
    const deadline = Date.now() + 20_000;
    const announcementsTo = () => t.connector.received.slice(before).filter((c) => c.method === 'POST' && c.conversationId !== `a:${ADMIN}`);
    while (announcementsTo().length < subscribed - 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const targets = announcementsTo().map((c) => c.conversationId);
    expect(targets).toContain('a:29:m-1');
    expect(targets).not.toContain('a:29:m-3');
    expect(new Set(targets).size).toBe(targets.length);
    const grenoble = announcementsTo().find((c) => c.conversationId === 'a:29:m-1');
    expect(replyText(grenoble?.body)).toContain('Grenoble');
    // The status card was replaced in place (PUT on the same activity).
    while (!t.connector.received.some((c) => c.method === 'PUT') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(t.connector.received.some((c) => c.method === 'PUT' && c.conversationId === `a:${ADMIN}`)).toBe(true);
  }, 60_000);

  it('the status card\'s « Arrêter l’envoi », pressed after the end, says so; pressed by a non-admin, is refused', async () => {
    const press = async (userId: string) => {
      const before = t.connector.received.length;
      await t.post(cardSubmitActivity(stopButton, t.opts({ userId, conversationId: `a:${userId}` })));
      return replyText(t.connector.received[before]?.body);
    };
    expect(await press('29:not-admin')).toContain('réservée aux administrateurs');
    // The worker closes the announcement once every delivery has settled.
    const deadline = Date.now() + 20_000;
    while ((await t.db.prisma.announcement.count({ where: { status: 'done' } })) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await press(ADMIN)).toBe('Il n’y a plus rien à annuler : cette annonce a déjà été envoyée à tous ses destinataires.');
  }, 30_000);

  it('status, cancel and re-send answer the admin', async () => {
    expect(await say('état des notifications', ADMIN)).toMatch(/\d+ %/);
    // Everything was already sent: the outbox says so rather than pretending to cancel.
    expect(await say('annuler l’annonce', ADMIN)).toBe('Il n’y a plus rien à annuler : cette annonce a déjà été envoyée à tous ses destinataires.');
    expect(await say('renvoyer aux échecs', ADMIN)).toMatch(/remis en file/);
  });

  it('an English admin reads the refusal in English only', async () => {
    expect(await say('cancel the announcement', ADMIN, 'en-US')).toBe('There is nothing left to cancel: this announcement has already been sent to all its recipients.');
  });

  it('publishing the same edition again says who already has it and sends them nothing', async () => {
    const received = await t.db.prisma.delivery.count({ where: { status: 'sent' } });
    expect(received).toBeGreaterThan(0);
    const [preview] = await t.say('publier l’édition 22', { userId: ADMIN, conversationId: `a:${ADMIN}` });
    const text = replyText(preview);
    expect(text).toContain(`Déjà prévenus : ${received} membre(s) ont déjà reçu une annonce de l’édition 22`);
    expect(text).toContain('Ils ne la recevront pas une seconde fois');
    expect(text).toContain('Destinataires : 0 membre(s)');
    // Nobody left to tell: only « Abandonner ».
    const actions = (preview!.attachments as { content: { actions: { title: string }[] } }[])[0]!.content.actions;
    expect(actions.map((a) => a.title)).toEqual(['Abandonner']);
    const [en] = await t.say('publish edition 22', { userId: ADMIN, conversationId: `a:${ADMIN}`, locale: 'en-US' });
    expect(replyText(en)).toContain(`Already told: ${received} member(s)`);
  });
});
