// bench:notify, embedded database (#18 item 5): the bot as `npm start` runs it, members registered through
// POST /api/messages (Teams' installationUpdate), on PGlite and on PostgreSQL; then on PGlite the announcement is
// published from the chat by an admin (« publier l'édition 22 », the preview card's confirm button) and the bot's
// RSS is sampled while its own worker sends to every member.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { projectRoot } from '../data/migrations.ts';
import { buildDist, rssMb, startProcess, type Bot } from './lib/botProcess.ts';
import { startFakeTeamsProcess, type RemoteFakeTeams } from './lib/fakeTeamsProcess.ts';
import { conversationOf, permanentFailures, tenantOf } from './lib/notifyPlan.ts';
import { createTempDatabase } from './lib/tempPostgres.ts';

const ADMIN = '29:bench-admin';

function activity(serviceUrl: string, userId: string, conversationId: string, tenantId: string, extra: Record<string, unknown>) {
  return {
    id: randomUUID(), channelId: 'msteams', serviceUrl, timestamp: new Date().toISOString(), locale: 'fr-FR',
    from: { id: userId, name: 'Bench', aadObjectId: `aad-${userId}` }, recipient: { id: '28:arobase-bench', name: 'arobase' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId }, channelData: { tenant: { id: tenantId } }, ...extra,
  };
}

const post = (bot: Bot, body: unknown) =>
  fetch(`${bot.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Every member installs the app: 16 at a time, as Teams delivers installation events. Seconds. */
export async function register(bot: Bot, members: number, serviceUrl: string): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  let retried = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < members) {
      const i = next++;
      const body = activity(serviceUrl, `29:bench-${i}`, conversationOf(i), tenantOf(i, 1), { type: 'installationUpdate', action: 'add' });
      // As Teams does: a 503 or 429 with Retry-After is sent again after that delay.
      for (let attempt = 1; ; attempt++) {
        const res = await post(bot, body);
        if (res.status < 300) break;
        if ((res.status !== 503 && res.status !== 429) || attempt > 20) throw new Error(`installationUpdate ${i} → ${res.status}`);
        retried++;
        await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
      }
    }
  }));
  if (retried) console.log(`  (${retried} installation event(s) answered 503/429 and sent again after Retry-After)`);
  return (performance.now() - t0) / 1000;
}

export async function publishFromChat(bot: Bot, connector: RemoteFakeTeams, stage: (name: string) => void = () => {}): Promise<void> {
  const admin = (extra: Record<string, unknown>) => activity(connector.url, ADMIN, 'a:bench-admin', tenantOf(0, 1), extra);
  await post(bot, admin({ type: 'message', text: 'publier l’édition 22' }));
  stage('preview');
  // The confirm button's data, wherever the card holds it.
  const text = JSON.stringify(await connector.captured());
  const id = /"verb":"announceConfirm","id":"([^"]+)"/.exec(text)?.[1] ?? /"id":"([^"]+)","verb":"announceConfirm"/.exec(text)?.[1];
  if (!id) throw new Error('no preview card with a confirm button');
  await post(bot, admin({ type: 'message', value: { verb: 'announceConfirm', id } }));
  stage('confirmed');
}

export async function runEmbedded(o: { members: number; dir: string; pg: string }): Promise<void> {
  buildDist();
  const env = { ADMIN_IDS: ADMIN, NOTIFY_RATE: '50', LOG_LEVEL: 'warn' };
  const times: Record<string, number> = {};
  for (const target of ['postgresql', 'pglite'] as const) {
    const connector = await startFakeTeamsProcess(50, o.members, 11);
    const pgdb = target === 'postgresql' ? await createTempDatabase(o.pg) : undefined;
    const bot = await startProcess(join(projectRoot, 'dist', 'index.mjs'), { ...env, DATABASE_URL: pgdb?.url ?? `pglite:${join(o.dir, 'pglite')}` });
    try {
      times[target] = await register(bot, o.members, connector.url);
      console.log(`\n[embedded] ${o.members} installationUpdate through POST /api/messages on ${target}: ${times[target]!.toFixed(1)} s`);
      if (target !== 'pglite') continue;
      const expected = o.members - permanentFailures(o.members).size;
      let peak = rssMb(bot.child.pid!);
      const t0 = performance.now();
      await publishFromChat(bot, connector);
      let last = 0;
      let lastChange = performance.now();
      while (connector.accepted() < expected + 3 && performance.now() - lastChange < 60_000) {
        peak = Math.max(peak, rssMb(bot.child.pid!));
        if (connector.accepted() !== last) { last = connector.accepted(); lastChange = performance.now(); }
        await new Promise((r) => setTimeout(r, 100));
      }
      const seconds = (performance.now() - t0) / 1000;
      const fake = await connector.report();
      const first = fake.arrivals[0] ?? 0;
      const span = (Math.max(...fake.delivered) - first) / 1000;
      console.log(`[embedded] published from the chat on PGlite: ${connector.accepted()} messages accepted (${expected} members reachable + the admin's replies) in ${seconds.toFixed(1)} s`);
      console.log(`[embedded] utilisation end to end ${(fake.arrivals.length / (50 * span)).toFixed(3)}, throttled ${fake.counts['429'] ?? 0}, bot peak RSS ${Math.round(peak)} MB (target ≤ 450)`);
    } finally {
      await bot.stop();
      await connector.close();
      await pgdb?.drop();
    }
  }
  console.log(`[embedded] registration PGlite ÷ PostgreSQL: ${(times.pglite! / times.postgresql!).toFixed(2)} (target ≤ 1.5)`);
}
