// The commands a newcomer runs, as separate processes: npm start (health, SIGTERM) and npm run import.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../data/database.ts';
import { projectRoot } from '../data/migrations.ts';
import { samplesDir } from '../data/samples.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { createAnnouncement, queueAnnouncement } from '../data/notifications/index.ts';
import { CODES, seedEditions, seedMembers } from '../bench/lib/notifyFixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'arobase-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
const dbUrl = `pglite:${join(dir, 'db')}`;

describe('npm start on the embedded database', () => {
  it('answers /healthz, holds the samples, and stops cleanly on SIGTERM', async () => {
    const port = 39000 + Math.floor(Math.random() * 1000);
    const child = spawn(process.execPath, ['--import', 'tsx', '--disable-warning=DEP0111', 'bot/index.ts'], {
      cwd: projectRoot, env: { ...process.env, PORT: String(port), DATABASE_URL: dbUrl, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let health: Response | undefined;
    for (let i = 0; i < 120 && !health; i++) {
      await new Promise((r) => setTimeout(r, 250));
      health = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => (r.status === 200 ? r : undefined), () => undefined);
    }
    expect(health?.status, output).toBe(200);
    expect(output).toMatch(/Mode local/);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const db = await openDatabase({ url: dbUrl });
    // Every sample row for Grenoble, whatever the files hold.
    const inSamples = readdirSync(samplesDir).filter((f) => f.endsWith('.csv'))
      .reduce((n, f) => n + readFileSync(join(samplesDir, f), 'utf8').split('\n').filter((l) => /^\d+,38185,/.test(l)).length, 0);
    expect(inSamples).toBeGreaterThan(0);
    expect(await db.prisma.award.count({ where: { territoryCode: '38185' } })).toBe(inSamples);
    await db.close();
  }, 90_000);

  it('a wrong setting stops startup with one line naming the variable', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--disable-warning=DEP0111', 'bot/index.ts'], { cwd: projectRoot, env: { ...process.env, PORT: 'quatre' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n').filter((l) => !/DeprecationWarning|trace-deprecation/.test(l))).toEqual([
      'Configuration invalide — PORT doit être un entier entre 0 et 65535 (reçu « quatre »)',
    ]);
  }, 30_000);
});

describe('npm run import', () => {
  it('a bad row: exit code 1, the line named, nothing written', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'edition,code,name,level,mentions,source\n26,38185,Grenoble,5,,Presse\n26,99999,,3,,Presse\n');
    const run = spawnSync(tsx, ['bot/cli/import.ts', file], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: dbUrl }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ligne 3 : code 99999 inconnu du référentiel');
    expect(run.stderr).toContain("rien n'a été importé");
    const ok = join(dir, 'ok.csv');
    writeFileSync(ok, 'edition,code,name,level,mentions,source\n26,38185,Grenoble,5,,Presse\n');
    const good = spawnSync(tsx, ['bot/cli/import.ts', ok, '--complete'], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: dbUrl }, encoding: 'utf8' });
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toContain('Import terminé (édition 26) : 1 créée(s), 0 mise(s) à jour, 0 inchangée(s)');
  }, 60_000);
});

describe('npm run notify:cancel', () => {
  it('cancels the latest announcement: its pending messages are not sent; a second cancel says so', async () => {
    const url = `pglite:${join(dir, 'cancel-db')}`;
    const cancel = () => spawnSync(tsx, ['bot/cli/notifyCancel.ts'], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
    const none = cancel();
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('Aucune annonce pour l’instant.');
    const db = await openDatabase({ url });
    let id: string;
    try {
      await seedEditions(db.prisma);
      await seedMembers(db.prisma, [{ key: 'a', territoryCode: CODES.grenoble }, { key: 'b' }, { key: 'c' }]);
      const draft = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'test', registry: getRegistry() });
      id = draft.announcement.id;
      expect((await queueAnnouncement(db.prisma, id)).queued).toBe(3);
    } finally {
      await db.close();
    }
    const run = cancel();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Annonce ${id} annulée : 3 message(s) non encore envoyé(s) ne partiront pas.`);
    const again = cancel();
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Cette annonce est déjà annulée.');
    const check = await openDatabase({ url });
    try {
      expect(await check.prisma.delivery.count({ where: { announcementId: id, status: 'cancelled' } })).toBe(3);
    } finally {
      await check.close();
    }
  }, 60_000);
});
