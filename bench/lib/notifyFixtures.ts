// Small notification fixtures shared by test/notifications*.test.ts (kept here: test/helpers/ belongs to others).
// Real territory codes; the award rows are test data for the diff (edition 21 complete → 22), not palmarès facts.
import type { PrismaClient } from '../../data/generated/prisma/client.ts';
import type { Recipient, Sender, NotificationMessage } from '../../data/notifications/index.ts';

export const CODES = { grenoble: '38185', echirolles: '38151', bron: '69029', lyon: '69123', marseille: '13055', paris: '75056' };

export async function seedEditions(prisma: PrismaClient): Promise<void> {
  await prisma.edition.createMany({ data: [{ number: 21, year: 2020, complete: true }, { number: 22, year: 2021 }] });
  const award = (code: string, editionNumber: number, level: number, mentions: string[] = []) =>
    ({ territoryCode: code, territoryKind: 'commune' as const, editionNumber, level, mentions, source: `test ${editionNumber}` });
  await prisma.award.createMany({
    data: [
      award(CODES.grenoble, 21, 4), award(CODES.bron, 21, 5), award(CODES.echirolles, 21, 3), award(CODES.paris, 21, 3),
      award(CODES.grenoble, 22, 5, ['excellence']), // up + TEN
      award(CODES.bron, 22, 5, ['excellence']), // same level, TEN obtained
      award(CODES.echirolles, 22, 3, ['arobase-verte']), // same level, new mention
      award(CODES.lyon, 22, 2), // first label (21 complete, Lyon absent)
      award(CODES.marseille, 22, 3), // first label
      award(CODES.paris, 22, 2), // down
    ],
  });
}

export type MemberSpec = {
  key: string; territoryCode?: string; locale?: string; filterDepartements?: string[]; filterRegions?: string[];
  subscribed?: boolean; active?: boolean; noReference?: boolean; serviceUrl?: string; tenantId?: string;
};

/** Creates members; returns key → member id. */
export async function seedMembers(prisma: PrismaClient, specs: MemberSpec[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const m of specs) {
    const conversationId = `a:conv-${m.key}`;
    const row = await prisma.member.create({
      data: {
        teamsUserId: `29:${m.key}`, conversationId, territoryCode: m.territoryCode, locale: m.locale ?? 'fr-FR', tenantId: m.tenantId ?? 't1',
        filterDepartements: m.filterDepartements ?? [], filterRegions: m.filterRegions ?? [],
        subscribed: m.subscribed ?? true, active: m.active ?? true,
        conversationReference: m.noReference ? undefined : {
          channelId: 'msteams', serviceUrl: m.serviceUrl ?? 'http://127.0.0.1:9', locale: m.locale ?? 'fr-FR',
          conversation: { id: conversationId, conversationType: 'personal', tenantId: m.tenantId ?? 't1' },
          bot: { id: '28:arobase', name: 'arobase' }, user: { id: `29:${m.key}` },
        },
      },
    });
    ids.set(m.key, row.id);
  }
  return ids;
}

/** Bulk members for fan-out tests: conversation a:conv-bulk-<i>. */
export async function seedBulkMembers(prisma: PrismaClient, count: number, serviceUrl = 'http://127.0.0.1:9'): Promise<void> {
  const data = Array.from({ length: count }, (_, i) => ({
    teamsUserId: `29:bulk-${i}`, conversationId: `a:conv-bulk-${i}`,
    conversationReference: { channelId: 'msteams', serviceUrl, conversation: { id: `a:conv-bulk-${i}` }, bot: { id: '28:arobase' }, user: { id: `29:bulk-${i}` } },
  }));
  await prisma.member.createMany({ data });
}

export type Sent = { memberId: string; conversationId: string; tenantId: string; message: NotificationMessage; at: number };

/** A Sender recording what it sends; `fail` may throw for a given recipient and attempt. */
export function recordingSender(fail?: (r: Recipient) => Error | undefined, delayMs = 0): Sender & { sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    sent,
    async send(r, message) {
      if (delayMs) await new Promise((res) => setTimeout(res, delayMs));
      const error = fail?.(r);
      if (error) throw error;
      const ref = r.conversationReference as { conversation: { id: string } };
      sent.push({ memberId: r.memberId, conversationId: ref.conversation.id, tenantId: r.tenantId, message, at: performance.now() });
    },
  };
}

/** The card's text blocks, in order. */
export function cardTexts(message: NotificationMessage): string[] {
  const body = (message.card?.body ?? []) as { text?: string }[];
  return body.map((b) => b.text ?? '');
}
