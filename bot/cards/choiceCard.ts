// Homonyms: a choice card whose buttons carry the territory code and the pending question, so the answer continues it.
import type { Territory } from '../../data/territories/registry.ts';
import type { Intent } from '../intents/types.ts';
import { a } from '../i18n/answers.ts';
import type { Lang } from '../i18n/locale.ts';
import { adaptiveCard, textBlock, type Reply } from './activity.ts';

export function choiceCard(lang: Lang, message: string, candidates: Territory[], labelOf: (t: Territory) => string, intent: Intent, extra?: string): Reply {
  const shown = candidates.slice(0, 8);
  const card = adaptiveCard(
    [textBlock(message, { weight: 'Bolder' }), ...(extra ? [textBlock(extra, { isSubtle: true })] : [])],
    shown.map((t) => ({ type: 'Action.Submit', title: labelOf(t), data: { verb: 'pickTerritory', code: t.code, intent } })),
  );
  return { text: [message, ...shown.map((t, i) => `${i + 1}. ${labelOf(t)}`)].join('\n'), card };
}

export function unknownCard(lang: Lang, examples: string[]): Reply {
  const text = a(lang, 'unknown');
  return {
    text: `${text}\n${a(lang, 'unknownExamples')}`,
    card: adaptiveCard([textBlock(text)], examples.map((q) => ({ type: 'Action.Submit', title: q, data: { msteams: { type: 'imBack', value: q } } }))),
  };
}
