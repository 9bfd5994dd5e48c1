// npm run worker [-- --until-idle] : the notification worker alone, on DATABASE_URL (the bot process runs the same
// worker inside `npm start`). One sender at a time: on PostgreSQL the others stand by and take over if it dies.
// SIGTERM/SIGINT: no new claim, in-flight sends complete, outcomes are written, the lock is released.
import { openDatabase } from '../../data/database.ts';
import { getRegistry } from '../../data/territories/registry.ts';
import { startNotificationWorker } from '../../data/notifications/index.ts';
import { createAdapter } from '../adapter.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { describeDatabase, loadDotEnv } from '../environment.ts';
import { createLogger } from '../logger.ts';
import { createTeamsSender } from '../notifications/teamsSender.ts';


loadDotEnv();
let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Configuration invalide — ${(error as Error).message}`);
  process.exit(1);
}
const logger = createLogger(config.LOG_LEVEL);
console.error(`Base de données : ${describeDatabase(config.DATABASE_URL)}`);
const db = await openDatabase({ url: config.DATABASE_URL });
const sender = createTeamsSender(createAdapter(config, logger), config.MicrosoftAppId ?? '');
const worker = startNotificationWorker({
  db, sender, ...config.notify, logger, lookup: getRegistry(), untilIdle: process.argv.includes('--until-idle'),
});
logger.info({ database: db.target.kind, ...config.notify }, 'notification worker started');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'draining: in-flight sends complete, nothing new is claimed');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    void worker.stop();
  });
}
await worker.finished;
await db.close();
logger.info(worker.stats, 'notification worker stopped');
