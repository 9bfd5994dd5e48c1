// Bundles the bot (bot/index.ts) and the bench floor (bench/echoBot.ts) into dist/ with esbuild, so that
// `npm start` runs plain node on a few pre-compiled files instead of compiling ~1,000 TypeScript and CommonJS
// modules through tsx at every start. Skipped when dist/ is newer than every file it was built from.
//
// Left external (loaded from node_modules at run time): packages that read files next to themselves (PGlite's
// wasm and data, Prisma's query compiler wasm, the schema engine wasm), and optional natives (pg-native,
// dtrace-provider). In our own sources `import.meta.url` is rewritten to the source file's own URL, so paths
// computed from it (projectRoot, the prompts folder, createRequire) stay what they are under tsx.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist');
const metaFile = join(outdir, 'meta.json');
const self = fileURLToPath(import.meta.url);

export const entries = { index: 'bot/index.ts', echoBot: 'bench/echoBot.ts', migrateWorker: 'data/migrateWorker.ts' };

const external = [
  '@electric-sql/pglite', '@electric-sql/pglite/*',
  '@prisma/schema-engine-wasm',
  'pg-native', 'dtrace-provider',
];

/** True when dist/ was built from exactly the files that exist now, none changed since. */
function upToDate() {
  if (!existsSync(metaFile)) return false;
  try {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    if (JSON.stringify(meta.entries) !== JSON.stringify(entries)) return false;
    const builtAt = meta.builtAt;
    for (const file of [self, join(root, 'package-lock.json'), ...meta.inputs.map((f) => join(root, f))]) {
      if (statSync(file).mtimeMs > builtAt) return false;
    }
    for (const out of meta.outputs) if (!existsSync(join(root, out))) return false;
    return true;
  } catch {
    return false; // an input was removed, or meta.json is damaged
  }
}

/** Non-ASCII characters as \\uXXXX escapes (same meaning in strings, templates and regular expressions). */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `import.meta.url` in our sources → the URL of the source file itself (computed from the bundle's URL). */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = relative(outdir, args.path).split(sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};

/**
 * Prisma's query compiler arrives as a module exporting its wasm as a 4.6-MB base64 string, which the module
 * (its source text and the string) would keep in the heap for good: about 9 MB. In the bundle, that module is
 * replaced by one whose `wasm` turns into the same base64 text only when Prisma decodes it (Buffer.from calls
 * valueOf), read from the very same file, and dropped right after.
 */
const prismaWasm = {
  name: 'prisma-wasm-on-demand',
  setup(build) {
    build.onResolve({ filter: /^@prisma\/client\/runtime\/query_compiler_[\w.]+\.wasm-base64\.mjs$/ }, (args) => ({ path: args.path, namespace: 'prisma-wasm' }));
    // The rest of @prisma/client stays external (listed here: `external` would take this module too).
    build.onResolve({ filter: /^@prisma\/client(\/|$)/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'prisma-wasm' }, (args) => ({
      loader: 'js',
      contents: `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const file = createRequire(import.meta.url).resolve(${JSON.stringify(args.path)});
export const wasm = {
  valueOf() {
    const text = readFileSync(file, 'latin1');
    const start = text.indexOf('"') + 1;
    const end = text.indexOf('"', start);
    if (start === 0 || end < 0) throw new Error('unexpected content in ' + file);
    return text.slice(start, end);
  },
};`,
    }));
  },
};

/**
 * Packages the bot loads with botbuilder, Teams AI and restify but a normal turn never calls: GPT tokenizers (the
 * language-model planner only) and the Recognizers-Text grammars (botbuilder-dialogs' number, date and choice
 * prompts): bundled, each would be evaluated at start (its tables built: about 20 MB of heap and 0.2 s). Then the
 * sign-in and side features: Azure identity and MSAL (managed identity, certificates: only with such credentials),
 * openai, yaml, axios (Teams AI's models and skills), restify's SPDY server, static files, CSV bodies and HTTP
 * signatures, the WHATWG URL tables, streaming's websockets: about 2.7 MB of the 5.4-MB vendor chunk, 12–15 MB of
 * RSS after warm-up on PostgreSQL and 60 ms of start. Here each becomes a stand-in that loads the real package from
 * node_modules, unbundled, on first use (test/bundle.test.ts uses one). A package its importer reads at load time
 * (mime-db, openai, globalize) is simply loaded then.
 */
const lazyPackages = [
  'gpt-tokenizer', 'gpt-tokenizer/cjs/model/text-davinci-003',
  '@microsoft/recognizers-text-suite', '@microsoft/recognizers-text-number', '@microsoft/recognizers-text-date-time',
  '@microsoft/recognizers-text-choice',
  '@azure/identity', '@azure/msal-node', 'openai', 'yaml', 'axios', 'mime-db', 'sshpk', 'tr46', 'globalize', 'spdy', 'csv',
  'send', 'ws', 'web-streams-polyfill', 'entities', 'entities/lib/decode.js',
];
const lazy = {
  name: 'lazy-packages',
  setup(build) {
    const filter = new RegExp(`^(${lazyPackages.map((p) => p.replace(/[/.-]/g, (c) => `\\${c}`)).join('|')})$`);
    const require = createRequire(join(root, 'package.json'));
    build.onResolve({ filter }, (args) => (args.namespace === 'lazy'
      ? { path: args.path, external: true }
      : { path: args.path, namespace: 'lazy' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
      const real = require(args.path);
      // botbuilder-dialogs reads the suite's Culture names (plain strings) when it loads: copied here.
      let cultures;
      for (let c = real.Culture; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) { // statics are inherited
        for (const [name, value] of Object.entries(c)) if (typeof value === 'string') (cultures ??= {})[name] ??= value;
      }
      return {
        loader: 'js',
        contents: `let real;
const load = () => (real ??= require(${JSON.stringify(args.path)}));
const cultures = ${JSON.stringify(cultures ?? null)};
const Culture = cultures && new Proxy(cultures, { get: (names, key) => (key in names ? names[key] : load().Culture[key]) });
module.exports = new Proxy({}, {
  get: (_, key) => (key === '__esModule' ? ${Boolean(real.__esModule)} : key === 'Culture' && Culture ? Culture : load()[key]),
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor(_, key) {
    const d = Reflect.getOwnPropertyDescriptor(load(), key);
    return d && { ...d, configurable: true };
  },
});`,
      };
    });
  },
};

export async function build({ force = false, quiet = false } = {}) {
  if (!force && upToDate()) return false;
  const started = performance.now();
  const esbuild = await import('esbuild');
  const builtAt = Date.now();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Whitespace and syntax only: names stay readable in stack traces (and for code that reads constructor.name).
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    charset: 'ascii',
    external,
    plugins: [sourceUrls, prismaWasm, lazy],
    // Bundled CommonJS packages call require() for Node built-ins and for the external packages.
    banner: { js: "import { createRequire as __arobaseRequire } from 'node:module'; const require = __arobaseRequire(import.meta.url);" },
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(outdir, { recursive: true });
  for (const file of readdirSync(outdir)) if (file.endsWith('.mjs')) rmSync(join(outdir, file));
  // V8 keeps each module's source text in the heap, as a two-byte string as soon as it holds one non-Latin-1
  // character: a few such characters, left by esbuild inside regular expressions, doubled the 10-MB chunk.
  for (const file of result.outputFiles) writeFileSync(file.path, asciiOnly(file.text));
  const meta = {
    entries,
    builtAt,
    inputs: Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('<')),
    outputs: Object.keys(result.metafile.outputs),
  };
  writeFileSync(metaFile, JSON.stringify(meta));
  if (!quiet) console.error(`build: dist/ in ${Math.round(performance.now() - started)} ms`);
  return true;
}

if (process.argv[1] === self) {
  await build({ force: process.argv.includes('--force') });
}
