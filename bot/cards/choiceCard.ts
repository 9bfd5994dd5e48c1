// Choices: homonyms (the buttons carry the territory code and the pending question, so the answer continues it),
// other territories a name could mean under an answer, and the likeliest readings of a message not understood.
import type { Territory } from '../../data/territories/registry.ts';
import type { Intent } from '../../data/understanding/types.ts';
import { a } from '../i18n/answers.ts';
import type { Lang } from '../i18n/locale.ts';
import { adaptiveCard, textBlock, type Reply } from '../../dialogs/cards.ts';

const pick = (t: Territory, labelOf: (t: Territory) => string, intent: Intent) =>
  ({ type: 'Action.Submit', title: labelOf(t), data: { verb: 'pickTerritory', code: t.code, intent } });

export function choiceCard(lang: Lang, message: string, candidates: Territory[], labelOf: (t: Territory) => string, intent: Intent, extra?: string): Reply {
  const shown = candidates.slice(0, 8);
  const card = adaptiveCard(
    [textBlock(message, { weight: 'Bolder' }), ...(extra ? [textBlock(extra, { isSubtle: true })] : [])],
    shown.map((t) => pick(t, labelOf, intent)),
  );
  return { text: [message, ...shown.map((t, i) => `${i + 1}. ${labelOf(t)}`)].join('\n'), card };
}

/** Under an answer: « Vous pensiez à une autre collectivité ? » and a button for each other likely territory. */
export function alternativesBlock(lang: Lang, reply: Reply, others: Territory[], labelOf: (t: Territory) => string, intent: Intent): Reply {
  if (!reply.card) return reply;
  const question = a(lang, 'otherPlaces');
  return {
    text: [reply.text, question, ...others.map((t) => `• ${labelOf(t)}`)].join('\n'),
    card: {
      ...reply.card,
      body: [...reply.card.body, textBlock(question, { isSubtle: true, spacing: 'Medium' })],
      actions: [...(reply.card.actions ?? []), ...others.map((t) => pick(t, labelOf, intent))],
    },
  };
}

/** A message not understood for sure: its likeliest readings as buttons (verb `ask`, the intent checked on return). */
export function readingsCard(lang: Lang, readings: Intent[], labelOf: (i: Intent) => string): Reply {
  const text = a(lang, 'readings');
  const shown = readings.slice(0, 3);
  return {
    text: [text, ...shown.map((r, i) => `${i + 1}. ${labelOf(r)}`)].join('\n'),
    card: adaptiveCard([textBlock(text)], shown.map((r) => ({ type: 'Action.Submit', title: labelOf(r), data: { verb: 'ask', intent: r } }))),
  };
}

/** A button that asks an example question (verb `say`: the bot reads its text as if typed). */
export const exampleButton = (q: string) => ({ type: 'Action.Submit', title: q, data: { verb: 'say', text: q } });

export function unknownCard(lang: Lang, examples: string[]): Reply {
  const text = a(lang, 'unknown');
  return {
    text: `${text}\n${a(lang, 'unknownExamples')}`,
    card: adaptiveCard([textBlock(text)], examples.map(exampleButton)),
  };
}
