// Starts arobase: HTTP first (health says "starting"), then database, registry and the Teams application.
import type { AddressInfo } from 'node:net';
import type { ModelRouter } from './llm/router.ts';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { openDatabase, type Database } from '../data/database.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { seedSamplesIfEmpty } from '../data/samples.ts';
import { createAdapter } from './adapter.ts';
import { createApp } from './app.ts';
import { stateStorageFor } from './stateStorage.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { createServer, type Readiness } from './server.ts';
import { ConversationRateLimiter } from './requestGuard.ts';
import { startNotificationWorker } from '../data/notifications/index.ts';
import { createTeamsSender } from './notifications/teamsSender.ts';
import { createStatusCardUpdater } from './statusCardUpdater.ts';
import type { NotificationConversation } from './notificationConversation.ts';

export type BotHandle = {
  port: number;
  /** The address the server listens on (HOST). */
  address: string;
  db: Database;
  readiness: Readiness;
  stop(): Promise<void>;
};

export type StartOptions = {
  config: Config;
  logger: Logger;
  /** An already open database (tests); otherwise DATABASE_URL is opened and closed by the bot. */
  db?: Database;
  /** DATABASE_URL already being opened (npm start, while the bot's modules load): the bot closes it. */
  opening?: Promise<Database>;
  startTypingTimer?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Outgoing credentials instead of botbuilder's (tests: a loopback token). */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** A language model to use instead of the configured one (tests: a fake model). */
  model?: ModelRouter | null;
  /** The clock (tests: a fixed day, so that no answer depends on today's date). */
  now?: () => Date;
};

export async function startBot(options: StartOptions): Promise<BotHandle> {
  const { config, logger } = options;
  const readiness: Readiness = { inFlight: new Set() };
  const { burst, perSecond } = config.CONVERSATION_RATE_LIMIT;
  const server = createServer(readiness, logger, new ConversationRateLimiter(burst, perSecond), config.MAX_CONCURRENT_TURNS);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  logger.info({ port, host: config.HOST }, 'listening');

  const ownsDb = !options.db;
  let db: Database;
  try {
    db = options.db ?? (await (options.opening ?? openDatabase({ url: config.DATABASE_URL })));
  } catch (error) {
    server.close();
    throw error;
  }
  if (db.applied.length) logger.info({ migrations: db.applied }, 'migrations applied');
  const registry = getRegistry();
  if (config.SEED_SAMPLES === 'auto') {
    const seeded = await seedSamplesIfEmpty(db, registry);
    if (seeded) logger.info({ awards: seeded.reduce((n, s) => n + s.created, 0) }, 'sample palmarès loaded into the embedded database');
  }
  if (config.localMode) logger.warn('Mode local : aucun identifiant Microsoft (MicrosoftAppId) — jetons non vérifiés, pour le Playground et les tests seulement.');
  const adapter = createAdapter(config, logger, options.env, options.credentialsFactory);
  const appId = config.MicrosoftAppId ?? '';
  let notifications: NotificationConversation | undefined;
  const statusCards = createStatusCardUpdater(adapter, appId, () => notifications, logger);
  const storage = stateStorageFor(db, (error) => logger.error({ err: error }, 'conversation state not written yet (retrying)'));
  const app = createApp({
    db, storage, registry, config, logger, adapter, startTypingTimer: options.startTypingTimer, model: options.model, now: options.now,
    statusCards, onNotifications: (n) => (notifications = n),
  });
  // One process at a time sends (advisory lock on PostgreSQL); the others stand by and take over.
  const worker = config.NOTIFY_WORKER === 'on'
    ? startNotificationWorker({
      db, sender: createTeamsSender(adapter, appId), ...config.notify,
      logger: logger.child({ component: 'notifications' }), lookup: registry,
    })
    : undefined;
  readiness.ready = { app, adapter, localMode: config.localMode, details: { database: db.target.kind, territories: registry.size } };
  logger.info('ready');

  let stopping: Promise<void> | undefined;
  return {
    port, address, db, readiness,
    stop() {
      stopping ??= (async () => {
        readiness.draining = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Turns already running finish (and reach the database) before it closes; so do sends in flight.
        statusCards.stop();
        await Promise.allSettled([...readiness.inFlight, worker?.stop()]);
        await closed;
        await storage.flush(); // state written behind by the last turns, even when the caller owns the database
        if (ownsDb) await db.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}
