// What the README says of the layout, checked on the sources: the domain (data/) imports nothing from botbuilder or
// Teams AI, and imports run one way, bot/ → dialogs/ → data/.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every import specifier of a file (static and dynamic). */
function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/** The imports of the files under `dirs` that land in a folder starting with one of `targets`. */
function importsInto(dirs: string[], targets: string[]): string[] {
  return dirs.flatMap(sources).flatMap((f) => imports(f)
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(root, resolve(root, dirname(f), s)))
    .filter((target) => targets.some((t) => target.startsWith(t)))
    .map((target) => `${f} → ${target}`));
}

const FRAMEWORK = /^(?:botbuilder|botbuilder-dialogs|botframework-\w+|@microsoft\/teams-ai|restify)(?:\/|$)/;

describe('layout', () => {
  it('data/ imports nothing from botbuilder, Teams AI or restify', () => {
    const offenders = sources('data').flatMap((f) => imports(f).filter((s) => FRAMEWORK.test(s)).map((s) => `${f} → ${s}`));
    expect(offenders).toEqual([]);
  });

  it('the label answers\' card factories (bot/cards/) and dialogs/cards.ts are plain JSON: they import neither botbuilder nor dialogs/cardActivity.ts', () => {
    const files = [...sources('bot/cards'), 'dialogs/cards.ts'];
    const offenders = files.flatMap((f) => imports(f).filter((s) => FRAMEWORK.test(s) || s.endsWith('cardActivity.ts')).map((s) => `${f} → ${s}`));
    expect(offenders).toEqual([]);
  });

  it('dialogs/ imports nothing from bot/ (bot/ → dialogs/ → data/)', () => {
    expect(importsInto(['dialogs'], ['bot/'])).toEqual([]);
  });

  it('data/ imports nothing from bot/ or dialogs/ (the questionnaire and the membership rules are domain: data/)', () => {
    expect(importsInto(['data'], ['bot/', 'dialogs/'])).toEqual([]);
  });

  it('the check can fail: an upward import is reported', () => {
    expect(importsInto(['test/helpers'], ['bot/'])).not.toEqual([]);
  });
});
