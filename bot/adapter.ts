// The Bot Framework adapter: real token validation when credentials are set, local mode (no token) otherwise.
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { langOf } from './i18n/locale.ts';
import { t } from './i18n/messages.ts';

/** Settings botbuilder's ConfigurationBotFrameworkAuthentication reads besides the credentials. */
const AUTH_OVERRIDES = [
  'ToBotFromChannelOpenIdMetadataUrl', 'ToBotFromChannelTokenIssuer', 'ToBotFromEmulatorOpenIdMetadataUrl',
  'ToChannelFromBotLoginUrl', 'ToChannelFromBotOAuthScope', 'ValidateAuthority', 'CallerId',
] as const;

export function createAdapter(config: Config, logger: Logger, env: NodeJS.ProcessEnv = process.env): TeamsAdapter {
  const auth: Record<string, string> = {};
  if (!config.localMode) {
    auth.MicrosoftAppId = config.MicrosoftAppId!;
    if (config.MicrosoftAppPassword) auth.MicrosoftAppPassword = config.MicrosoftAppPassword;
    auth.MicrosoftAppType = config.MicrosoftAppType ?? 'MultiTenant';
    if (config.MicrosoftAppTenantId) auth.MicrosoftAppTenantId = config.MicrosoftAppTenantId;
    for (const name of AUTH_OVERRIDES) if (env[name]) auth[name] = env[name]!;
  }
  const adapter = new TeamsAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityType: context.activity.type, conversation: context.activity.conversation?.id }, 'turn failed');
    try {
      await context.sendActivity(t(langOf(context.activity.locale), 'turnError'));
    } catch (sendError) {
      logger.warn({ err: sendError }, 'could not tell the user about the failure');
    }
  };
  return adapter;
}
