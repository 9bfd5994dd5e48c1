// What `npm start` runs after `node` (package.json): its flags, then dist/index.mjs. Read by the bench and the tests
// that start the bundle, so that they run the bot exactly as production does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../data/migrations.ts';

export function npmStartArgs(): string[] {
  const start = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [node, ...args] = start.trim().split(/\s+/);
  if (node !== 'node') throw new Error(`npm start no longer runs node directly: ${start}`);
  return args;
}
