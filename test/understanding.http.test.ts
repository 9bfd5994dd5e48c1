// What officials type, through POST /api/messages on the sourced samples: [user says, bot answers] tables. Every row
// here was « pas compris » or a wrong place / wrong answer before data/understanding (issue #14's examples).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSet } from '../bench/lib/understandSet.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { cardSubmitActivity, replyText, replyTexts } from './helpers/activities.ts';
import { startSampleBot, type TestBot } from './helpers/testBot.ts';

let t: TestBot;
let n = 0;
beforeAll(async () => { t = await startSampleBot(); });
afterAll(async () => { await t?.close(); });

const text = replyTexts;
const fresh = (locale = 'fr-FR') => ({ locale, conversationId: `u:conv-${++n}`, userId: `29:u-${n}` });
const INCIDENT = /incident technique|technical problem/;

type Row = [says: string, answers: (string | RegExp)[], notAnswers?: (string | RegExp)[]];

const notUnderstoodBefore: Row[] = [
  ['Quel niveau pour Grenoble ?', ['Grenoble (Isère) — 5 arobases']],
  ['Grenoble est à quel niveau ?', ['Grenoble (Isère) — 5 arobases']],
  ['GRENOBLE NIVEAU', ['Grenoble (Isère) — 5 arobases']],
  ['marcq en baroeul niveau', ['Marcq-en-Barœul (Nord) — 5 arobases']],
  ["Thionville, c'est combien d'arobases ?", ['Thionville (Moselle) — 5 arobases']],
  ['Dis-moi le niveau de Villiers-le-Bel', ["Villiers-le-Bel (Val-d'Oise) — 5 arobases"]],
  ['🙂 Grenoble niveau ?', ['Grenoble (Isère) — 5 arobases']],
  ['comment candidater au label ?', ['Candidater au label', 'fiches actions']],
  ["c'est quoi le label villes internet ?", ['Le Label Territoires, Villes et Villages Internet', '1 à 5 arobases']],
  ['qui a eu 5 arobases en 2024 ?', ['Palmarès 2024 (25e label, remis le 8 février 2024) — 5 @', 'Pont-Audemer — 5 @', 'Villers-Semeuse — 5 @'], ['Aiglemont']],
  ['les labellisés du Pas-de-Calais en 2018', ['Palmarès 2018 (19e label, remis le 8 février 2018) — Pas-de-Calais', 'Arras — 3 @', 'Boulogne-sur-Mer — 5 @'], ['Beauvais']],
];

const wrongPlaceBefore: Row[] = [
  ['niveau label Boulogne-sur-Mer', ['Boulogne-sur-Mer (Pas-de-Calais) — 5 arobases']],
  ['la commune 38185', ['Grenoble (Isère) — 5 arobases'], ['Communay']],
  ['niveau du 60000', ['Beauvais (Oise) — 5 arobases']],
  // The answer is for the labelled town; the look-alike is only offered as another possibility, below it.
  ['Et Charenton ?', [/^Charenton-le-Pont \(Val-de-Marne\) — 5 arobases/, 'Vous pensiez à une autre collectivité ?']],
  ['Vandoeuvre', [/^Vandœuvre-lès-Nancy \(Meurthe-et-Moselle\) — 5 arobases/]],
  ['Fontenay', ['Fontenay-sous-Bois (Val-de-Marne) — 5 arobases']],
  ['Quel est le niveau du Touquet ?', ['Le Touquet-Paris-Plage (Pas-de-Calais)'], ['Touques']],
];

const wrongAnswerBefore: Row[] = [
  ["Est-ce que Agen est territoire d'excellence numérique ?", ['Agen (Lot-et-Garonne) : Territoire d’excellence numérique au 22e label (2021), distinction valable 3 ans (2021–2023)']],
  ["Bron est-elle territoire d'excellence numérique ?", ['Bron (Rhône) : Territoire d’excellence numérique au 22e label (2021)'], ['Il en manque']],
  ['Palmarès 2024 Eure', ['Palmarès 2024 (25e label, remis le 8 février 2024) — Eure', 'Pont-Audemer — 5 @'], ['Aiglemont', 'Le Trait']],
];

const englishBefore: Row[] = [
  ['Is Bron labelled?', ['Bron (Rhône) — 5 arobases']],
  ['Tell me about Agen', ['Agen (Lot-et-Garonne) — 5 arobases']],
  ['grenoble level', ['Grenoble (Isère) — 5 arobases']],
  ['What is the Villes Internet label?', ['The “Territoires, Villes et Villages Internet” label']],
  ['how do we apply?', ['Applying for the label']],
];

const calendar: Row[] = [
  // On 15 June 2026 (the test bots' day) the 2026 palmarès is published, the 2027 one is not.
  ['Quel est le niveau de Agen ?', ['23e label, palmarès 2022', 'Les palmarès 2023 à 2026 ne sont pas (entièrement) dans mes données'], ['2027']],
  ['Quel est le niveau de Bron en 2027 ?', ['Le palmarès 2027 (28e label) n’est pas encore publié'], ['incomplètes']],
  ['palmarès 2027', ['Le palmarès 2027 (28e label) n’est pas encore publié']],
  ['niveau de Grenoble en 2010', ['Il n’y a pas eu de palmarès en 2010']],
];

describe.each([
  ['not understood before', notUnderstoodBefore, 'fr-FR'], ['a wrong place before', wrongPlaceBefore, 'fr-FR'],
  ['a wrong answer before', wrongAnswerBefore, 'fr-FR'], ['English, not understood before', englishBefore, 'en-US'],
  ['the calendar of editions', calendar, 'fr-FR'],
] as const)('%s', (_, rows, locale) => {
  it.each(rows)('« %s »', async (says, answers, notAnswers = []) => {
    const replies = text(await t.say(says, fresh(locale)));
    for (const expected of answers) expected instanceof RegExp ? expect(replies).toMatch(expected) : expect(replies).toContain(expected);
    for (const unexpected of notAnswers) unexpected instanceof RegExp ? expect(replies).not.toMatch(unexpected) : expect(replies).not.toContain(unexpected);
  });
});

describe('context carries to the next turn', () => {
  const chat = async (o: ReturnType<typeof fresh>, says: string) => text(await t.say(says, o));

  it('« ma commune est Sèvres » then « et en 2023 ? », « mon niveau », « historique »', async () => {
    const o = fresh();
    expect(await chat(o, 'ma commune est Sèvres')).toContain('votre commune est Sèvres (Hauts-de-Seine)');
    expect(await chat(o, 'et en 2023 ?')).toContain('Je n’ai pas de label de Sèvres (Hauts-de-Seine) pour le palmarès 2023');
    expect(await chat(o, 'mon niveau')).toContain('Sèvres (Hauts-de-Seine) — 5 arobases');
    expect(await chat(o, 'historique')).toContain('Historique du label — Sèvres (Hauts-de-Seine)');
  });

  it('« palmarès 2021 » then « page 2 », « suivant », « précédent »: the same list, never a place called Pange', async () => {
    const o = fresh();
    expect(await chat(o, 'palmarès 2021')).toContain('page 1/2');
    const page2 = await chat(o, 'page 2');
    expect(page2).toContain('Palmarès 2021 (22e label, remis le 4 février 2021)');
    expect(page2).toContain('page 2/2');
    expect(page2).not.toContain('Pange');
    expect(await chat(o, 'précédent')).toContain('page 1/2');
    expect(await chat(o, 'les autres')).toContain('page 2/2');
  });

  it('« et Bron ? » keeps the question; « et l’année d’après ? » moves the edition', async () => {
    const o = fresh();
    expect(await chat(o, 'historique de Grenoble')).toContain('Historique du label — Grenoble');
    expect(await chat(o, 'et Bron ?')).toContain('Historique du label — Bron (Rhône)');
    expect(await chat(o, 'niveau de Bron en 2022')).toContain('palmarès 2022');
    expect(await chat(o, 'et l’année d’après ?')).toContain('24e label, palmarès 2023');
  });

  it('« page 2 » with no list shown says what to ask', async () => {
    expect(text(await t.say('page 2', fresh()))).toContain('Je n’ai pas de liste en cours');
  });
});

describe('buttons that the answers carry', () => {
  const actionsOf = (reply: Record<string, unknown> | undefined) =>
    ((reply?.attachments as { content: { actions?: { title: string; data: Record<string, unknown> }[] } }[] | undefined)?.[0]?.content.actions ?? []);

  it('other territories a short name could mean, and a click answers for the one picked', async () => {
    const o = fresh();
    const [card] = await t.say('Fontenay', o);
    const other = actionsOf(card).find((x) => x.title.startsWith('Fontenay-aux-Roses'));
    expect(other?.data).toMatchObject({ verb: 'pickTerritory', code: '92032', intent: { name: 'level' } });
    const before = t.connector.received.length;
    await t.post(cardSubmitActivity(other!.data, t.opts(o)));
    expect(replyText(t.connector.received[before]?.body)).toContain('Fontenay-aux-Roses (Hauts-de-Seine)');
  });

  it('a message not understood for sure offers its likeliest readings; a forged reading is refused politely', async () => {
    const o = fresh();
    const [card] = await t.say('météo à Grenoble demain', o);
    expect(replyText(card)).toContain('Je ne suis pas sûr d’avoir compris');
    const level = actionsOf(card).find((x) => x.data.verb === 'ask');
    const before = t.connector.received.length;
    await t.post(cardSubmitActivity(level!.data, t.opts(o)));
    expect(replyText(t.connector.received[before]?.body)).toContain('Grenoble (Isère) — 5 arobases');
    for (const intent of [{ name: 'level', edition: 'x' }, { name: '__proto__' }, 'level', { name: 'palmares', level: 9 }, { name: 'level', place: 'a'.repeat(5000) }]) {
      const at = t.connector.received.length;
      const res = await t.post(cardSubmitActivity({ verb: 'ask', intent }, t.opts(o)));
      expect(res.status).toBe(200);
      expect(replyText(t.connector.received[at]?.body)).toContain('Je n’ai pas compris');
    }
  });

  it('the example questions of the « pas compris » card are buttons that ask them', async () => {
    const o = fresh();
    const [card] = await t.say('blah blah what', o);
    const example = actionsOf(card).find((x) => x.title === 'Historique de Bron');
    expect(example?.data).toEqual({ verb: 'say', text: 'Historique de Bron' });
    const before = t.connector.received.length;
    await t.post(cardSubmitActivity(example!.data, t.opts(o)));
    expect(replyText(t.connector.received[before]?.body)).toContain('Historique du label — Bron (Rhône)');
    for (const text of [42, null, '', 'x'.repeat(100_000)]) {
      const res = await t.post(cardSubmitActivity({ verb: 'say', text }, t.opts(fresh())));
      expect(res.status).toBe(200);
    }
  });

  it('« comment candidater » offers a button that starts the application walkthrough', async () => {
    const o = fresh();
    const [card] = await t.say('comment participer au label ?', o);
    const start = actionsOf(card).find((x) => x.title === 'Commencer la candidature');
    expect(start?.data).toEqual({ arobase: 'command', command: 'start' });
    const before = t.connector.received.length;
    await t.post(cardSubmitActivity(start!.data, t.opts(o)));
    expect(replyText(t.connector.received[before]?.body)).toMatch(/collectivité|commune/);
  });
});

describe('the phrasing set through POST /api/messages', () => {
  it('every question about a named territory is answered about that territory (its name in the reply)', async () => {
    const registry = getRegistry();
    const items = loadSet(new URL('../bench/data/understand-set.json', import.meta.url).pathname)
      .filter((i) => i.says && ['level', 'history', 'tenStatus', 'tenEligibility'].includes(i.expect!.intent) && /^[0-9]/.test(i.expect!.territory ?? ''));
    expect(items.length).toBeGreaterThan(200);
    const wrong: string[] = [];
    let o = fresh();
    for (const [k, item] of items.entries()) {
      if (k % 15 === 0) o = fresh();
      const name = registry.get(item.expect!.territory!)!.name;
      const reply = text(await t.say(item.says!, { ...o, conversationId: `${o.conversationId}-${k}`, locale: item.lang === 'en' ? 'en-US' : 'fr-FR' }));
      // Answered about it, or (a postcode several communes share) asked which, with it first.
      const [first, second] = reply.split('\n');
      if (!first!.includes(name) && !second?.startsWith(`1. ${name}`)) wrong.push(`${item.id} « ${item.says} »: ${first}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

describe('no phrasing, however odd, leads to the technical incident reply', () => {
  it('every message of the project’s phrasing set gets a reply, none is the incident reply', async () => {
    const items = loadSet(new URL('../bench/data/understand-set.json', import.meta.url).pathname);
    const says = items.flatMap((i) => (i.turns ? i.turns.map((x) => x.says) : [i.says!]));
    const odd = ['', ' ', '?', '@@@@@@@@', '🙂🙂🙂', 'a'.repeat(2000), 'et et et et et', '(((', 'page -1', 'page 99999', 'l\'an dernier', 'il y a 99 ans', '2010', 'N-9'];
    let o = fresh();
    for (const [k, s] of [...says, ...odd].entries()) {
      if (k % 15 === 0) o = fresh(); // a conversation at a time stays under the flood protection (a burst of 20)
      const replies = await t.say(s, { ...o, locale: k % 2 ? 'en-US' : 'fr-FR' });
      expect(text(replies), s).not.toMatch(INCIDENT);
    }
  }, 120_000);
});
