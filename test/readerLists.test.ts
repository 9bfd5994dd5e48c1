// Lists two other readers wrote the way pages write them (test/fixtures/second-reader/ and third-reader/, README.md in
// each), with the codes a careful reader decides: no entry may resolve to another code, « ? » entries and communes
// merged under another code stay open for the reviewer, and most entries resolve.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../data/migrations.ts';
import { resolveList, type EntryResult } from '../data/palmaresList.ts';
import { getTerritoryIndex } from '../data/territories/index.ts';

const index = getTerritoryIndex();
// [folder, entries with a key, share of those with a current code that resolve]
const sets: [string, number, number][] = [['second-reader', 229, 0.95], ['third-reader', 229, 0.88]];

type Checked = { file: string; text: string; key: string; level: number; r: EntryResult | undefined };
function check(folder: string): Checked[] {
  const dir = join(projectRoot, 'test', 'fixtures', folder);
  return readdirSync(join(dir, 'lists')).filter((f) => f.endsWith('.txt')).sort().flatMap((file) => {
    const results = resolveList(readFileSync(join(dir, 'lists', file), 'utf8'), index.registry, index.resolve);
    // One key line an entry; a line listing several names has as many, in order.
    const used = new Map<number, number>();
    return readFileSync(join(dir, 'key', file.replace(/\.txt$/, '.tsv')), 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
      const f = l.split('\t');
      const line = Number(f[0]);
      const nth = used.get(line) ?? 0;
      used.set(line, nth + 1);
      return { file, text: f.slice(1, -3).join('\t'), key: f.at(-3)!, level: Number(f.at(-2)), r: results.filter((r) => r.line === line)[nth] };
    });
  });
}
const resolvedCode = (c: Checked) => (c.r?.status === 'resolved' ? c.r.code : undefined);

describe.each(sets)('%s’s lists', (folder, entries, share) => {
  const checked = check(folder);

  it('every keyed line is an entry, and no header row is', () => {
    expect(checked.length).toBe(entries);
    expect(checked.filter((c) => !c.r).map((c) => c.text)).toEqual([]);
  });

  it('no entry resolves to a code the reader did not decide', () => {
    const wrong = checked.filter((c) => {
      const code = resolvedCode(c);
      if (code === undefined) return false;
      const former = /^former:(\w+):(\w+)$/.exec(c.key);
      if (c.key === '?') return true; // undecidable for a careful reader: never a guess
      if (former) return former[1] !== former[2] || code !== former[2]; // merged under another code: the reviewer decides
      return code !== c.key || (c.r?.status === 'resolved' && c.r.level !== c.level);
    });
    expect(wrong.map((c) => `${c.file}: ${c.text} → ${resolvedCode(c)} (key ${c.key})`)).toEqual([]);
  });

  it('most entries resolve', () => {
    const decided = checked.filter((c) => /^(\d|2[AB])/.test(c.key));
    const right = decided.filter((c) => resolvedCode(c) === c.key);
    // On 2026-12-07: second reader 197 of 206, third reader 181 of 205 (and every commune merged keeping its code; the
    // merged under another code and the « ? » stay open). The misses: typos, former names of intercommunalités, press
    // nicknames (« la Casud », « Cap Nord »), sentences naming two towns, a level lost or aimed at.
    expect(right.length / decided.length).toBeGreaterThanOrEqual(share);
  });
});
