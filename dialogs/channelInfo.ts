// Maps a Teams channel activity to the channel it happens in (data/channels.ts): ids, names, and a reference for a
// new post there. Shared by the bot's capture of channels and its tests.
import { TurnContext, type Activity } from 'botbuilder';
import type { ChannelInfo } from '../data/channels.ts';

type TeamsChannelData = { team?: { id?: string; name?: string }; channel?: { id?: string; name?: string }; tenant?: { id?: string }; eventType?: string };

export const channelDataOf = (activity: Partial<Activity>) => (activity.channelData ?? {}) as TeamsChannelData;

/** Null unless the activity comes from a team channel. The General channel has no name of its own in Teams. */
export function channelInfoFrom(activity: Partial<Activity>): ChannelInfo | null {
  if (activity.conversation?.conversationType !== 'channel') return null;
  const data = channelDataOf(activity);
  const teamId = data.team?.id;
  // A message in a thread is in « <channel>;messageid=<root> »: the channel itself is before the « ; ».
  const channelId = (data.channel?.id ?? activity.conversation.id)?.split(';')[0];
  // Teams ids are short (« 19:…@thread.tacv2 »): anything else is no channel of Teams.
  if (!teamId || !channelId || channelId.length > 256 || teamId.length > 256) return null;
  const reference = TurnContext.getConversationReference(activity);
  const toChannel = { ...JSON.parse(JSON.stringify(reference)), conversation: { ...reference.conversation, id: channelId } };
  delete toChannel.activityId;
  return {
    channelId, teamId, tenantId: data.tenant?.id ?? activity.conversation.tenantId,
    name: `${data.team?.name ?? 'Équipe'} › ${data.channel?.name ?? 'Général'}`,
    locale: activity.locale, reference: toChannel,
  };
}
