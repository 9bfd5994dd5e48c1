// The follow-up memory's row of its own (bot/turnState.ts): memory an earlier version kept inside the conversation
// row is moved there on the conversation's next turn, and still answers a follow-up.
import { afterAll, expect, it } from 'vitest';
import { replyText } from './helpers/activities.ts';
import { startTestBot, type TestBot } from './helpers/testBot.ts';

let t: TestBot | undefined;
afterAll(async () => { await t?.db.close(); await t?.connector.close(); });

it('memory kept in the conversation row by an earlier version moves to its own row, and still serves a follow-up', async () => {
  t = await startTestBot();
  await t.db.pglite!.query(`INSERT INTO "BotState" (key, value, etag, "updatedAt") VALUES ($1, $2::jsonb, 'v1', now())`,
    ['msteams/28:arobase-bot/conversations/a:old-1', JSON.stringify({ label: { lastCode: '69029', lastQuestion: 'level' }, other: 1 })]);
  const replies = await t.say('et en 2023 ?', { conversationId: 'a:old-1' });
  expect(replies.map(replyText).join('\n')).toContain('Bron (Rhône)');
  await t.bot.stop();
  const rows = await t.db.pglite!.query<{ key: string; value: Record<string, unknown> }>(
    `SELECT key, value FROM "BotState" WHERE key LIKE '%a:old-1' ORDER BY key`);
  expect(rows.rows.map((r) => [r.key.split('/')[0], r.value])).toEqual([
    ['label', { lastCode: '69029', lastQuestion: 'level', lastEdition: 24 }],
    ['msteams', { other: 1 }],
  ]);
});
