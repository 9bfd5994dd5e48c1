// The level card's Universal Actions (#19): « Historique », « Palmarès {année} », and back to the level. They can
// come from a card inserted by the compose-box search in a chat the bot is not part of: each answer is a card that
// replaces the level card for the person who clicked, with a way back; nothing is remembered.
import type { AdaptiveCard } from '../dialogs/cards.ts';
import type { Lang } from './i18n/locale.ts';
import { sm } from './i18n/surfaceMessages.ts';
import { levelCardWithActions } from './cards/searchResults.ts';
import type { LabelConversation } from './labelConversation.ts';
import type { TerritorySearch } from './territorySearch.ts';

export const LEVEL_VERBS = ['levelHistory', 'levelPalmares', 'levelShow'] as const;
export type LevelVerb = (typeof LEVEL_VERBS)[number];

const asCode = (v: unknown) => (typeof v === 'string' && v.length <= 20 ? v : undefined);
const asEdition = (v: unknown) => (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 200 ? (v as number) : undefined);

export function createLevelActions(label: LabelConversation, search: TerritorySearch) {
  /** The card for a click: data from the client is checked (a code of the registry, an edition number). */
  return async function levelAction(verb: LevelVerb, data: { code?: unknown; edition?: unknown }, lang: Lang): Promise<AdaptiveCard | string> {
    const item = await search.item(asCode(data.code));
    if (!item) return sm(lang, 'searchGone');
    if (verb === 'levelShow') return levelCardWithActions(lang, item);
    const session = { lang, memory: {}, member: null };
    const edition = asEdition(data.edition);
    if (verb === 'levelPalmares' && !edition) return sm(lang, 'editionUnknown');
    const replies = verb === 'levelHistory'
      ? await label.handle({ name: 'history', code: item.code }, session)
      : await label.answerPalmares({ edition: edition! }, session);
    const card = replies.find((r) => r.card)?.card;
    if (!card) return replies[0]?.text ?? sm(lang, 'searchGone');
    // Its own buttons (pages, homonyms) are Action.Submit, which only reach the bot in its own chats: replaced by the way back.
    return { ...card, actions: [{ type: 'Action.Execute', title: sm(lang, 'btnBack'), verb: 'levelShow', data: { code: item.code } }] };
  };
}
