// The compose-box search (#19) as Teams wants it: one result per territory (a preview line: name, level, edition;
// the level card inserted when picked). Pure functions over plain JSON: no botbuilder.
import type { LevelFact } from '../../data/labelFacts.ts';
import type { AdaptiveCard } from '../../dialogs/cards.ts';
import { ordinal } from '../i18n/answers.ts';
import type { Lang } from '../i18n/locale.ts';
import { sm } from '../i18n/surfaceMessages.ts';
import { levelCard } from './levelCard.ts';

export type SearchItemView = { code: string; label: string; fact: LevelFact };

/** What a result says under its name. */
export function levelSummary(lang: Lang, fact: LevelFact): string {
  if (fact.status === 'awarded') {
    const { award } = fact;
    return `${'@'.repeat(award.level)} · ${ordinal(lang, award.edition)} label (${award.year})${fact.ten?.active ? ' · TEN' : ''}`;
  }
  if (fact.status === 'unpublished') return sm(lang, 'searchUnpublished', { year: fact.edition.year });
  if (fact.status === 'not_labelled') return sm(lang, 'searchNotLabelled', { year: fact.edition.year, ord: ordinal(lang, fact.edition.number) });
  return sm(lang, 'searchUnknown');
}

/** The level card with its « Historique » and « Palmarès {année} » actions (levelCard.ts). */
export function levelCardWithActions(lang: Lang, item: SearchItemView): AdaptiveCard {
  return levelCard(lang, item.label, item.fact, item.code).card!;
}

type InvokeLike = { type?: string; name?: string; value?: unknown };

/**
 * The compose-box search command, by id; a query without one is taken too (the Agents Playground sends neither the
 * command id nor the parameter name unless typed in its search options).
 */
export const isTerritorySearch = async (context: { activity: InvokeLike }): Promise<boolean> => {
  const a = context.activity;
  if (a.type !== 'invoke' || a.name !== 'composeExtension/query') return false;
  const id = (a.value as { commandId?: unknown } | undefined)?.commandId;
  return id === undefined || id === null || id === '' || id === 'searchTerritory';
};

/** The text typed: the `queryText` parameter, else the first parameter with a text value (unnamed: the Playground). */
export function searchText(activity: InvokeLike, named: Record<string, unknown>): string {
  if (typeof named.queryText === 'string') return named.queryText;
  if (named.initialRun === 'true') return '';
  const parameters = (activity.value as { parameters?: { name?: unknown; value?: unknown }[] } | undefined)?.parameters ?? [];
  const first = parameters.find((p) => typeof p.value === 'string');
  return typeof first?.value === 'string' ? first.value : '';
}

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

/**
 * A search result list: each item's preview (thumbnail: name and level) and the card inserted when picked. `tap`:
 * a pick asks the bot for the card afresh (selectItem); without it Teams inserts the card as listed. The Agents
 * Playground refuses results whose preview has a tap (« tap action is not supported »), so local mode leaves it out.
 */
export function searchResult(lang: Lang, items: readonly SearchItemView[], options: { tap?: boolean } = {}) {
  return {
    type: 'result' as const,
    attachmentLayout: 'list' as const,
    attachments: items.map((item) => ({
      contentType: ADAPTIVE,
      content: levelCardWithActions(lang, item),
      preview: {
        contentType: 'application/vnd.microsoft.card.thumbnail',
        content: { title: item.label, text: levelSummary(lang, item.fact), ...(options.tap === false ? {} : { tap: { type: 'invoke', value: { code: item.code } } }) },
      },
    })),
  };
}

/** The card a picked result inserts; a text result when the territory is gone. */
export function selectedResult(lang: Lang, item: SearchItemView | null) {
  if (!item) return { type: 'message' as const, text: sm(lang, 'searchGone') };
  return { type: 'result' as const, attachmentLayout: 'list' as const, attachments: [{ contentType: ADAPTIVE, content: levelCardWithActions(lang, item) }] };
}
