// What the application dialogs need, and per-turn helpers: who is talking, in which language, what they sent.
import type { TurnContext } from 'botbuilder';
import type { PrismaClient, Member } from '../../data/generated/prisma/client.ts';
import type { Registry } from '../../data/territories/registry.ts';
import type { Resolution } from '../../data/territories/index.ts';
import { findMember, touchMember } from '../../data/members.ts';
import { actorOf, ApplicationRepository, type Actor } from '../../data/applications/index.ts';
import { approvedTerritories } from '../../data/membership.ts';
import type { AuditLog, MembershipConversation } from '../membership/index.ts';
import { langOf, type Lang } from '../../data/text.ts';
import { memberInfoFrom } from '../memberInfo.ts';
import { applicationCardValue, type ApplicationCardValue } from './cards/question.ts';

export type ApplicationServices = {
  prisma: PrismaClient;
  registry: Registry;
  adminIds: readonly string[];
  resolveTerritory: (query: string) => Promise<Resolution>;
  /** The edition open for applications. */
  edition: number;
  now: () => Date;
  repo: ApplicationRepository;
  membership: MembershipConversation;
  log?: AuditLog;
};

export const langOfTurn = (context: TurnContext): Lang => langOf(context.activity.locale);

/** The member talking, created on first contact (the app's install hook may not have run, e.g. in the chat CLI). */
export async function memberOf(context: TurnContext, s: ApplicationServices): Promise<Member> {
  const from = context.activity.from;
  const existing = await findMember(s.prisma, from.id);
  if (existing) return existing;
  return touchMember(s.prisma, memberInfoFrom(context.activity) ?? { teamsUserId: from.id, name: from.name, locale: context.activity.locale });
}

export async function actorOfTurn(context: TurnContext, s: ApplicationServices): Promise<{ member: Member; actor: Actor }> {
  const member = await memberOf(context, s);
  return { member, actor: actorOf(member, s.adminIds, await approvedTerritories(s.prisma, member.id)) };
}

export type TurnInput = { text?: string; card?: ApplicationCardValue };

export function inputOf(context: TurnContext): TurnInput {
  const card = applicationCardValue(context.activity.value);
  const text = typeof context.activity.text === 'string' ? context.activity.text : undefined;
  return { text: card ? undefined : text, card };
}

export function territoryLabel(s: ApplicationServices, code: string): string {
  return s.registry.get(code)?.name ?? code;
}

export const say = (context: TurnContext, text: string) => context.sendActivity({ type: 'message', text });
