// npm run bench:answer — arobase against the floor (an echo bot on the same stack): the same stream of questions
// through POST /api/messages to a local connector, at 1, 8 and 32 concurrent conversations, on PGlite and PostgreSQL.
// Prints p50/p99 latency, throughput and their ratios, RSS after warm-up, and time to ready on an existing database.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startFakeConnector } from '../bot/dev/localConnector.ts';
import { projectRoot } from '../data/migrations.ts';

const QUESTIONS = ['Quel est le niveau de Grenoble ?', 'Historique de Bron', 'Palmarès 2021', 'et en 2023 ?', 'What level is Bron?',
  'Quel est le niveau de Saint-Germain-en-Laye en 2021 ?', 'combien de 5@ pour Agen ?', 'aide', 'Niveau de Vandoeuvre les Nancy', 'et Sèvres ?'];
const LEVELS = [1, 8, 32];
const PER_LEVEL = Number(process.env.BENCH_REQUESTS ?? 1500);
const WARMUP = 200;
const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');

type Bot = { child: ChildProcess; base: string; readyMs: number; stop(): Promise<void> };

// Both bots run as `npm start` runs arobase: the esbuild bundles of dist/ (scripts/build.mjs), on plain node.
const built = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.mjs')], { cwd: projectRoot, stdio: 'inherit' });
if (built.status !== 0) throw new Error('scripts/build.mjs failed');

async function startProcess(entry: string, env: Record<string, string>): Promise<Bot> {
  const port = 41000 + Math.floor(Math.random() * 9000);
  const t0 = performance.now();
  // node itself (no wrapper process), so the pid's RSS is the bot's.
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--disable-warning=DEP0005', entry], { cwd: projectRoot, env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  while (!(await fetch(`${base}/healthz`).then((r) => r.status === 200, () => false))) {
    if (child.exitCode !== null) throw new Error(`${entry} exited`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - t0;
  return { child, base, readyMs, stop: () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }) };
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function load(base: string, serviceUrl: string, concurrency: number, total: number, tag: string) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async (_, w) => {
    while (next < total) {
      const i = next++;
      const lang = i % 5 === 4 ? 'en' : 'fr';
      const body = JSON.stringify({
        type: 'message', id: `m${i}`, channelId: 'msteams', serviceUrl, locale: lang === 'en' ? 'en-US' : 'fr-FR', text: QUESTIONS[i % QUESTIONS.length],
        // Each worker speaks for two people, one French and one English (a person keeps one Teams locale).
        from: { id: `29:bench-${tag}-${w}-${lang}`, name: 'Bench', aadObjectId: `aad-${w}-${lang}` }, recipient: { id: '28:arobase', name: 'arobase' },
        conversation: { id: `a:bench-${tag}-${w}-${lang}`, conversationType: 'personal' },
      });
      const s = performance.now();
      const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      latencies.push(performance.now() - s);
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: pct(latencies, 50), p99: pct(latencies, 99), rps: total / seconds };
}

async function measure(bot: Bot, serviceUrl: string, tag: string) {
  await load(bot.base, serviceUrl, 8, WARMUP, `${tag}-warm`);
  const rss = rssMb(bot.child.pid!);
  const rows: Record<number, Awaited<ReturnType<typeof load>>> = {};
  for (const c of LEVELS) rows[c] = await load(bot.base, serviceUrl, c, PER_LEVEL, `${tag}-${c}`);
  return { rss, rows };
}

async function postgresTarget(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const admin = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: admin });
  try { await client.connect(); } catch { return null; }
  const name = `arobase_bench_${Date.now()}`;
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin); url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() { const c = new pg.Client({ connectionString: admin }); await c.connect(); await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await c.end(); },
  };
}

const connector = await startFakeConnector();
const fmt = (n: number) => n.toFixed(2).padStart(8);
const results: string[] = [];
let failed = false;
const check = (label: string, ok: boolean, detail: string) => { results.push(`${ok ? 'PASS' : 'FAIL'}  ${label}: ${detail}`); if (!ok) failed = true; };

const echo = await startProcess('dist/echoBot.mjs', {});
console.log(`echo bot ready in ${echo.readyMs.toFixed(0)} ms`);
const echoRun = await measure(echo, connector.url, 'echo');
await echo.stop();

const dir = mkdtempSync(join(tmpdir(), 'arobase-bench-'));
const pgTarget = await postgresTarget();
const targets: [string, Record<string, string>, number][] = [['PGlite', { DATABASE_URL: `pglite:${join(dir, 'db')}` }, 450]];
if (pgTarget) targets.push(['PostgreSQL', { DATABASE_URL: pgTarget.url, SEED_SAMPLES: 'never' }, 200]);
else console.log('PostgreSQL not reachable: PostgreSQL rows skipped');

for (const [name, env, rssTarget] of targets) {
  const common = { ...env, CONVERSATION_RATE_LIMIT: '1000000,1000000' };
  if (name === 'PostgreSQL') {
    const first = await startProcess('dist/index.mjs', common); // migrates the new database
    await first.stop();
    const importer = spawn(tsx, ['bot/cli/import.ts', 'data/samples/22e-territoires-excellence-numerique.csv'], { cwd: projectRoot, env: { ...process.env, ...common }, stdio: 'ignore' });
    await new Promise((r) => importer.once('exit', r));
    const importer2 = spawn(tsx, ['bot/cli/import.ts', 'data/samples/presse-niveaux.csv'], { cwd: projectRoot, env: { ...process.env, ...common }, stdio: 'ignore' });
    await new Promise((r) => importer2.once('exit', r));
  } else {
    const first = await startProcess('dist/index.mjs', common); // creates, migrates and seeds the embedded database
    await first.stop();
  }
  const bot = await startProcess('dist/index.mjs', common);
  const run = await measure(bot, connector.url, name);
  await bot.stop();
  console.log(`\n== ${name} == ready on an existing database: ${bot.readyMs.toFixed(0)} ms; RSS after warm-up: ${run.rss.toFixed(0)} MB (echo: ${echoRun.rss.toFixed(0)} MB)`);
  console.log('conc |   echo p50   echo p99   echo rps | arobase p50 arobase p99 arobase rps | p50 ratio  rps ratio');
  for (const c of LEVELS) {
    const e = echoRun.rows[c]!, a = run.rows[c]!;
    console.log(`${String(c).padStart(4)} | ${fmt(e.p50)}ms ${fmt(e.p99)}ms ${fmt(e.rps)} | ${fmt(a.p50)}ms ${fmt(a.p99)}ms ${fmt(a.rps)} | ${fmt(a.p50 / e.p50)}x ${fmt((a.rps / e.rps) * 100)}%`);
    check(`${name} p50 ≤ 1.5× echo at ${c}`, a.p50 <= 1.5 * e.p50, `${(a.p50 / e.p50).toFixed(2)}×`);
  }
  const a32 = run.rows[32]!, e32 = echoRun.rows[32]!;
  check(`${name} throughput ≥ 60 % of echo at 32`, a32.rps >= 0.6 * e32.rps, `${((a32.rps / e32.rps) * 100).toFixed(0)} %`);
  check(`${name} RSS ≤ ${rssTarget} MB after warm-up`, run.rss <= rssTarget, `${run.rss.toFixed(0)} MB`);
  check(`${name} ready ≤ 1.5 s on an existing database`, bot.readyMs <= 1500, `${bot.readyMs.toFixed(0)} ms`);
}

await connector.close();
await pgTarget?.drop();
rmSync(dir, { recursive: true, force: true });
console.log(`\n${results.join('\n')}`);
process.exit(failed ? 1 : 0);
