// HTTP surface: POST /api/messages (Bot Framework) and GET /healthz.
import restify from 'restify';
import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { createHash, randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Logger } from './logger.ts';
import { ConversationRateLimiter, guardActivity } from './requestGuard.ts';
import { normalizeActivity } from './activityEdge.ts';
import { AUTH_UNAVAILABLE } from './adapter.ts';

export type Readiness = {
  /** Set once the database is migrated and the registry loaded. */
  ready?: {
    app: Application<TurnState> & { stateFree?(context: TurnContext): Promise<boolean> };
    adapter: TeamsAdapter; details: Record<string, unknown>; localMode: boolean;
  };
  draining?: boolean;
  /** Turns being processed, so a shutdown can wait for them. */
  inFlight: Set<Promise<unknown>>;
};

export const MAX_BODY_BYTES = 256 * 1024;

/** Conversation ids are personal data: logs carry a short digest instead. */
const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 12);

/**
 * The request's child logger (reqId, conversation digest), made on first use: above info level a turn that goes
 * well logs nothing, so its id, digest and child are not made at all; a warning or an error still carries them.
 */
function lazyChild(logger: Logger, bindings: () => Record<string, unknown>): Logger {
  let child: Logger | undefined;
  const get = () => (child ??= logger.child(bindings()));
  return new Proxy(logger, {
    get(_target, property) {
      const target = get();
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set: (_target, property, value) => Reflect.set(get(), property, value),
    has: (_target, property) => Reflect.has(get(), property),
  });
}

/**
 * Global admission (0: no limit). Up to this many turns at once, every valid request runs; beyond it only a quiet
 * conversation's (known for 2 s and having hardly used its burst lately: a person typing, not a fresh burst), up to
 * twice as many; the others get 503 with Retry-After at once (Teams retries) instead of waiting behind the rest, so
 * the turns accepted stay fast and a well-behaved conversation goes through a flood.
 */
export const DEFAULT_MAX_CONCURRENT_TURNS = 32;

export function admits(inFlight: number, max: number, quiet: boolean, lagging = false): boolean {
  if (max <= 0) return true;
  // A late event loop with few turns running is not a flood (a start, a collection, another process): no refusal.
  const pressed = inFlight >= max || (lagging && inFlight >= Math.ceil(max / 4));
  return !pressed || (quiet && inFlight < 2 * max);
}

/**
 * The event loop's recent delay: turns waiting on the network hold a slot without using the CPU, so the number of
 * turns alone misses a CPU flood; a loop late by more than `thresholdMs` (mean over the last 100 ms) is one too.
 */
export function eventLoopPressure(thresholdMs = 40): { lagging(): boolean; stop(): void } {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  let lagging = false;
  const timer = setInterval(() => {
    lagging = h.mean / 1e6 > thresholdMs;
    h.reset();
  }, 100);
  timer.unref();
  return { lagging: () => lagging, stop: () => { clearInterval(timer); h.disable(); } };
}

export function createServer(state: Readiness, logger: Logger, limiter = new ConversationRateLimiter(), maxTurns = DEFAULT_MAX_CONCURRENT_TURNS): restify.Server {
  const server = restify.createServer({ name: 'arobase', handleUncaughtExceptions: false });
  const pressure = maxTurns > 0 ? eventLoopPressure() : undefined;
  server.on('close', () => pressure?.stop());
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
    if (!admits(state.inFlight.size, maxTurns, verdict.quiet, pressure?.lagging())) {
      limiter.refund(verdict.limiterKey);
      res.header('Retry-After', '1');
      res.send(503, { error: 'busy, retry shortly' });
      logger.debug({ inFlight: state.inFlight.size }, 'turn refused: busy');
      return;
    }
    normalizeActivity(req.body as Record<string, unknown>);
    const bindings = () => ({ reqId: randomUUID(), conversation: digest(verdict.conversationId) });
    const log = logger.isLevelEnabled('info') ? logger.child(bindings()) : lazyChild(logger, bindings);
    const started = performance.now();
    // Token validation that cannot reach its metadata: 503 with a generic body (CloudAdapter would send 500 and the
    // internal error); Teams retries.
    const send = res.send.bind(res);
    res.send = ((...args: unknown[]) => {
      if (args[0] === AUTH_UNAVAILABLE) {
        res.status(503);
        res.header('Retry-After', '5');
        return send({ error: 'authentication temporarily unavailable' });
      }
      return (send as (...a: unknown[]) => unknown)(...args);
    }) as typeof res.send;
    const turn = ready.adapter.process(req, res, async (context) => {
      context.turnState.set('logger', log);
      if (await ready.app.stateFree?.(context)) return;
      await ready.app.run(context);
    });
    state.inFlight.add(turn);
    try {
      await turn;
      // (above info level, this would make the lazy child for nothing)
      if (logger.isLevelEnabled('info')) log.info({ type: (req.body as { type?: string }).type, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'turn');
    } catch (error) {
      log.error({ err: error }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
      state.inFlight.delete(turn);
    }
  });

  return server;
}
