// npm run bench:answer — arobase against the floor (an echo bot on the same stack): the same stream of questions
// through POST /api/messages to a local connector, at 1, 8 and 32 concurrent conversations, on PGlite and PostgreSQL.
// Prints p50/p99 latency, throughput and their ratios, RSS after warm-up, and time to ready on an existing database.
//
// Method. This machine's speed drifts by ±20 % within seconds (a shared host), more than the gap being measured:
// runs of 1,000 messages, one bot after the other, gave paired ratios from 0.97 to 1.74 for the same code. So the
// bots take turns in short chunks (BENCH_CHUNK messages, at least 16 per conversation), in a rotating order, until
// each has answered BENCH_REQUESTS messages per level; p50 and p99 are over all of a bot's latencies, throughput is
// its messages over the time it ran. The drift then falls on every bot alike. A process's own speed also varies
// from one start to the next (the same code measured 1.19× and 1.48× at 8 conversations in two runs): BENCH_SETS
// sets of freshly started processes share the messages, and each set's ratio is printed. The load generator and the
// stand-in connector share the two cores with the bot (in production they are Teams' and Azure's): plain node:http
// with keep-alive, and a connector that answers 200 without parsing, keep their cost low (~220 µs a message against
// ~600 with fetch and a parsing connector), the same for both bots. Every message must get its reply (counted).
// Time to ready: the median of BENCH_READY_STARTS starts and the sets' own, all printed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startFakeConnector } from '../bot/dev/localConnector.ts';
import { buildDist, rssMb, startProcess, type Bot } from './lib/botProcess.ts';
import { projectRoot } from '../data/migrations.ts';

const QUESTIONS = ['Quel est le niveau de Grenoble ?', 'Historique de Bron', 'Palmarès 2021', 'et en 2023 ?', 'What level is Bron?',
  'Quel est le niveau de Saint-Germain-en-Laye en 2021 ?', 'combien de 5@ pour Agen ?', 'aide', 'Niveau de Vandoeuvre les Nancy', 'et Sèvres ?'];
const LEVELS = [1, 8, 32];
/** Messages per bot and level, in chunks taken in turns. */
const PER_LEVEL = Number(process.env.BENCH_REQUESTS ?? 5000);
const CHUNK = Number(process.env.BENCH_CHUNK ?? 250);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
/** Sets of freshly started processes per database (their latencies pooled). */
const SETS = Number(process.env.BENCH_SETS ?? 2);
/** Starts only to time the start, besides the sets' (time to ready: the median of them all). */
const READY_STARTS = Number(process.env.BENCH_READY_STARTS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');

// Both bots run as `npm start` runs arobase: the esbuild bundles of dist/ (scripts/build.mjs), on plain node.
buildDist();

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
function post(port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end(body);
  });
}

type Sample = { latencies: number[]; seconds: number; messages: number };

/** `total` messages from `concurrency` conversations at once (each worker speaks for two people, one French and
 *  one English: a person keeps one Teams locale); the same conversations for every chunk of a level. */
async function load(bot: Bot, serviceUrl: string, concurrency: number, total: number, tag: string, into: Sample): Promise<void> {
  let next = 0;
  const sendsBefore = connector.sends;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async (_, w) => {
    while (next < total) {
      const i = next++;
      const lang = i % 5 === 4 ? 'en' : 'fr';
      const body = JSON.stringify({
        type: 'message', id: `m${i}`, channelId: 'msteams', serviceUrl, locale: lang === 'en' ? 'en-US' : 'fr-FR', text: QUESTIONS[i % QUESTIONS.length],
        from: { id: `29:bench-${tag}-${w}-${lang}`, name: 'Bench', aadObjectId: `aad-${w}-${lang}` }, recipient: { id: '28:arobase', name: 'arobase' },
        conversation: { id: `a:bench-${tag}-${w}-${lang}`, conversationType: 'personal' },
      });
      const s = performance.now();
      const status = await post(bot.port, body);
      if (status !== 200) throw new Error(`HTTP ${status}`);
      into.latencies.push(performance.now() - s);
    }
  }));
  into.seconds += (performance.now() - t0) / 1000;
  into.messages += total;
  // Every message is answered (a typing indicator, after a second, would be one more send).
  if (connector.sends - sendsBefore < total) throw new Error(`${tag}: ${connector.sends - sendsBefore} replies for ${total} messages`);
}

type Row = { p50: number; p99: number; rps: number };
const rowOf = (s: Sample): Row => {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  return { p50: pct(sorted, 50), p99: pct(sorted, 99), rps: s.messages / s.seconds };
};
const newSample = (): Sample => ({ latencies: [], seconds: 0, messages: 0 });

/** Warm-up, then RSS: what the bot holds once it has answered a few hundred questions. */
async function warm(bot: Bot, serviceUrl: string, tag: string): Promise<number> {
  await load(bot, serviceUrl, 8, WARMUP, `${tag}-warm`, newSample());
  return rssMb(bot.child.pid!);
}

/** Latencies pooled per level and bot (echo, echo+db, arobase): over everything, and per set of processes. */
type Pool = Record<number, Sample[][]>;
const newPool = (sets: number): Pool => Object.fromEntries(LEVELS.map((c) => [c, [0, 1, 2].map(() => Array.from({ length: sets + 1 }, newSample))]));

/** The three bots in turns, chunk by chunk, at each level (see the method above); `set` is their set of processes. */
async function compare(bots: [Bot, Bot, Bot], serviceUrl: string, tag: string, perLevel: number, pool: Pool, set: number) {
  for (const c of LEVELS) {
    const chunk = Math.max(CHUNK, 16 * c);
    const rounds = Math.max(1, Math.round(perLevel / chunk));
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < bots.length; k++) {
        const b = (k + r) % bots.length; // rotating order: no bot always runs right after the same other
        const own = newSample();
        await load(bots[b]!, serviceUrl, c, chunk, `${tag}-${b}-${c}`, own);
        for (const into of [pool[c]![b]![0]!, pool[c]![b]![1 + set]!]) {
          into.latencies.push(...own.latencies);
          into.seconds += own.seconds;
          into.messages += own.messages;
        }
      }
    }
  }
}

function rowsOf(pool: Pool, sets: number) {
  const rows: Record<number, { echo: Row; echoDb: Row; bot: Row; p50Ratio: number; rpsRatio: number; p50RatioDb: number; rpsRatioDb: number; perSet: number[] }> = {};
  for (const c of LEVELS) {
    const [e, d, a] = pool[c]!.map((s) => s.map(rowOf)) as [Row[], Row[], Row[]];
    rows[c] = {
      echo: e[0]!, echoDb: d[0]!, bot: a[0]!,
      p50Ratio: a[0]!.p50 / e[0]!.p50, rpsRatio: a[0]!.rps / e[0]!.rps,
      p50RatioDb: a[0]!.p50 / d[0]!.p50, rpsRatioDb: a[0]!.rps / d[0]!.rps,
      perSet: Array.from({ length: sets }, (_, i) => a[1 + i]!.p50 / e[1 + i]!.p50),
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

const connector = await startFakeConnector({ keep: false });
const fmt = (n: number) => n.toFixed(2).padStart(8);
const results: string[] = [];
let failed = false;
const check = (label: string, ok: boolean, detail: string) => { results.push(`${ok ? 'PASS' : 'FAIL'}  ${label}: ${detail}`); if (!ok) failed = true; };

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
  // Each set of processes: the echo bot, the echo bot keeping state on the same kind of database (a database of its
  // own) and arobase, started afresh. A process's own speed varies by several per cent from one start to the next
  // (the code V8 ends up with): the latencies of SETS sets are pooled.
  const pool = newPool(SETS);
  const readies: number[] = [], rsss: number[] = [], echoRsss: number[] = [], rssEnds: number[] = [];
  // Time to ready varies from one start to the next by more than the margin (one start measured 2.6 s between two of
  // 1.4): READY_STARTS starts of their own besides those of the sets, and the median of them all is checked.
  for (let i = 0; i < READY_STARTS; i++) {
    const bot = await startProcess('dist/index.mjs', common);
    readies.push(bot.readyMs);
    await bot.stop();
  }
  for (let set = 0; set < SETS; set++) {
    const echo = await startProcess('dist/echoBot.mjs', {});
    echoRsss.push(await warm(echo, connector.url, `${name}-echo-${set}`));
    const echoDb = await startProcess('dist/echoBot.mjs', { ...common, ECHO_STATE: 'database', ...echoDbEnv });
    await warm(echoDb, connector.url, `${name}-echodb-${set}`);
    const bot = await startProcess('dist/index.mjs', common);
    readies.push(bot.readyMs);
    rsss.push(await warm(bot, connector.url, `${name}-${set}`));
    await compare([echo, echoDb, bot], connector.url, `${name}-${set}`, PER_LEVEL / SETS, pool, set);
    rssEnds.push(rssMb(bot.child.pid!));
    await Promise.all([bot.stop(), echoDb.stop(), echo.stop()]);
  }
  const rows = rowsOf(pool, SETS);
  const list = (xs: number[], unit: string) => xs.map((x) => `${x.toFixed(0)} ${unit}`).join(', ');
  const ready = median(readies), rss = Math.max(...rsss);
  console.log(`\n== ${name} == ready on an existing database: ${list(readies, 'ms')}; RSS after warm-up: ${list(rsss, 'MB')} (echo: ${list(echoRsss, 'MB')}); after the whole run: ${list(rssEnds, 'MB')}`);
  console.log(`${PER_LEVEL} messages per bot and level, from ${SETS} sets of processes, in chunks of ${CHUNK} (at 32: ${Math.max(CHUNK, 16 * 32)}) taken in turns`);
  console.log('conc |   echo p50   echo p99   echo rps | arobase p50 arobase p99 arobase rps | p50 ratio  rps ratio');
  for (const c of LEVELS) {
    const { echo: e, bot: a, p50Ratio, rpsRatio, perSet } = rows[c]!;
    console.log(`${String(c).padStart(4)} | ${fmt(e.p50)}ms ${fmt(e.p99)}ms ${fmt(e.rps)} | ${fmt(a.p50)}ms ${fmt(a.p99)}ms ${fmt(a.rps)} | ${fmt(p50Ratio)}x ${fmt(rpsRatio * 100)}%  (per set: ${perSet.map((r) => r.toFixed(2)).join(' ')})`);
    check(`${name} p50 ≤ 1.5× echo at ${c}`, p50Ratio <= 1.5, `${p50Ratio.toFixed(2)}×`);
  }
  console.log('for information, against an echo bot keeping its conversation state in the same database (not the target\'s floor):');
  for (const c of LEVELS) {
    const { echoDb: d, p50RatioDb, rpsRatioDb } = rows[c]!;
    console.log(`${String(c).padStart(4)} | echo+db p50 ${fmt(d.p50)}ms rps ${fmt(d.rps)} | arobase ÷ echo+db: p50 ${fmt(p50RatioDb)}x rps ${fmt(rpsRatioDb * 100)}%`);
  }
  const r32 = rows[32]!.rpsRatio;
  check(`${name} throughput ≥ 60 % of echo at 32`, r32 >= 0.6, `${(r32 * 100).toFixed(0)} %`);
  check(`${name} RSS ≤ ${rssTarget} MB after warm-up (the larger of ${SETS})`, rss <= rssTarget, `${rss.toFixed(0)} MB`);
  check(`${name} ready ≤ 1.5 s on an existing database (median of ${readies.length} starts)`, ready <= 1500, `${ready.toFixed(0)} ms`);
}

await connector.close();
await pgTarget?.drop();
await pgEchoTarget?.drop();
rmSync(dir, { recursive: true, force: true });
console.log(`\n${results.join('\n')}`);
process.exit(failed ? 1 : 0);
