// What a StateStorage remembers of the BotState rows: key → the stored value's JSON and its eTag, or null when the
// row is known to be absent. Bounded (least recently used dropped first, never a pinned key: a write not yet in the
// database). Invalidation-safe: a read that was in flight when its key was invalidated does not store what it read.
/** A row as stored: the value's JSON (kept as text, so every reader gets its own copy) and its eTag. */
export type StoredState = { json: string; etag: string };

export class StateCache {
  private readonly entries = new Map<string, StoredState | null>();
  /** Reads in flight per key, and the keys invalidated while one was. */
  private readonly reading = new Map<string, number>();
  private readonly stale = new Set<string>();

  constructor(private readonly maxEntries: number, private readonly pinned: (key: string) => boolean = () => false) {}

  get(key: string): StoredState | null | undefined {
    return this.entries.get(key);
  }

  set(key: string, stored: StoredState | null): void {
    this.entries.delete(key);
    this.entries.set(key, stored);
    if (this.entries.size <= this.maxEntries) return;
    for (const old of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      if (!this.pinned(old)) this.entries.delete(old);
    }
  }

  /** Another process changed (or may have changed) the row. */
  invalidate(key: string): void {
    this.entries.delete(key);
    if (this.reading.has(key)) this.stale.add(key);
  }

  /** Everything may be stale (the change feed was down). */
  clear(): void {
    this.entries.clear();
    for (const key of this.reading.keys()) this.stale.add(key);
  }

  /** Runs a database read of `keys` and stores its results unless a key was invalidated meanwhile. */
  async readThrough<T>(keys: string[], read: () => Promise<T>, store: (result: T, key: string) => StoredState | null): Promise<T> {
    for (const key of keys) this.reading.set(key, (this.reading.get(key) ?? 0) + 1);
    let result: T | undefined;
    let ok = false;
    try {
      result = await read();
      ok = true;
      return result;
    } finally {
      for (const key of keys) {
        if (ok && !this.stale.has(key)) this.set(key, store(result as T, key));
        const left = this.reading.get(key)! - 1;
        if (left > 0) this.reading.set(key, left);
        else {
          this.reading.delete(key);
          this.stale.delete(key);
        }
      }
    }
  }
}
