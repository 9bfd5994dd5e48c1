// Stopping the bot writes the conversation state its last turns left pending (embedded database: written just after
// the turn), even when the database stays open for whoever owns it (a restart in the same process, the tests).
import { afterAll, expect, it } from 'vitest';
import { startTestBot, type TestBot } from './helpers/testBot.ts';

let t: TestBot | undefined;
afterAll(async () => { await t?.db.close(); await t?.connector.close(); });

it('a stopped bot has written the state of its last turn', async () => {
  t = await startTestBot();
  await t.say('Quel est le niveau de Grenoble ?', { conversationId: 'a:stop-1' });
  await t.bot.stop();
  // The follow-up memory has a row of its own (label/…), written behind like every row here.
  const rows = await t.db.pglite!.query<{ key: string; value: { lastCode?: string } }>(
    `SELECT key, value FROM "BotState" WHERE key LIKE '%a:stop-1%'`);
  expect(rows.rows.map((r) => [r.key.split('/')[0], r.value.lastCode])).toEqual([['label', '38185']]);
});
