// Strings → small integer ids in one Int32Array (open addressing, linear probing). For the registry's tens of
// thousands of codes and name keys, a Map holds a 1.8 MB hash table in V8's large-object space per instance;
// this table is 256 KB, and the strings stay in the arrays that already hold them.

const EMPTY = 0; // slots hold id + 1

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class StringIds {
  private slots: Int32Array;
  private count = 0;

  /**
   * `keyOf(id)`: the string an id stands for (read back to confirm a probe, and to rehash when growing).
   * `expected`: how many keys are coming, when known: the table is made that size at once instead of doubling a dozen
   * times on the way (each time rehashing every key).
   */
  constructor(private readonly keyOf: (id: number) => string, expected = 0) {
    let size = 16;
    while (expected * 4 > size * 3) size *= 2;
    this.slots = new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  /** The id of `key`, or undefined. */
  get(key: string): number | undefined {
    const { slots } = this;
    const mask = slots.length - 1;
    for (let s = hash(key) & mask; ; s = (s + 1) & mask) {
      const v = slots[s] as number;
      if (v === EMPTY) return undefined;
      if (this.keyOf(v - 1) === key) return v - 1;
    }
  }

  /** Gives `key` the id `id` unless it has one already; returns the id it has. */
  add(key: string, id: number): number {
    const known = this.get(key);
    if (known !== undefined) return known;
    // Load kept ≤ 3/4: short probe runs, and 37,000 keys fit 65,536 slots.
    if ((this.count + 1) * 4 > this.slots.length * 3) this.grow();
    this.place(hash(key), id);
    this.count++;
    return id;
  }

  private place(h: number, id: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== EMPTY) s = (s + 1) & mask;
    this.slots[s] = id + 1;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (const v of old) if (v !== EMPTY) this.place(hash(this.keyOf(v - 1)), v - 1);
  }
}

/** Strings numbered in the order they are first met: `id(s)` is s's position in `items`, s added when new. */
export class StringList {
  readonly items: string[] = [];
  private readonly ids = new StringIds((id) => this.items[id] as string);

  id(s: string): number {
    const id = this.ids.add(s, this.items.length);
    if (id === this.items.length) this.items.push(s);
    return id;
  }

  /** s's position, or undefined when it was never added. */
  get(s: string): number | undefined {
    return this.ids.get(s);
  }
}
