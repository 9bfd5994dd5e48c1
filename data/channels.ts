// Team channels as announcement recipients (#19): one Member row of kind `channel` per channel arobase was added
// to or @mentioned in, holding the reference to post a new message there. Never subscribed by themselves: an admin
// chooses them for each announcement, and the outbox then treats them as any recipient (pace, status, once each).
import { Prisma, type Member, type PrismaClient } from './generated/prisma/client.ts';

export type ChannelInfo = {
  /** The channel's own id (a conversation id without « ;messageid=… »). */
  channelId: string;
  teamId: string;
  tenantId?: string;
  /** « Équipe › Canal ». */
  name: string;
  locale?: string;
  /** Conversation reference to the channel itself (a new post, not a reply in a thread). */
  reference: unknown;
};

export const channelKey = (channelId: string) => `channel:${channelId}`;

/** A channel's name as a checkbox shows it: no control or direction characters, no markup, one line, 200 at most. */
export function cleanChannelName(name: string): string {
  return name.replace(/<[^>]*>/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ').trim().slice(0, 200);
}

/**
 * Records (or refreshes) a channel. A channel already known in another tenant is left as it is: an event cannot move
 * it, and with it where announcements go.
 */
export async function registerChannel(prisma: PrismaClient, c: ChannelInfo): Promise<Member | null> {
  const key = channelKey(c.channelId);
  const known = await prisma.member.findUnique({ where: { teamsUserId: key } });
  if (known && known.tenantId && c.tenantId && known.tenantId !== c.tenantId) return null;
  const fields = {
    name: cleanChannelName(c.name), teamId: c.teamId, tenantId: c.tenantId, conversationId: c.channelId,
    conversationReference: c.reference as object, active: true, lastSeenAt: new Date(),
    ...(c.locale ? { locale: c.locale } : {}),
  };
  return prisma.member.upsert({
    where: { teamsUserId: key },
    create: { teamsUserId: key, kind: 'channel', subscribed: false, ...fields },
    update: fields,
  });
}

/** The bot removed from a team (or the team deleted): none of its channels can be posted to any more. */
export async function forgetTeam(prisma: PrismaClient, teamId: string): Promise<number> {
  return (await prisma.member.updateMany({ where: { kind: 'channel', teamId }, data: { active: false } })).count;
}

export async function forgetChannel(prisma: PrismaClient, channelId: string): Promise<number> {
  return (await prisma.member.updateMany({ where: { teamsUserId: channelKey(channelId) }, data: { active: false } })).count;
}

/** Channels an admin can choose, by name (at most `limit`: a card cannot list hundreds). */
export async function listChannels(prisma: PrismaClient, limit = 50): Promise<{ id: string; name: string }[]> {
  const rows = await prisma.member.findMany({
    where: { kind: 'channel', active: true }, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: limit,
  });
  return rows.map((r) => ({ id: r.id, name: r.name ?? r.id }));
}

/** The ids among `ids` that are active channels (ids come from a card: checked, never trusted). */
export async function activeChannelIds(prisma: Pick<PrismaClient, 'member'>, ids: readonly unknown[] | undefined): Promise<string[]> {
  const wanted = [...new Set((ids ?? []).filter((id): id is string => typeof id === 'string' && id.length <= 64))].slice(0, 500);
  if (!wanted.length) return [];
  const rows = await prisma.member.findMany({
    where: { id: { in: wanted }, kind: 'channel', active: true, NOT: { conversationReference: { equals: Prisma.DbNull } } }, select: { id: true },
  });
  return rows.map((r) => r.id);
}
