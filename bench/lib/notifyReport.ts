// Totals of a notification bench run: what the fake connector accepted against what the outbox says.
import type { Database } from '../../data/database.ts';
import type { FakeTeams } from './fakeTeams.ts';

export type DeliveryView = { conversationId: string; status: string; code: number | null };

export async function readDeliveries(db: Database, announcementId: string): Promise<DeliveryView[]> {
  const rows = await db.prisma.delivery.findMany({
    where: { announcementId }, select: { status: true, lastStatusCode: true, member: { select: { conversationId: true } } },
  });
  return rows.map((r) => ({ conversationId: r.member.conversationId!, status: r.status, code: r.lastStatusCode }));
}

export type Totals = {
  requests: number; rate: number; ratio: number; fanoutRate: number; maxInWindow: number; seconds: number;
  expected: number; delivered: number; lost: string[]; duplicates: string[]; extraMessages: number; phantom: number;
  byStatus: Record<string, number>; permanent: Record<string, number>; exhausted: number; uncertain: string[];
};

export function totals(fake: FakeTeams, deliveries: DeliveryView[], permanent: Map<string, number>, cap: number, seconds: number): Totals {
  const first = fake.arrivals[0] ?? 0;
  const last = fake.arrivals.at(-1) ?? 0;
  const requests = fake.arrivals.length;
  const rate = last > first ? (requests - 1) / ((last - first) / 1000) : 0;
  // Until the last first attempt: the fan-out proper, without the tail where only retries wait for their backoff.
  const fanout = fake.arrivals.filter((a) => a <= fake.lastFirstAttempt).length;
  const fanoutRate = fake.lastFirstAttempt > first ? (fanout - 1) / ((fake.lastFirstAttempt - first) / 1000) : 0;
  const byStatus: Record<string, number> = {};
  const perm: Record<string, number> = {};
  let exhausted = 0;
  for (const d of deliveries) {
    byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
    if (d.status === 'failed' && (d.code === 403 || d.code === 404)) perm[String(d.code)] = (perm[String(d.code)] ?? 0) + 1;
    else if (d.status === 'failed') exhausted++;
  }
  const expectedIds = deliveries.map((d) => d.conversationId).filter((c) => !permanent.has(c));
  const lost = expectedIds.filter((c) => !fake.accepted.get(c));
  const duplicates = [...fake.accepted].filter(([, n]) => n > 1).map(([c]) => c);
  const extraMessages = [...fake.accepted.values()].reduce((s, n) => s + Math.max(0, n - 1), 0);
  const phantom = deliveries.filter((d) => d.status === 'sent' && !fake.accepted.get(d.conversationId)).length;
  return {
    requests, rate, ratio: rate / cap, fanoutRate, maxInWindow: fake.maxInWindow, seconds,
    expected: expectedIds.length, delivered: expectedIds.length - lost.length, lost, duplicates, extraMessages, phantom,
    byStatus, permanent: perm, exhausted, uncertain: deliveries.filter((d) => d.status === 'uncertain').map((d) => d.conversationId),
  };
}

const n = (x: number) => x.toLocaleString('en-US');

export function printTotals(title: string, t: Totals, fake: FakeTeams, cap: number): void {
  const c = fake.counts;
  const transient = ['500', '502', '503', '504', 'timeout'].map((k) => `${k}: ${c[k] ?? 0}`).join(', ');
  const injected = ['500', '502', '503', '504', 'timeout'].reduce((s, k) => s + (c[k] ?? 0), 0);
  console.log(`\n── ${title} ──`);
  console.log(`time (sending)          : ${t.seconds.toFixed(1)} s`);
  console.log(`requests to connector   : ${n(t.requests)} counted + ${n(c['429'] ?? 0)} answered 429`);
  console.log(`transient injected      : ${n(injected)} (${transient})`);
  console.log(`achieved rate           : ${t.rate.toFixed(2)} req/s ÷ cap ${cap} = ${t.ratio.toFixed(3)}  (target ≥ 0.98; first to last request, retry tail included)`);
  console.log(`  during the fan-out    : ${t.fanoutRate.toFixed(2)} req/s ÷ cap ${cap} = ${(t.fanoutRate / cap).toFixed(3)}  (until the last first attempt; max in any 1-s window: ${t.maxInWindow})`);
  console.log(`delivered               : ${n(t.delivered)} / ${n(t.expected)} expected recipients`);
  console.log(`duplicates              : ${n(t.duplicates.length)} member(s), ${n(t.extraMessages)} extra message(s)  (target 0)`);
  console.log(`lost                    : ${n(t.lost.length)}  (target 0)`);
  console.log(`permanent failures      : 403 blocked/app removed ${t.permanent['403'] ?? 0}, 404 conversation gone ${t.permanent['404'] ?? 0}; retries exhausted ${t.exhausted}`);
  console.log(`outbox statuses         : ${Object.entries(t.byStatus).map(([k, v]) => `${k} ${n(v)}`).join(', ')}`);
  if (process.env.BENCH_TRACE) {
    const first = fake.arrivals[0] ?? 0;
    const perSecond: number[] = [];
    for (const a of fake.arrivals) { const k = Math.floor((a - first) / 1000); perSecond[k] = (perSecond[k] ?? 0) + 1; }
    console.log(`per second: ${Array.from(perSecond, (v) => v ?? 0).join(' ')}`);
  }
  if (t.phantom) console.log(`!! sent in the outbox but never accepted: ${t.phantom}`);
}
