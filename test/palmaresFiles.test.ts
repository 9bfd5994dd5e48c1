// Hostile palmarès files (#17 item 5): encodings, control characters, « � », formulas; and every CSV the project
// writes neutralises formula cells. Each case names its line in French and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../data/database.ts';
import { importPalmares, validatePalmares } from '../data/palmares.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { decodeText, neutraliseFormula } from '../data/textFile.ts';
import { toCsv, type ExportResult } from '../data/applications/export.ts';
import { openTestDatabase } from './helpers/testDb.ts';

const registry = getRegistry();
const HEADER = 'edition,code,name,level,mentions,source';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
let db: Database;
beforeAll(async () => { db = await openTestDatabase(); });
afterAll(async () => { await db?.close(); });

describe('encodings', () => {
  const row = '22,27229,Évreux,3,,"Le Progrès, « palmarès » 2021"';
  it('UTF-8 with or without BOM, as is', () => {
    const bytes = Buffer.from(csv(row), 'utf8');
    expect(decodeText(bytes)).toEqual({ text: csv(row), encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])).text).toBe(csv(row));
  });

  it('Windows-1252 (Excel on a French Windows) is converted, never stored as « � »', async () => {
    const latin = Buffer.from(csv(row), 'latin1'); // É, è, «, » are single bytes there
    const decoded = decodeText(latin);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe(csv(row));
    const r = await importPalmares(db.prisma, decoded.text, { registry });
    expect(r.ok).toBe(true);
    expect((await db.prisma.award.findFirstOrThrow({ where: { territoryCode: '27229' } })).source).toBe('Le Progrès, « palmarès » 2021');
  });

  it('a file already holding « � » (converted badly elsewhere) is refused with its line', () => {
    expect(validatePalmares(csv('22,38185,,5,,Le Dauphin\uFFFD libéré'), registry).errors)
      .toEqual([{ line: 2, message: 'caractère illisible « � » dans la colonne source : le fichier a été mal converti (enregistrez-le en UTF-8)' }]);
  });
});

describe('control characters and formulas', () => {
  it.each([
    ['a NUL byte', '22,38185,Grenoble,5,,Presse\u0000', 'caractère de contrôle (code 0) dans la colonne source : à retirer du fichier'],
    ['a bell in the name', '22,38185,Gre\u0007noble,5,,Presse', 'caractère de contrôle (code 7) dans la colonne name : à retirer du fichier'],
    ['=HYPERLINK', '22,38185,,5,,"=HYPERLINK(""http://x"",""clic"")"', 'la source commence par « = » : un tableur l’exécuterait comme une formule ; écrivez le texte de la source (titre, URL, date)'],
    ['+', '22,38185,,5,,+33 presse', 'la source commence par « + » : un tableur l’exécuterait comme une formule ; écrivez le texte de la source (titre, URL, date)'],
    ['-', '22,38185,,5,,-2+3', 'la source commence par « - » : un tableur l’exécuterait comme une formule ; écrivez le texte de la source (titre, URL, date)'],
    ['@', '22,38185,,5,,@SUM(A1)', 'la source commence par « @ » : un tableur l’exécuterait comme une formule ; écrivez le texte de la source (titre, URL, date)'],
  ])('%s → a French line error, nothing written', async (_name, line, message) => {
    const before = await db.prisma.award.count();
    const r = await importPalmares(db.prisma, csv('22,69029,Bron,4,,Presse', line), { registry });
    expect(r).toEqual({ ok: false, errors: [{ line: 3, message }] });
    expect(await db.prisma.award.count()).toBe(before);
  });
});

describe('CSV the project writes', () => {
  it('a cell a spreadsheet would run is neutralised (application export)', () => {
    expect(['=1+1', '+33 6 12', '-x', '@a', '\t=x', 'Grenoble', '2021-01-01'].map(neutraliseFormula))
      .toEqual(["'=1+1", "'+33 6 12", "'-x", "'@a", "'\t=x", 'Grenoble', '2021-01-01']);
    const result: ExportResult = {
      edition: 28, columns: [{ key: 'reference' }, { key: 'note' }], rows: [{ reference: 'VI-1', note: '=cmd|\'/c calc\'!A1' }],
      counts: { applications: 1, draft: 0, submitted: 1, actions: 0, byGroup: {}, emptyDrafts: 0 },
    };
    expect(toCsv(result)).toBe('\uFEFFreference;note\r\nVI-1;\'=cmd|\'/c calc\'!A1\r\n');
  });
});
