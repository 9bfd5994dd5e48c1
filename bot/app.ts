// The composition file: every Teams route of arobase is registered here, and only here.
import { Application, TurnState, type TeamsAdapter } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Database } from '../data/database.ts';
import type { Registry } from '../data/registry.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { PrismaStorage } from './prismaStorage.ts';
import { langOf } from './i18n/locale.ts';
import { t } from './i18n/messages.ts';
import { helpCard } from './cards/helpCard.ts';
import { cardActivity } from './cards/activity.ts';

export type AppDeps = {
  db: Database;
  registry: Registry;
  config: Config;
  logger: Logger;
  adapter: TeamsAdapter;
  /** Typing indicator; off in tests for deterministic replies. */
  startTypingTimer?: boolean;
};

// Anchored: "aide" or "help" alone (Teams AI's string routes are substring matches: "helpful").
export const HELP = /^\s*(aide|help|\?|menu|bonjour|hello|hi|salut)\s*[!.?]*\s*$/i;

const lang = (context: TurnContext) => langOf(context.activity.locale);

export function createApp(deps: AppDeps): Application<TurnState> {
  const app = new Application<TurnState>({
    storage: new PrismaStorage(deps.db.prisma),
    adapter: deps.adapter,
    botAppId: deps.config.MicrosoftAppId ?? '',
    startTypingTimer: deps.startTypingTimer ?? true,
    longRunningMessages: false,
    removeRecipientMention: true,
  });

  app.conversationUpdate('membersAdded', async (context) => {
    // membersAdded also fires for the bot itself.
    const people = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient.id);
    for (const member of people) {
      const first = member.name?.trim().split(/\s+/)[0];
      await context.sendActivity(t(lang(context), 'welcome', { name: first ? ` ${first}` : '' }));
    }
  });

  app.message(HELP, async (context) => {
    await context.sendActivity(cardActivity(helpCard(lang(context)), t(lang(context), 'help')));
  });

  app.activity(ActivityTypes.Message, async (context) => {
    // Until the intent recognizer lands, anything else gets the help card.
    await context.sendActivity(cardActivity(helpCard(lang(context)), t(lang(context), 'help')));
  });

  return app;
}
