// Adaptive Card JSON, the pieces every card of the bot is made of: plain objects, no botbuilder (a test, a CLI or
// another host builds the same cards). dialogs/cardActivity.ts wraps one in a message activity.
export type AdaptiveCard = { type: 'AdaptiveCard'; version: string; body: unknown[]; actions?: unknown[]; [k: string]: unknown };

export function adaptiveCard(body: unknown[], actions?: unknown[]): AdaptiveCard {
  const card: AdaptiveCard = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body };
  if (actions?.length) card.actions = actions;
  return card;
}

/** What a handler answers: a text (the fallback for channels without cards) and, usually, a card. */
export type Reply = { text: string; card?: AdaptiveCard };

export const textBlock = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });
export const sourceBlock = (text: string) => textBlock(text, { isSubtle: true, size: 'Small', spacing: 'Medium' });
