// Who may act for a territory (data/membership.ts), rule by rule, on the database: a claim opens nothing; admins,
// approved members and a bound tenant approve; a refusal or a revocation closes; a shared tenant is never bound.
// `npm run check:mutants` removes each check in turn and shows that these tests then fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.ts';
import type { Member } from '../data/generated/prisma/client.ts';
import { touchMember } from '../data/members.ts';
import {
  approvedTerritories, bindTenant, claimTerritory, CONSUMER_TENANT, decideMembership, pendingClaimsFor, sharedTenants,
} from '../data/membership.ts';
import { actorOf, canRead, canWrite } from '../data/applications/index.ts';
import { openTestDatabase } from './helpers/testDb.ts';

let db: Database;
const NOW = () => new Date('2026-11-27T10:00:00Z');
const admin = { teamsUserId: '29:admin', admin: true };
let n = 0;
async function member(tenantId?: string): Promise<Member> {
  n++;
  return touchMember(db.prisma, { teamsUserId: `29:m${n}`, name: `Membre ${n}`, tenantId });
}
const actor = async (m: Member) => actorOf(m, [], await approvedTerritories(db.prisma, m.id));
const GRENOBLE = { territoryCode: '38185' };

beforeAll(async () => { db = await openTestDatabase(); });
afterAll(async () => { await db?.close(); });

describe('a claim', () => {
  it('is recorded as pending, with when, and opens nothing', async () => {
    const m = await member();
    const r = await claimTerritory(db.prisma, m, '38185', NOW);
    expect(r).toMatchObject({ status: 'pending', isNew: true, membership: { status: 'pending', claimedAt: NOW(), decidedBy: null } });
    const a = await actor({ ...m, territoryCode: '38185' }); // even with the town declared
    expect([canRead(a, GRENOBLE), canWrite(a, GRENOBLE)]).toEqual([false, false]);
    expect((await claimTerritory(db.prisma, m, '38185', NOW)).status === 'pending' && (await claimTerritory(db.prisma, m, '38185', NOW))).toMatchObject({ isNew: false });
  });
});

describe('approval', () => {
  it('by an admin: stored with who and when, and the application opens', async () => {
    const m = await member();
    const { membership } = await claimTerritory(db.prisma, m, '38185', NOW);
    const r = await decideMembership(db.prisma, admin, membership.id, 'approve', NOW);
    expect(r).toMatchObject({ status: 'ok', membership: { status: 'approved', decidedBy: '29:admin', decidedVia: 'admin', decidedAt: NOW() } });
    const a = await actor(m);
    expect([canRead(a, GRENOBLE), canWrite(a, GRENOBLE), a.territoryCode]).toEqual([true, true, '38185']);
  });

  it('by an approved member of the territory, not by a member of another one, nor by the claimant', async () => {
    const [insider, outsider, claimant] = [await member(), await member(), await member()];
    await decideMembership(db.prisma, admin, (await claimTerritory(db.prisma, insider, '69029', NOW)).membership.id, 'approve', NOW);
    await decideMembership(db.prisma, admin, (await claimTerritory(db.prisma, outsider, '38185', NOW)).membership.id, 'approve', NOW);
    const { membership } = await claimTerritory(db.prisma, claimant, '69029', NOW);
    expect((await decideMembership(db.prisma, { teamsUserId: claimant.teamsUserId, admin: false }, membership.id, 'approve', NOW)).status).toBe('forbidden');
    expect((await decideMembership(db.prisma, { teamsUserId: outsider.teamsUserId, admin: false }, membership.id, 'approve', NOW)).status).toBe('forbidden');
    expect((await pendingClaimsFor(db.prisma, { teamsUserId: outsider.teamsUserId, admin: false })).map((c) => c.id)).not.toContain(membership.id);
    expect((await pendingClaimsFor(db.prisma, { teamsUserId: insider.teamsUserId, admin: false })).map((c) => c.id)).toContain(membership.id);
    const r = await decideMembership(db.prisma, { teamsUserId: insider.teamsUserId, admin: false }, membership.id, 'approve', NOW);
    expect(r).toMatchObject({ status: 'ok', membership: { status: 'approved', decidedBy: insider.teamsUserId, decidedVia: 'member' } });
  });

  it('two deciders at once: one wins, the other is told it was already handled', async () => {
    const m = await member();
    const { membership } = await claimTerritory(db.prisma, m, '38185', NOW);
    const [x, y] = await Promise.all([
      decideMembership(db.prisma, admin, membership.id, 'approve', NOW), decideMembership(db.prisma, admin, membership.id, 'refuse', NOW)]);
    expect([x.status, y.status].sort()).toEqual(['ok', 'stale']);
  });
});

describe('refusal and revocation', () => {
  it('a refused claim opens nothing; it can be made again and goes back to pending', async () => {
    const m = await member();
    const { membership } = await claimTerritory(db.prisma, m, '38185', NOW);
    expect((await decideMembership(db.prisma, admin, membership.id, 'refuse', NOW)).status).toBe('ok');
    expect(canRead(await actor(m), GRENOBLE)).toBe(false);
    expect((await claimTerritory(db.prisma, m, '38185', NOW)).status).toBe('pending');
  });

  it('a revoked member loses access at once; revoking a pending claim is not a decision that applies', async () => {
    const m = await member();
    const { membership } = await claimTerritory(db.prisma, m, '38185', NOW);
    expect((await decideMembership(db.prisma, admin, membership.id, 'revoke', NOW)).status).toBe('stale');
    await decideMembership(db.prisma, admin, membership.id, 'approve', NOW);
    expect(canWrite(await actor(m), GRENOBLE)).toBe(true);
    expect(await decideMembership(db.prisma, admin, membership.id, 'revoke', NOW)).toMatchObject({ status: 'ok', membership: { status: 'revoked' } });
    expect([canRead(await actor(m), GRENOBLE), canWrite(await actor(m), GRENOBLE)]).toEqual([false, false]);
  });
});

describe('tenant binding', () => {
  const TENANT = '0a1b2c3d-0000-4000-8000-000000000001';
  it('approves the tenant’s waiting and later claimants for that territory only', async () => {
    const waiting = await member(TENANT);
    await claimTerritory(db.prisma, waiting, '13055', NOW);
    const r = await bindTenant(db.prisma, admin, TENANT, '13055', NOW, sharedTenants());
    expect(r.status === 'ok' && r.approved.map((m) => m.memberId)).toEqual([waiting.id]);
    expect(await approvedTerritories(db.prisma, waiting.id)).toEqual(['13055']);
    const later = await member(TENANT.toUpperCase()); // Entra ids arrive in either case
    expect(await claimTerritory(db.prisma, later, '13055', NOW)).toMatchObject({ status: 'approved', via: 'tenant', membership: { decidedBy: `tenant:${TENANT}`, decidedVia: 'tenant' } });
    expect((await claimTerritory(db.prisma, later, '38185', NOW)).status).toBe('pending'); // another territory: a decision
    const stranger = await member('99999999-0000-4000-8000-000000000009');
    expect((await claimTerritory(db.prisma, stranger, '13055', NOW)).status).toBe('pending');
  });

  it('only by an admin, and never for a tenant that holds many organisations', async () => {
    const t2 = '0a1b2c3d-0000-4000-8000-000000000002';
    expect((await bindTenant(db.prisma, { teamsUserId: '29:m1', admin: false }, t2, '38185', NOW)).status).toBe('forbidden');
    expect(await bindTenant(db.prisma, admin, CONSUMER_TENANT, '38185', NOW)).toEqual({ status: 'shared', reason: 'consumer' });
    expect(await bindTenant(db.prisma, admin, t2, '38185', NOW, sharedTenants([` ${t2.toUpperCase()} `, 'x']))).toEqual({ status: 'shared', reason: 'listed' });
    expect(await bindTenant(db.prisma, admin, TENANT, '38185', NOW, sharedTenants())).toEqual({ status: 'shared', reason: 'bound_elsewhere', other: '13055' });
    // A tenant whose members are approved for two territories serves several organisations.
    const t3 = '0a1b2c3d-0000-4000-8000-000000000003';
    const m = await member(t3);
    await decideMembership(db.prisma, admin, (await claimTerritory(db.prisma, m, '69029', NOW)).membership.id, 'approve', NOW);
    expect(await bindTenant(db.prisma, admin, t3, '38185', NOW, sharedTenants())).toEqual({ status: 'shared', reason: 'members_elsewhere', other: '69029' });
    expect(await db.prisma.tenantBinding.count({ where: { tenantId: { in: [t2, t3, CONSUMER_TENANT] } } })).toBe(0);
  });
});
