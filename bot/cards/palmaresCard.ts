// Palmarès card: one page of 10 territories with their level, and Previous/Next buttons that keep the filters.
import { ceremonyDate } from '../../data/editions.ts';
import type { PalmaresPage } from '../../data/labelFacts.ts';
import { formatDay } from '../../data/text.ts';
import { a, ordinal } from '../i18n/answers.ts';
import type { Lang } from '../i18n/locale.ts';
import { adaptiveCard, sourceBlock, textBlock, type Reply } from '../../dialogs/cards.ts';

import type { PalmaresQuery } from '../../data/understanding/context.ts';

/** The list shown: its edition is known once answered. */
export type ShownPalmares = PalmaresQuery & { edition: number };

export function palmaresCard(lang: Lang, query: ShownPalmares, page: PalmaresPage, nameOf: (code: string) => string, filtersLabel: string): Reply {
  const day = ceremonyDate(page.edition.number);
  const ceremony = day ? a(lang, 'ceremonyOn', { date: formatDay(lang, day) }) : '';
  const title = a(lang, 'palmaresTitle', { year: page.edition.year, ord: ordinal(lang, page.edition.number), ceremony, filters: filtersLabel });
  if (page.total === 0) {
    const text = a(lang, 'palmaresEmpty');
    return { text: `${title}\n${text}`, card: adaptiveCard([textBlock(title, { weight: 'Bolder', size: 'Medium' }), textBlock(text)]) };
  }
  const pages = Math.ceil(page.total / page.pageSize);
  const count = a(lang, 'palmaresCount', { total: page.total, s: page.total > 1 ? 's' : '', ies: page.total > 1 ? 'ies' : 'y', page: page.page + 1, pages });
  const lines = page.rows.map((r) => `${nameOf(r.code)} — ${r.level} @`);
  const notes = page.edition.complete ? [] : [a(lang, 'palmaresIncomplete')];
  const sources = [...new Set(page.rows.map((r) => r.source))].map((s) => a(lang, 'source', { source: s }));
  const nav = (label: string, target: number) => ({ type: 'Action.Submit', title: label, data: { verb: 'palmaresPage', query, page: target } });
  const actions = [
    ...(page.page > 0 ? [nav(a(lang, 'previous'), page.page - 1)] : []),
    ...(page.page < pages - 1 ? [nav(a(lang, 'next'), page.page + 1)] : []),
  ];
  const card = adaptiveCard([
    textBlock(title, { weight: 'Bolder', size: 'Medium' }),
    textBlock(count, { isSubtle: true, spacing: 'None' }),
    { type: 'FactSet', facts: page.rows.map((r) => ({ title: nameOf(r.code), value: `${'@'.repeat(r.level)}${'·'.repeat(5 - r.level)}` })) },
    ...notes.map((n) => textBlock(n, { isSubtle: true })),
    ...sources.map(sourceBlock),
  ], actions);
  return { text: [title, count, ...lines, ...notes, ...sources].join('\n'), card };
}
