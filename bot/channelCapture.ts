// Keeps the team channels arobase can post to (data/channels.ts) in step with Teams: the bot added to a team, a
// channel created, renamed or deleted, the bot removed or the team deleted, and any @mention in a channel.
import { TeamsInfo, type Activity, type TurnContext } from 'botbuilder';
import type { PrismaClient } from '../data/generated/prisma/client.ts';
import { forgetChannel, forgetTeam, registerChannel } from '../data/channels.ts';
import { channelDataOf, channelInfoFrom } from '../dialogs/channelInfo.ts';

const KEEP_EVENTS = new Set(['channelCreated', 'channelRenamed', 'channelRestored', 'teamRenamed']);
/** A team back from the archive or the bin: its channels are listed again (those deleted meanwhile stay away). */
const BACK_EVENTS = new Set(['teamRestored', 'teamUnarchived']);
const GONE_EVENTS = new Set(['teamDeleted', 'teamArchived', 'teamHardDeleted']);

export async function captureChannel(prisma: PrismaClient, context: TurnContext): Promise<void> {
  const activity: Partial<Activity> = context.activity;
  const info = channelInfoFrom(activity);
  if (!info) return;
  const event = channelDataOf(activity).eventType ?? '';
  const me = activity.recipient?.id;
  const botRemoved = (activity.membersRemoved ?? []).some((m) => m.id === me)
    || (activity.type === 'installationUpdate' && /^remove/.test(String(activity.action ?? '')));
  if (botRemoved || GONE_EVENTS.has(event)) return void (await forgetTeam(prisma, info.teamId));
  if (event === 'channelDeleted') return void (await forgetChannel(prisma, info.channelId));
  if (BACK_EVENTS.has(event)) await captureTeamChannels(prisma, context).catch(() => 0);
  const botAdded = (activity.membersAdded ?? []).some((m) => m.id === me) || activity.type === 'installationUpdate';
  if (activity.type === 'message' || botAdded || KEEP_EVENTS.has(event) || BACK_EVENTS.has(event)) await registerChannel(prisma, info);
}

/**
 * The bot added to a team: every channel the team has (Teams lists them), not only the one it was added from.
 * A failure (the list refused, the network) leaves the channel of the event, recorded by captureChannel.
 */
export async function captureTeamChannels(prisma: PrismaClient, context: TurnContext): Promise<number> {
  const info = channelInfoFrom(context.activity);
  if (!info) return 0;
  const team = channelDataOf(context.activity).team?.name ?? 'Équipe';
  const channels = (await TeamsInfo.getTeamChannels(context, info.teamId)).slice(0, 200);
  const reference = info.reference as { conversation: object };
  for (const c of channels) {
    if (typeof c.id !== 'string' || !c.id || c.id.length > 256) continue;
    await registerChannel(prisma, { ...info, channelId: c.id, name: `${team} › ${c.name ?? 'Général'}`, reference: { ...reference, conversation: { ...reference.conversation, id: c.id } } });
  }
  return channels.length;
}
