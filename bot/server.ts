// HTTP surface: POST /api/messages (Bot Framework) and GET /healthz.
import restify from 'restify';
import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { Logger } from './logger.ts';

export type Readiness = {
  /** Set once the database is migrated and the registry loaded. */
  ready?: { app: Application<TurnState>; adapter: TeamsAdapter; details: Record<string, unknown> };
  draining?: boolean;
};

export const MAX_BODY_BYTES = 256 * 1024;

export function createServer(state: Readiness, logger: Logger): restify.Server {
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
    try {
      await ready.adapter.process(req, res, async (context) => {
        await ready.app.run(context);
      });
    } catch (error) {
      logger.error({ err: error }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });

  return server;
}
