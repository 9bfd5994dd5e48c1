// The sourced corpus (#17 item 3): the published lists of data/samples/lists/ give presse-listes-2026-12.csv through
// import:list's resolution and picks; every award row of data/samples/ names a page, and the corpus is the size asked.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../data/csv.ts';
import { buildListSamples, listsCsvFile, samplesDir } from '../data/samples.ts';
import { getTerritoryIndex } from '../data/territories/index.ts';

const index = getTerritoryIndex();
const awardFiles = readdirSync(samplesDir).filter((f) => f.endsWith('.csv') && !f.startsWith('totaux'));
const rows = awardFiles.flatMap((f) => parseCsv(readFileSync(join(samplesDir, f), 'utf8')).slice(1).map((r) => ({ file: f, fields: r.fields })));

describe('sample palmarès', () => {
  it('the lists resolve with their picks, contradict no other file, and give the CSV on disk', async () => {
    const build = await buildListSamples(index.registry, index.resolve);
    expect(build.open).toEqual([]);
    expect(build.conflicts).toEqual([]);
    expect(build.csv).toBe(readFileSync(join(samplesDir, listsCsvFile), 'utf8'));
  });

  it('holds at least 150 awards over at least 15 editions, no award twice', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(new Set(rows.map((r) => r.fields[0])).size).toBeGreaterThanOrEqual(15);
    const keys = rows.map((r) => `${r.fields[0]}:${r.fields[1]}`);
    expect(keys.length - new Set(keys).size).toBe(0);
  });

  it('every row added for the corpus cites its page by URL', () => {
    const collected = rows.filter((r) => r.file.startsWith('presse-collectes') || r.file === listsCsvFile);
    expect(collected.length).toBeGreaterThan(100);
    for (const r of collected) expect(r.fields[5], `${r.file}: ${r.fields.join(',')}`).toMatch(/https?:\/\/\S+/);
  });
});
