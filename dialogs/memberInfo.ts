// Maps a Teams activity to the member it comes from (ids, tenant, locale, conversation reference for proactive sends):
// shared by the walkthrough and bot/memberCapture.ts.
import { TurnContext, type Activity } from 'botbuilder';
import type { MemberInfo } from '../data/members.ts';

export function memberInfoFrom(activity: Activity): MemberInfo | null {
  const from = activity.from;
  if (!from?.id || from.id === activity.recipient?.id) return null;
  const tenantId = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation?.tenantId;
  // Proactive messages go to the member's personal chat with the bot; a team channel is not theirs alone.
  const personal = !activity.conversation?.conversationType || activity.conversation.conversationType === 'personal';
  const reference = TurnContext.getConversationReference(activity);
  return {
    teamsUserId: from.id,
    aadObjectId: from.aadObjectId,
    tenantId,
    name: from.name,
    locale: activity.locale,
    ...(personal ? { conversationId: activity.conversation?.id, conversationReference: JSON.parse(JSON.stringify(reference)) } : {}),
  };
}
