// Gives a test member an approved membership of a territory (what an admin's « Approuver » does), and declares it.
import type { PrismaClient } from '../../data/generated/prisma/client.ts';
import { setMemberTerritory } from '../../data/members.ts';

export async function attachApproved(prisma: PrismaClient, memberId: string, territoryCode: string): Promise<void> {
  await setMemberTerritory(prisma, memberId, territoryCode);
  const data = { status: 'approved' as const, decidedBy: '29:test-admin', decidedVia: 'admin', decidedAt: new Date('2026-01-01T00:00:00Z') };
  await prisma.membership.upsert({
    where: { memberId_territoryCode: { memberId, territoryCode } }, create: { memberId, territoryCode, ...data }, update: data,
  });
}
