// What the label is, and how to apply: sourced texts, the second with a button that starts the walkthrough.
import { a } from '../i18n/answers.ts';
import type { Lang } from '../i18n/locale.ts';
import { adaptiveCard, sourceBlock, textBlock, type Reply } from '../../dialogs/cards.ts';

export function aboutCard(lang: Lang): Reply {
  const [title, body, source] = [a(lang, 'aboutTitle'), a(lang, 'about'), a(lang, 'aboutSource')];
  return { text: [title, body, source].join('\n'), card: adaptiveCard([textBlock(title, { weight: 'Bolder', size: 'Medium' }), textBlock(body), sourceBlock(source)]) };
}

/** The button sends what the walkthrough's own cards send (`arobase: 'command'`): it starts the application. */
export function applyCard(lang: Lang): Reply {
  const [title, body, source] = [a(lang, 'applyTitle'), a(lang, 'apply'), a(lang, 'applySource')];
  return {
    text: [title, body, source].join('\n'),
    card: adaptiveCard(
      [textBlock(title, { weight: 'Bolder', size: 'Medium' }), textBlock(body), sourceBlock(source)],
      [{ type: 'Action.Submit', title: a(lang, 'applyButton'), data: { arobase: 'command', command: 'start' } }],
    ),
  };
}
