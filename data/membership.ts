// Who may act for a territory. Saying « ma commune est X » or answering the walkthrough's territory question records
// a *claim*; only an approved membership opens the territory's application. Approval comes from an association admin,
// from an already approved member of the territory, or automatically for a claimant whose Entra tenant an admin bound
// to that territory. Every claim and decision keeps who and when. Plain TypeScript: a test or a CLI calls it as is.
import type { Member, Membership, Prisma, PrismaClient } from './generated/prisma/client.ts';

type Db = PrismaClient | Prisma.TransactionClient;

/** Whoever decides: a Teams user id, and whether they are an association admin (ADMIN_IDS). */
export type Decider = { teamsUserId: string; admin: boolean };
export type Decision = 'approve' | 'refuse' | 'revoke';

/**
 * Tenants that hold many organisations: never bound to a territory. 9188040d… is Microsoft's tenant for personal
 * (consumer) accounts; MEMBERSHIP_SHARED_TENANTS adds others (a mutualised IT syndicate's tenant, say): sharedTenants().
 */
export const CONSUMER_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';

export type ClaimResult =
  | { status: 'pending'; membership: Membership; isNew: boolean }
  | { status: 'approved'; membership: Membership; via: 'tenant' | 'existing' };

/** Records a claim (or finds the one already there). A tenant bound to this very territory approves it at once. */
export async function claimTerritory(prisma: PrismaClient, member: Pick<Member, 'id' | 'tenantId'>, territoryCode: string,
  now: () => Date = () => new Date()): Promise<ClaimResult> {
  const where = { memberId_territoryCode: { memberId: member.id, territoryCode } };
  const existing = await prisma.membership.findUnique({ where });
  if (existing?.status === 'approved') return { status: 'approved', membership: existing, via: 'existing' };
  if (existing?.status === 'pending') return { status: 'pending', membership: existing, isNew: false };
  const binding = member.tenantId ? await prisma.tenantBinding.findUnique({ where: { tenantId: member.tenantId.toLowerCase() } }) : null;
  const auto = binding?.territoryCode === territoryCode;
  const at = now();
  const data = auto
    ? { status: 'approved' as const, claimedAt: at, decidedBy: `tenant:${binding!.tenantId}`, decidedVia: 'tenant', decidedAt: at }
    : { status: 'pending' as const, claimedAt: at, decidedBy: null, decidedVia: null, decidedAt: null };
  // A refused or revoked claim can be made again: it goes back to the deciders.
  const membership = await prisma.membership.upsert({ where, create: { memberId: member.id, territoryCode, ...data }, update: data });
  return auto ? { status: 'approved', membership, via: 'tenant' } : { status: 'pending', membership, isNew: true };
}

/** The territories the member may act for (approved memberships), oldest first. */
export async function approvedTerritories(prisma: Db, memberId: string): Promise<string[]> {
  const rows = await prisma.membership.findMany({ where: { memberId, status: 'approved' }, orderBy: { decidedAt: 'asc' }, select: { territoryCode: true } });
  return rows.map((r) => r.territoryCode);
}

export async function isApprovedFor(prisma: Db, teamsUserId: string, territoryCode: string): Promise<boolean> {
  const n = await prisma.membership.count({ where: { territoryCode, status: 'approved', member: { teamsUserId } } });
  return n > 0;
}

/** The member's latest claim still waiting for a decision, if any. */
export function pendingClaimOf(prisma: Db, memberId: string): Promise<Membership | null> {
  return prisma.membership.findFirst({ where: { memberId, status: 'pending' }, orderBy: { claimedAt: 'desc' } });
}

/**
 * Admins decide everywhere; an approved member decides for their own territory. A claimant never approves their
 * own claim: not yet approved for that territory, they are not one of its members.
 */
export async function mayDecide(prisma: Db, decider: Decider, membership: Pick<Membership, 'territoryCode'>): Promise<boolean> {
  return decider.admin || isApprovedFor(prisma, decider.teamsUserId, membership.territoryCode);
}

export type DecideResult =
  | { status: 'ok'; membership: Membership; member: Member }
  /** Someone decided first (or the claim is no longer in a state this decision applies to). */
  | { status: 'stale'; membership: Membership; member: Member }
  | { status: 'forbidden' }
  | { status: 'not_found' };

const FROM: Record<Decision, Membership['status'][]> = { approve: ['pending', 'refused'], refuse: ['pending'], revoke: ['approved'] };
const TO: Record<Decision, Membership['status']> = { approve: 'approved', refuse: 'refused', revoke: 'revoked' };

/** Approves, refuses or revokes a membership; the write names the status it was based on, so two deciders never both win. */
export async function decideMembership(prisma: PrismaClient, decider: Decider, membershipId: string, decision: Decision,
  now: () => Date = () => new Date()): Promise<DecideResult> {
  const row = await prisma.membership.findUnique({ where: { id: membershipId }, include: { member: true } });
  if (!row) return { status: 'not_found' };
  if (!(await mayDecide(prisma, decider, row))) return { status: 'forbidden' };
  const { member, ...membership } = row;
  if (!FROM[decision].includes(membership.status)) return { status: 'stale', membership, member };
  const updated = await prisma.membership.updateMany({
    where: { id: membershipId, status: { in: FROM[decision] } },
    data: { status: TO[decision], decidedBy: decider.teamsUserId, decidedVia: decider.admin ? 'admin' : 'member', decidedAt: now() },
  });
  const fresh = await prisma.membership.findUniqueOrThrow({ where: { id: membershipId } });
  return { status: updated.count === 1 ? 'ok' : 'stale', membership: fresh, member };
}

export type BindResult =
  | { status: 'ok'; approved: (Membership & { member: Member })[] }
  | { status: 'shared'; reason: 'consumer' | 'listed' | 'bound_elsewhere' | 'members_elsewhere'; other?: string }
  | { status: 'forbidden' };

/** The tenants never bound: Microsoft's consumer tenant and those configured (MEMBERSHIP_SHARED_TENANTS). */
export function sharedTenants(listed: readonly string[] = []): Set<string> {
  return new Set([CONSUMER_TENANT, ...listed.map((s) => s.trim().toLowerCase()).filter(Boolean)]);
}

/**
 * An admin binds an Entra tenant to one territory: its pending claimants for that territory are approved now, later
 * ones at once. Refused for a tenant that holds many organisations: a listed or consumer tenant, a tenant already
 * bound elsewhere, or one whose members are already approved for another territory.
 */
export async function bindTenant(prisma: PrismaClient, decider: Decider, tenantId: string, territoryCode: string,
  now: () => Date = () => new Date(), shared = sharedTenants()): Promise<BindResult> {
  if (!decider.admin) return { status: 'forbidden' };
  const tenant = tenantId.trim().toLowerCase();
  if (tenant === CONSUMER_TENANT) return { status: 'shared', reason: 'consumer' };
  if (shared.has(tenant)) return { status: 'shared', reason: 'listed' };
  const bound = await prisma.tenantBinding.findUnique({ where: { tenantId: tenant } });
  if (bound && bound.territoryCode !== territoryCode) return { status: 'shared', reason: 'bound_elsewhere', other: bound.territoryCode };
  const elsewhere = await prisma.membership.findFirst({
    where: { status: 'approved', territoryCode: { not: territoryCode }, member: { tenantId: { equals: tenant, mode: 'insensitive' } } },
  });
  if (elsewhere) return { status: 'shared', reason: 'members_elsewhere', other: elsewhere.territoryCode };
  await prisma.tenantBinding.upsert({ where: { tenantId: tenant }, create: { tenantId: tenant, territoryCode, createdBy: decider.teamsUserId }, update: {} });
  const waiting = await prisma.membership.findMany({
    where: { territoryCode, status: 'pending', member: { tenantId: { equals: tenant, mode: 'insensitive' } } }, include: { member: true },
  });
  const at = now();
  await prisma.membership.updateMany({
    where: { id: { in: waiting.map((w) => w.id) }, status: 'pending' },
    data: { status: 'approved', decidedBy: `tenant:${tenant}`, decidedVia: 'tenant', decidedAt: at },
  });
  return { status: 'ok', approved: waiting };
}

export async function unbindTenant(prisma: PrismaClient, decider: Decider, tenantId: string): Promise<boolean> {
  if (!decider.admin) return false;
  return (await prisma.tenantBinding.deleteMany({ where: { tenantId: tenantId.trim().toLowerCase() } })).count > 0;
}

/** Pending claims this decider may decide: all of them for an admin, their territories' for an approved member. */
export async function pendingClaimsFor(prisma: PrismaClient, decider: Decider, take = 20) {
  const self = await prisma.member.findUnique({ where: { teamsUserId: decider.teamsUserId }, select: { id: true } });
  const mine = decider.admin || !self ? undefined : await approvedTerritories(prisma, self.id);
  return prisma.membership.findMany({
    where: { status: 'pending', ...(mine ? { territoryCode: { in: mine }, memberId: { not: self!.id } } : {}) },
    include: { member: true }, orderBy: { claimedAt: 'asc' }, take,
  });
}

/** The territory's memberships that are pending or approved, for the members list. */
export function membershipsOf(prisma: PrismaClient, territoryCode: string) {
  return prisma.membership.findMany({
    where: { territoryCode, status: { in: ['pending', 'approved'] } }, include: { member: true }, orderBy: [{ status: 'asc' }, { claimedAt: 'asc' }],
  });
}

/** Who should see a new claim's decision card: the admins and the territory's approved members (not the claimant). */
export async function decidersOf(prisma: PrismaClient, adminIds: readonly string[], territoryCode: string, claimantId: string): Promise<Member[]> {
  return prisma.member.findMany({
    where: {
      id: { not: claimantId }, active: true,
      OR: [
        { teamsUserId: { in: [...adminIds] } }, { aadObjectId: { in: [...adminIds] } },
        { memberships: { some: { territoryCode, status: 'approved' } } },
      ],
    },
  });
}
