// One pino logger for the process. No personal data at info level: ids only, never message text.
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'arobase' } });
}
