// HTTP surface: POST /api/messages (Bot Framework) and GET /healthz.
import restify from 'restify';
import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from './logger.ts';
import { ConversationRateLimiter, guardActivity } from './requestGuard.ts';

export type Readiness = {
  /** Set once the database is migrated and the registry loaded. */
  ready?: { app: Application<TurnState>; adapter: TeamsAdapter; details: Record<string, unknown>; localMode: boolean };
  draining?: boolean;
  /** Turns being processed, so a shutdown can wait for them. */
  inFlight: Set<Promise<unknown>>;
};

export const MAX_BODY_BYTES = 256 * 1024;

/** Conversation ids are personal data: logs carry a short digest instead. */
const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 12);

export function createServer(state: Readiness, logger: Logger, limiter = new ConversationRateLimiter()): restify.Server {
  const server = restify.createServer({ name: 'arobase', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));

  server.get('/healthz', (_req, res, next) => {
    if (!state.ready || state.draining) {
      res.send(503, { status: state.draining ? 'stopping' : 'starting' });
    } else {
      res.send(200, { status: 'ok', ...state.ready.details, uptimeSeconds: Math.round(process.uptime()) });
    }
    return next();
  });

  server.post('/api/messages', async (req, res) => {
    const ready = state.ready;
    if (!ready || state.draining) {
      res.send(503, { error: 'not ready' });
      return;
    }
    const verdict = guardActivity(req.body, ready.localMode, limiter);
    if (!verdict.ok) {
      if (verdict.retryAfterSeconds) res.header('Retry-After', String(verdict.retryAfterSeconds));
      res.send(verdict.status, { error: verdict.error });
      logger.debug({ status: verdict.status, error: verdict.error }, 'activity refused');
      return;
    }
    const log = logger.child({ reqId: randomUUID(), conversation: digest(verdict.conversationId) });
    const started = performance.now();
    const turn = ready.adapter.process(req, res, async (context) => {
      context.turnState.set('logger', log);
      await ready.app.run(context);
    });
    state.inFlight.add(turn);
    try {
      await turn;
      log.info({ type: (req.body as { type?: string }).type, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'turn');
    } catch (error) {
      log.error({ err: error }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
      state.inFlight.delete(turn);
    }
  });

  return server;
}
