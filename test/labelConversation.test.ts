// [user says, bot answers] tables through the real Application and POST /api/messages, on the sourced samples.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardSubmitActivity, replyText, replyTexts } from './helpers/activities.ts';
import { startSampleBot, type TestBot } from './helpers/testBot.ts';

let t: TestBot;
let n = 0;
beforeAll(async () => { t = await startSampleBot(); });
afterAll(async () => { await t?.close(); });

const text = replyTexts;
/** Each conversation gets its own id and user, so memory does not leak between rows. */
const fresh = (locale: string) => ({ locale, conversationId: `a:conv-${++n}`, userId: `29:user-${n}` });

type Row = [says: string, answers: (string | RegExp)[], notAnswers?: (string | RegExp)[]];

const french: Row[] = [
  ['Quel est le niveau de Grenoble ?', ['Grenoble (Isère) — 5 arobases', '22e label, palmarès 2021', 'Territoire d’excellence numérique 2021', 'Source : Ville de Grenoble']],
  ["Grenoble a combien d'arobases ?", ['Grenoble (Isère) — 5 arobases']],
  ['Quel est le niveau de Saint-Germain-en-Laye en 2021 ?', ['Saint-Germain-en-Laye (Yvelines) — 5 arobases', 'palmarès 2021']],
  ['niveau de vandoeuvre les nancy', ['Vandœuvre-lès-Nancy (Meurthe-et-Moselle) — 5 arobases']],
  ['Quel est le niveau de Bron en 2023 ?', ['Bron (Rhône) — 5 arobases', '24e label, palmarès 2023', 'Source : Lyon Capitale']],
  ['Quel est le niveau de Bron en 2022 ?', ['Je n’ai pas de label de Bron (Rhône) pour le palmarès 2022', 'incomplètes', 'Dernier label connu : 5 arobases au palmarès 2023'], [/ne figure pas/]],
  ['Quel est le niveau de Arras ?', ['Arras (Pas-de-Calais) — 3 arobases', '19e label, palmarès 2018', 'France 3 Hauts-de-France']],
  ['Niveau de la CC de Parthenay-Gâtine', ['CC de Parthenay-Gâtine (Deux-Sèvres) — 5 arobases']],
  ['Quel est le niveau de Lyon ?', ['Je n’ai encore aucun label de Lyon (Rhône) dans mes données'], [/arobases\n/]],
  ['Historique de Bron', ['Historique du label — Bron (Rhône)', '2021 (22e) : 5 @ — Territoire d’excellence numérique', '2023 (24e) : 5 @', 'Source : Lyon Capitale']],
  ['Palmarès 2021', ['Palmarès 2021 (22e label, remis le 4 février 2021)', '16 collectivités — page 1/2', 'Agen — 5 @', 'Données partielles']],
  ['Palmarès 2018', ['Palmarès 2018 (19e label, remis le 8 février 2018)', '28 collectivités — page 1/3', 'Beauvais — 5 @', 'Lambres-lez-Douai — 4 @']],
  ['les 4@ en 2018', ['Palmarès 2018 (19e label, remis le 8 février 2018) — 4 @', '8 collectivités', 'CA Amiens Métropole — 4 @', 'Soissons — 4 @']],
  ["Palmarès 2024 dans l'Eure", ['Palmarès 2024 (25e label, remis le 8 février 2024) — Eure', 'Pont-Audemer — 5 @', 'CC du Vexin Normand — 4 @'], ['Aiglemont']],
  ['Territoires d’excellence numérique 2021', ['— Territoire d’excellence numérique', '14 collectivités'], ['Thionville']],
  ['Bron peut-elle devenir territoire d’excellence numérique ?', ['Labels 5 arobases connus : 2 (2021, 2023)', 'je ne peux pas dire combien il en manque', 'incomplètes'], ['Il en manque 4']],
  ['combien de 5@ pour Agen ?', ['Labels 5 arobases connus : 5 (2008, 2011, 2014, 2021, 2022)']],
  ['Saint-Martin', ['Plusieurs collectivités s’appellent « Saint-Martin »', '1. Saint-Martin']],
  ['xyzzy plop', [/Je n’ai pas compris|Je ne trouve aucune/]],
  ['Peux-tu me donner la météo de demain pour mon jardin potager ?', ['Je n’ai pas compris', '« Quel est le niveau de Grenoble ? »']],
];

const english: Row[] = [
  ['What level is Grenoble?', ['Grenoble (Isère) — 5 arobases', '22nd label, 2021 awards', 'Source: Ville de Grenoble']],
  ['How many arobases does Bron have?', ['Bron (Rhône) — 5 arobases', '24th label, 2023 awards']],
  ['level of Saint-Germain-en-Laye in 2021', ['Saint-Germain-en-Laye (Yvelines) — 5 arobases', '2021 awards']],
  ['History of Bron', ['Label history — Bron (Rhône)', '2021 (22nd): 5 @']],
  ['Awards 2021', ['2021 awards (22nd label, presented on 4 February 2021)', '16 local authorities — page 1/2']],
  ['TEN eligibility of Bron', ['Known 5-arobase labels: 2 (2021, 2023)', 'I cannot say how many are missing'], ['4 more needed']],
  ['What level is Lyon in 2023?', ['I have no label for Lyon (Rhône) in the 2023 awards', 'incomplete']],
  ['blah blah what', ['I did not understand', 'What level is Grenoble?']],
];

describe.each([['fr-FR', french], ['en-US', english]] as const)('%s', (locale, rows) => {
  it.each(rows)('« %s »', async (says, answers, notAnswers = []) => {
    const replies = text(await t.say(says, fresh(locale)));
    for (const expected of answers) expected instanceof RegExp ? expect(replies).toMatch(expected) : expect(replies).toContain(expected);
    for (const unexpected of notAnswers) unexpected instanceof RegExp ? expect(replies).not.toMatch(unexpected) : expect(replies).not.toContain(unexpected);
  });
});

describe('follow-ups reuse the conversation’s territory and edition', () => {
  it.each([
    ['fr-FR', ['Quel est le niveau de Bron en 2021 ?', 'et en 2023 ?', 'et Sèvres ?'], ['Bron (Rhône) — 5 arobases', '24e label, palmarès 2023', 'Je n’ai pas de label de Sèvres (Hauts-de-Seine) pour le palmarès 2023']],
    ['en-US', ['What level is Bron in 2021?', 'and in 2023?', 'and Sèvres?'], ['Bron (Rhône) — 5 arobases', '24th label, 2023 awards', 'I have no label for Sèvres (Hauts-de-Seine) in the 2023 awards']],
  ])('%s', async (locale, messages, expectations) => {
    const o = fresh(locale);
    await t.say(messages[0]!, o);
    expect(text(await t.say(messages[1]!, o))).toContain(expectations[1]);
    expect(text(await t.say(messages[2]!, o))).toContain(expectations[2]);
  });

  it('"et en 2023 ?" after a palmarès turns to that year’s palmarès', async () => {
    const o = fresh('fr-FR');
    await t.say('Palmarès 2021', o);
    expect(text(await t.say('et en 2023 ?', o))).toContain('Palmarès 2023 (24e label, remis le 2 février 2023)');
  });
});

describe('homonyms: the choice card continues the question', () => {
  it('asks which Valence, then answers for the one picked', async () => {
    const o = fresh('fr-FR');
    const [card] = await t.say('Historique de Valence', o);
    const actions = (card!.attachments as { content: { actions: { title: string; data: Record<string, unknown> }[] } }[])[0]!.content.actions;
    const drome = actions.find((x) => x.title === 'Valence (Drôme)');
    expect(drome?.data).toMatchObject({ verb: 'pickTerritory', code: '26362', intent: { name: 'history' } });
    // Ranked by population: the Drôme's Valence first.
    expect(actions[0]!.title).toBe('Valence (Drôme)');
    const before = t.connector.received.length;
    await t.post(cardSubmitActivity(drome!.data, t.opts(o)));
    expect(replyText(t.connector.received[before]?.body)).toContain('Je n’ai aucun label de Valence (Drôme) dans mes données');
  });

  it('a forged card submit with an unknown code is answered politely', async () => {
    const before = t.connector.received.length;
    const res = await t.post(cardSubmitActivity({ verb: 'pickTerritory', code: '00000', intent: { name: 'level' } }, t.opts(fresh('fr-FR'))));
    expect(res.status).toBe(200);
    expect(replyText(t.connector.received[before]?.body)).toContain('Je n’ai pas compris');
  });
});

describe('palmarès pages by 10', () => {
  it('the Next button shows the second page', async () => {
    const o = fresh('fr-FR');
    const [card] = await t.say('Palmarès 2021', o);
    const next = (card!.attachments as { content: { actions: { title: string; data: Record<string, unknown> }[] } }[])[0]!.content.actions.find((x) => x.title === 'Suivant');
    const before = t.connector.received.length;
    await t.post(cardSubmitActivity(next!.data, t.opts(o)));
    const page2 = replyText(t.connector.received[before]?.body);
    expect(page2).toContain('page 2/2');
    expect(page2).toContain('Villiers-le-Bel — 5 @');
    expect(page2).not.toContain('Agen');
  });
});

describe('my town', () => {
  it('asks once, remembers it on the member, and « ma commune est X » changes it', async () => {
    const o = fresh('fr-FR');
    expect(text(await t.say('Quel est le niveau de ma commune ?', o))).toContain('Quelle est votre commune');
    const answer = text(await t.say('Sèvres', o));
    expect(answer).toContain('votre commune est Sèvres (Hauts-de-Seine)');
    expect(answer).toContain('Sèvres (Hauts-de-Seine) — 5 arobases');
    const member = await t.db.prisma.member.findUnique({ where: { teamsUserId: o.userId } });
    expect(member?.territoryCode).toBe('92072');
    // Another conversation of the same member: no question asked again.
    expect(text(await t.say('Historique de ma commune', { ...o, conversationId: 'a:other-device' }))).toContain('Historique du label — Sèvres');
    expect(text(await t.say('ma commune est Agen', o))).toContain('votre commune est Agen (Lot-et-Garonne)');
    expect(text(await t.say('niveau de ma commune en 2022', o))).toContain('Agen (Lot-et-Garonne) — 5 arobases');
  });
});

describe('my town, in English', () => {
  it('asks, remembers, and "my town is X" changes it', async () => {
    const o = fresh('en-US');
    expect(text(await t.say('What is the level of my town?', o))).toContain('What is your commune');
    expect(text(await t.say('Grenoble', o))).toContain('Grenoble (Isère) — 5 arobases');
    expect(text(await t.say('my town is Bron', o))).toContain('Noted: your commune is Bron (Rhône)');
    expect(text(await t.say('history of my town', o))).toContain('Label history — Bron (Rhône)');
  });
});

describe('no answer states a level that is not in the database', () => {
  it('every level shown for a sample of territories matches an Award row', async () => {
    const awards = await t.db.prisma.award.findMany();
    for (const name of ['Grenoble', 'Lyon', 'Bron', 'Arras', 'Marseille', 'Le Robert', 'Thionville']) {
      const replies = text(await t.say(`Quel est le niveau de ${name} ?`, fresh('fr-FR')));
      const m = /— (\d) arobases?\n.*?(\d+)e label/s.exec(replies);
      if (!m) continue;
      expect(awards.some((x) => x.level === Number(m[1]) && x.editionNumber === Number(m[2]))).toBe(true);
    }
  });
});
