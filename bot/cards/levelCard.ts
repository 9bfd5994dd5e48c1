// Level answer card: the level drawn as @@@@@ (filled/empty), edition and year, mentions, TEN and the source.
import type { LevelFact, AwardFact } from '../../data/labelFacts.ts';
import { a, ordinal, plural, yearList } from '../i18n/answers.ts';
import type { Lang } from '../i18n/locale.ts';
import { adaptiveCard, sourceBlock, textBlock, type Reply } from '../../dialogs/cards.ts';
import { sm } from '../i18n/surfaceMessages.ts';

export function arobases(level: number) {
  return {
    type: 'ColumnSet',
    columns: [
      { type: 'Column', width: 'auto', items: [textBlock('@'.repeat(level), { size: 'ExtraLarge', weight: 'Bolder', color: 'Accent' })] },
      { type: 'Column', width: 'auto', items: [textBlock('@'.repeat(5 - level), { size: 'ExtraLarge', weight: 'Bolder', isSubtle: true, color: 'Light' })] },
    ],
  };
}

export const mentionLabel = (lang: Lang, m: string) => a(lang, `mention_${m}` as Parameters<typeof a>[1]);

function awardLines(lang: Lang, award: AwardFact, fact: Extract<LevelFact, { status: 'awarded' }>): string[] {
  const lines = [a(lang, 'editionLine', { ord: ordinal(lang, award.edition), year: award.year })];
  if (fact.ten) lines.push(a(lang, fact.ten.active ? 'tenLine' : 'tenPast', { since: fact.ten.since, until: fact.ten.until }));
  const others = award.mentions.filter((m) => m !== 'excellence').map((m) => mentionLabel(lang, m));
  if (others.length) lines.push(a(lang, 'mentionsLine', { list: others.join(', ') }));
  if (fact.newerIncomplete.length) lines.push(a(lang, 'newerIncomplete', { years: yearList(lang, fact.newerIncomplete.map((e) => e.year)) }));
  return lines;
}

/** The palmarès the card speaks of: the award's edition, or the edition the territory is not (known to be) in. */
function palmaresEdition(fact: LevelFact): { number: number; year: number } | null {
  if (fact.status === 'awarded') return { number: fact.award.edition, year: fact.award.year };
  return fact.status === 'unpublished' ? null : fact.edition;
}

/**
 * « Historique » and « Palmarès {année} » as Universal Actions (Action.Execute): they reach the bot from any chat the
 * card is in, even one a search inserted it into without the bot (bot/levelActions.ts answers them).
 */
export function levelActions(lang: Lang, code: string, fact: LevelFact): unknown[] {
  const actions: unknown[] = [{ type: 'Action.Execute', title: sm(lang, 'btnHistory'), verb: 'levelHistory', data: { code } }];
  const shown = palmaresEdition(fact);
  if (shown) actions.push({ type: 'Action.Execute', title: sm(lang, 'btnPalmares', { year: shown.year }), verb: 'levelPalmares', data: { edition: shown.number, code } });
  return actions;
}

/** The level card; with `code`, its « Historique » and « Palmarès » actions. */
export function levelCard(lang: Lang, name: string, fact: LevelFact, code?: string): Reply {
  const reply = levelCardBody(lang, name, fact);
  return code && reply.card ? { ...reply, card: { ...reply.card, actions: [...(reply.card.actions ?? []), ...levelActions(lang, code, fact)] } } : reply;
}

function levelCardBody(lang: Lang, name: string, fact: LevelFact): Reply {
  if (fact.status === 'awarded') {
    const { award } = fact;
    const title = a(lang, 'levelTitle', { name, level: award.level, s: plural(award.level) });
    const lines = awardLines(lang, award, fact);
    const source = a(lang, 'source', { source: award.source });
    const card = adaptiveCard([
      textBlock(title, { size: 'Medium', weight: 'Bolder' }),
      arobases(award.level),
      ...lines.map((l) => textBlock(l, { spacing: 'Small' })),
      sourceBlock(source),
    ]);
    return { text: [title, ...lines, source].join('\n'), card };
  }
  if (fact.status === 'unpublished') {
    const text = a(lang, 'unpublished', { year: fact.edition.year, ord: ordinal(lang, fact.edition.number) });
    return { text: `${name}\n${text}`, card: adaptiveCard([textBlock(name, { size: 'Medium', weight: 'Bolder' }), textBlock(text)]) };
  }
  const main = fact.status === 'not_labelled'
    ? a(lang, 'notLabelled', { name, year: fact.edition.year, ord: ordinal(lang, fact.edition.number) })
    : fact.edition
      ? a(lang, 'unknownEdition', { name, year: fact.edition.year })
      : a(lang, 'unknownAny', { name });
  const lines = [main];
  if (fact.latest) {
    lines.push(a(lang, 'latestKnown', { level: fact.latest.level, s: plural(fact.latest.level), year: fact.latest.year }));
    lines.push(a(lang, 'source', { source: fact.latest.source }));
  }
  const card = adaptiveCard([
    textBlock(name, { size: 'Medium', weight: 'Bolder' }),
    ...lines.map((l, i) => (i === 2 ? sourceBlock(l) : textBlock(l))),
  ]);
  return { text: lines.join('\n'), card };
}
