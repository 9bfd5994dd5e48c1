// The answer to an Adaptive Card Universal Action (adaptiveCard/action), sent by us rather than by Teams AI: its
// actionExecute turns a card that has a `refresh` into an update of the message for everyone, and then keeps doing
// so for every later click of that verb (it overwrites its own setting). Here the card replaces the clicker's view
// only; who sees what is decided by the card's `refresh.userIds`.
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../dialogs/cards.ts';

export async function universalActionResponse(context: TurnContext, result: AdaptiveCard | string): Promise<string> {
  const body = typeof result === 'string'
    ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result }
    : { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result };
  await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
  return typeof result === 'string' ? result : '';
}
