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
  it('builds a zip whose manifest passes the Teams v1.24 schema: bot in personal, team and group chat, commands per scope in French and English, the search', () => {
    const { file, errors } = buildAppPackage(APP_ID, join(dir, 'arobase.zip'));
    expect(errors).toEqual([]);
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const m = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(m.id).toBe(APP_ID);
    expect(m.bots[0]).toMatchObject({ botId: APP_ID, scopes: ['personal', 'team', 'groupChat'] });
    const en = JSON.parse(new TextDecoder().decode(files['en-us.json']));
    // Every scope has its commands, each translated.
    const lists = m.bots[0].commandLists as { scopes: string[]; commands: { title: string; description: string }[] }[];
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    lists.forEach((list, l) => {
      expect(list.commands.map((c) => c.title)).toContain('aide');
      list.commands.forEach((c, i) => {
        expect(en[`bots[0].commandLists[${l}].commands[${i}].title`], c.title).toBeTruthy();
        expect(en[`bots[0].commandLists[${l}].commands[${i}].description`], c.description).toBeTruthy();
      });
    });
    // The application stays in the personal chat: not offered where others read along.
    expect(JSON.stringify(lists.find((l) => l.scopes.includes('groupChat')))).not.toMatch(/candidature|notifications/);
    expect(m.composeExtensions[0]).toMatchObject({ botId: APP_ID, commands: [{ id: 'searchTerritory', type: 'query', parameters: [{ name: 'queryText' }] }] });
    expect(en['composeExtensions[0].commands[0].title']).toBeTruthy();
    expect(en['composeExtensions[0].commands[0].parameters[0].title']).toBeTruthy();
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
