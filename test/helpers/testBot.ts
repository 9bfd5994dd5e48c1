// Starts the real bot (HTTP server, adapter, Teams AI Application) on a cloned test database and a fake connector.
import pino from 'pino';
import { loadConfig } from '../../bot/config.ts';
import { createLogger } from '../../bot/logger.ts';
import { startBot, type BotHandle, type StartOptions } from '../../bot/main.ts';
import type { Database } from '../../data/database.ts';
import { startFakeConnector, type FakeConnector } from './fakeConnector.ts';
import { openTestDatabase } from './testDb.ts';
import { messageActivity, type ActivityOptions } from './activities.ts';

export type TestBot = {
  bot: BotHandle;
  db: Database;
  connector: FakeConnector;
  base: string;
  opts: (o?: Partial<ActivityOptions>) => ActivityOptions;
  post(activity: unknown): Promise<Response>;
  /** Posts a message and returns the bot's replies to it. */
  say(text: string, o?: Partial<ActivityOptions>): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
};

/** The day every test bot lives on: answers that depend on the calendar (published palmarès) never move. */
export const TEST_NOW = new Date('2026-06-15T12:00:00Z');

export async function startTestBot(
  env: Record<string, string> = {}, extra: Pick<StartOptions, 'model' | 'credentialsFactory' | 'now'> & { logs?: string[] } = {},
): Promise<TestBot> {
  const db = await openTestDatabase();
  const connector = await startFakeConnector();
  const config = loadConfig({ PORT: '0', DATABASE_URL: 'pglite:memory', SEED_SAMPLES: 'never', NOTIFY_WORKER: 'off', ...env });
  const { logs, ...options } = extra;
  // `logs`: every line at every level, for tests that check what the logs hold.
  const logger = logs ? createLogger('trace', { write: (line: string) => void logs.push(line) }) : pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const bot = await startBot({ config, logger, db, startTypingTimer: false, env, now: () => TEST_NOW, ...options });
  const base = `http://127.0.0.1:${bot.port}`;
  const opts = (o: Partial<ActivityOptions> = {}): ActivityOptions => ({ serviceUrl: connector.url, ...o });
  const post = (activity: unknown) =>
    fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  return {
    bot, db, connector, base, opts, post,
    async say(text, o) {
      const before = connector.received.length;
      const res = await post(messageActivity(text, opts(o)));
      if (res.status >= 300) throw new Error(`POST /api/messages → ${res.status}`);
      return connector.received.slice(before).map((c) => c.body);
    },
    async close() {
      await bot.stop();
      await connector.close();
      await db.close();
    },
  };
}

/** A test bot on the sourced sample palmarès (what `npm start` loads into an empty embedded database). */
export async function startSampleBot(): Promise<TestBot> {
  const t = await startTestBot();
  const [{ seedSamplesIfEmpty }, { getRegistry }] = await Promise.all([import('../../data/samples.ts'), import('../../data/territories/registry.ts')]);
  await seedSamplesIfEmpty(t.db, getRegistry());
  return t;
}
