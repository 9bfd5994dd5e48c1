// A bot process killed (-9) in the middle of an application resumes, after a restart, at the last saved answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, replyText } from './helpers/activities.ts';
import { startBotProcess, type BotProcess } from './helpers/botProcess.ts';
import { startFakeConnector, type FakeConnector } from './helpers/fakeConnector.ts';

const dir = mkdtempSync(join(tmpdir(), 'arobase-crash-'));
const env = { DATABASE_URL: `pglite:${join(dir, 'db')}`, SEED_SAMPLES: 'never', ADMIN_IDS: '29:admin' };
// The admin binds the claimant's Entra tenant to Grenoble: the claim below is approved at once.
const TENANT = '0a1b2c3d-0000-4000-8000-00000000c4a5';
let connector: FakeConnector;
let bot: BotProcess | undefined;

beforeAll(async () => { connector = await startFakeConnector(); });
afterAll(async () => {
  await bot?.stop('SIGKILL');
  await connector?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function say(text: string, conversationId = 'a:crash', userId = '29:crash') {
  const before = connector.received.length;
  const res = await fetch(`${bot!.base}/api/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify(messageActivity(text, { serviceUrl: connector.url, conversationId, userId, tenantId: TENANT })),
  });
  expect(res.status).toBe(200);
  return connector.received.slice(before).map((c) => replyText(c.body)).join('\n');
}

describe('crash during a dialog', () => {
  it('kill -9 after two answers: the restarted bot resumes at the third question', async () => {
    bot = await startBotProcess(env, 90_000);
    expect(await say(`lier tenant ${TENANT} à 38185`, 'a:admin', '29:admin')).toContain('est lié à **Grenoble**');
    expect(await say('candidature')).toContain('quelle collectivité représentez-vous');
    expect(await say('Grenoble')).toContain('Vous représentez **Grenoble**');
    expect(await say('1')).toContain('Quels sont vos prénom et nom ?'); // « 1. Oui »
    expect(await say('Marie Curie')).toContain('À quel titre préparez-vous cette candidature ?');
    const third = await say('2');
    expect(third).not.toContain('À quel titre');
    const question = third.trim().split('\n').filter(Boolean).at(-1)!;
    await bot.stop('SIGKILL');

    bot = await startBotProcess(env, 90_000);
    const resumed = await say('reprendre ma candidature', 'a:crash-other-device');
    expect(resumed).toContain('2 réponse(s) sur');
    expect(resumed).toContain(question);
  }, 240_000);
});
