// npm run bench:answer — arobase against the floor (an echo bot on the same stack): the same stream of questions
// through POST /api/messages to a local connector, at 1, 8 and 32 concurrent conversations, on PGlite and PostgreSQL.
// Prints p50/p99 latency, throughput and their ratios (echo and arobase measured back to back, medians of BENCH_REPS), RSS after warm-up, and time to ready on an existing database.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startFakeConnector } from '../bot/dev/localConnector.ts';
import { npmStartArgs } from '../bot/dev/npmStart.ts';
import { projectRoot } from '../data/migrations.ts';

const QUESTIONS = ['Quel est le niveau de Grenoble ?', 'Historique de Bron', 'Palmarès 2021', 'et en 2023 ?', 'What level is Bron?',
  'Quel est le niveau de Saint-Germain-en-Laye en 2021 ?', 'combien de 5@ pour Agen ?', 'aide', 'Niveau de Vandoeuvre les Nancy', 'et Sèvres ?'];
const LEVELS = [1, 8, 32];
const PER_LEVEL = Number(process.env.BENCH_REQUESTS ?? 1000);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');

type Bot = { child: ChildProcess; base: string; readyMs: number; stop(): Promise<void> };

// Both bots run as `npm start` runs arobase: the esbuild bundles of dist/ (scripts/build.mjs), on plain node.
const built = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.mjs')], { cwd: projectRoot, stdio: 'inherit' });
if (built.status !== 0) throw new Error('scripts/build.mjs failed');

/** The node flags of `npm start` (package.json), for both bots: the same runtime settings as in production. */
const NODE_FLAGS = npmStartArgs().filter((w) => w.startsWith('--'));

async function startProcess(entry: string, env: Record<string, string>): Promise<Bot> {
  const port = 41000 + Math.floor(Math.random() * 9000);
  const t0 = performance.now();
  // node itself (no wrapper process), so the pid's RSS is the bot's.
  const child = spawn(process.execPath, [...NODE_FLAGS, entry], { cwd: projectRoot, env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
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
  // The connector keeps every activity it receives (for tests); here nobody reads them, and 100 MB of them in this
  // process would make its garbage collections, on the cores the bots run on, longer run after run.
  connector.received.length = 0;
  latencies.sort((a, b) => a - b);
  return { p50: pct(latencies, 50), p99: pct(latencies, 99), rps: total / seconds };
}

type Row = Awaited<ReturnType<typeof load>>;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianRow = (rows: Row[]): Row => ({ p50: median(rows.map((r) => r.p50)), p99: median(rows.map((r) => r.p99)), rps: median(rows.map((r) => r.rps)) });

/** Warm-up, then RSS: what the bot holds once it has answered a few hundred questions. */
async function warm(bot: Bot, serviceUrl: string, tag: string): Promise<number> {
  await load(bot.base, serviceUrl, 8, WARMUP, `${tag}-warm`);
  return rssMb(bot.child.pid!);
}

/**
 * Echo and arobase measured back to back, REPS times per level (the machine's speed drifts during a run: comparing
 * runs minutes apart would measure the drift); each ratio is the median of the paired ratios.
 */
async function compare(echo: Bot, echoDb: Bot, bot: Bot, serviceUrl: string, tag: string) {
  const rows: Record<number, { echo: Row; echoDb: Row; bot: Row; p50Ratio: number; rpsRatio: number; p50RatioDb: number; rpsRatioDb: number; p50Ratios: number[] }> = {};
  for (const c of LEVELS) {
    const e: Row[] = [], d: Row[] = [], a: Row[] = [];
    for (let r = 0; r < REPS; r++) {
      e.push(await load(echo.base, serviceUrl, c, PER_LEVEL, `${tag}-echo-${c}-${r}`));
      d.push(await load(echoDb.base, serviceUrl, c, PER_LEVEL, `${tag}-echodb-${c}-${r}`));
      a.push(await load(bot.base, serviceUrl, c, PER_LEVEL, `${tag}-${c}-${r}`));
    }
    const p50Ratios = a.map((x, i) => x.p50 / e[i]!.p50);
    rows[c] = {
      echo: medianRow(e), echoDb: medianRow(d), bot: medianRow(a),
      p50Ratios, p50Ratio: median(p50Ratios), rpsRatio: median(a.map((x, i) => x.rps / e[i]!.rps)),
      p50RatioDb: median(a.map((x, i) => x.p50 / d[i]!.p50)), rpsRatioDb: median(a.map((x, i) => x.rps / d[i]!.rps)),
    };
  }
  return rows;
}

/** A new PostgreSQL database for `role`, or null when PostgreSQL is not reachable. */
async function postgresTarget(role: string): Promise<{ url: string; drop(): Promise<void> } | null> {
  const admin = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: admin });
  try { await client.connect(); } catch { return null; }
  const name = `arobase_bench_${role}_${Date.now()}`;
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
const echoRss = await warm(echo, connector.url, 'echo');

const dir = mkdtempSync(join(tmpdir(), 'arobase-bench-'));
// BENCH_TARGETS=pglite or postgresql runs one of the two (both by default).
const only = process.env.BENCH_TARGETS?.toLowerCase();
const pgTarget = only === 'pglite' ? null : await postgresTarget('bot');
// The echo bot keeping state gets a database of its own, as on PGlite: on arobase's, it would listen to every change
// arobase notifies (a second bot process), and use CPU during arobase's runs.
const pgEchoTarget = pgTarget ? await postgresTarget('echo') : null;
const targets: [string, Record<string, string>, number, Record<string, string>][] = [];
if (only !== 'postgresql') targets.push(['PGlite', { DATABASE_URL: `pglite:${join(dir, 'db')}` }, 450, { DATABASE_URL: `pglite:${join(dir, 'echo-db')}` }]);
if (pgTarget && pgEchoTarget) targets.push(['PostgreSQL', { DATABASE_URL: pgTarget.url, SEED_SAMPLES: 'never' }, 200, { DATABASE_URL: pgEchoTarget.url }]);
else if (only !== 'pglite') console.log('PostgreSQL not reachable: PostgreSQL rows skipped');

for (const [name, env, rssTarget, echoDbEnv] of targets) {
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
  // The floor with conversation state on the same kind of database (a database of its own).
  const echoDb = await startProcess('dist/echoBot.mjs', { ...common, ECHO_STATE: 'database', ...echoDbEnv });
  await warm(echoDb, connector.url, `${name}-echodb`);
  const bot = await startProcess('dist/index.mjs', common);
  const rss = await warm(bot, connector.url, name);
  const rows = await compare(echo, echoDb, bot, connector.url, name);
  const rssEnd = rssMb(bot.child.pid!);
  await bot.stop();
  await echoDb.stop();
  console.log(`\n== ${name} == ready on an existing database: ${bot.readyMs.toFixed(0)} ms; RSS after warm-up: ${rss.toFixed(0)} MB (echo: ${echoRss.toFixed(0)} MB); after the whole run: ${rssEnd.toFixed(0)} MB`);
  console.log(`medians of ${REPS} back-to-back runs of ${PER_LEVEL} messages per level`);
  console.log('conc |   echo p50   echo p99   echo rps | arobase p50 arobase p99 arobase rps | p50 ratio  rps ratio');
  for (const c of LEVELS) {
    const { echo: e, bot: a, p50Ratio, rpsRatio, p50Ratios } = rows[c]!;
    console.log(`${String(c).padStart(4)} | ${fmt(e.p50)}ms ${fmt(e.p99)}ms ${fmt(e.rps)} | ${fmt(a.p50)}ms ${fmt(a.p99)}ms ${fmt(a.rps)} | ${fmt(p50Ratio)}x ${fmt(rpsRatio * 100)}%  (runs: ${p50Ratios.map((r) => r.toFixed(2)).join(' ')})`);
    check(`${name} p50 ≤ 1.5× echo at ${c}`, p50Ratio <= 1.5, `${p50Ratio.toFixed(2)}×`);
  }
  console.log('for information, against an echo bot keeping its conversation state in the same database (not the target\'s floor):');
  for (const c of LEVELS) {
    const { echoDb: d, p50RatioDb, rpsRatioDb } = rows[c]!;
    console.log(`${String(c).padStart(4)} | echo+db p50 ${fmt(d.p50)}ms rps ${fmt(d.rps)} | arobase ÷ echo+db: p50 ${fmt(p50RatioDb)}x rps ${fmt(rpsRatioDb * 100)}%`);
  }
  const r32 = rows[32]!.rpsRatio;
  check(`${name} throughput ≥ 60 % of echo at 32`, r32 >= 0.6, `${(r32 * 100).toFixed(0)} %`);
  check(`${name} RSS ≤ ${rssTarget} MB after warm-up`, rss <= rssTarget, `${rss.toFixed(0)} MB`);
  check(`${name} ready ≤ 1.5 s on an existing database`, bot.readyMs <= 1500, `${bot.readyMs.toFixed(0)} ms`);
}

await echo.stop();
await connector.close();
await pgTarget?.drop();
await pgEchoTarget?.drop();
rmSync(dir, { recursive: true, force: true });
console.log(`\n${results.join('\n')}`);
process.exit(failed ? 1 : 0);
