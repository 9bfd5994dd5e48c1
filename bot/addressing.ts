// In a group chat or a channel arobase speaks only when spoken to: a typed message must @mention it. Teams
// delivers unmentioned messages to bots that hold the chat's read permission (RSC); people talking among themselves
// about their town's label must not get answers, typing dots or a « pas compris » card.
import type { Activity } from 'botbuilder';
import { isSharedActivity } from '../dialogs/application/personalOnly.ts';

type Mention = { type?: string; mentioned?: { id?: string } };

/** A Teams bot id is `28:<app id>`; a mention may carry either form. */
const bare = (id: string | undefined) => (id ?? '').replace(/^28:/, '');

/** True when the bot is @mentioned in the activity. */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const me = bare(activity.recipient?.id);
  return !!me && ((activity.entities ?? []) as Mention[]).some((e) => e.type === 'mention' && bare(e.mentioned?.id) === me);
}

/**
 * Whether the bot should take this activity. Only typed messages in shared conversations are filtered: a card
 * button (`value`), an invoke, a conversation update are addressed to the bot by construction.
 */
export function addressedToBot(activity: Partial<Activity>): boolean {
  if (activity.type !== 'message' || activity.value !== undefined || !isSharedActivity(activity)) return true;
  return mentionsBot(activity);
}
