// Prisma's schema engine compiled to WebAssembly: migrations with no native binary and no network.
// The wasm-bindgen glue imports a `.wasm` file that Node 20 cannot import, so we instantiate it by hand,
// once per process (a second instantiation crashes the module).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';

// Node has WebAssembly, but @types/node 20 does not declare it (it lives in the DOM lib).
type WasmApi = {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, unknown>) => { exports: Record<string, unknown> };
};
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let loading: Promise<void> | undefined;

function panicRegistry(): void {
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
  if (g.PRISMA_WASM_PANIC_REGISTRY) return;
  let message = '';
  g.PRISMA_WASM_PANIC_REGISTRY = {
    set_message(m: string) { message = m; },
    get() { return message; },
  };
}

function loadWasm(): Promise<void> {
  loading ??= (async () => {
    panicRegistry();
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const bytes = await readFile(join(dir, 'schema_engine_bg.wasm'));
    const instance = new wasm.Instance(new wasm.Module(bytes), { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loading;
}

export type EngineLog = (line: string) => void;

/** A schema engine bound to one driver adapter factory; `free()` it when done. */
export async function createSchemaEngine(
  schema: { path: string; content: string },
  factory: SqlMigrationAwareDriverAdapterFactory,
  log: EngineLog = () => {},
): Promise<bg.SchemaEngine> {
  await loadWasm();
  return bg.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    (line: string) => log(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}
