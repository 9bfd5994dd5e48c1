// Processes the benchmarks start and watch: the bot as `npm start` runs it (the bundles of dist/, package.json's
// node flags, plain node so the pid's RSS is the bot's), and the resident memory of any process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { npmStartArgs } from '../../bot/dev/npmStart.ts';
import { projectRoot } from '../../data/migrations.ts';

export type Bot = { child: ChildProcess; base: string; port: number; readyMs: number; stop(): Promise<void> };

/** scripts/build.mjs: the esbuild bundles `npm start` runs. */
export function buildDist(): void {
  const built = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.mjs')], { cwd: projectRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('scripts/build.mjs failed');
}

/** The node flags of `npm start` (package.json): the same runtime settings as in production. */
export const NODE_FLAGS = npmStartArgs().filter((w) => w.startsWith('--'));

/** Starts `entry` (dist/index.mjs, dist/echoBot.mjs) on a random port; resolves once /healthz answers 200. */
export async function startProcess(entry: string, env: Record<string, string>, flags: readonly string[] = NODE_FLAGS): Promise<Bot> {
  const port = 41000 + Math.floor(Math.random() * 9000);
  const t0 = performance.now();
  const child = spawn(process.execPath, [...flags, entry], { cwd: projectRoot, env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  while (!(await fetch(`${base}/healthz`).then((r) => r.status === 200, () => false))) {
    if (child.exitCode !== null) throw new Error(`${entry} exited`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - t0;
  return { child, base, port, readyMs, stop: () => new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }) };
}

/** A process's resident memory in MB (0 once it has ended). */
export function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}
