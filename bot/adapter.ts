// The Bot Framework adapter: real token validation when credentials are set, local mode (no token) otherwise.
import { TeamsAdapter } from '@microsoft/teams-ai';
import {
  AuthenticationConstants, AuthenticationError, ConnectorFactory, type BotFrameworkAuthentication, type ClaimsIdentity, type ConnectorClient,
  type ServiceClientCredentialsFactory, type UserTokenClient,
} from 'botframework-connector';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { langOf } from './i18n/locale.ts';
import { t } from './i18n/messages.ts';
import { isDatabaseUnavailable } from '../data/database.ts';
import { replaceRetries } from './connectorPipeline.ts';

/** Settings botbuilder's ConfigurationBotFrameworkAuthentication reads besides the credentials. */
const AUTH_OVERRIDES = [
  'ToBotFromChannelOpenIdMetadataUrl', 'ToBotFromChannelTokenIssuer', 'ToBotFromEmulatorOpenIdMetadataUrl',
  'ToChannelFromBotLoginUrl', 'ToChannelFromBotOAuthScope', 'ValidateAuthority', 'CallerId',
] as const;

export function createAdapter(
  config: Config, logger: Logger, env: NodeJS.ProcessEnv = process.env, credentialsFactory?: ServiceClientCredentialsFactory,
): TeamsAdapter {
  const auth: Record<string, string> = {};
  if (!config.localMode) {
    auth.MicrosoftAppId = config.MicrosoftAppId!;
    if (config.MicrosoftAppPassword) auth.MicrosoftAppPassword = config.MicrosoftAppPassword;
    auth.MicrosoftAppType = config.MicrosoftAppType ?? 'MultiTenant';
    if (config.MicrosoftAppTenantId) auth.MicrosoftAppTenantId = config.MicrosoftAppTenantId;
    for (const name of AUTH_OVERRIDES) if (env[name]) auth[name] = env[name]!;
  }
  const adapter = new TeamsAdapter(auth, credentialsFactory);
  refuseBadSignaturesWith401(adapter, logger);
  reuseOutgoingClients(adapter, config.localMode);
  adapter.onTurnError = async (context, error) => {
    const log: Logger = context.turnState.get('logger') ?? logger;
    log.error({ err: error, activityType: context.activity.type }, 'turn failed');
    // The connector itself is unreachable: an apology would fail (or hang) the same way.
    if (isConnectorUnreachable(error)) return;
    try {
      const key = isDatabaseUnavailable(error) ? 'unavailable' : 'turnError';
      await context.sendActivity(t(langOf(context.activity.locale), key));
    } catch (sendError) {
      log.warn({ err: sendError }, 'could not tell the user about the failure');
    }
  };
  return adapter;
}

function isConnectorUnreachable(error: unknown): boolean {
  const e = error as { code?: string; name?: string };
  return ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'REQUEST_SEND_ERROR'].includes(e?.code ?? '') || e?.name === 'AbortError';
}

/** At most this many outgoing clients are kept (Teams uses a handful of service URLs). */
const MAX_CACHED_CLIENTS = 64;

/** A small LRU of promises; a rejected promise is forgotten, so the next turn tries again. */
class PromiseCache<T> {
  private readonly entries = new Map<string, Promise<T>>();
  constructor(private readonly max: number) {}
  get(key: string, create: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key); // re-insert: Map order is the LRU order
    } else {
      entry = create();
      entry.catch(() => { if (this.entries.get(key) === entry) this.entries.delete(key); });
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, entry);
    return entry;
  }
}

/** As botframework-connector reads it: the audience claim for a channel, the appid claim for the emulator. */
const appIdOf = (identity: ClaimsIdentity) =>
  identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? undefined;

/** A ConnectorFactory whose clients are shared by every turn with the same bot app id, audience and service URL. */
class SharedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory, private readonly appId: string | undefined, private readonly cache: PromiseCache<ConnectorClient>,
    private readonly adjust: (client: ConnectorClient) => void,
  ) {
    super();
  }
  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.cache.get(`${this.appId}\n${audience}\n${serviceUrl}`, async () => {
      const client = await this.inner.create(serviceUrl, audience);
      this.adjust(client);
      return client;
    });
  }
}

/** Local mode replies to a local emulator: a dead one is given up within this long (no retries). */
export const LOCAL_REPLY_TIMEOUT_MS = 2_000;

/** No retry phase (it held a request ~11 s on a closed port) and a timeout, for the local emulator's replies. */
function localReplies(client: ConnectorClient): void {
  replaceRetries(client, { name: 'arobaseLocalTimeout', sendRequest: (req, next) => { req.timeout = LOCAL_REPLY_TIMEOUT_MS; return next(req); } });
}

/**
 * botbuilder builds a ConnectorClient and a UserTokenClient (each a new HTTP pipeline, ≈ 100 µs of CPU) for every
 * incoming turn, from credentials that depend only on the bot's app id and the audience. The clients hold no
 * per-turn state and the credentials fetch and refresh their token on each request (AppCredentials.getToken: a
 * process-wide cache by app id and scope, renewed 5 minutes before expiry), so one client per (app id, audience,
 * service URL) serves every incoming turn — a service URL only ever gets the client made for that exact URL.
 * Proactive turns (continueConversationAsync → createConnectorFactory) keep a client of their own: the
 * notification sender rewires its pipeline (no retries, pacing), which must not reach the replies.
 */
function reuseOutgoingClients(adapter: TeamsAdapter, localMode: boolean): void {
  const auth = (adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication }).botFrameworkAuthentication;
  const connectors = new PromiseCache<ConnectorClient>(MAX_CACHED_CLIENTS);
  const userTokenClients = new PromiseCache<UserTokenClient>(MAX_CACHED_CLIENTS);
  const authenticateRequest = auth.authenticateRequest.bind(auth);
  const createUserTokenClient = auth.createUserTokenClient.bind(auth);
  auth.authenticateRequest = async (...args) => {
    const result = await authenticateRequest(...args);
    if (result.connectorFactory) {
      result.connectorFactory = new SharedConnectorFactory(result.connectorFactory, appIdOf(result.claimsIdentity), connectors, localMode ? localReplies : () => {});
    }
    return result;
  };
  auth.createUserTokenClient = (identity) => userTokenClients.get(`${appIdOf(identity)}`, () => createUserTokenClient(identity));
}

/** What authenticateRequest throws when the token cannot be checked at all; bot/server.ts answers it with 503. */
export const AUTH_UNAVAILABLE = 'arobase: token validation unavailable';

/** The payload of a JWT, if the header holds one (not verified: only to read its claims). */
function jwtPayload(authHeader: unknown): Record<string, unknown> | undefined {
  const m = typeof authHeader === 'string' ? /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]*)$/.exec(authHeader.trim()) : null;
  if (!m) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(m[2]!, 'base64url').toString('utf8'));
    return payload && typeof payload === 'object' ? payload : undefined;
  } catch {
    return undefined;
  }
}

/**
 * botbuilder lets jsonwebtoken's own errors (a bad signature, a token not yet valid) escape as plain errors,
 * which CloudAdapter answers with 500. They are authentication failures: answer 401 like the others. A token
 * without `exp` (jsonwebtoken accepts one) never expires: refused. Anything else (the OpenID metadata or the keys
 * unreachable) is not the caller's fault: logged with its cause, answered 503 with a generic body (server.ts).
 */
function refuseBadSignaturesWith401(adapter: TeamsAdapter, logger: Logger): void {
  const auth = (adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication }).botFrameworkAuthentication;
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (...args) => {
    const payload = jwtPayload(args[1]);
    if (payload && typeof payload.exp !== 'number') throw new AuthenticationError('Unauthorized. Token without expiry.', 401);
    try {
      return await authenticate(...args);
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === 'JsonWebTokenError' || name === 'NotBeforeError' || name === 'TokenExpiredError') {
        throw new AuthenticationError(`Unauthorized. ${(error as Error).message}`, 401);
      }
      if (error instanceof AuthenticationError || (error as { statusCode?: number })?.statusCode === 401) throw error;
      logger.error({ component: 'auth', cause: String((error as Error)?.message ?? error).slice(0, 300) }, 'token validation unavailable');
      throw new Error(AUTH_UNAVAILABLE);
    }
  };
}
