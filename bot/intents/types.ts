// What a user's message asks, as understood by the recognizer (no botbuilder, no database).
import type { Mention } from '../../data/mentions.ts';

// `code` is set when the territory is already known (a homonym picked on a card).
export type Intent =
  | { name: 'help' }
  | { name: 'level'; code?: string; place?: string; my?: boolean; edition?: number; /** the whole message was taken as a place */ guessed?: boolean }
  | { name: 'history'; code?: string; place?: string; my?: boolean }
  | { name: 'palmares'; edition?: number; level?: number; mention?: Mention; area?: string }
  | { name: 'ten'; code?: string; place?: string; my?: boolean }
  | { name: 'setMyTown'; place: string; code?: string }
  | { name: 'followUp'; place?: string; edition?: number }
  | { name: 'unknown' };
