// What the README says of the layout, checked on the sources: the domain (data/) imports nothing from botbuilder or
// Teams AI, and imports run one way, bot/ → dialogs/ → data/ (data/understanding is called by bot/, never the reverse).
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

const FRAMEWORK = /^(?:botbuilder|botbuilder-dialogs|botframework-\w+|@microsoft\/teams-ai|restify)(?:\/|$)/;

describe('layout', () => {
  it('data/ imports nothing from botbuilder, Teams AI or restify', () => {
    const offenders = sources('data').flatMap((f) => imports(f).filter((s) => FRAMEWORK.test(s)).map((s) => `${f} → ${s}`));
    expect(offenders).toEqual([]);
  });

  it('data/understanding and data/territories import nothing from bot/ or dialogs/', () => {
    const upward = [...sources('data/understanding'), ...sources('data/territories')].flatMap((f) => imports(f)
      .filter((s) => s.startsWith('.'))
      .map((s) => relative(root, resolve(root, dirname(f), s)))
      .filter((target) => target.startsWith('bot/') || target.startsWith('dialogs/'))
      .map((target) => `${f} → ${target}`));
    expect(upward).toEqual([]);
  });
});
