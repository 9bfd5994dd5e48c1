// Runs `prisma generate` with no network. Generation never uses the schema engine, but the Prisma CLI
// tries to download it first and fails offline; PRISMA_SCHEMA_ENGINE_BINARY (the documented custom-engine
// variable, checked only for existence) stops that. Our migrations use the WebAssembly engine instead.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = require.resolve('prisma/build/index.js', { paths: [root] });
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || fileURLToPath(import.meta.url),
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
const run = spawnSync(process.execPath, [cli, 'generate'], { cwd: root, env, stdio: 'inherit' });
process.exit(run.status ?? 1);
