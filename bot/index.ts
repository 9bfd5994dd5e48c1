// npm start : the bot on its database (embedded PGlite unless DATABASE_URL says otherwise).
// The database starts opening first; botbuilder, Teams AI and the rest of the bot (main.ts, a chunk of its own in
// the bundle) are loaded meanwhile: PGlite compiles its WebAssembly and PostgreSQL answers on other threads.
import { openDatabase } from '../data/database.ts';
import { ConfigError, loadConfig } from './config.ts';
import { loadDotEnv } from './environment.ts';
import { createLogger } from './logger.ts';

// The project folder's .env (see .env.example) fills variables the environment does not already set.
loadDotEnv();


let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const logger = createLogger(config.LOG_LEVEL);
const opening = openDatabase({ url: config.DATABASE_URL });
opening.catch(() => {}); // its failure is reported by startBot, which awaits it
const { startBot } = await import('./main.ts');
const bot = await startBot({ config, logger, opening }).catch((error: unknown) => {
  logger.fatal({ err: error }, 'startup failed');
  process.exit(1);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    bot.stop().then(() => process.exit(0), (error) => {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  });
}
