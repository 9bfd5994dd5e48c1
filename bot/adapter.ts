// The Bot Framework adapter: real token validation when credentials are set, local mode (no token) otherwise.
import { TeamsAdapter } from '@microsoft/teams-ai';
import { AuthenticationError, type BotFrameworkAuthentication, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { langOf } from './i18n/locale.ts';
import { t } from './i18n/messages.ts';
import { isDatabaseUnavailable } from '../data/database.ts';

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
  refuseBadSignaturesWith401(adapter);
  adapter.onTurnError = async (context, error) => {
    const log: Logger = context.turnState.get('logger') ?? logger;
    log.error({ err: error, activityType: context.activity.type }, 'turn failed');
    try {
      const key = isDatabaseUnavailable(error) ? 'unavailable' : 'turnError';
      await context.sendActivity(t(langOf(context.activity.locale), key));
    } catch (sendError) {
      log.warn({ err: sendError }, 'could not tell the user about the failure');
    }
  };
  return adapter;
}

/**
 * botbuilder lets jsonwebtoken's own errors (a bad signature, a token not yet valid) escape as plain errors,
 * which CloudAdapter answers with 500. They are authentication failures: answer 401 like the others.
 */
function refuseBadSignaturesWith401(adapter: TeamsAdapter): void {
  const auth = (adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication }).botFrameworkAuthentication;
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (...args) => {
    try {
      return await authenticate(...args);
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === 'JsonWebTokenError' || name === 'NotBeforeError' || name === 'TokenExpiredError') {
        throw new AuthenticationError(`Unauthorized. ${(error as Error).message}`, 401);
      }
      throw error;
    }
  };
}
