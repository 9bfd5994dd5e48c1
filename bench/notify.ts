// npm run bench:notify [-- --scenario cap50,cap200,tenants,crash,embedded --members 8000 --pg <url>]
// One announcement to N members through the real worker as `npm run worker` runs it (its own command line and
// settings: no benchmark-only timeout), against the fake Bot Connector of issue #18 in its own process: a cap per
// tenant (429 + Retry-After), 4 % 5xx, 1 % hanging 30 s, 1 % of members gone (403/404).
// Scenarios: cap 50 and cap 200 on one tenant; 8,000 members over 400 tenants at 50/s each; kill -9 after 3,000
// deliveries and a restart, no admin action; the embedded database: members registered through POST /api/messages
// (PGlite and PostgreSQL), the send triggered from the chat, the bot's RSS during it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../data/database.ts';
import { projectRoot } from '../data/migrations.ts';
import { rssMb } from './lib/botProcess.ts';
import { startFakeTeamsProcess } from './lib/fakeTeamsProcess.ts';
import { printTotals, readDeliveries, totals } from './lib/notifyReport.ts';
import { permanentFailures } from './lib/notifyPlan.ts';
import { seedBench } from './lib/notifySeed.ts';
import { createTempDatabase } from './lib/tempPostgres.ts';
import { runEmbedded } from './notifyEmbedded.ts';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'cap50,cap200,tenants,crash,embedded' },
    members: { type: 'string', default: '8000' },
    pg: { type: 'string', default: process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
  },
});
const members = Number(values.members);
const permanent = permanentFailures(members);
const scenarios = values.scenario!.split(',');

// `npm run worker`'s own command line, read from package.json: the benchmark runs what production runs.
const workerArgs = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.worker!
  .split(/\s+/).slice(1);

type Worker = { child: ChildProcess; exited: Promise<number | null>; peakRss: () => number; stats: () => Record<string, unknown> };

function startWorker(url: string, rate: number): Worker {
  const child = spawn(process.execPath, [...workerArgs, '--until-idle'], {
    cwd: projectRoot, env: { ...process.env, DATABASE_URL: url, NOTIFY_RATE: String(rate), LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  let peak = 0;
  const timer = setInterval(() => { peak = Math.max(peak, rssMb(child.pid!)); }, 100);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => { clearInterval(timer); resolve(code); }));
  const stats = () => {
    const line = out.split('\n').filter(Boolean).map((l) => { try { return JSON.parse(l) as Record<string, unknown>; } catch { return {}; } })
      .find((l) => l.msg === 'notification worker stopped');
    const { level: _l, time: _t, pid: _p, hostname: _h, msg: _m, ...rest } = line ?? {};
    return rest;
  };
  return { child, exited, peakRss: () => peak, stats };
}

async function finish(w: Worker): Promise<void> {
  const code = await w.exited;
  if (code !== 0) throw new Error(`worker exited with ${code}`);
}

async function run(name: string, o: { cap: number; tenants: number; killAfter?: number }): Promise<number> {
  const pgdb = await createTempDatabase(values.pg!);
  const connector = await startFakeTeamsProcess(o.cap, members, 7);
  try {
    let db = await openDatabase({ url: pgdb.url });
    const { announcementId, queued } = await seedBench(db, members, connector.url, o.tenants);
    await db.close();
    console.log(`\n[${name}] ${queued} deliveries queued on PostgreSQL, ${o.tenants} tenant(s), NOTIFY_RATE=${o.cap}; worker starting…`);
    let w = startWorker(pgdb.url, o.cap);
    let onWireAtKill: number | undefined;
    const peaks: number[] = [];
    if (o.killAfter) {
      while (connector.accepted() < o.killAfter && w.child.exitCode === null) await new Promise((r) => setTimeout(r, 2));
      onWireAtKill = connector.open();
      w.child.kill('SIGKILL');
      await w.exited;
      peaks.push(w.peakRss());
      console.log(`  kill -9 after ${connector.accepted()} deliveries, ${onWireAtKill} request(s) on the wire; restarted, no admin action`);
      w = startWorker(pgdb.url, o.cap);
    }
    await finish(w);
    peaks.push(w.peakRss());
    const fake = await connector.report();
    db = await openDatabase({ url: pgdb.url, migrate: false });
    const t = totals(fake, await readDeliveries(db, announcementId), permanent, o.cap * o.tenants);
    await db.close();
    const extra: Record<string, string> = { 'worker peak RSS': `${Math.round(Math.max(...peaks))} MB`, 'worker stats': JSON.stringify(w.stats()) };
    if (onWireAtKill !== undefined) {
      extra['on the wire at the kill'] = String(onWireAtKill);
      extra['re-sent after the crash'] = `${t.resentAfterCrash} (reported by notify:status and the status card)`;
    }
    printTotals(`${name}: ${members} members, ${o.tenants} tenant(s), cap ${o.cap}/s per tenant`, t, fake, o.cap, extra);
    return t.span;
  } finally {
    await connector.close();
    await pgdb.drop();
  }
}

console.log(`bench:notify — ${members} members; worker: node ${workerArgs.join(' ')} --until-idle`);
const spans: Record<string, number> = {};
if (scenarios.includes('cap50')) spans.cap50 = await run('cap50', { cap: 50, tenants: 1 });
if (scenarios.includes('cap200')) spans.cap200 = await run('cap200', { cap: 200, tenants: 1 });
if (scenarios.includes('tenants')) {
  spans.tenants = await run('tenants', { cap: 50, tenants: 400 });
  if (spans.cap50) console.log(`400 tenants vs one: ${(spans.cap50 / spans.tenants).toFixed(1)}× sooner (target ≥ 5×)`);
}
if (scenarios.includes('crash')) await run('crash', { cap: 50, tenants: 1, killAfter: 3000 });
if (scenarios.includes('embedded')) {
  const dir = mkdtempSync(join(tmpdir(), 'arobase-bench-embedded-'));
  try {
    await runEmbedded({ members, dir, pg: values.pg! });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
