// The understanding alone (data/understanding): [user says, understood as] tables, the context, and the phrasing
// sets. About 47 of the 66 rows failed with the recognizer it replaced (bot/intents/recognize.ts, anchored patterns:
// wrong intent, wrong or no place, or no TEN status answer); the others guard what already worked.
import { describe, expect, it } from 'vitest';
import { getRegistry } from '../data/territories/registry.ts';
import { createTerritoryIndex } from '../data/territories/index.ts';
import { Understander } from '../data/understanding/index.ts';
import { decide, remember, type LabelMemory } from '../data/understanding/context.ts';
import { parseIntent } from '../data/understanding/intentSchema.ts';
import { loadSet, runSet, sampleCodes } from '../bench/lib/understandSet.ts';

const registry = getRegistry();
const u = new Understander(createTerritoryIndex(registry));
const labelled = sampleCodes();
const NOW = new Date('2026-06-15T12:00:00Z');

/** What the bot decides for a message, given the conversation so far. */
const decision = (text: string, memory: LabelMemory = {}, myTown: string | null = null) =>
  decide({ understanding: u.understand(text, { now: NOW, labelled }), memory, myTown, resolve: (p) => u.resolvePlace(p, labelled), nameOf: (c) => registry.get(c)?.name });

/** What the bot would answer to a first message: the intent name, the territory code, the slots. */
function meaning(text: string) {
  return summary(decision(text));
}

function summary(d: ReturnType<typeof decide>) {
  switch (d.do) {
    case 'answer': return { intent: d.question, code: d.code, ...(d.edition ? { edition: d.edition } : {}) };
    case 'choose': return { intent: d.intent.name, choose: d.candidates.map((c) => c.code) };
    case 'palmares': return { intent: 'palmares', ...d.query, page: d.page };
    case 'setMyTown': return { intent: 'setMyTown', code: d.code, ...(d.then ? { then: d.then.name } : {}) };
    case 'say': return { intent: d.intent.name, ...('command' in d.intent ? { command: d.intent.command } : {}) };
    default: return { intent: d.do };
  }
}

const table: [says: string, expected: Record<string, unknown>][] = [
  // The place anywhere in the sentence, as people write it.
  ['Quel niveau pour Grenoble ?', { intent: 'level', code: '38185' }],
  ['GRENOBLE NIVEAU', { intent: 'level', code: '38185' }],
  ['marcq en baroeul niveau', { intent: 'level', code: '59378' }],
  ['niveau label Boulogne-sur-Mer', { intent: 'level', code: '62160' }],
  ['st germain en laye ?', { intent: 'level', code: '78551' }],
  ["le niveau d'Agen", { intent: 'level', code: '47001' }],
  ['Quel est le niveau du Touquet ?', { intent: 'level', code: '62826' }],
  ['Fontenay-s/s-Bois', { intent: 'level', code: '94033' }],
  ['niveau de grenobel', { intent: 'level', code: '38185' }],
  ['Pont Audmer 2024', { intent: 'level', code: '27467', edition: 25 }],
  // Codes: INSEE with a cue, postcodes (the labelled commune first).
  ['la commune 38185', { intent: 'level', code: '38185' }],
  ['code insee 69029', { intent: 'level', code: '69029' }],
  ['niveau du 60000', { intent: 'level', code: '60057' }],
  // Short names: the labelled or populous town before look-alikes; a look-alike far more populous wins.
  ['Et Charenton ?', { intent: 'level', code: '94018' }],
  ['Vandoeuvre', { intent: 'level', code: '54547' }],
  ['Fontenay', { intent: 'level', code: '94033' }],
  ['What level is Lyons?', { intent: 'level', code: '69123' }],
  ['Saint-Martin', { intent: 'level', choose: expect.arrayContaining([expect.any(String)]) }],
  // Intercommunalités: EPCI words, usual short names.
  ["l'agglo d'Agen a combien d'arobases ?", { intent: 'level', code: '200096956' }],
  ['CC du Vexin normand', { intent: 'level', code: '200071843' }],
  ['Niveau de la MEL', { intent: 'level', code: '200093201' }],
  ['la Métro a combien d’@', { intent: 'level', code: '200040715' }],
  ['CA Cap Excellence : niveau en vigueur', { intent: 'level', code: '200018653' }], // not the TEN
  // A département after the name restricts it.
  ['Valence dans la Drôme', { intent: 'level', code: '26362' }],
  ['Saint-Denis de la Réunion, combien d’@ ?', { intent: 'level', code: '97411' }],
  ['Lisieux in Normandy: what level?', { intent: 'level', code: '14366' }],
  // Editions: years, ordinals, relative years, the calendar's exceptions.
  ['Quel était le niveau de Bron au 24e label ?', { intent: 'level', code: '69029', edition: 24 }],
  ['grenoble 24e', { intent: 'level', code: '38185', edition: 24 }],
  ["niveau de Bron l'an dernier", { intent: 'level', code: '69029', edition: 26 }],
  ['Two years ago, how many arobases did Pont-Audemer receive?', { intent: 'level', code: '27467', edition: 25 }],
  ['Grenoble a-t-elle encore ses cinq arobases cette année, comme lors de sa distinction de 2021 ?', { intent: 'level', code: '38185', edition: 27 }],
  // Lists: filters, levels, mentions, areas.
  ['qui a eu 5 arobases en 2024 ?', { intent: 'palmares', edition: 25, level: 5 }],
  ['les labellisés du Pas-de-Calais en 2018', { intent: 'palmares', edition: 19, area: 'Pas-de-Calais' }],
  ['Palmarès 2024 Eure', { intent: 'palmares', edition: 25, area: 'Eure' }],
  ['Labellisés 4@ Bretagne', { intent: 'palmares', level: 4, area: 'Bretagne' }],
  ['les TEN de 2025 c’est qui ?', { intent: 'palmares', edition: 26, mention: 'excellence' }],
  ['Qui a eu l’arobase verte ?', { intent: 'palmares', mention: 'arobase-verte' }],
  // TEN: status of a territory, eligibility, the criteria.
  ["Est-ce que Agen est territoire d'excellence numérique ?", { intent: 'tenStatus', code: '47001' }],
  ['Bron peut-elle devenir territoire d’excellence numérique ?', { intent: 'ten', code: '69029' }],
  ['combien de 5@ pour Agen ?', { intent: 'ten', code: '47001' }],
  ['comment on devient TEN ?', { intent: 'noContext' }],
  // Other intents.
  ['comment candidater au label ?', { intent: 'howToApply' }],
  ["c'est quoi le label villes internet ?", { intent: 'aboutLabel' }],
  ['5 arobases ça veut dire quoi', { intent: 'aboutLabel' }],
  ['Pourquoi participer, ça nous apporte quoi concrètement ?', { intent: 'aboutLabel' }],
  ['je veux commencer notre candidature', { intent: 'application', command: 'start' }],
  ['je ne veux plus recevoir vos messages svp', { intent: 'notifications', command: { name: 'unsubscribe' } }],
  ['Pourriez-vous limiter les alertes que je reçois au seul département du Lot ?', { intent: 'notifications', command: { name: 'onlyArea', area: 'Lot' } }],
  ['remettez-moi les alertes pour toute la France, pas juste la Savoie', { intent: 'notifications', command: { name: 'allAreas' } }],
  ['ma ville c’est Sèvres', { intent: 'setMyTown', code: '92072' }],
  ['I am deputy mayor of Sèvres', { intent: 'setMyTown', code: '92072' }],
  ['Je suis chargée de com à Beauvais, on voudrait savoir combien d’arobases a la ville', { intent: 'setMyTown', code: '60057', then: 'level' }],
  ['merci grave 🙏', { intent: 'thanks' }],
  ['salut arobase 👋', { intent: 'greeting' }],
  ['Que pouvez-vous faire pour moi, au juste ?', { intent: 'help' }],
  ['Je représente la mairie de Salignac, 04290.', { intent: 'setMyTown', code: '04200' }],
  ['Bonjour ! Médiatrice numérique à Vaulx-en-Velin, je vous indique ma ville pour la suite.', { intent: 'setMyTown', code: '69256' }],
  ['Who sits on the jury that awards the arobases?', { intent: 'howToApply' }],
  ['Who won the Champions League this year?', { intent: 'unknown' }],
  ['How do I get a train from Paris to Strasbourg?', { intent: 'unknown' }],
  ['Bonjour de Guadeloupe ! Baie Mahaut avait combien d’@ en 2022 svp', { intent: 'level', code: '97103', edition: 23 }],
  ['les villes de seine st denis labellisées , svp', { intent: 'palmares', area: 'seine st denis' }],
  ['historique pour le code 54547', { intent: 'history', code: '54547' }],
  ['Bonjour ,,, je suis adjoint au maire de Sèvres ; 92310 ; nous voudrions connaître notre niveau actuel . Merci d avance .', { intent: 'setMyTown', code: '92072', then: 'level' }],
  ['Show all the years Le Lamentin (Martinique) took part', { intent: 'history', code: '97213' }],
  // Not label questions, even with a town in them.
  ['quel temps fait-il à Grenoble demain ?', { intent: 'unknown' }],
  ['le maire de Bron c’est qui ?', { intent: 'unknown' }],
  ['combien d’habitants à Lyon ?', { intent: 'unknown' }],
  ['Qui compose le jury et quand sont annoncés les résultats ?', { intent: 'howToApply' }],
  ["j'ai perdu mes clés", { intent: 'unknown' }],
  ['Peux-tu me donner la météo de demain pour mon jardin potager ?', { intent: 'unknown' }],
];

describe('understanding: what people type → what the bot answers', () => {
  it.each(table)('« %s »', (says, expected) => {
    expect(meaning(says)).toMatchObject(expected);
  });

  it('the likeliest readings of a message not understood for sure are offered, for a town people could mean', () => {
    expect(u.understand('météo à Grenoble demain', { now: NOW, labelled }).intent).toMatchObject({
      name: 'unknown', readings: [{ name: 'level', place: 'Grenoble' }, { name: 'history', place: 'Grenoble' }],
    });
    expect(u.understand("j'ai perdu mes clés", { now: NOW, labelled }).intent).toEqual({ name: 'unknown' });
  });
});

describe('context: the conversation so far', () => {
  /** Plays a dialogue, returning the meaning of each turn. */
  function dialogue(...turns: string[]) {
    let memory: LabelMemory = {};
    let myTown: string | null = null;
    return turns.map((text) => {
      const d = decision(text, memory, myTown);
      memory = remember(memory, d);
      if (d.do === 'setMyTown') myTown = d.code;
      return summary(d);
    });
  }

  it.each([
    [['ma commune est Sèvres', 'et en 2023 ?'], { intent: 'level', code: '92072', edition: 24 }],
    [['ma commune est Sèvres', 'mon niveau'], { intent: 'level', code: '92072' }],
    [['Quel est le niveau de Bron ?', 'historique'], { intent: 'history', code: '69029' }],
    [['historique de Grenoble', 'et Bron ?'], { intent: 'history', code: '69029' }],
    [['niveau de Bron en 2022', 'et l’année d’après ?'], { intent: 'level', code: '69029', edition: 24 }],
    [['palmarès 2021', 'page 2'], { intent: 'palmares', edition: 22, page: 1 }],
    [['palmarès 2021', 'suivant'], { intent: 'palmares', edition: 22, page: 1 }],
    [['les 5@ du Nord en 2018', 'et du Pas-de-Calais ?'], { intent: 'palmares', edition: 19, level: 5, area: 'Pas-de-Calais' }],
    [['les arobases vertes', 'seulement en 2021'], { intent: 'palmares', edition: 22, mention: 'arobase-verte' }],
    [['Quels sont les critères pour devenir TEN ?', 'et Limonest, elle pourrait ?'], { intent: 'ten', code: '69116' }],
    [['niveau de Mérignac', 'non, celle de Charente'], { intent: 'level', code: '16216' }],
    [['Saint-Pierre', 'non, celle de la Martinique'], { intent: 'level', code: '97225' }],
    [['Bron est-elle TEN ?', 'et Nancy pourrait le devenir ?'], { intent: 'ten', code: '54395' }],
    [['Quel est le niveau de ma commune ?', 'Sèvres'], { intent: 'setMyTown', code: '92072', then: 'level' }],
  ] as [string[], Record<string, unknown>][])('%j', (turns, expected) => {
    expect(dialogue(...turns).at(-1)).toMatchObject(expected);
  });

  it('« page 2 » without a list, « et en 2023 ? » without a place: no guess', () => {
    expect(meaning('page 2')).toEqual({ intent: 'noList' });
    expect(meaning('historique')).toEqual({ intent: 'noContext' });
  });
});

describe('the phrasing sets', () => {
  // The project's own set must stay at the bench's target; the others are development sets (see README).
  it.each([['set', 0.98], ['holdout', 0.97], ['dev2', 0.97], ['holdout2', 0.97], ['dev3', 0.95], ['holdout3', 0.97], ['holdout4', 0.97], ['holdout5', 0.97]] as const)(
    'understand-%s.json ≥ %s', (name, target) => {
      const outcomes = runSet(loadSet(new URL(`../bench/data/understand-${name}.json`, import.meta.url).pathname), u, registry, labelled);
      const failures = outcomes.filter((o) => !o.ok).map((o) => `${o.id} ${o.says}: ${o.why.join('; ')}`);
      expect(1 - failures.length / outcomes.length, failures.slice(0, 10).join('\n')).toBeGreaterThanOrEqual(target);
    },
  );
});

describe('hostile input', () => {
  it('never throws, whatever the text', () => {
    const samples = ['\u0000\u202e🦄'.repeat(1000), 'a'.repeat(100_000), 'et et et et '.repeat(5000), '(((((((((('.repeat(100),
      '@'.repeat(300), '2010 2011 2012 19e 24e n-1 il y a 99 ans', 'page 999999999999', '\ud800', 's/s s/ s/s/s', null, undefined, 42];
    for (const s of samples) expect(() => u.understand(s as string, { now: NOW, labelled })).not.toThrow();
  });

  it('button data is accepted only in the shapes the bot writes', () => {
    expect(parseIntent({ name: 'level', code: '38185', edition: 22 })).toEqual({ name: 'level', code: '38185', edition: 22 });
    expect(parseIntent({ name: 'palmares', edition: 22, level: 5, mention: 'excellence', extra: 'dropped' })).toEqual({ name: 'palmares', edition: 22, level: 5, mention: 'excellence' });
    for (const bad of [null, 'level', { name: 'level', edition: 'x' }, { name: 'palmares', level: 9 }, { name: 'level', code: '../../etc' }, { name: 'notifications', command: { name: 'publish', edition: 22 } }, { name: 'level', place: 'x'.repeat(500) }]) {
      expect(parseIntent(bad)).toBeNull();
    }
  });
});
