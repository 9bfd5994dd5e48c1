// npm run bench:flood — overload: 200 conversations, each within its own limit (a burst of 10 messages: 2,000 in 10 s),
// while one well-behaved conversation sends 2 messages a second. The bot runs as `npm start` runs it (the bundles of
// dist/, the node flags of package.json, the embedded database, the default limits), against a local connector that
// answers at once. Prints, for the well-behaved conversation and for the flood: answered, refused (429/503, each with
// Retry-After or not), connection errors, p50/p99 of the answered; the bot's peak RSS.
// FLOOD_MAX_TURNS=<n> overrides MAX_CONCURRENT_TURNS (0: no global limit, the behaviour before it).
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeConnector } from '../bot/dev/localConnector.ts';
import { buildDist, rssMb, startProcess } from './lib/botProcess.ts';
import { projectRoot } from '../data/migrations.ts';

const CONVERSATIONS = Number(process.env.FLOOD_CONVERSATIONS ?? 200);
const PER_CONVERSATION = Number(process.env.FLOOD_MESSAGES ?? 10);
const SECONDS = Number(process.env.FLOOD_SECONDS ?? 10);
const QUESTIONS = ['Quel est le niveau de Grenoble ?', 'Historique de Bron', 'Palmarès 2021', 'What level is Bron?', 'aide'];

buildDist();

const connector = await startFakeConnector();
// A real connector answers in tens of milliseconds: each turn holds its slot that long (FLOOD_CONNECTOR_MS).
const CONNECTOR_MS = Number(process.env.FLOOD_CONNECTOR_MS ?? 50);
connector.respond = () => ({ status: 200, delayMs: CONNECTOR_MS });
const dir = mkdtempSync(join(tmpdir(), 'arobase-flood-'));
const env: Record<string, string> = { DATABASE_URL: `pglite:${join(dir, 'db')}` };
if (process.env.FLOOD_MAX_TURNS !== undefined) env.MAX_CONCURRENT_TURNS = process.env.FLOOD_MAX_TURNS;
const bot = await startProcess(join(projectRoot, 'dist', 'index.mjs'), env);
const base = bot.base;

let peakRss = 0;
const rssTimer = setInterval(() => { peakRss = Math.max(peakRss, rssMb(bot.child.pid!)); }, 200);

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
type Outcome = { status: number; ms: number; retryAfter: boolean };
function post(conversation: string, user: string, text: string): Promise<Outcome> {
  const body = JSON.stringify({
    type: 'message', id: `${Math.random()}`, channelId: 'msteams', serviceUrl: connector.url, locale: 'fr-FR', text,
    from: { id: user, name: 'Bench', aadObjectId: `aad-${user}` }, recipient: { id: '28:bot', name: 'arobase' },
    conversation: { id: conversation, conversationType: 'personal', tenantId: 't' }, channelData: { tenant: { id: 't' } },
  });
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.request(`${base}/api/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, retryAfter: res.headers['retry-after'] !== undefined }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: -1, ms: performance.now() - t0, retryAfter: false }));
    req.end(body);
  });
}

// Warm-up: the first turns compile the bundles' code paths. The well-behaved conversation is an ongoing chat: its
// user wrote a few seconds before the flood (a conversation first seen during a flood waits a retry under load).
for (let i = 0; i < 50; i++) await post('a:warm', '29:warm', QUESTIONS[i % QUESTIONS.length]!);
await post('a:good', '29:good', 'bonjour');
await new Promise((r) => setTimeout(r, 3_000));

const flood: Promise<Outcome>[] = [];
const good: Outcome[] = [];
const t0 = performance.now();
// Each flooding conversation sends its messages in one burst (within its limit of 20 at once) at a random moment
// of the window: 200 bursts of 10, the way a script or a stuck client floods.
for (let c = 0; c < CONVERSATIONS; c++) {
  const burstAt = Math.random() * (SECONDS - 1) * 1000;
  for (let m = 0; m < PER_CONVERSATION; m++) {
    const at = burstAt + m;
    flood.push(new Promise((resolve) => setTimeout(() => resolve(post(`a:flood-${c}`, `29:flood-${c}`, QUESTIONS[(c + m) % QUESTIONS.length]!)), at)));
  }
}
// The well-behaved conversation: 2 messages a second, each waiting for its answer as a person would.
for (let i = 0; i < SECONDS * 2; i++) {
  const due = t0 + i * 500;
  await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
  good.push(await post('a:good', '29:good', QUESTIONS[i % QUESTIONS.length]!));
}
const floodOutcomes = await Promise.all(flood);
clearInterval(rssTimer);

function report(name: string, outcomes: Outcome[]) {
  const answered = outcomes.filter((o) => o.status === 200).map((o) => o.ms).sort((a, b) => a - b);
  const pct = (p: number) => (answered.length ? answered[Math.min(answered.length - 1, Math.floor(p * answered.length))]!.toFixed(0) : '—');
  const refused = outcomes.filter((o) => o.status === 429 || o.status === 503);
  const count = (s: number) => outcomes.filter((o) => o.status === s).length;
  console.log(`${name.padEnd(16)} ${String(outcomes.length).padStart(5)} sent | ${String(answered.length).padStart(5)} answered, p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${answered.length ? answered.at(-1)!.toFixed(0) : '—'} ms`
    + ` | refused 429: ${count(429)}, 503: ${count(503)} (${refused.filter((o) => o.retryAfter).length}/${refused.length} with Retry-After)`
    + ` | other: ${outcomes.filter((o) => o.status !== 200 && o.status !== 429 && o.status !== 503 && o.status !== -1).length}, connection errors/timeouts: ${count(-1)}`);
}
console.log(`MAX_CONCURRENT_TURNS=${env.MAX_CONCURRENT_TURNS ?? 'default'} · connector ${CONNECTOR_MS} ms · ${CONVERSATIONS} conversations × ${PER_CONVERSATION} messages (bursts) over ${SECONDS} s + 1 conversation at 2/s`);
report('well-behaved', good);
report('flood', floodOutcomes);
console.log(`bot peak RSS ${peakRss.toFixed(0)} MB`);
await bot.stop();
await connector.close();
agent.destroy();
rmSync(dir, { recursive: true, force: true });
