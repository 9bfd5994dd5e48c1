// AnswerTurnState.saveAlongside: the state is written while the reply is delivered (not after it), Teams AI's own
// save then writes only later changes, and a stale eTag is still refused.
import { Application } from '@microsoft/teams-ai';
import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../data/database.ts';
import { sqlOf } from '../data/sql.ts';
import { StateStorage } from '../bot/stateStorage.ts';
import { AnswerTurnState } from '../bot/turnState.ts';
import { openTestDatabase } from './helpers/testDb.ts';

type Conv = { n?: number; after?: number };
let db: Database;
beforeAll(async () => { db = await openTestDatabase(); });
afterAll(async () => { await db?.close(); });
beforeEach(async () => { await db.pglite!.query('DELETE FROM "BotState"'); });

const KEY = 'msteams/bot/conversations/a:turn';
/** What the database holds for the conversation, read by another process's storage (no cache). */
const stored = async () => (await new StateStorage(sqlOf(db)).read([KEY]))[KEY] as Conv | undefined;
const writes = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.filter(([sql]) => /^\s*(UPDATE|INSERT)/i.test(String(sql))).length;

type Hooks = { before?: () => Promise<void>; after?: (state: AnswerTurnState) => void };
/** A bot whose one route counts, runs `before`, saves alongside `deliver`, then runs `after`. */
function bot(deliver: (context: TurnContext) => Promise<unknown>, { before, after }: Hooks = {},
  onStorage?: (s: StateStorage) => void, then?: (context: TurnContext, state: AnswerTurnState) => Promise<void>) {
  const storage = new StateStorage(sqlOf(db));
  onStorage?.(storage);
  const app = new Application<AnswerTurnState>({ storage, turnStateFactory: () => new AnswerTurnState(), startTypingTimer: false, longRunningMessages: false });
  app.activity('message', async (context, state) => {
    const conv = state.conversation as Conv;
    conv.n = (conv.n ?? 0) + 1;
    await before?.();
    await state.saveAlongside(context, storage, () => deliver(context));
    await then?.(context, state);
    after?.(state);
  });
  const errors: unknown[] = [];
  const adapter = new TestAdapter(async (context) => { await app.run(context); });
  adapter.onTurnError = async (_context, error) => { errors.push(error); };
  const say = async (text: string) => {
    await adapter.receiveActivity({ type: 'message', channelId: 'msteams', text, from: { id: '29:ada', name: 'Ada' }, conversation: { id: 'a:turn' } as Activity['conversation'] });
    return adapter.activeQueue.splice(0).map((a) => a.text);
  };
  return { say, errors };
}

/** A delivery that waits until the state is in the database: it never ends if the save waits for it. */
const deliverOnceSaved = (n: number) => async (context: TurnContext) => {
  for (let i = 0; i < 200 && (await stored())?.n !== n; i++) await new Promise((r) => setTimeout(r, 5));
  return context.sendActivity((await stored())?.n === n ? `saved ${n}` : 'not saved before the reply');
};

describe('AnswerTurnState.saveAlongside', () => {
  it('writes the state while the reply is delivered, once per turn', async () => {
    let n = 0;
    const { say, errors } = bot((context) => deliverOnceSaved(++n)(context));
    const query = vi.spyOn(db.pglite!, 'query');
    expect(await say('un')).toEqual(['saved 1']);
    expect(await say('deux')).toEqual(['saved 2']);
    expect(writes(query)).toBe(2); // Teams AI's own save at the end of each turn found nothing left to write
    query.mockRestore();
    expect(errors).toEqual([]);
    expect(await stored()).toMatchObject({ n: 2 });
  });

  it('a change made after it is written at the end of the turn, over the version it wrote', async () => {
    const { say, errors } = bot((context) => context.sendActivity('ok'), { after: (state) => { const c = state.conversation as Conv; c.after = c.n! * 10; } });
    await say('un');
    await say('deux');
    expect(errors).toEqual([]);
    expect(await stored()).toMatchObject({ n: 2, after: 20 });
  });

  it('twice in one turn, then a change: each write goes over the previous one', async () => {
    let storage!: StateStorage;
    const { say, errors } = bot(async (context) => context.sendActivity('ok'), {
      after: (state) => { (state.conversation as Conv).after = 1; },
    }, (s) => { storage = s; }, async (context, state) => {
      (state.conversation as Conv).n = 10;
      await state.saveAlongside(context, storage, () => context.sendActivity('again'));
    });
    expect(await say('un')).toEqual(['ok', 'again']);
    expect(await say('deux')).toEqual(['ok', 'again']);
    expect(errors).toEqual([]);
    expect(await stored()).toMatchObject({ n: 10, after: 1 });
  });

  it('still refuses a stale eTag: another process wrote the conversation during the turn', async () => {
    const { say, errors } = bot(async (context) => context.sendActivity('ok'));
    await say('un');
    const other = new StateStorage(sqlOf(db));
    // The second turn read n = 1; another process writes n = 100 before it saves n = 2, which would lose it.
    const { say: sayWhileOtherWrites, errors: errors2 } = bot(async (context) => context.sendActivity('ok'), {
      before: async () => { await other.write({ [KEY]: { ...(await other.read([KEY]))[KEY], n: 100 } }); },
    });
    await sayWhileOtherWrites('deux');
    expect(errors).toEqual([]);
    expect(String(errors2[0])).toMatch(/eTag conflict/);
    expect(await stored()).toMatchObject({ n: 100 });
  });

  it('a failed delivery fails the turn; the state had been saved (follow-up memory only)', async () => {
    const { say, errors } = bot(async () => { throw new Error('connector down'); });
    await say('un');
    expect(String(errors[0])).toMatch(/connector down/);
    expect(await stored()).toMatchObject({ n: 1 });
  });
});
