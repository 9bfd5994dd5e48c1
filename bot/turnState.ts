// The label answers' follow-up memory (last place, edition, question) has a scope of its own, `label`, in its own row:
// the storage writes that row behind on PostgreSQL too (stateStorage.ts), so a label answer does not wait for the
// database; the conversation scope (dialogs, the application walkthrough) is still saved before the answer.
//
// Teams AI saves the turn state after the handlers, so after the reply has been delivered: a round trip to the
// connector, then one to the database, one after the other. On PostgreSQL that second round trip was the larger
// part of arobase's extra latency over a bot without state (bench:answer). A handler whose state is final before
// it replies may save alongside the delivery instead: both round trips at once. The HTTP answer to the channel
// still waits for both, so once a turn is answered its state is in the database, as before; a stale eTag is still
// refused. Teams AI's own save at the end of the turn then writes only what changed after this one.
import { TurnState } from '@microsoft/teams-ai';
import type { Storage, StoreItems, TurnContext } from 'botbuilder';
import type { StoredState } from './stateCache.ts';
import { LABEL_MEMORY_PREFIX, stateJson, type StateStorage } from './stateStorage.ts';

const LABEL_SCOPE = 'label';

export class AnswerTurnState extends TurnState {
  /** What this turn has written: key → its JSON and the eTag it now has. */
  private readonly saved = new Map<string, StoredState>();

  /** The label conversation's memory (LabelMemory), kept in its own row. */
  get label(): Record<string, unknown> {
    const scope = this.getScope(LABEL_SCOPE);
    if (!scope) throw new Error('AnswerTurnState has not been loaded');
    return scope.value as Record<string, unknown>;
  }

  protected override async onComputeStorageKeys(context: TurnContext): Promise<Record<string, string>> {
    const keys = await super.onComputeStorageKeys(context);
    keys[LABEL_SCOPE] = `${LABEL_MEMORY_PREFIX}${keys.conversation}`;
    return keys;
  }

  /**
   * Saves the state as it is now while `deliver` runs, and waits for both. Only for state that may be saved before
   * the reply arrives (an answer's follow-up memory): if the delivery fails the state has moved on all the same.
   */
  async saveAlongside<T>(context: TurnContext, storage: StateStorage, deliver: () => Promise<T>): Promise<T> {
    const [save, delivery] = await Promise.allSettled([this.saveThrough(context, storage), deliver()]);
    if (save.status === 'rejected') throw save.reason;
    if (delivery.status === 'rejected') throw delivery.reason;
    return delivery.value;
  }

  override async save(context: TurnContext, storage?: Storage): Promise<void> {
    return storage && this.saved.size ? this.saveThrough(context, storage) : super.save(context, storage);
  }

  private async saveThrough(context: TurnContext, storage: Storage | StateStorage): Promise<void> {
    const through = this.through(storage);
    await super.save(context, through);
    // Teams AI compares each scope with how it was loaded: one saved here, then put back as it was loaded, is no
    // change to Teams AI but still one to the database. Written unless equal to what this turn last wrote.
    const keys = await this.onComputeStorageKeys(context);
    const written: StoreItems = {};
    for (const scope of ['conversation', 'user', LABEL_SCOPE]) {
      const key = keys[scope];
      const value = this.getScope(scope)?.value;
      if (key && value && this.saved.has(key)) written[key] = value;
    }
    await through.write(written);
  }

  /** `storage`, minus what this turn already wrote unchanged; a key written again goes over the version it wrote. */
  private through(storage: Storage | StateStorage): Storage {
    return {
      read: (keys) => storage.read(keys),
      delete: async (keys) => {
        await storage.delete(keys);
        for (const key of keys) this.saved.delete(key);
      },
      write: async (changes) => {
        const rest: StoreItems = {};
        for (const [key, item] of Object.entries(changes)) {
          const before = this.saved.get(key);
          if (!before) rest[key] = item;
          else if (stateJson(item).json !== before.json) rest[key] = { ...(item as object), eTag: before.etag };
        }
        if (!Object.keys(rest).length) return;
        if (!('writeTracked' in storage)) return storage.write(rest);
        for (const [key, row] of await storage.writeTracked(rest)) this.saved.set(key, row);
      },
    };
  }
}
