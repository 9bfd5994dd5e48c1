// What a message asks, as understood (no botbuilder, no database): the intent and its slots.
import type { TotalMeasure } from '../editionTotals.ts';
import type { Mention } from '../mentions.ts';
import type { Resolution } from '../territories/index.ts';

export type NotificationCommand =
  | { name: 'unsubscribe' } | { name: 'subscribe' } | { name: 'allAreas' } | { name: 'mySettings' }
  /** `implicit`: « seulement la Bretagne » with no word of notifications (after a list, it filters the list). */
  | { name: 'onlyArea'; area: string; implicit?: boolean }
  | { name: 'publish'; edition: number }
  | { name: 'status' } | { name: 'cancel' } | { name: 'resend' };

/** Questions about one territory: `ten` is TEN eligibility (the six 5@), `tenStatus` whether it holds the TEN. */
export type TerritoryQuestion = 'level' | 'history' | 'ten' | 'tenStatus';

/** A territory question: `code` once the territory is known, else `place` as typed, or `my` for the member's own. */
export type TerritoryIntent = {
  name: TerritoryQuestion;
  code?: string;
  place?: string;
  my?: boolean;
  edition?: number;
  /** A year named that has no palmarès (2010). */
  yearWithoutEdition?: number;
  /** The whole message was only a place name. */
  guessed?: boolean;
};

export type PalmaresIntent = {
  name: 'palmares';
  edition?: number;
  yearWithoutEdition?: number;
  level?: number;
  mention?: Mention;
  /** A département or région as typed. */
  area?: string;
  /** « et du Pas-de-Calais ? » after a list: the other filters of that list stay. */
  followUp?: boolean;
  editionShift?: number;
};

/** « combien de collectivités labellisées en 2011 ? », « combien de 5@ en 2009 ? »: a national figure of a palmarès. */
export type TotalsIntent = { name: 'totals'; measure: TotalMeasure; edition?: number; yearWithoutEdition?: number };

// `code` is set when the territory is already known (a homonym picked on a card).
export type Intent =
  | { name: 'help' } | { name: 'greeting' } | { name: 'thanks' }
  | { name: 'aboutLabel' } | { name: 'howToApply' }
  | TerritoryIntent
  | PalmaresIntent
  | TotalsIntent
  /** The next or previous page of the last list, or a page number (1-based). */
  | { name: 'page'; page: 'next' | 'previous' | number }
  /** The member names their territory; `then`: a question asked in the same message (« je suis maire de Boé, notre niveau ? »). */
  | { name: 'setMyTown'; place: string; code?: string; then?: TerritoryIntent }
  /** « et Bron ? », « et en 2023 ? », « et l'année d'après ? » (`editionShift` from the edition in the conversation). */
  | { name: 'followUp'; place?: string; code?: string; edition?: number; editionShift?: number; /** « celle de Charente » */ area?: string }
  | { name: 'notifications'; command: NotificationCommand }
  | { name: 'application'; command: 'start' }
  /** Not understood; `readings`: the likeliest meanings, offered as buttons. */
  | { name: 'unknown'; readings?: Intent[] };

/** An understood message: its intent, and the place it names ranked with what people mean. */
export type Understanding = {
  intent: Intent;
  /** The resolution of the place the intent names (`place`), when there is one. */
  resolution?: Resolution;
};
