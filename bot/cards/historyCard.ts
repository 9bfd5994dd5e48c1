// History card: every known award of a territory, oldest first, each with its source.
import type { AwardFact } from '../../data/labelFacts.ts';
import { a, ordinal } from '../i18n/answers.ts';
import type { Lang } from '../i18n/locale.ts';
import { adaptiveCard, sourceBlock, textBlock, type Reply } from '../../dialogs/cards.ts';
import { mentionLabel } from './levelCard.ts';

export function historyCard(lang: Lang, name: string, history: AwardFact[], complete: boolean): Reply {
  const title = a(lang, 'historyTitle', { name });
  if (history.length === 0) {
    const text = a(lang, complete ? 'historyEmpty' : 'historyEmptyIncomplete', { name });
    return { text, card: adaptiveCard([textBlock(title, { weight: 'Bolder', size: 'Medium' }), textBlock(text)]) };
  }
  const mentions = (f: AwardFact) => (f.mentions.length ? ` — ${f.mentions.map((m) => mentionLabel(lang, m)).join(', ')}` : '');
  const row = (f: AwardFact) => a(lang, 'historyRow', { year: f.year, ord: ordinal(lang, f.edition), level: f.level, mentions: mentions(f) });
  const sources = [...new Set(history.map((f) => f.source))];
  const card = adaptiveCard([
    textBlock(title, { weight: 'Bolder', size: 'Medium' }),
    {
      type: 'FactSet',
      facts: history.map((f) => ({ title: `${f.year} (${ordinal(lang, f.edition)})`, value: `${'@'.repeat(f.level)}${'·'.repeat(5 - f.level)}${mentions(f)}` })),
    },
    ...sources.map((s) => sourceBlock(a(lang, 'source', { source: s }))),
  ]);
  return { text: [title, ...history.map(row), ...sources.map((s) => a(lang, 'source', { source: s }))].join('\n'), card };
}
