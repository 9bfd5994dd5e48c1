// Teams AI saves the turn state after the handlers, so after the reply has been delivered: a round trip to the
// connector, then one to the database, one after the other. On PostgreSQL that second round trip was the larger
// part of arobase's extra latency over a bot without state (bench:answer). A handler whose state is final before
// it replies may save alongside the delivery instead: both round trips at once. The HTTP answer to the channel
// still waits for both, so once a turn is answered its state is in the database, as before; a stale eTag is still
// refused. Teams AI's own save at the end of the turn then writes only what changed after this one.
import { TurnState } from '@microsoft/teams-ai';
import type { Storage, StoreItems, TurnContext } from 'botbuilder';
import type { StoredState } from './stateCache.ts';
import { stateJson, type StateStorage } from './stateStorage.ts';

export class AnswerTurnState extends TurnState {
  /** What saveAlongside wrote: key → its JSON and the eTag it now has. */
  private saved: Map<string, StoredState> | undefined;

  /**
   * Saves the state as it is now while `deliver` runs, and waits for both. Only for state that may be saved before
   * the reply arrives (an answer's follow-up memory): if the delivery fails the state has moved on all the same.
   */
  async saveAlongside<T>(context: TurnContext, storage: StateStorage, deliver: () => Promise<T>): Promise<T> {
    const saved = new Map<string, StoredState>();
    const recording: Storage = {
      read: (keys) => storage.read(keys),
      delete: (keys) => storage.delete(keys),
      write: async (changes) => { for (const [key, row] of await storage.writeTracked(changes)) saved.set(key, row); },
    };
    const [save, delivery] = await Promise.allSettled([super.save(context, recording), deliver()]);
    if (save.status === 'rejected') throw save.reason;
    this.saved = saved;
    if (delivery.status === 'rejected') throw delivery.reason;
    return delivery.value;
  }

  override async save(context: TurnContext, storage?: Storage): Promise<void> {
    const saved = this.saved;
    if (!saved || !storage) return super.save(context, storage);
    return super.save(context, {
      read: (keys) => storage.read(keys),
      delete: (keys) => storage.delete(keys),
      write: async (changes) => {
        const rest: StoreItems = {};
        for (const [key, item] of Object.entries(changes)) {
          const before = saved.get(key);
          const { json } = stateJson(item);
          if (!before) rest[key] = item;
          // Changed since: written over what saveAlongside wrote, so with the eTag that write gave it.
          else if (json !== before.json) rest[key] = { ...(item as object), eTag: before.etag };
        }
        if (Object.keys(rest).length) await storage.write(rest);
      },
    });
  }
}
