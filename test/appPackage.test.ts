import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAppPackage, packageDir, pngSize, validateManifest } from '../bot/cli/packageApp.ts';

const dir = mkdtempSync(join(tmpdir(), 'arobase-pkg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const APP_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const manifest = () => JSON.parse(readFileSync(join(packageDir, 'manifest.json'), 'utf8').replaceAll('{{MicrosoftAppId}}', APP_ID));
const localization = () => JSON.parse(readFileSync(join(packageDir, 'en-us.json'), 'utf8'));

describe('Teams app package', () => {
  it('builds a zip whose manifest passes the Teams v1.24 schema: bot in personal and team scopes, commands in French and English', () => {
    const { file, errors } = buildAppPackage(APP_ID, join(dir, 'arobase.zip'));
    expect(errors).toEqual([]);
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const m = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(m.id).toBe(APP_ID);
    expect(m.bots[0]).toMatchObject({ botId: APP_ID, scopes: ['personal', 'team'] });
    const fr = m.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title);
    expect(fr).toContain('aide');
    const en = JSON.parse(new TextDecoder().decode(files['en-us.json']));
    expect(fr.map((_: string, i: number) => en[`bots[0].commandLists[0].commands[${i}].title`])).toContain('help');
    expect(pngSize(files['color.png']!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(files['outline.png']!)).toEqual({ width: 32, height: 32 });
  });

  it('the schema check can fail: a bad scope and an over-long short name are reported', () => {
    const bad = manifest();
    bad.bots[0].scopes = ['personal', 'galaxy'];
    bad.name.short = 'x'.repeat(40);
    const errors = validateManifest(bad, localization());
    expect(errors.some((e) => e.startsWith('manifest.json/bots/0/scopes/1'))).toBe(true);
    expect(errors.some((e) => e.startsWith('manifest.json/name/short'))).toBe(true);
  });

  it('refuses an app id that is not a GUID', () => {
    expect(buildAppPackage('not-a-guid', join(dir, 'x.zip')).errors[0]).toContain('un GUID est attendu');
  });
});
