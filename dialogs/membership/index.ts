// Membership in a conversation: records claims and sends them to those who may decide, handles the decision buttons
// and the commands « demandes », « membres [code] », « lier tenant <id> <code> », « délier tenant <id> ».
import type { Activity, TurnContext } from 'botbuilder';
import type { Member, Membership, PrismaClient } from '../../data/generated/prisma/client.ts';
import {
  bindTenant, claimTerritory, decideMembership, decidersOf, membershipsOf, pendingClaimsFor, pendingClaimOf, unbindTenant,
  isApprovedFor, sharedTenants, type Decider,
} from '../../data/membership.ts';
import { isAdmin } from '../../data/members.ts';
import type { Registry } from '../../data/territories/registry.ts';
import { formatDay, langOf, type Lang } from '../../data/text.ts';
import { cardActivity } from '../cardActivity.ts';
import { claimCard, claimText, membersCard, membershipCardValue, type ClaimView } from './cards.ts';
import { membershipCommandOf } from './commands.ts';
import { mm } from './messages.ts';

/** Sends a proactive message to a member (their stored conversation); false when they cannot be reached. */
export type Notify = (member: Member, activity: Partial<Activity>) => Promise<boolean>;
/** Warnings without personal data: no names, ids or e-mails, only what happened and the territory's public code. */
export type AuditLog = (fields: Record<string, string | number>, message: string) => void;

export type MembershipDeps = {
  prisma: PrismaClient;
  registry: Registry;
  adminIds: readonly string[];
  now: () => Date;
  notify?: Notify;
  log?: AuditLog;
  /** MEMBERSHIP_SHARED_TENANTS: tenants of several organisations, never bound to a territory. */
  sharedTenants?: readonly string[];
};

export type ClaimOutcome = { approved: boolean; text: string };

export function createMembership(deps: MembershipDeps) {
  const { prisma, registry } = deps;
  const nameOf = (code: string) => registry.get(code)?.name ?? code;
  const deciderOf = (context: TurnContext): Decider => ({
    teamsUserId: context.activity.from.id, admin: isAdmin(deps.adminIds, { teamsUserId: context.activity.from.id, aadObjectId: context.activity.from.aadObjectId }),
  });
  const say = (context: TurnContext, text: string) => context.sendActivity({ type: 'message', text });
  const reply = async (context: TurnContext, text: string): Promise<true> => ((await say(context, text)), true);
  const tell = async (member: Member, text: string) => (deps.notify ? deps.notify(member, { type: 'message', text }).catch(() => false) : false);

  function view(lang: Lang, m: Membership & { member: Member }, canBind: boolean): ClaimView {
    return { id: m.id, name: m.member.name ?? '?', tenantId: m.member.tenantId, territory: `${nameOf(m.territoryCode)} (${m.territoryCode})`, claimedAt: formatDay(lang, m.claimedAt), canBind };
  }
  const claimActivity = (lang: Lang, m: Membership & { member: Member }, canBind: boolean) =>
    cardActivity(claimCard(lang, view(lang, m, canBind)), claimText(lang, view(lang, m, canBind)));

  /** The new claim's card to every admin and approved member of the territory who can be reached: how many were. */
  async function sendToDeciders(m: Membership & { member: Member }): Promise<number> {
    if (!deps.notify) return 0;
    const notify = deps.notify;
    const deciders = await decidersOf(prisma, deps.adminIds, m.territoryCode, m.memberId);
    const sent = await Promise.all(deciders.map((d) => notify(d, claimActivity(langOf(d.locale), m, isAdmin(deps.adminIds, d))).catch(() => false)));
    return sent.filter(Boolean).length;
  }

  /** « ma commune est X » or the walkthrough's territory answer: a claim, and what to tell the claimant. */
  async function claim(member: Member, code: string, lang: Lang): Promise<ClaimOutcome> {
    const territory = nameOf(code);
    const r = await claimTerritory(prisma, member, code, deps.now);
    if (r.status === 'approved') return { approved: true, text: r.via === 'tenant' ? mm(lang, 'claimTenant', { territory }) : '' };
    if (!r.isNew) return { approved: false, text: mm(lang, 'claimWaiting', { territory, date: formatDay(lang, r.membership.claimedAt) }) };
    const reached = await sendToDeciders({ ...r.membership, member });
    return { approved: false, text: mm(lang, 'claimPending', { territory }) + (reached ? '' : ` ${mm(lang, 'claimNobody')}`) };
  }

  /** What to say to a member with no approved membership who asks for the application, if they have a pending claim. */
  async function waiting(member: Member, lang: Lang): Promise<string | undefined> {
    const pending = await pendingClaimOf(prisma, member.id);
    return pending ? mm(lang, 'claimWaiting', { territory: nameOf(pending.territoryCode), date: formatDay(lang, pending.claimedAt) }) : undefined;
  }

  async function decide(context: TurnContext, lang: Lang, decision: 'approve' | 'refuse' | 'revoke' | 'bind', id: string): Promise<void> {
    const decider = deciderOf(context);
    if (decision === 'bind') return bind(context, lang, decider, id);
    const r = await decideMembership(prisma, decider, id, decision, deps.now);
    if (r.status === 'not_found') return void (await say(context, mm(lang, 'notFound')));
    if (r.status === 'forbidden') {
      deps.log?.({ event: 'membership_decision_refused', decision }, 'membership decision refused');
      return void (await say(context, mm(lang, 'forbidden')));
    }
    const vars = { name: r.member.name ?? '?', territory: nameOf(r.membership.territoryCode) };
    if (r.status === 'stale') return void (await say(context, mm(lang, 'stale', { status: mm(lang, `status_${r.membership.status}`) })));
    await say(context, mm(lang, decision === 'approve' ? 'approved' : decision === 'refuse' ? 'refused' : 'revoked', vars));
    const to = langOf(r.member.locale);
    await tell(r.member, mm(to, decision === 'approve' ? 'toClaimantApproved' : decision === 'refuse' ? 'toClaimantRefused' : 'toClaimantRevoked', { territory: vars.territory }));
  }

  /** A non-admin asked to bind or unbind a tenant (by card or command): refused and logged. */
  async function refuseBinding(context: TurnContext, lang: Lang): Promise<true> {
    deps.log?.({ event: 'tenant_binding_refused' }, 'tenant binding refused');
    return reply(context, mm(lang, 'adminOnly'));
  }

  async function bind(context: TurnContext, lang: Lang, decider: Decider, id: string): Promise<void> {
    if (!decider.admin) return void (await refuseBinding(context, lang));
    const row = await prisma.membership.findUnique({ where: { id }, include: { member: true } });
    if (!row?.member.tenantId) return void (await say(context, mm(lang, 'notFound')));
    await bindAndReport(context, lang, decider, row.member.tenantId, row.territoryCode);
  }

  async function bindAndReport(context: TurnContext, lang: Lang, decider: Decider, tenantId: string, code: string): Promise<void> {
    const territory = nameOf(code);
    const r = await bindTenant(prisma, decider, tenantId, code, deps.now, sharedTenants(deps.sharedTenants));
    if (r.status === 'forbidden') return void (await say(context, mm(lang, 'adminOnly')));
    if (r.status === 'shared') {
      const reason = mm(lang, `shared_${r.reason}`, { other: r.other ? `${nameOf(r.other)} (${r.other})` : '' });
      return void (await say(context, mm(lang, 'bindRefused', { territory, reason })));
    }
    await say(context, mm(lang, 'bound', { tenant: tenantId.toLowerCase(), territory, n: r.approved.length }));
    for (const m of r.approved) await tell(m.member, mm(langOf(m.member.locale), 'toClaimantApproved', { territory }));
  }

  /** The decision buttons and the typed commands; false when the turn is about something else. */
  async function handle(context: TurnContext): Promise<boolean> {
    const lang = langOf(context.activity.locale);
    const card = membershipCardValue(context.activity.value);
    if (card) {
      await decide(context, lang, card.decision, card.id);
      return true;
    }
    if (context.activity.value !== undefined && context.activity.value !== null) return false;
    const command = membershipCommandOf(typeof context.activity.text === 'string' ? context.activity.text : undefined);
    if (!command) return false;
    const decider = deciderOf(context);
    switch (command.kind) {
      case 'pending': {
        const list = await pendingClaimsFor(prisma, decider, 10);
        if (!list.length) return reply(context, mm(lang, 'pendingNone'));
        await say(context, mm(lang, 'pendingCount', { n: list.length }));
        for (const m of list) await context.sendActivity(claimActivity(lang, m, decider.admin));
        return true;
      }
      case 'members': return members(context, lang, decider, command.code);
      case 'bind':
      case 'unbind': {
        if (!decider.admin) return refuseBinding(context, lang);
        if (command.kind === 'unbind') {
          const done = await unbindTenant(prisma, decider, command.tenantId);
          return reply(context, done ? mm(lang, 'unbound', { tenant: command.tenantId }) : mm(lang, 'notBound'));
        }
        if (!registry.get(command.code)) return reply(context, mm(lang, 'unknownTerritory', { code: command.code }));
        await bindAndReport(context, lang, decider, command.tenantId, command.code);
        return true;
      }
    }
  }

  async function members(context: TurnContext, lang: Lang, decider: Decider, asked: string | undefined): Promise<boolean> {
    const self = await prisma.member.findUnique({ where: { teamsUserId: decider.teamsUserId } });
    const code = asked ?? self?.territoryCode ?? undefined;
    if (!code || !registry.get(code)) return reply(context, mm(lang, code ? 'unknownTerritory' : 'membersOnlyYours', { code: code ?? '' }));
    if (!decider.admin && !(await isApprovedFor(prisma, decider.teamsUserId, code))) {
      deps.log?.({ event: 'members_list_refused', territory: code }, 'members list refused');
      return reply(context, mm(lang, 'membersOnlyYours'));
    }
    const rows = await membershipsOf(prisma, code);
    const territory = nameOf(code);
    if (!rows.length) return reply(context, mm(lang, 'membersNone', { territory }));
    const row = (m: (typeof rows)[number]) => ({
      id: m.id, name: m.member.name ?? '?', since: formatDay(lang, m.decidedAt ?? m.claimedAt), removable: m.status === 'approved' && m.member.teamsUserId !== decider.teamsUserId,
    });
    const approved = rows.filter((m) => m.status === 'approved').map(row);
    const pending = rows.filter((m) => m.status === 'pending').map(row);
    const text = [mm(lang, 'membersTitle', { territory }), ...approved.map((m) => `✔ ${m.name}`), ...pending.map((m) => `… ${m.name}`)].join('\n');
    await context.sendActivity(cardActivity(membersCard(lang, territory, approved, pending), text));
    // Pending claims come with their decision buttons.
    for (const m of rows.filter((r) => r.status === 'pending')) await context.sendActivity(claimActivity(lang, m, decider.admin));
    return true;
  }

  return { claim, waiting, handle };
}

export type MembershipConversation = ReturnType<typeof createMembership>;
