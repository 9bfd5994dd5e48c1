// The optional language model, with a fake model: it only picks actions; levels always come from the database.
import { TestModel } from '@microsoft/teams-ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statesALevel } from '../bot/llm/planner.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { seedSamplesIfEmpty } from '../data/samples.ts';
import { replyText } from './helpers/activities.ts';
import { startTestBot, TEST_NOW, type TestBot } from './helpers/testBot.ts';
import { getUnderstander } from '../data/understanding/index.ts';
import { loadSet, sampleCodes } from '../bench/lib/understandSet.ts';

type PromptResponse<T> = Parameters<typeof TestModel.returnResponse>[0] & { message?: { content?: T } };

/** What the fake model answers next, and how often it was asked. */
let next: () => PromptResponse<string> = () => ({ status: 'success', message: { role: 'assistant', content: 'ok' } });
let calls = 0;
const model = TestModel.createTestModel(async () => { calls++; return next(); });
const callAction = (name: string, args: Record<string, unknown>) => (): PromptResponse<string> => ({
  status: 'success',
  message: { role: 'assistant', content: undefined, action_calls: [{ id: 'call-1', type: 'function', function: { name, arguments: JSON.stringify(args) } }] },
});
const say = (content: string) => (): PromptResponse<string> => ({ status: 'success', message: { role: 'assistant', content } });

let t: TestBot;
let n = 0;
beforeAll(async () => {
  t = await startTestBot({}, { model });
  await seedSamplesIfEmpty(t.db, getRegistry());
});
afterAll(async () => { await t?.close(); });
const ask = async (text: string, locale = 'fr-FR') => (await t.say(text, { locale, conversationId: `a:llm-${++n}`, userId: `29:llm-${n}` })).map(replyText).join('\n');
const UNDERSTOOD_BY_NO_ROUTE = 'J’aimerais qu’on compare notre politique de voirie avec celle des voisins';

describe('optional language model (fake model)', () => {
  it('a message no route understands goes to the model, whose action answers from the database', async () => {
    next = callAction('getLevel', { place: 'Grenoble', year: 2021 });
    calls = 0;
    const reply = await ask(UNDERSTOOD_BY_NO_ROUTE);
    expect(calls).toBe(1);
    expect(reply).toContain('Grenoble (Isère) — 5 arobases');
    expect(reply).toContain('Source : Ville de Grenoble');
  });

  it('the palmarès action, with filters', async () => {
    next = callAction('getPalmares', { year: 2018, level: 4 });
    expect(await ask('Montre-moi les collectivités qui avaient quatre arobases il y a quelques années, en 2018 je crois')).toContain('CA Amiens Métropole — 4 @');
  });

  it('a level stated by the model in free text never reaches the user', async () => {
    next = say('Grenoble a 3 arobases depuis 2019.');
    const reply = await ask('Raconte-moi quelque chose de vraiment intéressant sur Grenoble et le numérique stp');
    expect(reply).not.toContain('3 arobases');
    expect(reply).toContain('Je n’ai pas compris');
  });

  it('harmless free text passes', async () => {
    next = say('Je réponds seulement aux questions sur le label.');
    expect(await ask('Quel temps fera-t-il demain matin sur la côte atlantique près de chez moi ?')).toContain('Je réponds seulement aux questions sur le label.');
  });

  it('a model failure is answered politely', async () => {
    next = () => ({ status: 'error', error: new Error('model down') });
    const reply = await ask('Une question bien trop compliquée pour les routes simples du robot arobase, vraiment');
    expect(reply).toContain('Je n’ai pas compris');
  });

  it('what the routes understand never goes to the model', async () => {
    calls = 0;
    expect(await ask('Quel est le niveau de Bron ?')).toContain('Bron (Rhône) — 5 arobases');
    expect(await ask('What level is Grenoble?', 'en-US')).toContain('Grenoble (Isère) — 5 arobases');
    expect(calls).toBe(0);
  });

  it('with the model on, no message of the phrasing set that the understanding gets is given to the model', async () => {
    // The model would claim a wrong level: it must never be asked for what the understanding gets.
    next = say('Grenoble a 1 arobase.');
    const u = getUnderstander();
    const items = loadSet(new URL('../bench/data/understand-set.json', import.meta.url).pathname).filter((i) => i.says);
    const understood = items.filter((i) => u.understand(i.says!, { now: TEST_NOW, labelled: sampleCodes() }).intent.name !== 'unknown');
    expect(understood.length).toBeGreaterThan(450);
    calls = 0;
    for (const item of understood) await ask(item.says!, item.lang === 'en' ? 'en-US' : 'fr-FR');
    expect(calls).toBe(0);
  });

  it.each([
    ['Grenoble a 3 arobases', true], ['niveau 4', true], ['Bron a cinq arobases', true], ['It holds the digital excellence title', true],
    ['Je ne réponds qu’aux questions sur le label.', false], ['Essayez « Historique de Bron ».', false],
  ])('level claim detector: %s → %s', (text, claims) => {
    expect(statesALevel(text)).toBe(claims);
  });
});
