// Context: what an understood message means in its conversation. « ma commune est Sèvres » then « et en 2023 ? »
// is the level of Sèvres in 2023; « palmarès 2021 » then « page 2 » is that list's second page; « historique » alone
// is the history of the last place asked. Pure: the conversation's memory in, a decision and the new memory out.
import type { Mention } from '../mentions.ts';
import type { Resolution, Territory } from '../territories/index.ts';
import type { Intent, PalmaresIntent, TerritoryIntent, TerritoryQuestion, Understanding } from './types.ts';

/** A palmarès list as asked: the edition (undefined: the newest with data), filters. */
export type PalmaresQuery = { edition?: number; level?: number; mention?: Mention; area?: string };

/** Kept in the conversation state between turns (names kept from earlier versions: stored rows read back). */
export type LabelMemory = {
  lastCode?: string;
  lastEdition?: number;
  lastQuestion?: TerritoryQuestion | 'palmares';
  lastPalmares?: PalmaresQuery;
  /** The page of the last list shown, 0-based. */
  lastPage?: number;
  /** A "my town" question waiting for the member to name their town. */
  awaitingMyTown?: Intent;
  /** The name last asked about when several territories bear it (« Saint-Pierre »), for « celle de la Martinique ». */
  lastAsked?: string;
};

export type Decision =
  /** Answer a question about one territory; `alternatives`: other territories the words could mean. */
  | { do: 'answer'; question: TerritoryQuestion; code: string; edition?: number; yearWithoutEdition?: number; alternatives: Territory[] }
  /** Several territories match: which one? (the pending intent goes on the buttons) */
  | { do: 'choose'; intent: TerritoryIntent | Extract<Intent, { name: 'setMyTown' }>; query: string; candidates: Territory[] }
  | { do: 'notFound'; intent: TerritoryIntent | Extract<Intent, { name: 'setMyTown' }>; query: string; suggestions: Territory[]; guessed: boolean }
  | { do: 'askMyTown'; pending: TerritoryIntent }
  /** A territory question with no territory named and none in the conversation. */
  | { do: 'noContext'; question: TerritoryQuestion }
  /** A list; `paged`: how the member turned its page (« suivant », « page 2 »). */
  | { do: 'palmares'; query: PalmaresQuery; page: number; yearWithoutEdition?: number; paged?: 'next' | 'previous' | number }
  /** « page 2 » with no list shown before. */
  | { do: 'noList'; paged: 'next' | 'previous' | number }
  | { do: 'setMyTown'; code: string; then?: TerritoryIntent }
  /** Everything else, answered as it is (help, about the label, how to apply, notifications, application, unknown). */
  | { do: 'say'; intent: Intent };

export type ContextInput = {
  understanding: Understanding;
  memory: LabelMemory;
  /** The member's own territory, if they named it. */
  myTown: string | null;
  /** Resolves a place text that came without a resolution (a card, the language model). */
  resolve: (place: string) => Resolution;
  /** A territory's name (« celle de Charente » looks for the same name elsewhere). */
  nameOf?: (code: string) => string | undefined;
};

/** What to answer, given the conversation so far. */
export function decide({ understanding, memory, myTown, resolve, nameOf }: ContextInput): Decision {
  let { intent } = understanding;
  const resolutionOf = (place: string) => (understanding.resolution ?? resolve(place));
  // A bare name while we wait for "my town" is the answer to that question.
  // The pending question is then answered for it.
  if (memory.awaitingMyTown && intent.name === 'level' && intent.guessed && intent.place) {
    const pending = memory.awaitingMyTown;
    const then = isTerritoryIntent(pending) ? { then: { ...pending, my: true } } : {};
    intent = { name: 'setMyTown', place: intent.place, ...then };
  }
  switch (intent.name) {
    case 'setMyTown': {
      if (intent.code) return { do: 'setMyTown', code: intent.code, ...(intent.then ? { then: intent.then } : {}) };
      const r = resolutionOf(intent.place);
      if (r.status === 'found') return { do: 'setMyTown', code: r.territory.code, ...(intent.then ? { then: intent.then } : {}) };
      if (r.status === 'ambiguous') return { do: 'choose', intent, query: intent.place, candidates: r.candidates };
      return { do: 'notFound', intent, query: intent.place, suggestions: r.suggestions, guessed: false };
    }
    case 'level': case 'history': case 'ten': case 'tenStatus':
      return territoryDecision(intent, memory, myTown, resolutionOf);
    case 'followUp': {
      const last = memory.lastQuestion;
      // « non, celle de Charente »: the last territory's name in that area.
      const sameName = intent.area && !intent.place ? (memory.lastAsked ?? (memory.lastCode ? nameOf?.(memory.lastCode) : undefined)) : undefined;
      if (sameName) {
        const question: TerritoryQuestion = !last || last === 'palmares' ? 'level' : last;
        return territoryDecision({ name: question, place: `${sameName} (${intent.area})` }, memory, myTown, resolve);
      }
      const shifted = intent.editionShift !== undefined
        ? { edition: shiftEdition(last === 'palmares' ? memory.lastPalmares?.edition : memory.lastEdition, intent.editionShift) } : {};
      if (last === 'palmares' && memory.lastPalmares && !intent.place && !intent.code) {
        return palmaresDecision({ name: 'palmares', ...memory.lastPalmares, ...(intent.edition ? { edition: intent.edition } : {}), ...shifted }, memory, 0);
      }
      if (shifted.edition !== undefined) intent = { ...intent, edition: shifted.edition };
      // « et en 2023 ? » after a history or TEN question asks for a level in that year.
      const question: TerritoryQuestion = intent.edition || !last || last === 'palmares' ? 'level' : last;
      const edition = question === 'level' ? intent.edition ?? ((intent.place || intent.code) ? memory.lastEdition : undefined) : undefined;
      const next: TerritoryIntent = {
        name: question, ...(edition ? { edition } : {}), ...(intent.place ? { place: intent.place } : {}), ...(intent.code ? { code: intent.code } : {}),
      };
      if (!intent.place && !intent.code && !memory.lastCode && intent.edition) {
        return palmaresDecision({ name: 'palmares', edition: intent.edition }, memory, 0);
      }
      return territoryDecision(next, memory, myTown, resolutionOf);
    }
    case 'palmares': return palmaresDecision(intent, memory, 0);
    case 'page': {
      if (!memory.lastPalmares) return { do: 'noList', paged: intent.page };
      const current = memory.lastPage ?? 0;
      const page = intent.page === 'next' ? current + 1 : intent.page === 'previous' ? Math.max(0, current - 1) : intent.page - 1;
      return { do: 'palmares', query: memory.lastPalmares, page, paged: intent.page };
    }
    case 'notifications':
      // « seulement la Bretagne » after a list narrows the list; otherwise it is the notification filter.
      if (intent.command.name === 'onlyArea' && intent.command.implicit && memory.lastQuestion === 'palmares' && memory.lastPalmares) {
        return palmaresDecision({ name: 'palmares', area: intent.command.area, followUp: true }, memory, 0);
      }
      return { do: 'say', intent };
    default:
      return { do: 'say', intent };
  }
}

function isTerritoryIntent(i: Intent): i is TerritoryIntent {
  return i.name === 'level' || i.name === 'history' || i.name === 'ten' || i.name === 'tenStatus';
}

/** « l'année d'après »: the edition next to the one in the conversation (none: the shift has nothing to apply to). */
function shiftEdition(edition: number | undefined, shift: number): number | undefined {
  return edition === undefined ? undefined : edition + shift;
}

function territoryDecision(intent: TerritoryIntent, memory: LabelMemory, myTown: string | null, resolutionOf: (place: string) => Resolution): Decision {
  const extra = { ...(intent.edition !== undefined ? { edition: intent.edition } : {}), ...(intent.yearWithoutEdition !== undefined ? { yearWithoutEdition: intent.yearWithoutEdition } : {}) };
  if (intent.code) return { do: 'answer', question: intent.name, code: intent.code, ...extra, alternatives: [] };
  if (intent.place) {
    const r = resolutionOf(intent.place);
    if (r.status === 'found') return { do: 'answer', question: intent.name, code: r.territory.code, ...extra, alternatives: r.alternatives };
    if (r.status === 'ambiguous') return { do: 'choose', intent, query: intent.place, candidates: r.candidates };
    return { do: 'notFound', intent, query: intent.place, suggestions: r.suggestions, guessed: !!intent.guessed };
  }
  if (intent.my) {
    if (myTown) return { do: 'answer', question: intent.name, code: myTown, ...extra, alternatives: [] };
    return { do: 'askMyTown', pending: intent };
  }
  if (memory.lastCode) return { do: 'answer', question: intent.name, code: memory.lastCode, ...extra, alternatives: [] };
  if (myTown) return { do: 'answer', question: intent.name, code: myTown, ...extra, alternatives: [] };
  return { do: 'noContext', question: intent.name };
}

function palmaresDecision(intent: PalmaresIntent, memory: LabelMemory, page: number): Decision {
  const inherited = intent.followUp && memory.lastPalmares ? memory.lastPalmares : {};
  const shifted = intent.editionShift !== undefined && memory.lastPalmares?.edition !== undefined ? { edition: memory.lastPalmares.edition + intent.editionShift } : {};
  const query: PalmaresQuery = {
    ...inherited,
    ...shifted,
    ...(intent.edition !== undefined ? { edition: intent.edition } : {}),
    ...(intent.level !== undefined ? { level: intent.level } : {}),
    ...(intent.mention !== undefined ? { mention: intent.mention } : {}),
    ...(intent.area !== undefined ? { area: intent.area } : {}),
  };
  return { do: 'palmares', query, page, ...(intent.yearWithoutEdition ? { yearWithoutEdition: intent.yearWithoutEdition } : {}) };
}

/** The memory after an answer (what « et Bron ? », « page 2 », « et en 2023 ? » will refer to). */
export function remember(memory: LabelMemory, d: Decision, shown?: { edition?: number; page?: number }): LabelMemory {
  switch (d.do) {
    case 'answer':
      return { ...memory, lastCode: d.code, lastQuestion: d.question, ...(d.edition !== undefined ? { lastEdition: d.edition } : {}), awaitingMyTown: undefined, lastAsked: undefined };
    case 'choose':
      return { ...memory, lastAsked: d.query, ...(d.intent.name !== 'setMyTown' ? { lastQuestion: d.intent.name } : {}) };
    case 'setMyTown':
      return { ...memory, lastCode: d.code, lastQuestion: d.then?.name ?? memory.lastQuestion ?? 'level', awaitingMyTown: undefined };
    case 'palmares': {
      const edition = shown?.edition ?? d.query.edition;
      return { ...memory, lastQuestion: 'palmares', lastPalmares: { ...d.query, ...(edition !== undefined ? { edition } : {}) }, lastPage: shown?.page ?? d.page, ...(edition !== undefined ? { lastEdition: edition } : {}) };
    }
    case 'askMyTown':
      return { ...memory, awaitingMyTown: d.pending };
    case 'noContext':
      return { ...memory, lastQuestion: d.question }; // « et Limonest ? » after the TEN criteria
    default:
      return memory;
  }
}
