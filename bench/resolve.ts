// Benchmark of the territory resolver against bench/data/resolve-queries.json (see makeResolveQueries.ts),
// and of fuse.js over the same names on the same queries.
// Usage: npm run bench:resolve [-- --no-fuse] [-- --failures]
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fuse from 'fuse.js';
import { getRegistry, type RegistryEntry } from '../data/registry.ts';
import { createTerritoryIndex, type Resolution } from '../data/territories.ts';

type BenchQuery = { query: string; kind: string; expect: string };
type Answer = { code?: string; status: Resolution['status'] };

const TARGET_ACCURACY = 0.99;
const TARGET_P99_US = 1000;
const TARGET_BUILD_MS = 1500;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const queries = JSON.parse(readFileSync(new URL('./data/resolve-queries.json', import.meta.url), 'utf8')) as BenchQuery[];
const args = new Set(process.argv.slice(2));

function memory(): { heap: number; rss: number } {
  gc(); gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}
const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function correct(q: BenchQuery, a: Answer): boolean {
  if (q.expect === 'ambiguous' || q.expect === 'not_found') return a.status === q.expect;
  return a.status === 'found' && a.code === q.expect;
}

/** Accuracy per kind and overall, latency percentiles over `rounds` timed passes after one warm-up pass. */
function measure(name: string, answer: (q: string) => Answer, rounds: number) {
  const answers = queries.map((q) => answer(q.query));
  const micros: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = process.hrtime.bigint();
      answer(q.query);
      micros.push(Number(process.hrtime.bigint() - t) / 1000);
    }
  }
  micros.sort((a, b) => a - b);
  const kinds = new Map<string, { ok: number; n: number }>();
  const failures: string[] = [];
  queries.forEach((q, i) => {
    const a = answers[i] as Answer;
    const k = kinds.get(q.kind) ?? { ok: 0, n: 0 };
    k.n++;
    if (correct(q, a)) k.ok++;
    else failures.push(`  [${q.kind}] ${JSON.stringify(q.query)}: expected ${q.expect}, got ${a.status}${a.code ? ` ${a.code}` : ''}`);
    kinds.set(q.kind, k);
  });
  const ok = [...kinds.values()].reduce((s, k) => s + k.ok, 0);
  console.log(`\n${name}: top-1 accuracy`);
  for (const [kind, k] of kinds) console.log(`  ${kind.padEnd(18)} ${pct(k.ok / k.n).padStart(8)}  (${k.ok}/${k.n})`);
  const accuracy = ok / queries.length;
  console.log(`  ${'overall'.padEnd(18)} ${pct(accuracy).padStart(8)}  (${ok}/${queries.length})`);
  const p50 = percentile(micros, 0.5);
  const p99 = percentile(micros, 0.99);
  console.log(`${name}: latency p50 ${p50.toFixed(1)} µs, p99 ${p99.toFixed(1)} µs, max ${(micros.at(-1) ?? 0).toFixed(1)} µs (${micros.length} timed calls)`);
  return { accuracy, p50, p99, failures };
}

let t = performance.now();
const registry = getRegistry();
console.log(`registry load: ${(performance.now() - t).toFixed(0)} ms (${registry.communes.length} communes, ${registry.epcis.length} EPCI); ${queries.length} queries`);

// Ours.
let before = memory();
t = performance.now();
const index = createTerritoryIndex(registry);
const buildMs = performance.now() - t;
let after = memory();
console.log(`\nours: index build ${buildMs.toFixed(0)} ms, heap +${mb(after.heap - before.heap)} MB, RSS +${mb(after.rss - before.rss)} MB`);
const ours = measure('ours', (q) => {
  const r = index.resolve(q);
  return r.status === 'found' ? { status: r.status, code: r.territory.code } : { status: r.status };
}, 3);
if (args.has('--failures') || ours.failures.length <= 20) {
  console.log(ours.failures.length ? `ours: failures\n${ours.failures.join('\n')}` : 'ours: no failures');
} else {
  console.log(`ours: ${ours.failures.length} failures (run with -- --failures to list them)`);
}

// fuse.js: a Fuse index over the same entries' names; top result = answer. Fuse has no "ambiguous" or
// "not found": a tie between the two best scores counts as ambiguous, no result as not found.
if (!args.has('--no-fuse')) {
  const items: RegistryEntry[] = [...registry.communes, ...registry.epcis];
  before = memory();
  t = performance.now();
  const fuse = new Fuse(items, { keys: ['name'], threshold: 0.3, includeScore: true, ignoreLocation: true });
  const fuseBuildMs = performance.now() - t;
  after = memory();
  console.log(`\nfuse.js: index build ${fuseBuildMs.toFixed(0)} ms, heap +${mb(after.heap - before.heap)} MB, RSS +${mb(after.rss - before.rss)} MB (this takes a while: ~0.1 s per query)`);
  const fuseAnswer = (q: string): Answer => {
    const [first, second] = fuse.search(q, { limit: 2 });
    if (!first) return { status: 'not_found' };
    if (second && Math.abs((second.score ?? 0) - (first.score ?? 0)) < 1e-9) return { status: 'ambiguous' };
    return { status: 'found', code: first.item.code };
  };
  measure('fuse.js', fuseAnswer, 0);
  console.log('fuse.js: latency measured on the accuracy pass (no warm-up pass)');
}

// Targets (ours).
const checks: [string, boolean, string][] = [
  ['top-1 accuracy ≥ 99 %', ours.accuracy >= TARGET_ACCURACY, pct(ours.accuracy)],
  ['p99 latency ≤ 1 ms', ours.p99 <= TARGET_P99_US, `${ours.p99.toFixed(1)} µs`],
  ['index build ≤ 1.5 s', buildMs <= TARGET_BUILD_MS, `${buildMs.toFixed(0)} ms`],
];
console.log('');
for (const [label, pass, value] of checks) console.log(`${pass ? 'PASS' : 'FAIL'}  ${label}: ${value}`);
process.exit(checks.every(([, pass]) => pass) ? 0 : 1);
