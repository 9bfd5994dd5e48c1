// Bench data: the sourced sample palmarès, N members whose conversations point at the fake connector, and the
// edition-22 announcement queued for all of them. A few members are marked to answer 403/404.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../../data/database.ts';
import { getRegistry } from '../../data/territories/registry.ts';
import { importPalmares } from '../../data/palmares.ts';
import { samplesDir } from '../../data/samples.ts';
import { createAnnouncement, queueAnnouncement } from '../../data/notifications/index.ts';
import { conversationOf, tenantOf } from './notifyPlan.ts';

export const BENCH_EDITION = 22;

export async function seedBench(db: Database, members: number, serviceUrl: string, tenants = 1): Promise<{ announcementId: string; queued: number }> {
  const registry = getRegistry();
  // The sourced samples, on PGlite or PostgreSQL alike (seedSamplesIfEmpty only seeds the embedded database).
  for (const file of (await readdir(samplesDir)).filter((f) => f.endsWith('.csv')).sort()) {
    const result = await importPalmares(db.prisma, await readFile(join(samplesDir, file), 'utf8'), { registry });
    if (!result.ok) throw new Error(`sample ${file}: ${JSON.stringify(result.errors)}`);
  }
  const awarded = (await db.prisma.award.findMany({ where: { editionNumber: BENCH_EDITION }, select: { territoryCode: true } })).map((a) => a.territoryCode);
  const rows = [];
  for (let i = 0; i < members; i++) {
    const id = conversationOf(i);
    const locale = i % 10 === 3 ? 'en-GB' : 'fr-FR';
    // One in five lives in an awarded territory (their line comes first); the others anywhere in France.
    const territoryCode = i % 5 === 0 ? awarded[i % awarded.length]! : registry.communes[(i * 7919) % registry.communes.length]!.code;
    rows.push({
      teamsUserId: `29:bench-${i}`, tenantId: tenantOf(i, tenants), conversationId: id, locale, territoryCode,
      conversationReference: {
        channelId: 'msteams', serviceUrl, locale,
        conversation: { id, conversationType: 'personal', tenantId: tenantOf(i, tenants) },
        bot: { id: '28:arobase-bench', name: 'arobase' }, user: { id: `29:bench-${i}` },
      },
    });
  }
  for (let i = 0; i < rows.length; i += 2000) await db.prisma.member.createMany({ data: rows.slice(i, i + 2000) });
  const draft = await createAnnouncement(db.prisma, { edition: BENCH_EDITION, createdBy: 'bench', registry });
  const { queued } = await queueAnnouncement(db.prisma, draft.announcement.id);
  return { announcementId: draft.announcement.id, queued };
}
