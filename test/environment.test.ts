// One configuration loader for every entry point: the project folder's .env, the real environment winning, and a
// command-line tool that says which database it is about to use (an import once went to a new .data/pglite while
// .env named PostgreSQL).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { describeDatabase, envFile, loadDotEnv } from '../bot/environment.ts';
import { projectRoot } from '../data/migrations.ts';

const dir = mkdtempSync(join(tmpdir(), 'arobase-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration loading', () => {
  it('.env is the project folder’s, not the current directory’s', () => {
    expect(envFile).toBe(join(projectRoot, '.env'));
  });

  it('.env fills what the environment does not set; the real environment wins', () => {
    const file = join(dir, 'test.env');
    writeFileSync(file, 'AROBASE_TEST_A=from-file\nAROBASE_TEST_B=from-file\n');
    process.env.AROBASE_TEST_B = 'from-env';
    try {
      expect(loadDotEnv(file)).toBe(true);
      expect([process.env.AROBASE_TEST_A, process.env.AROBASE_TEST_B]).toEqual(['from-file', 'from-env']);
      expect(loadDotEnv(join(dir, 'missing.env'))).toBe(false);
    } finally {
      delete process.env.AROBASE_TEST_A;
      delete process.env.AROBASE_TEST_B;
    }
  });

  it('the database a tool will use is named, without its password', () => {
    expect(describeDatabase('postgresql://arobase:s3cret@db.example:5432/arobase')).toBe('PostgreSQL postgresql://arobase:***@db.example:5432/arobase');
    expect(describeDatabase('pglite:/srv/a')).toBe('PGlite embarqué (/srv/a)');
    expect(describeDatabase(undefined)).toBe(`PGlite embarqué (${join(projectRoot, '.data', 'pglite')})`);
  });

  it('a CLI run from another folder reads the configuration, ignores that folder’s .env, and names its database', () => {
    const target = join(dir, 'db');
    writeFileSync(join(dir, '.env'), `DATABASE_URL=pglite:${join(dir, 'wrong')}\n`);
    const run = spawnSync(process.execPath, ['--import', pathToFileURL(join(projectRoot, 'node_modules/tsx/dist/esm/index.mjs')).href, join(projectRoot, 'bot/cli/dbMigrate.ts')], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, DATABASE_URL: `pglite:${target}` }, timeout: 170_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Base de données : PGlite embarqué (${target})`);
    expect(existsSync(target)).toBe(true);
    expect(existsSync(join(dir, 'wrong'))).toBe(false);
  }, 180_000);
});
