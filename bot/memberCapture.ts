// The member behind each activity, upserted (dialogs/memberInfo.ts maps the activity to the member's fields).
import type { Activity } from 'botbuilder';
import { touchMember } from '../data/members.ts';
import type { Member, PrismaClient } from '../data/generated/prisma/client.ts';
import { memberInfoFrom } from '../dialogs/memberInfo.ts';

/**
 * Upserts the member behind each activity, but skips the write when the same member sent the very same
 * information (conversation reference, locale…) to this process less than `ttlMs` ago: nothing would change
 * except lastSeenAt. A member's territory is always re-read where it matters ("ma commune").
 */
export function createMemberCapture(prisma: PrismaClient, ttlMs = 60_000, maxEntries = 20_000) {
  const recent = new Map<string, { fingerprint: string; at: number; member: Member }>();
  // A turn asks for its member more than once (before the routes, then the answer): one look-up per activity.
  const perActivity = new WeakMap<Activity, Promise<Member | null>>();
  const capture = (activity: Activity): Promise<Member | null> => {
    let member = perActivity.get(activity);
    if (!member) perActivity.set(activity, (member = lookUp(activity)));
    return member;
  };
  const lookUp = async (activity: Activity): Promise<Member | null> => {
    const from = activity.from;
    if (!from?.id || from.id === activity.recipient?.id) return null;
    // Everything the member row is made of, but the id of the message (new each time, meaningless for later sends).
    const fingerprint = JSON.stringify([from, activity.recipient, activity.conversation, activity.channelData?.tenant,
      activity.channelId, activity.serviceUrl, activity.locale]);
    const hit = recent.get(from.id);
    if (hit && hit.fingerprint === fingerprint && Date.now() - hit.at < ttlMs && hit.member.active) return hit.member;
    const info = memberInfoFrom(activity);
    if (!info) return null;
    const member = await touchMember(prisma, info);
    recent.delete(info.teamsUserId);
    recent.set(info.teamsUserId, { fingerprint, at: Date.now(), member });
    if (recent.size > maxEntries) recent.delete(recent.keys().next().value!);
    return member;
  };
  /** After a deactivation: the next activity must write again. */
  const forget = (teamsUserId: string) => void recent.delete(teamsUserId);
  return { capture, forget };
}
