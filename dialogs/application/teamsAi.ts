// Wiring into a Teams AI v1 `Application`: the walkthrough runs in `beforeTurn`, before any route or planner.
// Traps (design.md): Teams AI's own TurnStateProperty would store the TurnContext as dialog state, so the dialog
// stack gets its own accessor over `state.conversation`; returning false from beforeTurn still saves the state.
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { ApplicationDialogs, DialogStateAccessor } from './index.ts';

type ConversationScoped = { conversation: object };
type WithBeforeTurn<S extends ConversationScoped> = {
  turn(event: 'beforeTurn', handler: (context: TurnContext, state: S) => Promise<boolean>): unknown;
};

/**
 * A dialog-state accessor over the turn state's conversation scope (persisted by Teams AI with the rest), one per
 * user: in a group chat or a channel, two people's walkthroughs must not share a dialog stack.
 */
export function conversationDialogState(state: ConversationScoped): DialogStateAccessor {
  const scope = state.conversation as Record<string, unknown>;
  const key = (context: TurnContext) => `applicationDialog:${context.activity.from?.id ?? 'unknown'}`;
  return {
    // As botbuilder's StatePropertyAccessor: without a default, a missing value stays missing (nothing to save).
    async get(context: TurnContext, defaultValue?: DialogState) {
      if (scope[key(context)] === undefined && defaultValue !== undefined) scope[key(context)] = defaultValue;
      return scope[key(context)] as DialogState;
    },
    async set(context: TurnContext, value: DialogState) {
      scope[key(context)] = value;
    },
    async delete(context: TurnContext) {
      delete scope[key(context)];
    },
  };
}

/** Registers the walkthrough on a Teams AI Application: it takes the turn when a walkthrough is active or asked for. */
export function registerApplicationDialogs<S extends ConversationScoped>(app: WithBeforeTurn<S>, dialogs: ApplicationDialogs): void {
  app.turn('beforeTurn', async (context, state) => {
    if (context.activity.type !== ActivityTypes.Message) return true;
    const handled = await dialogs.run(context, conversationDialogState(state));
    return !handled; // false: the turn ends here (Teams AI still saves the conversation state)
  });
}
