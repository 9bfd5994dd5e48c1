// Bigram index over compact name keys, for typo candidates: a name within k edits of the query shares most of
// its bigrams. Keys are numbered in length order, so that a length window is a contiguous range of ids.

const ALPHABET = 37; // 0 = padding, 1-26 = a-z, 27-36 = 0-9
const BITS_WORDS = 8; // a 256-bit bigram set per key
export const MAX_KEY = 100;

function charCode(c: number): number {
  if (c >= 97 && c <= 122) return c - 96;
  if (c >= 48 && c <= 57) return c - 21;
  return 0;
}

/** Distinct padded bigrams of a key ("^a", "ab", "b$"), as numbers. */
function gramsOf(key: string): number[] {
  const out: number[] = [];
  let prev = 0;
  for (let i = 0; i <= key.length; i++) {
    const c = i < key.length ? charCode(key.charCodeAt(i)) : 0;
    const g = prev * ALPHABET + c;
    if (!out.includes(g)) out.push(g);
    prev = c;
  }
  return out;
}

/** The bit of a bigram in a key's 256-bit bigram set. */
function gramBit(g: number): number {
  return Math.imul(g, 0x9e3779b1) >>> 24;
}

export class GramIndex {
  private readonly start = new Int32Array(ALPHABET * ALPHABET + 1);
  private readonly items: Int32Array;
  /** Per key, a hashed set of its bigrams: a cheap "may contain this bigram" test. */
  private readonly bits: Uint32Array;
  /** lengthStart[n]: the first id of a key of length ≥ n. */
  private readonly lengthStart: Int32Array;
  private readonly counts: Uint16Array;
  private readonly touched: Int32Array;

  /** `keys` must be sorted by length. */
  constructor(private readonly keys: readonly string[]) {
    // The keys' distinct bigrams, flat in key id order; then the postings, by counting and filling.
    const flat: number[] = [];
    const keyStart = new Int32Array(keys.length + 1);
    const seen = new Int32Array(ALPHABET * ALPHABET).fill(-1);
    for (let id = 0; id < keys.length; id++) {
      const key = keys[id] as string;
      let prev = 0;
      for (let i = 0; i <= key.length; i++) {
        const c = i < key.length ? charCode(key.charCodeAt(i)) : 0;
        const g = prev * ALPHABET + c;
        prev = c;
        if (seen[g] === id) continue;
        seen[g] = id;
        flat.push(g);
        this.start[g + 1] = (this.start[g + 1] as number) + 1;
      }
      keyStart[id + 1] = flat.length;
    }
    for (let g = 0; g < ALPHABET * ALPHABET; g++) this.start[g + 1] = (this.start[g + 1] as number) + (this.start[g] as number);
    const fill = this.start.slice(0, -1);
    this.items = new Int32Array(flat.length);
    this.bits = new Uint32Array(keys.length * BITS_WORDS);
    for (let id = 0; id < keys.length; id++) {
      for (let p = keyStart[id] as number; p < (keyStart[id + 1] as number); p++) {
        const g = flat[p] as number;
        this.items[fill[g] as number] = id;
        fill[g] = (fill[g] as number) + 1;
        const bit = gramBit(g);
        const word = id * BITS_WORDS + (bit >> 5);
        this.bits[word] = (this.bits[word] as number) | (1 << (bit & 31));
      }
    }
    const maxLen = keys.at(-1)?.length ?? 0;
    this.lengthStart = new Int32Array(maxLen + 2);
    for (let len = 0, id = 0; len <= maxLen + 1; len++) {
      while (id < keys.length && (keys[id] as string).length < len) id++;
      this.lengthStart[len] = id;
    }
    this.counts = new Uint16Array(keys.length);
    this.touched = new Int32Array(keys.length);
  }

  /**
   * Key ids that may be within `budget(length)` edits of `key`: of a length within the budget, and sharing enough
   * distinct bigrams with it. Turning a name into the query, a transposition adds at most 3 bigrams the name
   * lacks, a substitution or an insertion 2, a deletion 1; so with Δ = length − |key| deletions (or insertions)
   * forced, at most Δ·1 (or |Δ|·2) + (budget − |Δ|)·3 of the query's bigrams are missing from the name.
   * Only the postings of the rarest bigrams are walked (a name sharing T of G bigrams shares one of the G − T + 1
   * rarest); the others are then tested on each candidate. At most `max` ids, those sharing most first.
   */
  candidates(key: string, budget: (length: number) => number, max: number, minShared = 1): number[] {
    if (!key || key.length > MAX_KEY) return [];
    const { start, items, counts, touched, bits } = this;
    const size = (g: number) => (start[g + 1] as number) - (start[g] as number);
    const grams = gramsOf(key).sort((a, b) => size(a) - size(b));
    const thresholds: number[] = [];
    let minLen = Infinity;
    let maxLen = -1;
    let lowest = Infinity;
    for (let len = Math.max(1, key.length - 3); len <= key.length + 3; len++) {
      const k = budget(len);
      const delta = len - key.length;
      if (Math.abs(delta) > k) continue;
      const missing = delta >= 0 ? delta + (k - delta) * 3 : -delta * 2 + (k + delta) * 3;
      const threshold = Math.min(grams.length, Math.max(1, minShared, grams.length - missing));
      thresholds[len] = threshold;
      lowest = Math.min(lowest, threshold);
      minLen = Math.min(minLen, len);
      maxLen = Math.max(maxLen, len);
    }
    if (maxLen < 0) return [];
    const last = this.lengthStart.length - 1;
    const lo = this.lengthStart[Math.min(minLen, last)] as number;
    const hi = this.lengthStart[Math.min(maxLen + 1, last)] as number;
    if (lo >= hi) return [];
    const signature = grams.length - lowest + 1;
    let n = 0;
    for (let gi = 0; gi < signature; gi++) {
      const g = grams[gi] as number;
      let a = start[g] as number;
      let b = start[g + 1] as number;
      // Postings are sorted by key id: binary search the id window [lo, hi).
      while (a < b) { const mid = (a + b) >> 1; if ((items[mid] as number) < lo) a = mid + 1; else b = mid; }
      for (let p = a, end = start[g + 1] as number; p < end; p++) {
        const id = items[p] as number;
        if (id >= hi) break;
        const seen = counts[id] as number;
        counts[id] = seen + 1;
        if (seen === 0) touched[n++] = id;
      }
    }
    const others = grams.slice(signature).map(gramBit);
    // Bucket the passing ids by shared count, to hand back the best `max` without sorting.
    const buckets: number[][] = [];
    for (let t = 0; t < n; t++) {
      const id = touched[t] as number;
      let c = counts[id] as number;
      counts[id] = 0;
      const threshold = thresholds[(this.keys[id] as string).length] ?? Infinity;
      if (c + others.length < threshold) continue;
      for (const bit of others) if (((bits[id * BITS_WORDS + (bit >> 5)] as number) >>> (bit & 31)) & 1) c++;
      if (c >= threshold) (buckets[c] ??= []).push(id);
    }
    const out: number[] = [];
    for (let c = buckets.length - 1; c >= 0 && out.length < max; c--) {
      for (const id of buckets[c] ?? []) {
        if (out.length >= max) break;
        out.push(id);
      }
    }
    return out;
  }
}
