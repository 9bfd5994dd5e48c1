// Announcement domain: what is new against the previous edition, each member's message (own territory first,
// locale), subscription filters, queue once, cancel, re-send, preview and progress summary.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.ts';
import { getRegistry } from '../data/territories/registry.ts';
import {
  ANNOUNCEMENT_ERROR_CODES, announcementErrorText, cancelAnnouncement, contentStats, createAnnouncement, deliveredBar, formatProgress,
  planRecipients, previewLines, queueAnnouncement, renderAnnouncement, renderMessage, resendAnnouncement, summarizeProgress, toPlainText,
  AnnouncementError, type ProgressCounts,
} from '../data/notifications/index.ts';
import { createNotificationConversation } from '../bot/notificationConversation.ts';
import { recognizeNotificationCommand } from '../data/understanding/notificationCommands.ts';
import { CODES, cardTexts, seedEditions, seedMembers } from '../bench/lib/notifyFixtures.ts';
import { openTestDatabase } from './helpers/testDb.ts';

const registry = getRegistry();
let db: Database;

// One database for the file (a clone costs seconds); every test starts from the same rows.
beforeAll(async () => { db = await openTestDatabase(); });
afterAll(() => db.close());
beforeEach(async () => {
  await db.prisma.$executeRawUnsafe('TRUNCATE "Delivery", "Announcement", "Member", "Award", "Edition" CASCADE');
  await seedEditions(db.prisma);
});

const member = (o: Partial<{ territoryCode: string | null; locale: string; filterDepartements: string[]; filterRegions: string[] }> = {}) =>
  ({ territoryCode: null, locale: 'fr-FR', filterDepartements: [], filterRegions: [], ...o });

describe('announcement content', () => {
  it('compares each award with the previous edition, from Award rows only', async () => {
    const { content, stats } = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    const by = Object.fromEntries(content.entries.map((e) => [e.code, e]));
    expect(by[CODES.grenoble]).toMatchObject({ name: 'Grenoble', change: 'up', previousLevel: 4, level: 5, newMentions: ['excellence'], departement: '38' });
    expect(by[CODES.bron]).toMatchObject({ change: 'same', newMentions: ['excellence'] });
    expect(by[CODES.echirolles]).toMatchObject({ change: 'same', newMentions: ['arobase-verte'] });
    expect(by[CODES.lyon]).toMatchObject({ change: 'new', previousLevel: null });
    expect(by[CODES.paris]).toMatchObject({ change: 'down', previousLevel: 3, level: 2 });
    expect(stats).toMatchObject({ entries: 6, ten: 2, firstLabels: 2, up: 1, down: 1, same: 2, unknown: 0, mentions: { 'arobase-verte': 1 } });
    expect(content.entries.every((e) => e.source.startsWith('test '))).toBe(true);
  });

  it('says "unknown", not "new", when the previous palmarès is incomplete', async () => {
    await db.prisma.edition.update({ where: { number: 21 }, data: { complete: false } });
    const { content } = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    expect(content.entries.find((e) => e.code === CODES.lyon)?.change).toBe('unknown');
    const text = toPlainText(renderAnnouncement(content, member()));
    expect(text).not.toContain('première fois');
  });

  it('refuses an edition without imported awards', async () => {
    await expect(createAnnouncement(db.prisma, { edition: 23, createdBy: 'admin', registry })).rejects.toBeInstanceOf(AnnouncementError);
  });

  it('puts the member’s own territory first, in French', async () => {
    const { content } = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    const texts = cardTexts(renderMessage(content, member({ territoryCode: CODES.grenoble }), registry));
    expect(texts[0]).toBe('Nouveau palmarès : 22e label Territoires, Villes et Villages Internet (2021)');
    expect(texts[1]).toBe('Votre commune Grenoble est Territoire d’excellence numérique (5 @). Félicitations !');
    expect(texts[2]).toBe('Source : test 22');
    // Nearest first: Bron (Rhône, same région) is listed; Grenoble is not repeated.
    const ten = texts.find((t) => t.includes('Territoires d’excellence numérique ('))!;
    expect(ten).toBe('• Territoires d’excellence numérique (1) : Bron');
    const first = texts.find((t) => t.includes('première fois'))!;
    expect(first.indexOf('Lyon')).toBeLessThan(first.indexOf('Marseille'));
  });

  it('tells a level decrease plainly, and writes English for en* locales', async () => {
    const { content } = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    const fr = renderAnnouncement(content, member({ territoryCode: CODES.paris }));
    expect(fr.lines[0]!.text).toBe('Votre commune Paris obtient 2 @ (3 @ au 21e label).');
    const en = renderAnnouncement(content, member({ territoryCode: CODES.echirolles, locale: 'en-US' }));
    expect(en.title).toBe('New awards: 22nd “Territoires, Villes et Villages Internet” label (2021)');
    expect(en.lines.map((l) => l.text)).toEqual(expect.arrayContaining([
      'Your commune Échirolles keeps its 3 @.', 'Mention(s) obtained: Green arobase.',
    ]));
    expect(renderMessage(content, member({ territoryCode: CODES.echirolles, locale: 'en-US' })).summary).toBe('Your commune Échirolles keeps its 3 @.');
  });

  it('keeps a filtered member’s message to their départements and régions', async () => {
    const { content } = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    const text = toPlainText(renderAnnouncement(content, member({ filterDepartements: ['13'] }), registry));
    expect(text).toContain('Dans votre sélection (Bouches-du-Rhône) :');
    expect(text).toContain('Marseille');
    expect(text).not.toContain('Grenoble');
  });
});

describe('recipients and lifecycle', () => {
  const specs = [
    { key: 'grenoble', territoryCode: CODES.grenoble },
    { key: 'english', locale: 'en-GB' },
    { key: 'bdr', filterDepartements: ['13'] }, // Marseille is new: concerned
    { key: 'bretagne', filterRegions: ['53'] }, // nothing new in Bretagne: not concerned
    { key: 'aura', filterRegions: ['84'] }, // Grenoble, Bron, Échirolles, Lyon
    { key: 'unsubscribed', subscribed: false },
    { key: 'inactive', active: false },
    { key: 'unreachable', noReference: true },
  ];

  it('selects active, subscribed, reachable members the announcement concerns', async () => {
    const ids = await seedMembers(db.prisma, specs);
    const draft = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    expect(draft.recipients).toBe(4);
    expect(draft.announcement.status).toBe('draft');
    expect(await db.prisma.delivery.count()).toBe(0); // nothing queued before confirmation
    await queueAnnouncement(db.prisma, draft.announcement.id);
    const queued = await db.prisma.delivery.findMany({ select: { memberId: true } });
    expect(queued.map((d) => d.memberId).sort()).toEqual(['grenoble', 'english', 'bdr', 'aura'].map((k) => ids.get(k)).sort());
  });

  it('queues once, even when confirmed twice at the same time', async () => {
    await seedMembers(db.prisma, specs);
    const { announcement } = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    const [a, b] = await Promise.all([queueAnnouncement(db.prisma, announcement.id), queueAnnouncement(db.prisma, announcement.id)]);
    expect([a.alreadyQueued, b.alreadyQueued].sort()).toEqual([false, true]);
    expect(a.queued + b.queued).toBe(4);
    expect(await db.prisma.delivery.count()).toBe(4);
    expect((await db.prisma.announcement.findUniqueOrThrow({ where: { id: announcement.id } })).status).toBe('queued');
  });

  it('cancels what is not sent yet and refuses to queue a cancelled announcement', async () => {
    await seedMembers(db.prisma, specs);
    const { announcement } = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    await queueAnnouncement(db.prisma, announcement.id);
    const first = await db.prisma.delivery.findFirstOrThrow();
    await db.prisma.delivery.update({ where: { id: first.id }, data: { status: 'sent', sentAt: new Date() } });
    expect(await cancelAnnouncement(db.prisma, announcement.id)).toEqual({ cancelled: 3 });
    const counts = await db.prisma.delivery.groupBy({ by: ['status'], _count: true });
    expect(Object.fromEntries(counts.map((c) => [c.status, c._count]))).toEqual({ sent: 1, cancelled: 3 });
    await expect(queueAnnouncement(db.prisma, announcement.id)).rejects.toThrow(/annulée/);
    await expect(cancelAnnouncement(db.prisma, announcement.id)).rejects.toThrow(/déjà annulée/);
  });

  it('refuses with a code and a sentence in the admin’s language, which names a command the bot understands', async () => {
    await seedMembers(db.prisma, specs);
    const { announcement } = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    await cancelAnnouncement(db.prisma, announcement.id);
    const error = await queueAnnouncement(db.prisma, announcement.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnnouncementError);
    const refusal = error as AnnouncementError;
    expect(refusal.code).toBe('queueCancelled');
    expect(refusal.message).toBe(refusal.text('fr')); // the CLIs print French
    expect(refusal.text('fr')).toBe('Cette annonce a été annulée et ne peut plus être envoyée. Pour annoncer l’édition 22, tapez « publier l’édition 22 » : je vous montrerai un nouvel aperçu avant tout envoi.');
    expect(refusal.text('en')).toBe('This announcement was cancelled and can no longer be sent. To announce edition 22, type “publish edition 22”: I will show you a new preview before anything is sent.');
    for (const lang of ['fr', 'en'] as const) {
      const command = (lang === 'fr' ? /« (.+?) »/ : /“(.+?)”/).exec(refusal.text(lang))![1]!;
      expect(recognizeNotificationCommand(command)).toEqual({ name: 'publish', edition: 22 });
    }
    // A stale « Abandonner » cannot stop a send in progress; the refusal says how to stop it.
    const live = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    await queueAnnouncement(db.prisma, live.announcement.id);
    const discard = await cancelAnnouncement(db.prisma, live.announcement.id, { draftOnly: true }).catch((e: unknown) => e) as AnnouncementError;
    expect(discard.code).toBe('discardQueued');
    expect(recognizeNotificationCommand(/« (.+?) »/.exec(discard.text('fr'))![1]!)).toEqual({ name: 'cancel' });
    expect(recognizeNotificationCommand(/“(.+?)”/.exec(discard.text('en'))![1]!)).toEqual({ name: 'cancel' });
    expect((await db.prisma.announcement.findUniqueOrThrow({ where: { id: live.announcement.id } })).status).toBe('queued');
  });

  it('every refusal exists in French and English, as whole sentences without a second prefix', () => {
    for (const code of ANNOUNCEMENT_ERROR_CODES) {
      const fr = announcementErrorText(code, { edition: 22, id: 'a1' }, 'fr');
      const en = announcementErrorText(code, { edition: 22, id: 'a1' }, 'en');
      expect(fr, code).toMatch(/^[A-ZÀ-Ý].*\.$/);
      expect(en, code).toMatch(/^[A-Z].*\.$/);
      expect(en, code).not.toMatch(/annonce|édition|tapez|déjà/);
      expect(fr, code).not.toMatch(/\{|Impossible/);
      expect(en, code).not.toMatch(/\{/);
    }
  });

  it('publishing an edition again skips the members who already received it, says so, and keeps re-sending to failed ones', async () => {
    const ids = await seedMembers(db.prisma, specs);
    const first = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    await queueAnnouncement(db.prisma, first.announcement.id);
    const set = (key: string, data: object) => db.prisma.delivery.updateMany({ where: { memberId: ids.get(key)!, announcementId: first.announcement.id }, data });
    // A third was sent, then the admin cancelled: grenoble received it, english failed, the others were cancelled.
    await set('grenoble', { status: 'sent', sentAt: new Date() });
    await set('english', { status: 'failed', lastStatusCode: 500 });
    await cancelAnnouncement(db.prisma, first.announcement.id);

    const again = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    expect(again).toMatchObject({ recipients: 3, alreadyReceived: 1 });
    const lines = previewLines(again.content, again.recipients, 'fr', { alreadyReceived: again.alreadyReceived });
    expect(lines.slice(-2)).toEqual([
      'Destinataires : 3 membre(s) abonné(s) et actif(s) (filtres départements/régions appliqués).',
      'Déjà prévenus : 1 membre(s) ont déjà reçu une annonce de l’édition 22 (ou sont en train de la recevoir). Ils ne la recevront pas une seconde fois : un seul message par membre et par édition.',
    ]);
    expect(previewLines(again.content, again.recipients, 'en', { alreadyReceived: 1 }).at(-1)).toBe(
      'Already told: 1 member(s) have already received an announcement of edition 22 (or are receiving it). They will not receive it a second time: one message per member and per edition.');
    expect(await queueAnnouncement(db.prisma, again.announcement.id)).toMatchObject({ queued: 3, alreadyReceived: 1 });
    const second = await db.prisma.delivery.findMany({ where: { announcementId: again.announcement.id } });
    expect(second.map((d) => d.memberId).sort()).toEqual(['english', 'bdr', 'aura'].map((k) => ids.get(k)).sort());

    // A third publication while the second is still queued: its pending members count as told too.
    const third = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    expect(third).toMatchObject({ recipients: 0, alreadyReceived: 4 });
    expect(await queueAnnouncement(db.prisma, third.announcement.id)).toMatchObject({ queued: 0, alreadyReceived: 4 });
    // Asked explicitly (announce --again): everyone concerned.
    expect((await planRecipients(db.prisma, third.content, { again: true })).recipients).toHaveLength(4);

    // Re-sending the failed ones of the same announcement still works.
    await db.prisma.delivery.updateMany({ where: { announcementId: again.announcement.id, memberId: ids.get('english')! }, data: { status: 'failed' } });
    expect(await resendAnnouncement(db.prisma, again.announcement.id)).toEqual({ requeued: 1 });
  });

  it('two announcements of the same edition confirmed at once still send one message per member', async () => {
    await seedMembers(db.prisma, specs);
    const a = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    const b = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    const [qa, qb] = await Promise.all([queueAnnouncement(db.prisma, a.announcement.id), queueAnnouncement(db.prisma, b.announcement.id)]);
    expect(qa.queued + qb.queued).toBe(4);
    const rows = await db.prisma.delivery.findMany({ select: { memberId: true } });
    expect(new Set(rows.map((r) => r.memberId)).size).toBe(rows.length);
  });

  it('re-sends failed and uncertain deliveries to members still active', async () => {
    const ids = await seedMembers(db.prisma, specs);
    const { announcement } = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    await queueAnnouncement(db.prisma, announcement.id);
    const set = (key: string, data: object) => db.prisma.delivery.updateMany({ where: { memberId: ids.get(key)! }, data });
    await set('grenoble', { status: 'failed', lastStatusCode: 503, attempts: 8 });
    await set('english', { status: 'uncertain', attempts: 1 });
    await set('bdr', { status: 'failed', lastStatusCode: 403, attempts: 1 });
    await db.prisma.member.update({ where: { id: ids.get('bdr')! }, data: { active: false } }); // what a 403 does
    await set('aura', { status: 'sent' });
    await db.prisma.announcement.update({ where: { id: announcement.id }, data: { status: 'done' } });
    expect(await resendAnnouncement(db.prisma, announcement.id)).toEqual({ requeued: 2 });
    const rows = await db.prisma.delivery.findMany({ include: { member: true } });
    const status = Object.fromEntries(rows.map((r) => [r.member.teamsUserId, [r.status, r.attempts]]));
    expect(status).toEqual({ '29:grenoble': ['pending', 0], '29:english': ['pending', 0], '29:bdr': ['failed', 1], '29:aura': ['sent', 0] });
    expect((await db.prisma.announcement.findUniqueOrThrow({ where: { id: announcement.id } })).status).toBe('queued');
  });

  it('previews in French what is new and how many members will be told', async () => {
    await seedMembers(db.prisma, specs);
    const { content, recipients } = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    expect(previewLines(content, recipients)).toEqual([
      'Annonce du 22e label (palmarès 2021)',
      'Nouveautés par rapport au 21e label :',
      '- 2 Territoire(s) d’excellence numérique',
      '- 2 territoire(s) labellisé(s) pour la première fois',
      '- 1 territoire(s) gagnent des @, 1 en perdent, 2 inchangé(s)',
      '- Mentions obtenues : Arobase verte 1',
      'Destinataires : 4 membre(s) abonné(s) et actif(s) (filtres départements/régions appliqués).',
    ]);
    expect(contentStats(content).entries).toBe(6);
  });
});

describe('progress summary', () => {
  const counts = (o: Partial<ProgressCounts> = {}): ProgressCounts => ({
    total: 8000, pending: 5000, sending: 10, sent: 2950, failed: 30, uncertain: 0, cancelled: 10, throttled: 4, retrying: 40, resentAfterCrash: 0,
    recentSent: 1500, windowMs: 30_000, firstSentAt: new Date('2026-01-01T10:00:00Z'), lastSentAt: new Date('2026-01-01T10:01:00Z'),
    failedByCode: { '403': 20, '404': 10 }, ...o,
  });
  const now = new Date('2026-01-01T10:01:00Z');

  it('gives sent, failed, throttled, remaining, rate and ETA', () => {
    const s = summarizeProgress({ id: 'a1', editionNumber: 22, status: 'sending' }, counts(), { nominalRate: 50, now });
    expect(s).toMatchObject({ sent: 2950, failed: 30, throttled: 4, remaining: 5010, rate: 50, etaSeconds: 101, finished: false });
    expect(s.progress).toBeCloseTo(2990 / 8000);
    expect(formatProgress(s)).toEqual([
      'Annonce du 22e label — envoi en cours',
      'Envoyés : 2950 / 8000 · échecs : 30 · incertains : 0 · annulés : 10',
      'Restants : 5010 (dont 40 en nouvel essai, 4 ralentis par Teams) · débit : 50 msg/s · fin estimée : 1 min 41 s',
      'Échecs par cause : bloqué / application retirée (403) 20, conversation disparue (404) 10',
    ]);
  });

  it('a cancelled announcement is finished only once the sends in flight have settled', () => {
    const cancelled = { id: 'a1', editionNumber: 22, status: 'cancelled' as const };
    const inFlight = summarizeProgress(cancelled, counts({ pending: 0, sending: 1, sent: 73, failed: 0, cancelled: 225, total: 299 }), { nominalRate: 5, now });
    expect(inFlight).toMatchObject({ finished: false, remaining: 1, etaSeconds: null });
    const settled = summarizeProgress(cancelled, counts({ pending: 0, sending: 0, sent: 74, failed: 0, cancelled: 225, total: 299 }), { nominalRate: 5, now });
    expect(settled).toMatchObject({ finished: true, remaining: 0 });
    expect(formatProgress(settled)[1]).toBe('Envoi annulé : 74 message(s) envoyé(s) sur 299 · 225 annulé(s), jamais partis · 0 échec(s) · 0 incertain(s)');
  });

  it('a cancelled send shows what was delivered, not a full bar', () => {
    const s = summarizeProgress({ id: 'a1', editionNumber: 22, status: 'cancelled' },
      counts({ total: 301, pending: 0, sending: 0, sent: 100, failed: 0, cancelled: 201, retrying: 0, throttled: 0, failedByCode: {} }), { now });
    expect(s.progress).toBe(1); // everything is settled…
    expect(s.delivered).toBeCloseTo(100 / 301); // …but a third was sent
    expect(deliveredBar(s)).toBe(`${'▓'.repeat(6)}${'░'.repeat(14)} 33 % envoyés`);
    expect(deliveredBar(s, { lang: 'en' })).toMatch(/ 33 % sent$/);
    expect(formatProgress(s)).toEqual([
      'Annonce du 22e label — annulée',
      'Envoi annulé : 100 message(s) envoyé(s) sur 301 · 201 annulé(s), jamais partis · 0 échec(s) · 0 incertain(s)',
    ]);
    expect(formatProgress(s, 'en')[1]).toBe('Sending cancelled: 100 of 301 message(s) sent · 201 cancelled, never sent · 0 failed · 0 uncertain');
    // 299 of 300 is not 100 %.
    const almost = summarizeProgress({ id: 'a1', editionNumber: 22, status: 'done' },
      counts({ total: 300, pending: 0, sending: 0, sent: 299, failed: 1, cancelled: 0 }), { now });
    expect(deliveredBar(almost)).toBe(`${'▓'.repeat(19)}░ 99 % envoyés`);
  });

  it('a send in progress can be stopped from its status card, by an admin only; the card then loses its button', async () => {
    await seedMembers(db.prisma, [{ key: 'boss' }, { key: 'a' }, { key: 'b' }]);
    const { announcement } = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    await queueAnnouncement(db.prisma, announcement.id);
    const chat = createNotificationConversation({ prisma: db.prisma, registry, adminIds: ['29:boss'] });
    const who = (key: string) => db.prisma.member.findUniqueOrThrow({ where: { teamsUserId: `29:${key}` } });
    expect((await chat.statusCard('fr', announcement.id))!.card!.actions).toEqual([
      { type: 'Action.Submit', title: 'Arrêter l’envoi', style: 'destructive', data: { verb: 'announceCancel', id: announcement.id } },
    ]);
    const refused: string[] = [];
    const byMember = await chat.stop(announcement.id, { lang: 'fr', member: await who('a'), onRefused: (w) => refused.push(w) });
    expect(byMember.replies[0]!.text).toBe('Cette commande est réservée aux administrateurs du réseau Villes Internet.');
    expect(refused).toEqual(['announceCancel']);
    expect((await db.prisma.announcement.findUniqueOrThrow({ where: { id: announcement.id } })).status).toBe('queued');
    const byAdmin = await chat.stop(announcement.id, { lang: 'en', member: await who('boss') });
    expect(byAdmin.replies[0]!.text).toBe('Announcement cancelled: 3 message(s) not yet sent will not go out.');
    expect((await chat.statusCard('fr', announcement.id))!.card!.actions).toBeUndefined();
    // An old card pressed again: the outbox's answer, not an error.
    expect((await chat.stop(announcement.id, { lang: 'fr', member: await who('boss') })).replies[0]!.text).toBe('Cette annonce est déjà annulée. Aucun autre message ne partira.');
  });

  it('the status card of a cancelled send says « annulé » with the counts and the share delivered', async () => {
    const ids = await seedMembers(db.prisma, [{ key: 'a' }, { key: 'b' }, { key: 'c' }]);
    const { announcement } = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'admin', registry });
    await queueAnnouncement(db.prisma, announcement.id);
    await db.prisma.delivery.updateMany({ where: { memberId: ids.get('a')! }, data: { status: 'sent', sentAt: new Date() } });
    await cancelAnnouncement(db.prisma, announcement.id);
    const chat = createNotificationConversation({ prisma: db.prisma, registry, adminIds: [] });
    const fr = await chat.statusCard('fr', announcement.id);
    expect(fr!.text.split('\n')).toEqual([
      `${'▓'.repeat(6)}${'░'.repeat(14)} 33 % envoyés`,
      'Annonce du 22e label — annulée',
      'Envoi annulé : 1 message(s) envoyé(s) sur 3 · 2 annulé(s), jamais partis · 0 échec(s) · 0 incertain(s)',
    ]);
    expect(JSON.stringify(fr!.card)).toContain('Envoi de l’annonce annulé');
    const en = await chat.statusCard('en', announcement.id);
    expect(en!.text).toContain('33 % sent');
    expect(JSON.stringify(en!.card)).toContain('Announcement sending cancelled');
  });

  it('writes the rate with a decimal comma in French', () => {
    const s = summarizeProgress({ id: 'a1', editionNumber: 22, status: 'sending' }, counts({ recentSent: 144 }), { nominalRate: 5, now });
    expect(s.rate).toBe(4.8);
    expect(formatProgress(s)[2]).toContain('débit : 4,8 msg/s');
    expect(formatProgress(s, 'en')[2]).toContain('rate: 4.8 msg/s');
  });

  it('gives no ETA before a rate is measured (the sender’s NOTIFY_RATE is not known), and the average once done', () => {
    const queued = counts({ pending: 300, total: 300, sending: 0, sent: 0, failed: 0, cancelled: 0, recentSent: 0, firstSentAt: null, lastSentAt: null, failedByCode: {} });
    const before = summarizeProgress({ id: 'a1', editionNumber: 22, status: 'queued' }, queued, { now });
    expect(before).toMatchObject({ rate: 0, etaSeconds: null });
    expect(formatProgress(before)[2]).toMatch(/fin estimée : —$/);
    expect(formatProgress(before, 'en')[2]).toMatch(/ETA: —$/);
    // A caller that knows the sender's rate may still give it.
    expect(summarizeProgress({ id: 'a1', editionNumber: 22, status: 'queued' }, queued, { nominalRate: 5, now }).etaSeconds).toBe(60);
    const done = summarizeProgress({ id: 'a1', editionNumber: 22, status: 'done' },
      counts({ pending: 0, sending: 0, sent: 7961, uncertain: 3 }), { nominalRate: 50, now });
    expect(done).toMatchObject({ finished: true, etaSeconds: null, rate: 132.7 });
    expect(formatProgress(done, 'en')[0]).toBe('Announcement of the 22nd label — done');
    expect(formatProgress(done).at(-1)).toMatch(/^Incertains/);
  });
});
