// Members of the network: whoever talks to arobase in Teams. Upserted on install and on every message.
import type { Prisma, PrismaClient, Member } from './generated/prisma/client.ts';

export type MemberInfo = {
  teamsUserId: string;
  aadObjectId?: string;
  tenantId?: string;
  name?: string;
  conversationId?: string;
  /** botbuilder ConversationReference, stored as JSON for proactive messages. */
  conversationReference?: Prisma.InputJsonValue;
  locale?: string;
};

type Db = PrismaClient | Prisma.TransactionClient;

/** Creates or refreshes a member and marks it active (an app re-installed after removal counts again). */
export async function touchMember(prisma: Db, info: MemberInfo, now: () => Date = () => new Date()): Promise<Member> {
  const data = {
    aadObjectId: info.aadObjectId || undefined,
    tenantId: info.tenantId || undefined,
    name: info.name || undefined,
    conversationId: info.conversationId || undefined,
    conversationReference: info.conversationReference,
    locale: info.locale || undefined,
    active: true,
    lastSeenAt: now(),
  };
  return prisma.member.upsert({
    where: { teamsUserId: info.teamsUserId },
    create: { teamsUserId: info.teamsUserId, ...data },
    update: data,
  });
}

export function findMember(prisma: Db, teamsUserId: string): Promise<Member | null> {
  return prisma.member.findUnique({ where: { teamsUserId } });
}

export function setMemberTerritory(prisma: Db, memberId: string, territoryCode: string): Promise<Member> {
  return prisma.member.update({ where: { id: memberId }, data: { territoryCode } });
}

/** The app was removed or the conversation is gone: no more proactive messages. */
export async function deactivateMember(prisma: Db, where: { teamsUserId?: string; id?: string }): Promise<void> {
  await prisma.member.updateMany({ where, data: { active: false } });
}

/** ADMIN_IDS holds Teams user ids (29:…) or Entra object ids. */
export function isAdmin(adminIds: readonly string[], who: { teamsUserId?: string | null; aadObjectId?: string | null }): boolean {
  return adminIds.some((id) => id === who.teamsUserId || (!!who.aadObjectId && id === who.aadObjectId));
}
