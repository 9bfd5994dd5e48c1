import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../data/database.ts';
import { openTestDatabase } from './helpers/testDb.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { parseCsv } from '../data/csv.ts';
import {
  ApplicationRepository, exportApplications, exportColumns, submitApplication, toCsv, toJson, type Actor,
} from '../data/applications/index.ts';
import { getDefinition, type Answers } from '../data/questionnaire/index.ts';

let db: Database;
const registry = getRegistry();

const ANSWERS: Answers = {
  contact_name: 'Ada Lovelace', contact_role: 'elu', contact_function: 'Adjointe « numérique »', contact_email: 'ada@grenoble.fr',
  contact_phone: '+33612345678', first_participation: false, last_level: 4, digital_staff: 2.5, online_services: ['demarches', 'paiement'],
  digital_plan: false, website: null, 'democratie.any': true,
  'democratie[1].title': 'Portail "Grenoble en poche"', 'democratie[1].description': 'Démarches en ligne ; paiement, rendez-vous.\nOuvert à tous.',
  'democratie[1].enjeu': 'demarches', 'democratie[1].status': 'terminee', 'democratie[1].start_date': '2024-03-01',
  'democratie[1].end_date': '2025-06-30', 'democratie[1].url': 'https://www.grenoble.fr/', 'democratie[1].more': true,
  'democratie[2].title': 'Budget participatif', 'democratie[2].description': 'Les habitants votent en ligne pour leurs projets de quartier.',
  'democratie[2].enjeu': 'participation', 'democratie[2].status': 'en_cours', 'democratie[2].start_date': '2025-01-15', 'democratie[2].url': null,
  'democratie[2].more': false, 'vivre_ensemble.any': false, 'connaissances.any': false, 'richesses.any': false,
  mentions: ['democratie_locale'], jury_message: null, publication_consent: true,
};

beforeAll(async () => {
  db = await openTestDatabase();
  const repo = new ApplicationRepository(db.prisma, () => new Date('2026-11-27T10:00:00Z'));
  const ada: Actor = { id: '29:ada', territoryCode: '38185', territories: ['38185'], admin: false };
  let app = await repo.openDraft(ada, 28);
  for (const [key, value] of Object.entries(ANSWERS)) {
    const r = await repo.saveAnswer(ada, app.id, app.version, key, value);
    if (r.status !== 'ok') throw new Error(key);
    app = r.application;
  }
  // A stale answer hidden by a later change (the action is no longer « terminée »): never exported.
  await db.prisma.application.update({ where: { id: app.id }, data: { answers: { ...app.answers, 'democratie[2].end_date': '2025-01-01' } } });
  expect((await submitApplication(db.prisma, ada, app.id, app.version)).status).toBe('ok');
  const eve: Actor = { id: '29:eve', territoryCode: '69029', territories: ['69029'], admin: false };
  const bron = await repo.openDraft(eve, 28);
  await repo.saveAnswer(eve, bron.id, bron.version, 'contact_name', 'Ève Durand');
});
afterAll(async () => { await db?.close(); });

describe('export', () => {
  it('columns come from the definition only, in a stable order, repeat groups flattened to their maximum', () => {
    const keys = exportColumns(getDefinition(28)).map((c) => c.key);
    expect(keys.slice(0, 12)).toEqual(['reference', 'territory_code', 'territory_name', 'territory_kind', 'departement', 'edition',
      'status', 'submitted_at', 'updated_at', 'contributors', 'contact_name', 'contact_role']);
    expect(keys).toContain('democratie_5_url');
    expect(keys.indexOf('democratie_count')).toBeLessThan(keys.indexOf('democratie_1_title'));
    expect(keys.indexOf('democratie_1_url')).toBeLessThan(keys.indexOf('democratie_2_title'));
    expect(keys.at(-1)).toBe('publication_consent');
    expect(new Set(keys).size).toBe(keys.length);
    expect(exportColumns(getDefinition(28)).map((c) => c.key)).toEqual(keys);
  });

  it('CSV: UTF-8 BOM, « ; », one row per application, French words, RFC 4180 quoting', async () => {
    const result = await exportApplications(db.prisma, 28, { registry });
    expect(result.counts).toMatchObject({ applications: 2, submitted: 1, draft: 1, actions: 2, byGroup: { democratie: 2, vivre_ensemble: 0 } });
    const csv = toCsv(result);
    expect(csv.startsWith('\uFEFFreference;territory_code;')).toBe(true);
    expect(csv).toContain('\r\n');
    // Parse back (comma version) to check the cells.
    const records = parseCsv(toCsv(result, { delimiter: ',' }));
    const [header, ...rows] = records.map((r) => r.fields);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(header!.map((k, i) => [k, rows.find((r) => r[1] === '38185')![i]]));
    expect(row).toMatchObject({
      reference: expect.stringMatching(/^VI-2027-38185-\d+$/), territory_name: 'Grenoble', territory_kind: 'commune', departement: '38',
      status: 'submitted', contact_role: 'Élu ou élue', contact_phone: '06 12 34 56 78', first_participation: 'Non', last_level: '4',
      digital_staff: '2.5', online_services: 'Démarches administratives en ligne, Paiement en ligne', website: '',
      democratie_count: '2', democratie_1_title: 'Portail "Grenoble en poche"',
      democratie_1_description: 'Démarches en ligne ; paiement, rendez-vous.\nOuvert à tous.', democratie_1_enjeu: 'Démarches et services en ligne',
      democratie_1_end_date: '30/06/2025', democratie_2_end_date: '', democratie_3_title: '', mentions: 'Démocratie locale',
    });
    expect(csv).toContain(';2,5;'); // French decimal comma with the « ; » delimiter (Excel in French)
  });

  it('JSON: the same rows with typed values', async () => {
    const json = JSON.parse(toJson(await exportApplications(db.prisma, 28, { registry, status: 'submitted' })));
    expect(json.edition).toBe(28);
    expect(json.applications).toHaveLength(1);
    const a = json.applications[0];
    expect(Object.keys(a)).toEqual(json.columns);
    expect(a).toMatchObject({ territory_code: '38185', first_participation: false, digital_staff: 2.5, online_services: ['demarches', 'paiement'],
      democratie_1_start_date: '2024-03-01', democratie_2_end_date: null, website: null, contributors: 1 });
  });

  it('npm run export:applications writes the file from another process', async () => {
    // A PGlite database in a folder, closed before the CLI (another process) opens it.
    const dir = mkdtempSync(join(tmpdir(), 'arobase-export-'));
    try {
      const rows = await db.prisma.application.findMany();
      const disk = await openDatabase({ url: `pglite:${dir}`, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]), migrate: false });
      await disk.prisma.edition.create({ data: { number: 28, year: 2027 } });
      await disk.prisma.application.createMany({ data: rows.map((r) => ({ ...r, answers: r.answers ?? {} })) });
      await disk.close();
      const run = (args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'bot/cli/exportApplications.ts', ...args],
        { cwd: process.cwd(), env: { ...process.env, DATABASE_URL: `pglite:${dir}` } });
      const csvFile = join(dir, 'out.csv');
      const { stdout } = await run(['--edition', '28', '--format', 'csv', '--out', csvFile]);
      expect(stdout).toMatch(/2 candidature\(s\) de la 28e édition \(1 envoyée\(s\), 1 brouillon\(s\)\), 2 action\(s\), 189 colonnes/);
      const csv = readFileSync(csvFile, 'utf8');
      expect(csv).toBe(toCsv(await exportApplications(db.prisma, 28, { registry })));
      await expect(run(['--edition', '28', '--format', 'xlsx'])).rejects.toMatchObject({ stderr: expect.stringMatching(/Format inconnu : « xlsx »/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
