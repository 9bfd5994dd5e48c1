// One pino logger for the process. No personal data at info level: ids only, never message text. At every level,
// Teams ids that slip into a line (an error message quoting a conversation, say) are written as digests.
import { createHash } from 'node:crypto';
import pino from 'pino';

export type Logger = pino.Logger;

// Teams user (29:…), bot (28:…), personal (a:…), channel or group (19:…@thread…) and org (8:orgid:…) ids.
const TEAMS_ID = /\b(?:29|28|19|8|a|f):[A-Za-z0-9_\-.:@=+/]{3,}/g;
const digest = (id: string) => `id#${createHash('sha256').update(id).digest('hex').slice(0, 12)}`;

/** A log line with every Teams id replaced by its digest. */
export function scrubIds(line: string): string {
  return line.replace(TEAMS_ID, digest);
}

export function loggerOptions(level: string): pino.LoggerOptions {
  return { level, base: { app: 'arobase' }, hooks: { streamWrite: scrubIds } };
}

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
