// Many short lists of integers (the EPCI of each commune, the entities of each postcode, …) as two typed arrays:
// as JS arrays, 35,000 one-item lists cost 6 MB of heap (an array grown by push keeps room for 16 more).

/** The items of list i are items[start[i] .. start[i + 1]). */
export type IntLists = { readonly start: Int32Array; readonly items: Int32Array };

/**
 * Groups rows by list: `listOfRow[r]` is the list row r goes to. Returns the lists' bounds and, per row, its
 * position in `items` (rows keep their order within a list); the caller fills items, and any parallel column.
 */
export function groupRows(lists: number, listOfRow: ArrayLike<number>): { start: Int32Array; at: Int32Array } {
  const start = new Int32Array(lists + 1);
  for (let r = 0; r < listOfRow.length; r++) {
    const l = (listOfRow[r] as number) + 1;
    start[l] = (start[l] as number) + 1;
  }
  for (let l = 0; l < lists; l++) start[l + 1] = (start[l + 1] as number) + (start[l] as number);
  const fill = start.slice(0, -1);
  const at = new Int32Array(listOfRow.length);
  for (let r = 0; r < listOfRow.length; r++) {
    const l = listOfRow[r] as number;
    at[r] = fill[l] as number;
    fill[l] = (at[r] as number) + 1;
  }
  return { start, at };
}

/** Lists from (list, item) pairs given as two columns. */
export function intLists(lists: number, listOfRow: ArrayLike<number>, itemOfRow: ArrayLike<number>): IntLists {
  const { start, at } = groupRows(lists, listOfRow);
  const items = new Int32Array(at.length);
  for (let r = 0; r < at.length; r++) items[at[r] as number] = itemOfRow[r] as number;
  return { start, items };
}

/** List i as a plain array (callers spread, filter and flatMap it). */
export function listAt(lists: IntLists, i: number): number[] {
  if (i < 0 || i + 1 >= lists.start.length) return [];
  return Array.from(lists.items.subarray(lists.start[i] as number, lists.start[i + 1] as number));
}
