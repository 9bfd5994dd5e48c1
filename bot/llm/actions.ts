// What the language model may do: each action is a label intent answered by the same domain code as the routes.
import { AI, type PredictedSayCommand } from '@microsoft/teams-ai';
import type { AnswerTurnState } from '../turnState.ts';
import type { TurnContext } from 'botbuilder';
import { yearEdition } from '../../data/editions.ts';
import { isMention } from '../../data/mentions.ts';
import type { Reply } from '../../dialogs/cards.ts';
import { unknownCard } from '../cards/choiceCard.ts';
import type { Intent } from '../../data/understanding/types.ts';
import type { LabelConversation, LabelSession } from '../labelConversation.ts';
import { statesALevel } from './planner.ts';

type Params = { place?: unknown; year?: unknown; level?: unknown; area?: unknown; mention?: unknown };
type Handler = (context: TurnContext, state: AnswerTurnState, params: Params) => Promise<string>;

const MY = /^(?:ma (?:commune|ville|collectivit[ée])|mon (?:territoire|village)|my (?:town|city|village|territory))$/i;
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);
const edition = (v: unknown) => (Number.isInteger(v) && (v as number) >= 2011 && (v as number) <= 2060 ? yearEdition(v as number) : undefined);

function placeIntent(name: 'level' | 'history' | 'ten', p: Params): Intent {
  const place = str(p.place);
  const ed = name === 'level' ? edition(p.year) : undefined;
  if (!place || MY.test(place)) return { name, my: true, ...(ed ? { edition: ed } : {}) } as Intent;
  return { name, place, ...(ed ? { edition: ed } : {}) } as Intent;
}

export function llmActions(
  label: LabelConversation,
  session: (context: TurnContext, state: AnswerTurnState) => Promise<LabelSession>,
  send: (context: TurnContext, replies: Reply[]) => Promise<unknown>,
): Record<string, Handler> {
  const answer = (toIntent: (p: Params) => Intent): Handler => async (context, state, params) => {
    const s = await session(context, state);
    await send(context, await label.handle(toIntent(params ?? {}), s));
    // The card is the answer: no second model call that could paraphrase it.
    return AI.StopCommandName;
  };
  return {
    getLevel: answer((p) => placeIntent('level', p)),
    getHistory: answer((p) => placeIntent('history', p)),
    getTenEligibility: answer((p) => placeIntent('ten', p)),
    setMyTown: answer((p) => (str(p.place) ? { name: 'setMyTown', place: str(p.place)! } : { name: 'unknown' })),
    getPalmares: answer((p) => {
      const level = Number.isInteger(p.level) && (p.level as number) >= 1 && (p.level as number) <= 5 ? (p.level as number) : undefined;
      const mention = typeof p.mention === 'string' && isMention(p.mention) ? p.mention : undefined;
      return { name: 'palmares', ...(edition(p.year) ? { edition: edition(p.year) } : {}), ...(level ? { level } : {}), ...(mention ? { mention } : {}), ...(str(p.area) ? { area: str(p.area) } : {}) };
    }),
    // Free text from the model: sent as is, unless it states a level (only the database may).
    [AI.SayCommandActionName]: async (context, state, data) => {
      const content = (data as unknown as PredictedSayCommand).response?.content;
      if (!content) return '';
      const s = await session(context, state);
      await send(context, statesALevel(content) ? [unknownCard(s.lang, [])] : [{ text: content }]);
      return '';
    },
    [AI.UnknownActionName]: answer(() => ({ name: 'unknown' })),
    [AI.HttpErrorActionName]: answer(() => ({ name: 'unknown' })),
    [AI.TooManyStepsActionName]: answer(() => ({ name: 'unknown' })),
  };
}
