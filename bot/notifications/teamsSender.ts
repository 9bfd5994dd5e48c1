// Sender for Teams: a proactive message through the Bot Framework adapter (continueConversationAsync).
import { Agent as HttpAgent, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { CardFactory, MessageFactory, type CloudAdapterBase, type ConversationReference, type TurnContext } from 'botbuilder';
import { replaceRetries } from '../connectorPipeline.ts';
import { parseRetryAfter, SendError, type NotificationMessage, type Recipient, type Sender, type SendOptions } from '../../data/notifications/index.ts';

export type TeamsSenderOptions = {
  /**
   * Abort a request without an answer after this long (a network error, retried) when the worker gives none; the
   * worker gives one per send, following the channel's observed latency (NOTIFY_TIMEOUT_MIN_MS / _MAX_MS).
   */
  timeoutMs?: number;
};

/**
 * botbuilder builds a new connector client, hence a new HTTP agent, for every proactive message: each send would
 * open its own connection (and TLS session). One keep-alive agent per process reuses them, and a paced request
 * then goes out on an open socket at once — no connect delay between the rate limiter's grant and the wire.
 */
const agents = { http: onWire(new HttpAgent({ keepAlive: true })), https: onWire(new HttpsAgent({ keepAlive: true })) };

/** Set just around the synchronous call that creates the paced request, so the agent can tie them together. */
let leaving: (() => void) | undefined;

/**
 * Reports when the paced request is really on the wire ('finish': flushed to the socket), or is given up. http.request
 * calls agent.addRequest synchronously, while `leaving` is set. (addRequest is Node's long-standing agent hook.)
 */
function onWire<T extends HttpAgent>(agent: T): T {
  const target = agent as unknown as { addRequest(req: ClientRequest, options: unknown): void };
  const addRequest = target.addRequest.bind(agent);
  target.addRequest = (req, options) => {
    const done = leaving;
    leaving = undefined;
    if (done) {
      req.once('finish', done);
      req.once('close', done);
    }
    addRequest(req, options);
  };
  return agent;
}

/**
 * The connector client's HTTP pipeline (@azure/core-rest-pipeline) retries 429/5xx/network errors three times by
 * itself: those hidden requests would escape the global rate limit and the outbox's attempt count, and double the
 * risk of duplicates. Our worker owns retries, so the retry phase goes. Our last policy, right before the HTTP
 * client (after signing), waits for the rate limit, sets a timeout (none by default) and the shared agent.
 */
function ownPipeline(context: TurnContext, timeoutMs: number, pace: () => Promise<() => void>): boolean {
  return replaceRetries(context.turnState.get(context.adapter.ConnectorClientKey), {
    name: 'arobaseNotifyPace',
    async sendRequest(req, next) {
      req.timeout = timeoutMs;
      req.agent ??= req.url.startsWith('https:') ? agents.https : agents.http; // a proxy's agent stays
      const written = await pace();
      leaving = written;
      try {
        return next(req);
      } finally {
        leaving = undefined; // a proxy's agent: the worker marks it when the send settles
      }
    },
  });
}

function toActivity(message: NotificationMessage) {
  const activity = message.card ? MessageFactory.attachment(CardFactory.adaptiveCard(message.card)) : MessageFactory.text(message.text ?? '');
  if (message.card && message.text) activity.text = message.text;
  if (message.summary) activity.summary = message.summary;
  return activity;
}

/** botbuilder/REST error → SendError (status code, Retry-After, network code). */
export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const e = (error ?? {}) as { statusCode?: number; code?: string; message?: string; response?: { headers?: { get?(n: string): string | undefined } } };
  const retryAfter = e.response?.headers?.get?.('retry-after');
  return new SendError(e.message ?? String(error), {
    statusCode: typeof e.statusCode === 'number' ? e.statusCode : undefined,
    retryAfterMs: parseRetryAfter(retryAfter),
    code: e.code ?? (e as { name?: string }).name,
    cause: error,
  });
}

export function createTeamsSender(adapter: CloudAdapterBase, appId: string, options: TeamsSenderOptions = {}): Sender {
  const defaultTimeoutMs = options.timeoutMs ?? 15_000;
  return {
    pacesItself: true,
    async send(recipient: Recipient, message: NotificationMessage, { pace, timeoutMs = defaultTimeoutMs }: SendOptions): Promise<void> {
      let failure: unknown;
      let sent = false;
      // The error is caught inside the turn: otherwise the adapter's onTurnError would swallow it and try to
      // apologise to the member with a second message.
      await adapter.continueConversationAsync(appId, recipient.conversationReference as Partial<ConversationReference>, async (context) => {
        try {
          // Unknown connector internals (a future botbuilder): pace here rather than not at all.
          if (!ownPipeline(context, timeoutMs, pace)) (await pace())();
          await context.sendActivity(toActivity(message));
          sent = true;
        } catch (error) {
          failure = error;
        }
      }).catch((error: unknown) => { failure ??= error; });
      if (failure !== undefined || !sent) throw toSendError(failure ?? new Error('message not sent'));
    },
  };
}
