// Wraps an Adaptive Card in a message activity, with a text fallback for channels that show no cards.
// The fallback goes in `summary` (and the card's fallbackText), not `text`: Teams shows `text` above the card.
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from './cards.ts';

export function cardActivity(card: AdaptiveCard, fallbackText: string): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard({ ...card, fallbackText }));
  activity.summary = fallbackText;
  return activity;
}
