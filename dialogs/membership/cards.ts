// Cards of the membership decisions, as plain Adaptive Card JSON: the claim a decider approves or refuses, the list of
// a territory's members, and the « continue in private » card of shared conversations.
import type { Lang } from '../../data/text.ts';
import { adaptiveCard, textBlock, type AdaptiveCard } from '../cards.ts';
import { mm } from './messages.ts';

export type MembershipAction = 'approve' | 'refuse' | 'revoke' | 'bind';

/** What a decision button puts in `activity.value` (no `key` property: the Agents Playground drops such submits). */
export type MembershipCardValue = { arobase: 'membership'; decision: MembershipAction; id: string };

export function membershipCardValue(value: unknown): MembershipCardValue | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (v.arobase !== 'membership' || typeof v.id !== 'string' || v.id.length > 64) return undefined;
  return v.decision === 'approve' || v.decision === 'refuse' || v.decision === 'revoke' || v.decision === 'bind'
    ? { arobase: 'membership', decision: v.decision, id: v.id }
    : undefined;
}

const button = (title: string, decision: MembershipAction, id: string, style?: string) =>
  ({ type: 'Action.Submit', title, data: { arobase: 'membership', decision, id } satisfies MembershipCardValue, ...(style ? { style } : {}) });

export type ClaimView = { id: string; name: string; tenantId: string | null; territory: string; claimedAt: string; canBind: boolean };

/** The claim with its claimant's name, Entra tenant and territory, and the decision buttons. */
export function claimCard(lang: Lang, claim: ClaimView): AdaptiveCard {
  const actions = [button(mm(lang, 'btnApprove'), 'approve', claim.id, 'positive'), button(mm(lang, 'btnRefuse'), 'refuse', claim.id, 'destructive')];
  if (claim.canBind && claim.tenantId) actions.push(button(mm(lang, 'btnBind'), 'bind', claim.id));
  return adaptiveCard([
    textBlock(mm(lang, 'cardTitle'), { weight: 'Bolder', size: 'Medium' }),
    textBlock(mm(lang, 'cardIntro', { name: claim.name, territory: claim.territory })),
    { type: 'FactSet', facts: [
      { title: mm(lang, 'factName'), value: claim.name },
      { title: mm(lang, 'factTenant'), value: claim.tenantId ?? mm(lang, 'noTenant') },
      { title: mm(lang, 'factTerritory'), value: claim.territory },
      { title: mm(lang, 'factDate'), value: claim.claimedAt },
    ] },
    { type: 'ActionSet', actions },
  ]);
}

export function claimText(lang: Lang, claim: ClaimView): string {
  return `${mm(lang, 'cardTitle')} — ${mm(lang, 'cardIntro', { name: claim.name, territory: claim.territory })} `
    + `${mm(lang, 'factTenant')} : ${claim.tenantId ?? mm(lang, 'noTenant')}.`;
}

export type MemberRow = { id: string; name: string; since: string; removable: boolean };

/** Approved members (with « Retirer » where the viewer may) and pending ones. */
export function membersCard(lang: Lang, territory: string, approved: MemberRow[], pending: MemberRow[]): AdaptiveCard {
  const rows = (list: MemberRow[]) => list.map((m) => ({
    type: 'ColumnSet', columns: [
      { type: 'Column', width: 'stretch', items: [textBlock(`${m.name} — ${m.since}`, { size: 'Small' })] },
      ...(m.removable ? [{ type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [button(mm(lang, 'btnRevoke'), 'revoke', m.id)] }] }] : []),
    ],
  }));
  return adaptiveCard([
    textBlock(mm(lang, 'membersTitle', { territory }), { weight: 'Bolder', size: 'Medium' }),
    ...(approved.length ? [textBlock(mm(lang, 'membersApproved'), { weight: 'Bolder' }), ...rows(approved)] : []),
    ...(pending.length ? [textBlock(mm(lang, 'membersPending'), { weight: 'Bolder' }), ...rows(pending)] : []),
  ]);
}

/** In a channel or group chat: nothing of the application, a button that opens the personal chat with the bot. */
export function personalOnlyCard(lang: Lang, botId: string, text = mm(lang, 'personalOnly')): AdaptiveCard {
  const url = `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(botId)}`;
  return adaptiveCard([textBlock(text)], [{ type: 'Action.OpenUrl', title: mm(lang, 'btnOpenPersonal'), url }]);
}
