// Application content only in personal chat: in a channel or a group chat the bot points to the private chat.
import type { Activity, TurnContext } from 'botbuilder';
import { langOf, type Lang } from '../../data/text.ts';
import { cardActivity } from '../cardActivity.ts';
import { mm } from '../membership/messages.ts';
import { personalOnlyCard } from '../membership/cards.ts';

/** Teams says `personal`, `groupChat` or `channel`; a client that says nothing (emulator, tests) is one-to-one. */
export function isSharedActivity(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' || activity.conversation?.isGroup === true;
}

export const isSharedConversation = (context: TurnContext): boolean => isSharedActivity(context.activity);

/** The answer that points to the personal chat; `text`: what is done there (default: the application). */
export function personalOnlyActivity(context: TurnContext, text?: (lang: Lang) => string): Partial<Activity> {
  const lang = langOf(context.activity.locale);
  const said = text ? text(lang) : mm(lang, 'personalOnly');
  // The bot's own id in Teams is 28:<app id>: the deep link opens the one-to-one chat with it.
  return cardActivity(personalOnlyCard(lang, context.activity.recipient?.id ?? '', said), said);
}
