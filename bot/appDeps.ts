// What the composition file (app.ts) is built from, and the small turn helpers its routes share.
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Database } from '../data/database.ts';
import type { Registry } from '../data/territories/registry.ts';
import { cardActivity } from '../dialogs/cardActivity.ts';
import type { Reply } from '../dialogs/cards.ts';
import type { Config } from './config.ts';
import { langOf } from './i18n/locale.ts';
import { t } from './i18n/messages.ts';
import { helpCard } from './cards/helpCard.ts';
import type { ModelRouter } from './llm/router.ts';
import type { Logger } from './logger.ts';
import type { NotificationConversation } from './notificationConversation.ts';
import type { StateStorage } from './stateStorage.ts';
import type { StatusCardUpdater } from './statusCardUpdater.ts';

export type AppDeps = {
  db: Database;
  /** Conversation state (main.ts writes what is pending when the bot stops). */
  storage: StateStorage;
  registry: Registry;
  config: Config;
  logger: Logger;
  adapter: TeamsAdapter;
  /** Typing indicator; off in tests for deterministic replies. */
  startTypingTimer?: boolean;
  /** Language model for what the understanding does not get; default from OPENAI_* / AZURE_OPENAI_* (none: off). */
  model?: ModelRouter | null;
  /** Keeps announcement status cards fresh (main.ts owns and stops it). */
  statusCards?: StatusCardUpdater;
  /** Hands the notification conversation to its status-card updater. */
  onNotifications?: (n: NotificationConversation) => void;
  /** The clock (« l'an dernier », which palmarès are published, submission dates); tests pass a fixed one. */
  now?: () => Date;
};

// Anchored: "aide" or "help" alone (Teams AI's string routes are substring matches: "helpful").
export const HELP = /^\s*(aide|help|\?|menu|bonjour|hello|hi|salut)\s*[!.?]*\s*$/i;

export const lang = (context: TurnContext) => langOf(context.activity.locale);
/** What arobase can do: the help card (« aide », a greeting, « @arobase » alone). */
export const sendHelp = (context: TurnContext) => context.sendActivity(cardActivity(helpCard(lang(context)), t(lang(context), 'help')));
export const send = (context: TurnContext, replies: Reply[]) =>
  context.sendActivities(replies.map((r) => (r.card ? cardActivity(r.card, r.text) : { type: 'message', text: r.text })));
// Text once markup is gone: a card a user sends from the search box arrives as « <span class="inline-compose-card"…> »
// (Agents Playground) with the card attached, and is nothing to answer.
export const hasText = (context: TurnContext) =>
  Promise.resolve(context.activity.type === 'message' && !context.activity.value && !!context.activity.text?.replace(/<[^>]*>/g, '').trim());

