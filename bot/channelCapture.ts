// Keeps the team channels arobase can post to (data/channels.ts) in step with Teams: the bot added to a team, a
// channel created, renamed or deleted, the bot removed or the team deleted, and any @mention in a channel.
import type { Activity } from 'botbuilder';
import type { PrismaClient } from '../data/generated/prisma/client.ts';
import { forgetChannel, forgetTeam, registerChannel } from '../data/channels.ts';
import { channelDataOf, channelInfoFrom } from '../dialogs/channelInfo.ts';

const KEEP_EVENTS = new Set(['channelCreated', 'channelRenamed', 'channelRestored', 'teamRenamed', 'teamRestored', 'teamUnarchived']);
const GONE_EVENTS = new Set(['teamDeleted', 'teamArchived', 'teamHardDeleted']);

export async function captureChannel(prisma: PrismaClient, activity: Partial<Activity>): Promise<void> {
  const info = channelInfoFrom(activity);
  if (!info) return;
  const event = channelDataOf(activity).eventType ?? '';
  const me = activity.recipient?.id;
  const botRemoved = (activity.membersRemoved ?? []).some((m) => m.id === me)
    || (activity.type === 'installationUpdate' && /^remove/.test(String(activity.action ?? '')));
  if (botRemoved || GONE_EVENTS.has(event)) return void (await forgetTeam(prisma, info.teamId));
  if (event === 'channelDeleted') return void (await forgetChannel(prisma, info.channelId));
  const botAdded = (activity.membersAdded ?? []).some((m) => m.id === me) || activity.type === 'installationUpdate';
  if (activity.type === 'message' || botAdded || KEEP_EVENTS.has(event)) await registerChannel(prisma, info);
}
