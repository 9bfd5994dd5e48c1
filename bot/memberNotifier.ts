// Proactive messages to one member (a claim to its deciders, a decision to its claimant) through their stored
// conversation reference. Bounded in time: a hung connector must not hold the turn that triggered the message.
import type { ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Notify } from '../dialogs/membership/index.ts';
import type { Logger } from './logger.ts';

export function createMemberNotifier(adapter: TeamsAdapter, appId: string, logger: Logger, timeoutMs = 5_000): Notify {
  return async (member, activity) => {
    if (!member.active || !member.conversationReference) return false;
    let timer: NodeJS.Timeout | undefined;
    const send = adapter.continueConversationAsync(appId, member.conversationReference as Partial<ConversationReference>, async (context) => {
      await context.sendActivity(activity);
    }).then(() => true);
    const timeout = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); });
    try {
      return await Promise.race([send, timeout]);
    } catch (error) {
      // No message text: a connector error quotes conversation ids.
      const e = error as { name?: string; statusCode?: number };
      logger.warn({ component: 'membership', error: e?.name ?? 'Error', status: e?.statusCode ?? 0 }, 'proactive message not delivered');
      return false;
    } finally {
      clearTimeout(timer);
      send.catch(() => undefined);
    }
  };
}
