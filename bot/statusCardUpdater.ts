// Keeps an admin's announcement status card up to date in place (every few seconds, until the send is over).
import { TurnContext, type CloudAdapterBase } from 'botbuilder';
import { cardActivity } from '../dialogs/cardActivity.ts';
import type { Lang } from './i18n/locale.ts';
import type { Logger } from './logger.ts';
import type { NotificationConversation } from './notificationConversation.ts';

export type StatusCardUpdater = {
  follow(context: TurnContext, activityId: string, announcementId: string, lang: Lang): void;
  stop(): void;
};

export function createStatusCardUpdater(
  adapter: CloudAdapterBase, appId: string, notifications: () => NotificationConversation | undefined, logger: Logger, intervalMs = 3_000,
): StatusCardUpdater {
  const timers = new Set<NodeJS.Timeout>();
  return {
    follow(context, activityId, announcementId, lang) {
      const reference = TurnContext.getConversationReference(context.activity);
      let busy = false;
      const timer = setInterval(async () => {
        if (busy) return;
        busy = true;
        try {
          const card = await notifications()?.statusCard(lang, announcementId);
          if (!card || card.finished) stopTimer();
          if (!card?.card) return;
          await adapter.continueConversationAsync(appId, reference, async (ctx) => {
            await ctx.updateActivity({ ...cardActivity(card.card!, card.text), id: activityId });
          });
        } catch (error) {
          logger.warn({ err: error }, 'status card update failed');
        } finally {
          busy = false;
        }
      }, intervalMs);
      const stopTimer = () => { clearInterval(timer); timers.delete(timer); };
      timer.unref();
      timers.add(timer);
    },
    stop() {
      for (const timer of timers) clearInterval(timer);
      timers.clear();
    },
  };
}
