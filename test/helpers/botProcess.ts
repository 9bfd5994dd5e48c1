// The bot as a separate OS process (npm start's entry), for multi-process and restart tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../../data/migrations.ts';
import { npmStartArgs } from '../../bot/dev/npmStart.ts';

export type BotProcess = { port: number; base: string; child: ChildProcess; output: () => string; stop(signal?: NodeJS.Signals): Promise<number | null> };

/** The sources through tsx (default), or npm start's esbuild bundle (dist/index.mjs, built beforehand). */
export async function startBotProcess(env: Record<string, string>, timeoutMs = 60_000, entry: 'sources' | 'bundle' = 'sources'): Promise<BotProcess> {
  const port = 40000 + Math.floor(Math.random() * 20000);
  // node itself (with tsx as a loader for the sources): no wrapper process between the signal and the bot. The
  // bundle runs with exactly npm start's arguments (package.json), so the two cannot drift apart.
  const args = entry === 'bundle' ? npmStartArgs() : ['--import', 'tsx', '--disable-warning=DEP0111', 'bot/index.ts'];
  const child = spawn(process.execPath, args, {
    cwd: projectRoot, env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`${base}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`bot process did not become healthy:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port, base, child, output: () => out,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
