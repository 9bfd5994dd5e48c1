// npm run bench:import — a 100,000-row palmarès CSV through `npm run import` (the CLI as users run it, in its own
// process), on the embedded database and on PostgreSQL: wall time and the CLI's peak RSS, for the first import and
// for the same file again (all unchanged). Targets (#17): ≤ 20 s and ≤ 400 MB; the re-import faster.
// BENCH_ROWS changes the size; BENCH_TARGETS=pglite|postgresql runs one; PostgreSQL needs TEST_DATABASE_URL
// (default postgresql://postgres@127.0.0.1:5432/postgres).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../data/migrations.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { createTempDatabase } from './lib/tempPostgres.ts';
import { rssMb } from './lib/botProcess.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const TARGETS = (process.env.BENCH_TARGETS ?? 'pglite,postgresql').split(',');
const dir = mkdtempSync(join(tmpdir(), 'arobase-import-'));

// Real codes (communes and EPCI) × editions 12 to 27: every row a distinct (code, edition).
const registry = getRegistry();
const lines = ['edition,code,name,level,mentions,source'];
for (let i = 0; lines.length <= ROWS; i++) {
  const entry = registry.entries[i % registry.entries.length]!;
  const edition = 12 + Math.floor(i / registry.entries.length);
  lines.push(`${edition},${entry.code},"${entry.name.replace(/"/g, '""')}",${1 + (i % 5)},${i % 7 === 0 ? 'excellence' : ''},"Banc d’essai, ligne ${i}"`);
}
const file = join(dir, 'palmares.csv');
writeFileSync(file, `${lines.join('\n')}\n`);

// `npm run import`'s own command line (its heap flags): the benchmark measures what users run.
const importScript = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.import!;
const importFlags = importScript.split(/\s+/).slice(1).filter((w) => w.startsWith('--max-'));

/** Runs a CLI (the import by default); its wall time and peak RSS (sampled from /proc every 50 ms). */
function runImport(databaseUrl: string, cli = 'import.ts', args = [file]): Promise<{ ms: number; rssMb: number; out: string; code: number | null }> {
  const t0 = performance.now();
  const flags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? (cli === 'import.ts' ? importFlags : []);
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', join(projectRoot, 'bot/cli', cli), ...args], {
    cwd: projectRoot, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(child.pid!));
  }, 50);
  return new Promise((resolve) => child.on('exit', (code) => {
    clearInterval(timer);
    resolve({ ms: performance.now() - t0, rssMb: peak, out, code });
  }));
}

console.log(`npm run import: node ${importFlags.join(' ')}`);
console.log(`${ROWS.toLocaleString('en')} rows, ${(Buffer.byteLength(lines.join('\n')) / 1e6).toFixed(1)} MB`);
for (const target of TARGETS) {
  let url: string;
  let drop = async () => {};
  if (target === 'pglite') url = `pglite:${join(dir, 'db')}`;
  else {
    const temp = await createTempDatabase(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
    url = temp.url;
    drop = temp.drop;
  }
  try {
    await runImport(url, 'dbMigrate.ts', []); // the database exists and is migrated, as for an import into a running installation
    for (const run of ['first import', 'same file again']) {
      const r = await runImport(url);
      const summary = r.out.split('\n').filter((l) => /créé|modifié|inchangé|erreur|ligne/i.test(l)).slice(-1)[0] ?? r.out.slice(-300);
      console.log(`${target.padEnd(10)} ${run.padEnd(16)} ${(r.ms / 1000).toFixed(1)} s, peak RSS ${r.rssMb.toFixed(0)} MB, exit ${r.code} — ${summary.trim()}`);
    }
  } finally {
    await drop();
  }
}
rmSync(dir, { recursive: true, force: true });
