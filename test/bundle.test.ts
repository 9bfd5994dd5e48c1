// What `npm start` runs: the esbuild bundle of dist/ (scripts/build.mjs), not the sources the other tests load
// through tsx. Its packages loaded on first use only (the build's stand-ins) must still work when they are used.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../data/migrations.ts';
import { messageActivity } from './helpers/activities.ts';
import { startBotProcess, type BotProcess } from './helpers/botProcess.ts';
import { startFakeConnector, type FakeConnector } from './helpers/fakeConnector.ts';

let bot: BotProcess;
let connector: FakeConnector;

beforeAll(async () => {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  connector = await startFakeConnector();
  bot = await startBotProcess({ DATABASE_URL: 'pglite:memory' }, 60_000, 'bundle');
}, 120_000);
afterAll(async () => {
  await bot?.stop('SIGKILL');
  await connector?.close();
});

describe("npm start's bundle", () => {
  it('answers a label question with its card', async () => {
    const res = await fetch(`${bot.base}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity('Quel est le niveau de Grenoble ?', { serviceUrl: connector.url, conversationId: 'a:bundle-1' })),
    });
    expect(res.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(String(reply!.body.summary)).toMatch(/^Grenoble \(Isère\) — 5 arobases/);
  });

  it('a package loaded on first use works when used (a text/csv body goes through csv): refused with 400, still healthy', async () => {
    const res = await fetch(`${bot.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'type,text\nmessage,bonjour\n' });
    expect(res.status).toBe(400);
    expect(bot.output()).not.toMatch(/Cannot find module|is not a function|TypeError/);
    expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await bot.stop('SIGTERM')).toBe(0);
  });
});
