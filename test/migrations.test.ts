import { createHash } from 'node:crypto';
import { cpSync, readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, openPglite, pgliteMigrationFactory, parseDatabaseUrl, defaultDataDir, PGLITE_SHARED_BUFFERS } from '../data/database.ts';
import { createMigration, deployMigrations, migrationDrift, migrationsDir, schemaPath } from '../data/migrations.ts';
import { createPostgresDatabase, postgresUrl } from './helpers/testDb.ts';

const folders = readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const checksums = folders.map((f) => createHash('sha256').update(readFileSync(join(migrationsDir, f, 'migration.sql'))).digest('hex'));

type MigrationRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number };

async function expectPrismaRows(rows: MigrationRow[]) {
  expect(rows.map((r) => r.migration_name)).toEqual(folders);
  expect(rows.map((r) => r.checksum)).toEqual(checksums);
  for (const r of rows) {
    expect(r.finished_at).not.toBeNull();
    expect(r.rolled_back_at).toBeNull();
    expect(r.applied_steps_count).toBe(1);
  }
}

describe('DATABASE_URL', () => {
  it.each([
    [undefined, { kind: 'pglite', dataDir: defaultDataDir }],
    ['', { kind: 'pglite', dataDir: defaultDataDir }],
    ['pglite:memory', { kind: 'pglite', dataDir: undefined }],
    ['postgres://u@h:5432/db', { kind: 'postgres', url: 'postgres://u@h:5432/db' }],
    ['postgresql://u@h/db', { kind: 'postgres', url: 'postgresql://u@h/db' }],
  ])('%s', (url, target) => {
    expect(parseDatabaseUrl(url)).toEqual(target);
  });
  it('pglite:<dir> resolves the folder', () => {
    expect(parseDatabaseUrl('pglite:/tmp/x')).toEqual({ kind: 'pglite', dataDir: '/tmp/x' });
  });
  it('refuses anything else with a French message', () => {
    expect(() => parseDatabaseUrl('mysql://x')).toThrow(/DATABASE_URL invalide/);
  });
});

// The schema engine (WebAssembly) is CPU-bound: 5–8 s a test on an idle machine, several times that on two busy
// cores. These tests check what the migrations write, not how fast: a generous limit, so load cannot fail them.
const ENGINE_TIMEOUT = 180_000;

describe('migration files', () => {
  it('no semicolon in a comment: on PostgreSQL the schema engine splits the script on it (« syntax error at or near »)', () => {
    for (const f of folders) {
      const comments = readFileSync(join(migrationsDir, f, 'migration.sql'), 'utf8').split('\n').filter((l) => /--.*;/.test(l));
      expect(comments, f).toEqual([]);
    }
  });
});

describe('migrations on PGlite', { timeout: ENGINE_TIMEOUT }, () => {
  it('apply every committed migration with the rows prisma migrate deploy writes, then nothing more', async () => {
    const db = await openDatabase({ url: 'pglite:memory' });
    try {
      expect(db.applied).toEqual(folders);
      await expectPrismaRows(await db.prisma.$queryRawUnsafe<MigrationRow[]>('SELECT * FROM _prisma_migrations ORDER BY migration_name'));
      expect(await deployMigrations(pgliteMigrationFactory(db.pglite!))).toEqual([]);
      // The schema's tables exist and work.
      await db.prisma.edition.create({ data: { number: 22, year: 2021 } });
      expect(await db.prisma.edition.count()).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('the embedded database starts with a small buffer pool (PGlite sets up all of it in memory at start)', async () => {
    const pglite = await openPglite(undefined);
    try {
      expect((await pglite.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows).toEqual([{ shared_buffers: PGLITE_SHARED_BUFFERS }]);
      expect(PGLITE_SHARED_BUFFERS).not.toBe('128MB'); // PostgreSQL's default, sized for a server
    } finally {
      await pglite.close();
    }
  });

  it('schema.prisma and the migrations do not drift apart', async () => {
    const pglite = await openPglite(undefined);
    try {
      expect(await migrationDrift(pgliteMigrationFactory(pglite))).toBe('');
      // The check can fail: a column added to the schema alone is reported.
      const drifted = readFileSync(schemaPath, 'utf8').replace('model Edition {', 'model Edition {\n  driftProbe String?');
      expect(await migrationDrift(pgliteMigrationFactory(pglite), migrationsDir, drifted)).toMatch(/driftProbe/);
    } finally {
      await pglite.close();
    }
  });

  it('db:migration writes a migration from the schema into an empty folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arobase-mig-'));
    const pglite = await openPglite(undefined);
    try {
      const created = await createMigration(pgliteMigrationFactory(pglite), 'init', dir);
      expect(created?.folder).toMatch(/^\d{14}_init$/);
      const sql = readFileSync(join(dir, created!.folder, 'migration.sql'), 'utf8');
      expect(sql).toContain('CREATE TABLE "Award"');
      expect(readFileSync(join(dir, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');
      // Nothing left to create once the schema is covered.
      expect(await createMigration(pgliteMigrationFactory(pglite), 'again', dir)).toBeNull();
    } finally {
      await pglite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!postgresUrl)('migrations on PostgreSQL (TEST_DATABASE_URL)', { timeout: ENGINE_TIMEOUT }, () => {
  const dbs: { drop(): Promise<void> }[] = [];
  afterAll(async () => { for (const d of dbs) await d.drop(); });

  it('apply with the same _prisma_migrations rows, idempotently', async () => {
    const pgdb = await createPostgresDatabase();
    dbs.push(pgdb);
    const db = await openDatabase({ url: pgdb.url });
    try {
      expect(db.applied).toEqual(folders);
      await expectPrismaRows(await db.prisma.$queryRawUnsafe<MigrationRow[]>('SELECT * FROM _prisma_migrations ORDER BY migration_name'));
      await db.prisma.award.findMany();
    } finally {
      await db.close();
    }
    const again = await openDatabase({ url: pgdb.url });
    expect(again.applied).toEqual([]);
    await again.close();
  });
});

describe('startup shortcut', { timeout: ENGINE_TIMEOUT }, () => {
  it('skips the engine only when every migration is recorded with its checksum', async () => {
    const db = await openDatabase({ url: 'pglite:memory' });
    try {
      const query = (sql: string) => db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(sql);
      const { migrationsUpToDate } = await import('../data/migrations.ts');
      expect(await migrationsUpToDate(query)).toBe(true);
      await db.prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET checksum = 'edited'`);
      expect(await migrationsUpToDate(query)).toBe(false);
      await db.prisma.$executeRawUnsafe('DROP TABLE _prisma_migrations');
      expect(await migrationsUpToDate(query)).toBe(false);
    } finally {
      await db.close();
    }
  });
});

describe('the membership migration keeps what was answered', { timeout: ENGINE_TIMEOUT }, () => {
  it('self-declared towns become pending claims; authors of answers are approved for their territory', async () => {
    // The database as the previous version left it: only the first migration applied.
    const before = mkdtempSync(join(tmpdir(), 'arobase-mig-'));
    cpSync(join(migrationsDir, folders[0]!), join(before, folders[0]!), { recursive: true });
    cpSync(join(migrationsDir, 'migration_lock.toml'), join(before, 'migration_lock.toml'));
    const pglite = await openPglite(undefined);
    try {
      await deployMigrations(pgliteMigrationFactory(pglite), before);
      await pglite.exec(`
        INSERT INTO "Member" (id, "teamsUserId", name, "territoryCode", "updatedAt") VALUES
          ('m-ada', '29:ada', 'Ada', '38185', '2026-10-01'), ('m-bob', '29:bob', 'Bob', '38185', '2026-10-02'),
          ('m-eve', '29:eve', 'Eve', '69029', '2026-10-03'), ('m-zoe', '29:zoe', 'Zoé', NULL, '2026-10-04');
        INSERT INTO "Edition" (number, year, "updatedAt") VALUES (28, 2027, now());
        INSERT INTO "Application" (id, "territoryCode", "editionNumber", answers, "createdBy", authors, "updatedAt", "createdAt") VALUES
          ('app-g', '38185', 28, '{"contact_name":"Ada"}', '29:ada', '{29:ada}', now(), '2026-10-05'),
          ('app-b', '69029', 28, '{}', '29:eve', '{}', now(), '2026-10-06'),
          ('app-x', '13055', 28, '{"contact_name":"Zoé"}', '29:zoe', '{29:zoe}', now(), '2026-10-07');`);
      expect(await deployMigrations(pgliteMigrationFactory(pglite))).toEqual(folders.slice(1));
      const rows = (await pglite.query<{ memberId: string; territoryCode: string; status: string; decidedVia: string | null }>(
        `SELECT "memberId", "territoryCode", status, "decidedVia" FROM "Membership" ORDER BY "memberId", "territoryCode"`)).rows;
      expect(rows).toEqual([
        { memberId: 'm-ada', territoryCode: '38185', status: 'approved', decidedVia: 'migration' }, // wrote answers
        { memberId: 'm-bob', territoryCode: '38185', status: 'pending', decidedVia: null }, // declared only
        { memberId: 'm-eve', territoryCode: '69029', status: 'pending', decidedVia: null }, // opened an empty draft
        { memberId: 'm-zoe', territoryCode: '13055', status: 'approved', decidedVia: 'migration' }, // wrote, town not declared
      ]);
      // Nothing answered is lost.
      expect((await pglite.query(`SELECT id FROM "Application" WHERE answers::text <> '{}'`)).rows).toHaveLength(2);
    } finally {
      await pglite.close();
      rmSync(before, { recursive: true, force: true });
    }
  });
});
