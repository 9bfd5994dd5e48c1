// Benchmark of message understanding: accuracy per category on a phrasing set and time per message
// (understanding + place resolution + context), with the language model off (it never takes part here).
// Usage: npm run bench:understand [-- --set holdout] [-- --failures] [-- --intent-only]
//   --set <name>: bench/data/understand-<name>.json (default: set, the project's own set of 583 messages)
//   --intent-only: score the intent alone (to compare with intent classifiers such as NLP.js); default: every slot
import { fileURLToPath } from 'node:url';
import { getRegistry } from '../data/territories/registry.ts';
import { createTerritoryIndex } from '../data/territories/index.ts';
import { Understander } from '../data/understanding/index.ts';
import { loadSet, runSet, sampleCodes, type Outcome } from './lib/understandSet.ts';

const TARGET_ACCURACY = 0.98;
const TARGET_P99_MS = 5;
const ROUNDS = 5;

const args = process.argv.slice(2);
const setName = args[args.indexOf('--set') + 1] && args.includes('--set') ? args[args.indexOf('--set') + 1] : 'set';
const file = fileURLToPath(new URL(`./data/understand-${setName}.json`, import.meta.url));
const items = loadSet(file);
const registry = getRegistry();
const t0 = performance.now();
const understander = new Understander(createTerritoryIndex(registry));
understander.understand('Quel est le niveau de Grenoble ?', { now: new Date() }); // builds the indexes
const buildMs = performance.now() - t0;
const labelled = sampleCodes();

// Accuracy from the first run; time: each message's median over ROUNDS runs (a GC pause or a preemption on a shared
// machine is not the understanding's), then p50/p99 over messages.
const runs: Outcome[][] = [];
const intentOnly = args.includes('--intent-only');
for (let r = 0; r < ROUNDS; r++) runs.push(runSet(items, understander, registry, labelled, undefined, intentOnly));
const first = runs[0]!;
const micros = first.map((_, i) => runs.map((run) => run[i]!.micros).sort((a, b) => a - b)[ROUNDS >> 1]!).sort((a, b) => a - b);
const raw = runs.flat().map((o) => o.micros).sort((a, b) => a - b);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

const groups = new Map<string, { ok: number; n: number }>();
const add = (key: string, ok: boolean) => {
  const g = groups.get(key) ?? { ok: 0, n: 0 };
  g.n++;
  if (ok) g.ok++;
  groups.set(key, g);
};
for (const o of first) { add(o.category, o.ok); add(`lang ${o.lang}`, o.ok); }
const ok = first.filter((o) => o.ok).length;
const accuracy = ok / first.length;

console.log(`bench:understand — ${file.split('/').pop()}: ${items.length} items, ${first.length} messages (dialogue turns included)`);
console.log(`index build: ${buildMs.toFixed(0)} ms (territory index, place ranking, areas)`);
for (const [key, g] of [...groups].sort()) console.log(`  ${key.padEnd(18)} ${(100 * g.ok / g.n).toFixed(1).padStart(5)} %  (${g.ok}/${g.n})`);
console.log(`  ${'overall'.padEnd(18)} ${(100 * accuracy).toFixed(1).padStart(5)} %  (${ok}/${first.length})`);
console.log(`time per message: p50 ${(pct(micros, 0.5) / 1000).toFixed(3)} ms, p99 ${(pct(micros, 0.99) / 1000).toFixed(3)} ms, max ${(micros.at(-1)! / 1000).toFixed(3)} ms (median of ${ROUNDS} runs; raw p99 over all ${raw.length} calls ${(pct(raw, 0.99) / 1000).toFixed(3)} ms)`);
if (args.includes('--failures')) for (const o of first.filter((x) => !x.ok)) console.log(`  ✗ [${o.id}] ${JSON.stringify(o.says)}: ${o.why.join('; ')}`);
else if (ok < first.length) console.log(`(${first.length - ok} failures: --failures lists them)`);

const checks: [string, boolean][] = [
  [`accuracy ≥ ${100 * TARGET_ACCURACY} %: ${(100 * accuracy).toFixed(1)} %`, accuracy >= TARGET_ACCURACY],
  [`p99 ≤ ${TARGET_P99_MS} ms per message: ${(pct(micros, 0.99) / 1000).toFixed(3)} ms`, pct(micros, 0.99) / 1000 <= TARGET_P99_MS],
];
console.log('');
for (const [label, pass] of checks) console.log(`${pass ? 'PASS' : 'FAIL'}  ${label}`);
process.exitCode = checks.every(([, pass]) => pass) ? 0 : 1;
