// Announcements to team channels (#19) and the status card's Universal Actions refresh, through POST /api/messages:
// the bot learns the channels it may post to from the team's events, an admin ticks some on the preview, each gets
// one message (counted in the status), a re-publish sends nothing twice; a refresh shows live figures to an admin
// and the read-only card to anyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRegistry } from '../data/territories/registry.ts';
import { seedSamplesIfEmpty } from '../data/samples.ts';
import { actionExecuteActivity, cardSubmitActivity, replyText, sharedMessageActivity, teamEventActivity } from './helpers/activities.ts';
import { startTestBot, type TestBot } from './helpers/testBot.ts';

const ADMIN = '29:admin-ch';
const BOT = { id: '28:arobase-bot', name: 'arobase' };
const T1 = { id: '19:team-bron@thread.tacv2', name: 'Mairie de Bron' };
const T2 = { id: '19:team-reseau@thread.tacv2', name: 'Réseau Villes Internet' };
const NUMERIQUE = { id: '19:bron-numerique@thread.tacv2', name: 'Numérique' };
const ANNONCES = { id: '19:reseau-annonces@thread.tacv2', name: 'Annonces' };
const OLD = { id: '19:bron-archive@thread.tacv2', name: 'Archives' };
const PROJETS = { id: '19:bron-projets@thread.tacv2', name: 'Projets' };

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ ADMIN_IDS: ADMIN, NOTIFY_WORKER: 'on', NOTIFY_RATE: '200' });
  await seedSamplesIfEmpty(t.db, getRegistry());
});
afterAll(async () => { await t?.close(); });

const post = async (activity: unknown) => expect((await t.post(activity)).status).toBeLessThan(300);
const channelRows = () => t.db.prisma.member.findMany({ where: { kind: 'channel' }, orderBy: { name: 'asc' } });
type Card = { body: { type: string; id?: string; choices?: { title: string; value: string }[] }[]; actions?: { title: string; data: Record<string, unknown> }[]; refresh?: { action: { verb: string; data: { id: string } }; userIds: string[] } };
const cardOf = (activity: Record<string, unknown> | undefined) => (activity?.attachments as { content: Card }[] | undefined)?.[0]?.content;
const waitUntil = async (ok: () => boolean | Promise<boolean>, ms = 20_000) => {
  const deadline = Date.now() + ms;
  while (!(await ok()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
};

describe('the channels arobase may post to follow the teams', () => {
  it('added to a team (its channels listed by Teams), a channel created, an @mention in another team’s thread, a channel deleted', async () => {
    // What GET /v3/teams/{id}/conversations answers: General (no name of its own) and a channel that already existed.
    t.connector.teamChannels[T1.id] = [{ id: T1.id, name: null }, PROJETS];
    await post(teamEventActivity({ ...t.opts({ userId: '29:installer' }), team: T1, extra: { membersAdded: [BOT] } }));
    await post(teamEventActivity({ ...t.opts(), team: T1, channel: NUMERIQUE, eventType: 'channelCreated' }));
    await post(teamEventActivity({ ...t.opts(), team: T1, channel: OLD, eventType: 'channelCreated' }));
    await post(teamEventActivity({ ...t.opts(), team: T1, channel: OLD, eventType: 'channelDeleted' }));
    const mention = sharedMessageActivity('niveau de Bron', { ...t.opts({ userId: '29:agent' }), where: 'channel', mention: true, conversationId: `${ANNONCES.id};messageid=1700000000000` });
    Object.assign(mention.channelData, { team: T2, channel: ANNONCES });
    await post(mention);
    const rows = await channelRows();
    expect(rows.map((r) => [r.name, r.active])).toEqual([
      ['Mairie de Bron › Archives', false], ['Mairie de Bron › Général', true], ['Mairie de Bron › Numérique', true], ['Mairie de Bron › Projets', true],
      ['Réseau Villes Internet › Annonces', true],
    ]);
    // A new post in the channel, not a reply in the thread the mention came from.
    const annonces = rows.find((r) => r.name?.endsWith('Annonces'))!;
    expect((annonces.conversationReference as { conversation: { id: string } }).conversation.id).toBe(ANNONCES.id);
    // Channels are never subscribers by themselves.
    expect(rows.every((r) => !r.subscribed)).toBe(true);
  });
});

describe('an announcement to three channels plus the members', () => {
  let channelsTicked = '';
  let announcementId = '';
  const members = ['29:c-1', '29:c-2'];

  it('the preview lists the live channels as checkboxes; confirming sends one message per channel, counted', async () => {
    for (const u of [...members, ADMIN]) await t.say('aide', { userId: u, conversationId: `a:${u}` });
    const [preview] = await t.say('publier l’édition 22', { userId: ADMIN, conversationId: `a:${ADMIN}` });
    const card = cardOf(preview)!;
    const choice = card.body.find((b) => b.type === 'Input.ChoiceSet' && b.id === 'channels')!;
    expect(choice.choices!.map((c) => c.title)).toEqual(['Mairie de Bron › Général', 'Mairie de Bron › Numérique', 'Mairie de Bron › Projets', 'Réseau Villes Internet › Annonces']);
    // Three ticked; « Projets » is left out and gets nothing.
    channelsTicked = choice.choices!.filter((c) => !c.title.endsWith('Projets')).map((c) => c.value).join(',');
    // Members reachable in a personal chat (someone seen only in a channel has no chat with the bot to receive it).
    const persons = await t.db.prisma.member.count({ where: { kind: 'person', subscribed: true, active: true, conversationId: { startsWith: 'a:' } } });
    const before = t.connector.received.length;
    // Teams puts the ticked values into the button's data, comma-separated.
    await post(cardSubmitActivity({ ...card.actions![0]!.data, channels: channelsTicked }, t.opts({ userId: ADMIN, conversationId: `a:${ADMIN}` })));
    expect(replyText(t.connector.received[before]?.body)).toContain(`Annonce mise en file : ${persons + 3} message(s)`);
    announcementId = (await t.db.prisma.announcement.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })).id;
    const toChannels = () => t.connector.received.slice(before).filter((c) => c.method === 'POST' && c.conversationId.startsWith('19:'));
    await waitUntil(async () => (await t.db.prisma.announcement.findUniqueOrThrow({ where: { id: announcementId } })).status === 'done');
    expect(toChannels().map((c) => c.conversationId).sort()).toEqual([T1.id, NUMERIQUE.id, ANNONCES.id].sort());
    expect(replyText(toChannels()[0]!.body)).toMatch(/22e label|palmarès 2021/);
    // Read by many in a channel, where the bot answers only when mentioned: the footer says how to ask.
    expect(JSON.stringify(toChannels()[0]!.body)).toContain('écrivez « @arobase palmarès 2021 » dans ce canal');
    const toMember = t.connector.received.slice(before).find((c) => c.method === 'POST' && c.conversationId === 'a:29:c-1');
    expect(JSON.stringify(toMember?.body)).toContain('demandez-moi « palmarès 2021 »');
    expect((await t.say('état des notifications', { userId: ADMIN, conversationId: `a:${ADMIN}` })).map(replyText).join('\n'))
      .toContain('Dont canaux d’équipe : 3 / 3 envoyés');
  }, 40_000);

  it('a re-publish sends nothing twice, to channels or members', async () => {
    const [preview] = await t.say('publier l’édition 22', { userId: ADMIN, conversationId: `a:${ADMIN}` });
    const before = t.connector.received.length;
    const confirm = cardOf(preview)!.actions!.find((a) => a.data.verb === 'announceConfirm');
    // Everyone already has it: no send button; a stale one pressed anyway queues nothing.
    const data = confirm?.data ?? { verb: 'announceConfirm', id: (await t.db.prisma.announcement.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })).id };
    await post(cardSubmitActivity({ ...data, channels: channelsTicked }, t.opts({ userId: ADMIN, conversationId: `a:${ADMIN}` })));
    await new Promise((r) => setTimeout(r, 1500));
    expect(t.connector.received.slice(before).filter((c) => c.method === 'POST' && c.conversationId !== `a:${ADMIN}`)).toEqual([]);
  });

  it('a channel added after the announcement can still be sent it from the preview; the others get nothing again', async () => {
    const NOUVEAU = { id: '19:bron-nouveau@thread.tacv2', name: 'Nouveau' };
    await post(teamEventActivity({ ...t.opts(), team: T1, channel: NOUVEAU, eventType: 'channelCreated' }));
    const [preview] = await t.say('publier l’édition 22', { userId: ADMIN, conversationId: `a:${ADMIN}` });
    const card = cardOf(preview)!;
    const confirm = card.actions!.find((a) => a.data.verb === 'announceConfirm');
    expect(confirm?.title).toMatch(/canaux cochés/);
    const all = card.body.find((b) => b.id === 'channels')!.choices!.map((c) => c.value).join(',');
    const before = t.connector.received.length;
    await post(cardSubmitActivity({ ...confirm!.data, channels: all }, t.opts({ userId: ADMIN, conversationId: `a:${ADMIN}` })));
    const posts = () => t.connector.received.slice(before).filter((c) => c.method === 'POST' && c.conversationId.startsWith('19:'));
    await waitUntil(() => posts().length >= 2);
    await new Promise((r) => setTimeout(r, 500));
    // « Projets » was never ticked before: it gets this edition now, as « Nouveau » does; the three others nothing.
    expect(posts().map((c) => c.conversationId).sort()).toEqual([NOUVEAU.id, PROJETS.id].sort());
  }, 30_000);

  it('ids that are not live channels are ignored', async () => {
    const [preview] = await t.say('publier l’édition 22', { userId: ADMIN, conversationId: `a:${ADMIN}` });
    const id = String(cardOf(preview)!.actions!.at(-1)!.data.id);
    const archived = (await channelRows()).find((r) => !r.active)!.id;
    const someone = (await t.db.prisma.member.findFirstOrThrow({ where: { teamsUserId: '29:c-1' } })).id;
    await post(cardSubmitActivity({ verb: 'announceConfirm', id, channels: `${archived},${someone},'; DROP TABLE "Member";--` }, t.opts({ userId: ADMIN, conversationId: `a:${ADMIN}` })));
    expect(await t.db.prisma.delivery.count({ where: { announcementId: id } })).toBe(0);
  });

  it('Action.Execute refresh: live figures and the refresh for an admin, the read-only card for anyone else', async () => {
    const refresh = async (userId: string) => {
      const res = await t.post(actionExecuteActivity('announceStatus', { id: announcementId }, { ...t.opts({ userId, conversationId: `a:${userId}` }) }, 'automatic'));
      expect(res.status).toBe(200);
      return (await res.json()) as { statusCode: number; type: string; value: Card };
    };
    const forAdmin = await refresh(ADMIN);
    expect(forAdmin).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(forAdmin.value)).toMatch(/Envoyés : \d+ \/ \d+/);
    expect(forAdmin.value.refresh).toMatchObject({ action: { verb: 'announceStatus', data: { id: announcementId } }, userIds: [ADMIN] });
    const forOther = await refresh('29:c-1');
    expect(JSON.stringify(forOther.value)).toMatch(/Envoyés : \d+ \/ \d+/);
    expect(JSON.stringify(forOther.value)).toContain('Suivi réservé aux administrateurs');
    expect(forOther.value.refresh).toBeUndefined();
    expect(forOther.value.actions).toBeUndefined();
  });
});

describe('forged or odd team events', () => {
  it('a thread id as channel id, a name full of controls, another tenant claiming a known channel', async () => {
    const weird = { id: `${NUMERIQUE.id};messageid=999`, name: `Num\u202eérique\u0000 <at>x</at> ${'x'.repeat(500)}` };
    await post(teamEventActivity({ ...t.opts(), team: T1, channel: weird, eventType: 'channelRenamed' }));
    const row = (await channelRows()).find((r) => r.conversationId === NUMERIQUE.id)!;
    expect(await t.db.prisma.member.count({ where: { kind: 'channel', conversationId: { contains: 'messageid' } } })).toBe(0);
    expect(row.name).not.toMatch(/[\u0000-\u001f\u202e<>]/);
    expect(row.name!.length).toBeLessThanOrEqual(200);
    await post(teamEventActivity({ ...t.opts({ tenantId: 'tenant-evil' }), team: { id: '19:evil@thread.tacv2', name: 'Evil' }, channel: NUMERIQUE, eventType: 'channelRenamed' }));
    const after = (await channelRows()).find((r) => r.conversationId === NUMERIQUE.id)!;
    expect([after.teamId, after.tenantId]).toEqual([T1.id, 'tenant-1']);
  });
});

describe('leaving a team', () => {
  it('the bot removed from a team: its channels are no longer offered; the remover keeps their personal chat', async () => {
    await t.say('aide', { userId: '29:remover', conversationId: 'a:29:remover' });
    await post(teamEventActivity({ ...t.opts({ userId: '29:remover' }), team: T1, type: 'installationUpdate', extra: { action: 'remove' } }));
    const rows = await channelRows();
    expect(rows.filter((r) => r.teamId === T1.id).every((r) => !r.active)).toBe(true);
    expect(rows.find((r) => r.teamId === T2.id)?.active).toBe(true);
    expect((await t.db.prisma.member.findUniqueOrThrow({ where: { teamsUserId: '29:remover' } })).active).toBe(true);
  });

  it('a team archived then unarchived: the channels Teams lists come back', async () => {
    t.connector.teamChannels[T2.id] = [{ id: T2.id, name: null }, ANNONCES];
    await post(teamEventActivity({ ...t.opts(), team: T2, eventType: 'teamArchived' }));
    expect((await channelRows()).filter((r) => r.teamId === T2.id).every((r) => !r.active)).toBe(true);
    await post(teamEventActivity({ ...t.opts(), team: T2, eventType: 'teamUnarchived' }));
    const back = (await channelRows()).filter((r) => r.teamId === T2.id && r.active).map((r) => r.name);
    expect(back.sort()).toEqual(['Réseau Villes Internet › Annonces', 'Réseau Villes Internet › Général']);
  });
});
