// Bounded Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and
// transpositions of adjacent characters). Only the diagonal band |i − j| ≤ bound is computed, and the
// computation stops as soon as a whole row exceeds the bound.

const MAX = 256;
const BIG = 1 << 20;
const rows = [new Int32Array(MAX + 2), new Int32Array(MAX + 2), new Int32Array(MAX + 2)] as const;

/** The distance between a and b when it is ≤ bound, otherwise bound + 1. */
export function boundedDistance(a: string, b: string, bound: number): number {
  const n = a.length;
  const m = b.length;
  const over = bound + 1;
  if (Math.abs(n - m) > bound) return over;
  if (n === 0 || m === 0) return Math.max(n, m);
  if (n > MAX || m > MAX) return over;
  let prev2 = rows[0];
  let prev = rows[1];
  let cur = rows[2];
  for (let j = 0; j <= m; j++) prev[j] = j <= bound ? j : BIG;
  prev[m + 1] = BIG;
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    const caPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    const from = Math.max(1, i - bound);
    const to = Math.min(m, i + bound);
    cur[from - 1] = from === 1 && i <= bound ? i : BIG;
    let rowMin = BIG;
    for (let j = from; j <= to; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = (prev[j - 1] as number) + (ca === cb ? 0 : 1);
      const del = (prev[j] as number) + 1;
      if (del < v) v = del;
      const ins = (cur[j - 1] as number) + 1;
      if (ins < v) v = ins;
      if (j > 1 && i > 1 && ca === b.charCodeAt(j - 2) && caPrev === cb) {
        const tr = (prev2[j - 2] as number) + 1;
        if (tr < v) v = tr;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (to < m) cur[to + 1] = BIG;
    if (rowMin > bound) return over;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[m] as number;
  return d <= bound ? d : over;
}
