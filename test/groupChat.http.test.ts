// Group chats and channels through POST /api/messages (#19): arobase answers label questions when @mentioned, stays
// silent otherwise (nothing sent: the turn ends before Teams AI would start its typing dots), and keeps the application to the personal chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardSubmitActivity, replyTexts, sharedMessageActivity } from './helpers/activities.ts';
import { startSampleBot, type TestBot } from './helpers/testBot.ts';

let t: TestBot;
beforeAll(async () => { t = await startSampleBot(); });
afterAll(async () => { await t?.close(); });

type Where = 'groupChat' | 'channel';
let chats = 0;
/** Each case in its own chat: a busy chat's flood limit is not what these cases are about. */
async function sayIn(where: Where, text: string, mention: boolean, locale = 'fr-FR') {
  const before = t.connector.received.length;
  const res = await t.post(sharedMessageActivity(text, { ...t.opts({ locale }), where, mention, conversationId: `19:${where}-${++chats}@thread.v2` }));
  expect(res.status).toBeLessThan(300);
  return t.connector.received.slice(before).map((c) => c.body);
}

// [where, what a participant types after @arobase, language, what the answer must say]
const addressed: [Where, string, string, RegExp][] = [
  ['groupChat', 'quel est le niveau de Grenoble ?', 'fr-FR', /Grenoble/],
  ['groupChat', 'Grenoble a combien d’arobases ?', 'fr-FR', /Grenoble/],
  ['groupChat', 'what level is Grenoble?', 'en-GB', /Grenoble/],
  ['channel', 'le palmarès de Grenoble', 'fr-FR', /Grenoble/],
  ['groupChat', 'aide', 'fr-FR', /./],
];

describe('@arobase in a group chat or a channel', () => {
  it.each(addressed)('%s: « @arobase %s » (%s) is answered', async (where, text, locale, expected) => {
    const replies = await sayIn(where, text, true, locale);
    expect(replies.length).toBeGreaterThan(0);
    expect(replyTexts(replies)).toMatch(expected);
    expect(replyTexts(replies)).not.toMatch(/<at>/);
  });

  it('the mention in the middle of the sentence is removed before understanding', async () => {
    const activity = sharedMessageActivity('x', { ...t.opts(), mention: true }) as Record<string, unknown>;
    activity.text = 'Dis <at>arobase</at>, quel est le niveau de Grenoble ?';
    const before = t.connector.received.length;
    await t.post(activity);
    expect(replyTexts(t.connector.received.slice(before).map((c) => c.body))).toMatch(/Grenoble/);
  });

  it('a typed level question gets the card with « Historique » and « Palmarès {année} » (Action.Execute)', async () => {
    const [card] = await sayIn('groupChat', 'niveau de Grenoble', true);
    const actions = ((card!.attachments as { content: { actions: { type: string; verb?: string; title: string }[] } }[])[0]!.content.actions);
    expect(actions.filter((a) => a.type === 'Action.Execute').map((a) => [a.verb, a.title]))
      .toEqual([['levelHistory', 'Historique'], ['levelPalmares', expect.stringMatching(/^Palmarès \d{4}$/)]]);
  });

  // Phrasings an outside tester wrote (not the recognizer's commands): each is understood as the application, and
  // none may start it, or show a membership's state, where others read along.
  it.each([
    'candidature', 'reprendre notre dossier', 'je souhaite candidater', 'on veut candidater', 'nous voulons candidater',
    'commencer notre dossier', 'candidature svp', 'reprendre ma candidature stp', 'ouvrir notre dossier de candidature',
    'bonjour je veux candidater',
  ])('« @arobase %s » is sent to the personal chat', async (text) => {
    const said = replyTexts(await sayIn('groupChat', text, true));
    expect(said).toMatch(/conversation privée/);
    expect(said).not.toMatch(/quelle collectivité représentez-vous|attend encore une décision/);
  });

  it.each([['I want to apply', 'en-GB', /private chat/], ['ma commune est Sèvres', 'fr-FR', /conversation privée/], ['arrêter les notifications', 'fr-FR', /conversation privée/]])(
    '« @arobase %s » (%s) is sent to the personal chat too', async (text, locale, expected) => {
      expect(replyTexts(await sayIn('channel', text, true, locale))).toMatch(expected);
    });

  it('« @arobase » alone gets what it can do', async () => {
    expect(replyTexts(await sayIn('groupChat', '', true))).toMatch(/Grenoble/);
  });
});

describe('not addressed: silent', () => {
  const unaddressed: [Where, string][] = [
    ['groupChat', 'quel est le niveau de Grenoble ?'],
    ['groupChat', 'aide'],
    ['groupChat', 'on a eu 4 arobases cette année !'],
    ['channel', 'candidature'],
    ['groupChat', 'blablabla'],
  ];
  it.each(unaddressed)('%s: « %s » without @arobase gets no reply at all', async (where, text) => {
    expect(await sayIn(where, text, false)).toEqual([]);
  });

  it('a mention of someone else is not a mention of arobase', async () => {
    const activity = sharedMessageActivity('<at>Paul</at> quel est le niveau de Grenoble ?', t.opts()) as Record<string, unknown>;
    activity.entities = [{ type: 'mention', text: '<at>Paul</at>', mentioned: { id: '29:paul', name: 'Paul' } }];
    const before = t.connector.received.length;
    await t.post(activity);
    expect(t.connector.received.slice(before)).toEqual([]);
  });

  it('a level card sent from the search box (markup as text, the card attached) gets no answer', async () => {
    const activity = sharedMessageActivity('', t.opts()) as Record<string, unknown>;
    Object.assign(activity, { conversation: { id: 'a:conv-sent-card', conversationType: 'personal', tenantId: 'tenant-1' }, textFormat: 'xml',
      text: '<span class="inline-compose-card" contenteditable="false"></span>',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [] } }] });
    const before = t.connector.received.length;
    await t.post(activity);
    expect(t.connector.received.slice(before)).toEqual([]);
  });

  it('a button of its own card in the group chat still works', async () => {
    const click = cardSubmitActivity({ verb: 'say', text: 'niveau de Grenoble' }, t.opts());
    Object.assign(click.conversation, { id: '19:groupChat-1@thread.v2', conversationType: 'groupChat', isGroup: true });
    const before = t.connector.received.length;
    await t.post(click);
    expect(replyTexts(t.connector.received.slice(before).map((c) => c.body))).toMatch(/Grenoble/);
  });
});
