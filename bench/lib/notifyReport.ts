// Totals of a notification bench run: what the fake connector accepted against what the outbox says.
import type { Database } from '../../data/database.ts';
import type { FakeTeams } from './fakeTeams.ts';

export type DeliveryView = { conversationId: string; status: string; code: number | null; resentAfterCrash: boolean };

export async function readDeliveries(db: Database, announcementId: string): Promise<DeliveryView[]> {
  const rows = await db.prisma.delivery.findMany({
    where: { announcementId }, select: { status: true, lastStatusCode: true, resentAfterCrash: true, member: { select: { conversationId: true } } },
  });
  return rows.map((r) => ({ conversationId: r.member.conversationId!, status: r.status, code: r.lastStatusCode, resentAfterCrash: r.resentAfterCrash }));
}

export type Totals = {
  requests: number; throttled: number; utilisation: number; span: number; expected: number; delivered: number;
  lost: string[]; duplicates: string[]; byStatus: Record<string, number>; resentAfterCrash: number;
};

/**
 * Utilisation end to end: requests the connector counted (answered or not) ÷ what `capacity` requests per second
 * allow between the first request and the last delivery — the retry tail included.
 */
export function totals(fake: FakeTeams, deliveries: DeliveryView[], permanent: Map<string, number>, capacity: number): Totals {
  const first = fake.arrivals[0] ?? 0;
  const last = Math.max(...fake.delivered, first);
  const span = (last - first) / 1000;
  const requests = fake.arrivals.filter((a) => a <= last).length;
  const byStatus: Record<string, number> = {};
  for (const d of deliveries) byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
  const expectedIds = deliveries.map((d) => d.conversationId).filter((c) => !permanent.has(c));
  const lost = expectedIds.filter((c) => !fake.accepted.get(c));
  return {
    requests: fake.arrivals.length, throttled: fake.counts['429'] ?? 0, utilisation: span > 0 ? requests / (capacity * span) : 0, span,
    expected: expectedIds.length, delivered: expectedIds.length - lost.length, lost,
    duplicates: [...fake.accepted].filter(([, n]) => n > 1).map(([c]) => c), byStatus,
    resentAfterCrash: deliveries.filter((d) => d.resentAfterCrash).length,
  };
}

const n = (x: number) => x.toLocaleString('en-US');

export function printTotals(title: string, t: Totals, fake: FakeTeams, cap: number, extra: Record<string, string> = {}): void {
  const c = fake.counts;
  const all = t.requests + t.throttled;
  console.log(`\n── ${title} ──`);
  console.log(`first request → last delivery : ${t.span.toFixed(1)} s`);
  console.log(`requests to connector         : ${n(t.requests)} counted + ${n(t.throttled)} answered 429 (throttled ${((100 * t.throttled) / Math.max(1, all)).toFixed(2)} %)`);
  console.log(`faults injected               : ${['500', '502', '503', '504', 'hang', '403', '404'].map((k) => `${k} ${c[k] ?? 0}`).join(', ')}`);
  console.log(`utilisation end to end        : ${t.utilisation.toFixed(3)} of the cap`);
  console.log(`busiest 1-s window            : ${fake.maxTenantInWindow} for one tenant (cap ${cap}), ${fake.maxInWindow} for all ${fake.tenants} tenant(s)`);
  console.log(`delivered                     : ${n(t.delivered)} / ${n(t.expected)}   lost ${t.lost.length}   duplicates ${t.duplicates.length}`);
  console.log(`outbox                        : ${Object.entries(t.byStatus).map(([k, v]) => `${k} ${n(v)}`).join(', ')}`);
  for (const [k, v] of Object.entries(extra)) console.log(`${k.padEnd(30)}: ${v}`);
  if (process.env.BENCH_TRACE) {
    const first = fake.arrivals[0] ?? 0;
    const perSecond: number[] = [];
    for (const a of fake.arrivals) { const k = Math.floor((a - first) / 1000); perSecond[k] = (perSecond[k] ?? 0) + 1; }
    console.log(`requests per second: ${Array.from(perSecond, (v) => v ?? 0).join(' ')}`);
  }
}
