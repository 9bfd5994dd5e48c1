// The rig of the Playground checks: the bot (`npm start`) on a fresh embedded database with ADMIN_IDS=user-id-0, the
// Microsoft 365 Agents Playground pointed at it, both on free ports, and headless Chromium on the Playground's page.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('../..', import.meta.url).pathname;

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** Starts a child process and resolves once its output matches `ready`. */
function start(name, command, args, env, ready) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} not ready after 120 s:\n${out.slice(-2000)}`)), 120_000);
    const onData = (d) => { out += d; if (ready.test(out)) { clearTimeout(timer); resolve(); } };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}):\n${out.slice(-2000)}`)));
  });
  return { child, started };
}
const stop = (p) => { try { process.kill(-p.child.pid, 'SIGTERM'); } catch { /* already gone */ } };

/** Everything started and the Playground open: `{ page, close }`. close() stops it all, even after a failure. */
export async function startPlaygroundRig() {
  const dataDir = mkdtempSync(join(tmpdir(), 'arobase-playground-'));
  const botPort = await freePort();
  const pgPort = await freePort();
  const bot = start('bot', 'npm', ['start'], { PORT: String(botPort), DATABASE_URL: `pglite:${dataDir}`, ADMIN_IDS: 'user-id-0' }, /"ready"|notification sender active/);
  const playground = start('playground', 'npx', ['agentsplayground', '-e', `http://localhost:${botPort}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(pgPort)], {}, /Listening on/);
  let browser;
  const close = async () => {
    await browser?.close();
    stop(playground);
    stop(bot);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await Promise.all([bot.started, playground.started]);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    if (process.env.DEBUG) page.on('request', (r) => { if (r.method() === 'POST' && /_conversation/.test(r.url())) console.log('  POST', r.url().replace(/.*_conversation/, ''), r.postData()?.slice(0, 300)); });
    await page.goto(`http://localhost:${pgPort}`, { waitUntil: 'networkidle' });
    return { page, close };
  } catch (e) {
    await close();
    throw e;
  }
}
