// Wraps an Adaptive Card in a message activity, with a text fallback for channels that show no cards.
// The fallback goes in `summary` (and the card's fallbackText), not `text`: Teams shows `text` above the card.
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';

export type AdaptiveCard = { type: 'AdaptiveCard'; version: string; body: unknown[]; actions?: unknown[]; [k: string]: unknown };

export function cardActivity(card: AdaptiveCard, fallbackText: string): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard({ ...card, fallbackText }));
  activity.summary = fallbackText;
  return activity;
}

export function adaptiveCard(body: unknown[], actions?: unknown[]): AdaptiveCard {
  const card: AdaptiveCard = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body };
  if (actions?.length) card.actions = actions;
  return card;
}

/** What a handler answers: a text (the fallback for channels without cards) and, usually, a card. */
export type Reply = { text: string; card?: AdaptiveCard };

export const textBlock = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });
export const sourceBlock = (text: string) => textBlock(text, { isSubtle: true, size: 'Small', spacing: 'Medium' });
