// The registry's and the territory index's compact tables: string ids (open addressing) and integer lists.
import { describe, expect, it } from 'vitest';
import { StringIds, StringList } from '../data/territories/stringIds.ts';
import { groupRows, intLists, listAt } from '../data/territories/intLists.ts';

describe('StringIds', () => {
  it('finds every key added through growth, and nothing else', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${(i * 7919) % 100003}`);
    const ids = new StringIds((id) => keys[id] as string);
    keys.forEach((k, i) => expect(ids.add(k, i)).toBe(i));
    expect(ids.size).toBe(keys.length);
    for (const [i, k] of keys.entries()) expect(ids.get(k)).toBe(i);
    expect(ids.get('absent')).toBeUndefined();
    expect(ids.get('')).toBeUndefined();
  });

  it('sized for the keys expected, or fewer or more than expected, finds them all', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `c${i}`);
    for (const expected of [3000, 100, 10_000]) {
      const ids = new StringIds((id) => keys[id] as string, expected);
      keys.forEach((k, i) => ids.add(k, i));
      expect(keys.every((k, i) => ids.get(k) === i)).toBe(true);
      expect(ids.get('c3000')).toBeUndefined();
    }
  });

  it('keeps the first id of a key added twice', () => {
    const keys = ['38185', '69123', '38185'];
    const ids = new StringIds((id) => keys[id] as string);
    expect(ids.add('38185', 0)).toBe(0);
    expect(ids.add('69123', 1)).toBe(1);
    expect(ids.add('38185', 2)).toBe(0);
    expect(ids.size).toBe(2);
  });
});

describe('StringList', () => {
  it('numbers strings in the order first met, once each', () => {
    const list = new StringList();
    expect(['38000', '69500', '38000', '75001'].map((s) => list.id(s))).toEqual([0, 1, 0, 2]);
    expect(list.items).toEqual(['38000', '69500', '75001']);
    expect(list.get('69500')).toBe(1);
    expect(list.get('13001')).toBeUndefined();
  });
});

describe('integer lists', () => {
  it('groups rows by list, in row order within each list', () => {
    const lists = intLists(4, [2, 0, 2, 3, 0, 2], [10, 11, 12, 13, 14, 15]);
    expect(listAt(lists, 0)).toEqual([11, 14]);
    expect(listAt(lists, 1)).toEqual([]);
    expect(listAt(lists, 2)).toEqual([10, 12, 15]);
    expect(listAt(lists, 3)).toEqual([13]);
    expect(listAt(lists, 4)).toEqual([]);
    expect(listAt(lists, -1)).toEqual([]);
  });

  it('gives each row its position, for parallel columns', () => {
    const { start, at } = groupRows(2, [1, 0, 1]);
    expect([...start]).toEqual([0, 1, 3]);
    expect([...at]).toEqual([1, 0, 2]);
  });
});
