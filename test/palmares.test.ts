import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../data/csv.ts';
import type { Database } from '../data/database.ts';
import { importPalmares, validatePalmares } from '../data/palmares.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { samplesDir, seedSamplesIfEmpty } from '../data/samples.ts';
import { openTestDatabase } from './helpers/testDb.ts';

const registry = getRegistry();
const HEADER = 'edition,code,name,level,mentions,source';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

describe('CSV reader', () => {
  it('handles quotes, doubled quotes, CRLF, BOM and multi-line fields, with the line each record starts on', () => {
    const text = '\ufeffa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",z\r\n\r\nlast,1';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', 'z'] },
      { line: 6, fields: ['last', '1'] },
    ]);
  });
  it('reports an unclosed quote with its line', () => {
    const result = validatePalmares(csv('22,38185,Grenoble,5,,"source'), registry);
    expect(result.errors).toEqual([{ line: 2, message: 'guillemet ouvert jamais refermé' }]);
  });
});

describe('palmarès validation: every bad row named with its line, in French', () => {
  it.each([
    ['unknown code', '22,99999,,3,,Presse', 'code 99999 inconnu du référentiel'],
    ['malformed code', '22,ABC,,3,,Presse', 'code « ABC » invalide (code INSEE à 5 caractères ou SIREN à 9 chiffres attendu)'],
    ['name not matching the code', '22,38185,Grenble,3,,Presse', 'le nom « Grenble » ne correspond pas au code 38185 (Grenoble)'],
    ['edition not a number', '2x,38185,,3,,Presse', 'édition « 2x » invalide (nombre entier attendu, ex. 22 pour 2021)'],
    ['edition out of range', '61,38185,,3,,Presse', 'édition 61 hors bornes (de 1 à 60 ; 22 = palmarès 2021, 8 = décembre 2006)'],
    ['level out of range', '22,38185,,6,,Presse', 'niveau « 6 » invalide (de 1 à 5 arobases)'],
    ['level missing', '22,38185,,,,Presse', 'niveau manquant (de 1 à 5 arobases)'],
    ['code missing', '22,,,3,,Presse', 'code manquant'],
    ['unknown mention', '22,38185,,5,excellence;foo,Presse', 'mention « foo » inconnue (attendu : excellence, democratie-locale, mediation-numerique, numerique-educatif, arobase-verte)'],
    ['source missing', '22,38185,,5,,', 'source manquante (obligatoire)'],
    ['wrong column count', '22,38185,5,Presse', '4 colonnes au lieu de 6'],
  ])('%s', (_kind, row, message) => {
    const result = validatePalmares(csv('22,69029,Bron,5,excellence,Seed', row), registry);
    expect(result.errors).toEqual([{ line: 3, message }]);
  });

  it('a duplicate (same code and edition) names the first line', () => {
    const result = validatePalmares(csv('22,38185,,5,,A', '23,38185,,5,,A', '22,38185,,4,,B'), registry);
    expect(result.errors).toEqual([{ line: 4, message: 'doublon de la ligne 2 (même code 38185 et même édition 22)' }]);
  });

  it('a missing header column is refused', () => {
    expect(validatePalmares('edition,code,level\n22,38185,5\n', registry).errors[0]).toEqual({
      line: 1, message: 'en-tête incomplet : colonnes name, mentions, source manquantes (attendu : edition,code,name,level,mentions,source)',
    });
  });

  it('names match regardless of accents, case, œ and hyphens; codes are normalised', () => {
    const result = validatePalmares(csv('22,54547,VANDOEUVRE LES NANCY,5,Excellence,Seed', '22,2a004,ajaccio,2,,P'), registry);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.code, r.kind, r.mentions])).toEqual([['54547', 'commune', ['excellence']], ['2A004', 'commune', []]]);
  });

  it('an EPCI is recognised by its SIREN', () => {
    const result = validatePalmares(csv('22,200041333,CC de Parthenay-Gâtine,5,excellence,Seed'), registry);
    expect(result.rows[0]?.kind).toBe('epci');
  });
});

describe('palmarès import', () => {
  let db: Database;
  beforeEach(async () => { db = await openTestDatabase(); });
  afterEach(async () => { await db.close(); });

  it('imports, then re-importing the same file changes nothing, then a change is an update', async () => {
    const file = csv('22,38185,Grenoble,5,excellence,Seed', '22,69029,Bron,5,excellence,Seed', '24,69029,Bron,5,,Lyon Capitale');
    const first = await importPalmares(db.prisma, file, { registry });
    expect(first).toEqual({ ok: true, summary: { created: 3, updated: 0, unchanged: 0, editions: [22, 24] } });
    const before = await db.prisma.award.findMany({ orderBy: { id: 'asc' } });
    const again = await importPalmares(db.prisma, file, { registry });
    expect(again).toEqual({ ok: true, summary: { created: 0, updated: 0, unchanged: 3, editions: [22, 24] } });
    expect(await db.prisma.award.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
    const changed = await importPalmares(db.prisma, file.replace('24,69029,Bron,5', '24,69029,Bron,4'), { registry });
    expect(changed).toEqual({ ok: true, summary: { created: 0, updated: 1, unchanged: 2, editions: [22, 24] } });
    expect((await db.prisma.award.findFirst({ where: { territoryCode: '69029', editionNumber: 24 } }))?.level).toBe(4);
    const editions = await db.prisma.edition.findMany({ orderBy: { number: 'asc' } });
    expect(editions.map((e) => [e.number, e.year, e.complete])).toEqual([[22, 2021, false], [24, 2023, false]]);
  });

  it('a file with one bad row writes nothing at all and names the line', async () => {
    await importPalmares(db.prisma, csv('22,38185,Grenoble,5,excellence,Seed'), { registry });
    const result = await importPalmares(db.prisma, csv('23,69029,Bron,5,,P', '23,38185,Grenoble,3,,P', '23,99999,,3,,P'), { registry });
    expect(result).toEqual({ ok: false, errors: [{ line: 4, message: 'code 99999 inconnu du référentiel' }] });
    expect(await db.prisma.award.count()).toBe(1);
    expect(await db.prisma.edition.count()).toBe(1);
  });

  it('--complete marks the file’s editions as fully imported and reports progress', async () => {
    const progress: number[] = [];
    await importPalmares(db.prisma, csv('22,38185,,5,,P', '22,69029,,5,,P'), { registry, complete: true, onProgress: (d) => progress.push(d) });
    expect((await db.prisma.edition.findUnique({ where: { number: 22 } }))?.complete).toBe(true);
    expect(progress).toEqual([1, 2]);
  });

  it('sample files are valid, sourced on every row, and load once into an empty embedded database', async () => {
    const files = readdirSync(samplesDir).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    let rows = 0;
    for (const f of files) {
      const v = validatePalmares(readFileSync(join(samplesDir, f), 'utf8'), registry);
      expect(v.errors).toEqual([]);
      for (const r of v.rows) expect(r.source.length).toBeGreaterThan(10);
      rows += v.rows.length;
    }
    const seeded = await seedSamplesIfEmpty(db, registry);
    expect(seeded?.reduce((n, s) => n + s.created, 0)).toBe(rows);
    const grenoble = await db.prisma.award.findFirst({ where: { territoryCode: '38185' } });
    expect(grenoble).toMatchObject({ editionNumber: 22, level: 5, mentions: ['excellence'] });
    expect(await seedSamplesIfEmpty(db, registry)).toBeNull();
    expect(await db.prisma.award.count()).toBe(rows);
  });
});
