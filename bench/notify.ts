// npm run bench:notify [-- --members 8000 --rate 50 --run both|normal|crash --crash-at 0.4 --pg <postgres url>]
// Fan-out of one announcement to N members: the real worker + Teams sender (botbuilder TeamsAdapter, local mode) in
// its own process, the fake Bot Connector (rate cap → 429 + Retry-After, 5 % transient failures, a few 403/404) in
// another. Crash run: SIGKILL the worker mid-send, restart it, report, then the admin re-send of what is uncertain.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../data/database.ts';
import { projectRoot } from '../data/migrations.ts';
import { resendAnnouncement } from '../data/notifications/index.ts';
import { startFakeTeamsProcess } from './lib/fakeTeamsProcess.ts';
import { printTotals, readDeliveries, totals } from './lib/notifyReport.ts';
import { permanentFailures } from './lib/notifyPlan.ts';
import { seedBench } from './lib/notifySeed.ts';
import { createTempDatabase } from './lib/tempPostgres.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '8000' }, rate: { type: 'string', default: '50' },
    run: { type: 'string', default: 'both' }, 'crash-at': { type: 'string', default: '0.4' },
    /** A PostgreSQL server URL: the run uses a temporary database there instead of PGlite in a temp folder. */
    pg: { type: 'string' },
  },
});
const members = Number(values.members);
const cap = Number(values.rate);
const crashAt = Number(values['crash-at']);
const permanent = permanentFailures(members);

/** The worker as `npm run worker` runs it: its own process, normal priority. */
function startWorker(url: string): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', '--disable-warning=DEP0111', 'bench/notifyWorker.ts'], {
    cwd: projectRoot, env: { ...process.env, DATABASE_URL: url, NOTIFY_RATE: String(cap) }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    if (out.trim()) console.log(`  worker ${child.pid}: ${out.trim()}`);
    resolve(code);
  }));
  return { child, exited };
}

async function finish(w: { exited: Promise<number | null> }): Promise<void> {
  const code = await w.exited;
  if (code !== 0) throw new Error(`worker exited with ${code}`);
}

async function run(kind: 'normal' | 'crash'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `arobase-bench-notify-${kind}-`));
  const pgdb = values.pg ? await createTempDatabase(values.pg) : undefined;
  const url = pgdb?.url ?? `pglite:${join(dir, 'pglite')}`;
  const connector = await startFakeTeamsProcess(cap, members, kind === 'normal' ? 1 : 2);
  try {
    let db = await openDatabase({ url });
    const { announcementId, queued } = await seedBench(db, members, connector.url);
    await db.close();
    console.log(`\n[${kind}] ${queued} deliveries queued (${pgdb ? 'PostgreSQL, temporary database' : 'PGlite in a temporary folder'}); worker starting…`);
    const t0 = performance.now();
    let w = startWorker(url);
    if (kind === 'crash') {
      const target = Math.round(members * crashAt);
      while (connector.accepted() < target && w.child.exitCode === null) await new Promise((r) => setTimeout(r, 10));
      w.child.kill('SIGKILL');
      await w.exited;
      console.log(`  kill -9 worker ${w.child.pid} after ${connector.accepted()} accepted messages (${((performance.now() - t0) / 1000).toFixed(1)} s); restarting it`);
      w = startWorker(url);
    }
    await finish(w);
    const seconds = (performance.now() - t0) / 1000;
    let fake = await connector.report();
    if (process.env.BENCH_GRANTS) writeFileSync(`${process.env.BENCH_GRANTS}.rejections`, JSON.stringify(fake.rejections));
    db = await openDatabase({ url, migrate: false });
    const t = totals(fake, await readDeliveries(db, announcementId), permanent, cap, seconds);
    printTotals(kind === 'normal' ? `normal run: ${members} members, cap ${cap}/s` : `crash run, after the restart: ${members} members, cap ${cap}/s`, t, fake, cap);
    if (kind === 'crash') {
      const uncertain = new Set(t.uncertain);
      const unreceived = t.lost.filter((c) => uncertain.has(c)).length;
      console.log(`uncertain (reported)    : ${uncertain.size}, of which actually received ${uncertain.size - unreceived}, never received ${unreceived}`);
      console.log(`outside uncertain       : lost ${t.lost.length - unreceived}, duplicates ${t.duplicates.filter((c) => !uncertain.has(c)).length}`);
      // The admin's decision on that report: re-send failed + uncertain (to members still active).
      const { requeued } = await resendAnnouncement(db.prisma, announcementId);
      await db.close();
      console.log(`  admin re-send: ${requeued} deliveries re-queued (uncertain, and failed ones of still-active members)`);
      const r0 = performance.now();
      await finish(startWorker(url));
      fake = await connector.report();
      db = await openDatabase({ url, migrate: false });
      const after = totals(fake, await readDeliveries(db, announcementId), permanent, cap, seconds + (performance.now() - r0) / 1000);
      printTotals('crash run, after the admin re-send', after, fake, cap);
      const outside = after.duplicates.filter((c) => !uncertain.has(c));
      console.log(`duplicates only among the reported uncertain: ${outside.length === 0 ? 'yes' : `NO (${outside.length} outside)`}`);
    }
    await db.close();
  } finally {
    await connector.close();
    await pgdb?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`bench:notify — ${members} members, cap ${cap} requests/s, 5 % transient failures, ${permanent.size} permanent (403/404)`);
for (const kind of ['normal', 'crash'] as const) if (values.run === 'both' || values.run === kind) await run(kind);
