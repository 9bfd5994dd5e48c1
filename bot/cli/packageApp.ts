// npm run package [-- --app-id <id>] : the Teams app package (manifest + icons), validated against the
// manifest JSON schema shipped by @microsoft/app-manifest (offline), zipped to appPackage/build/arobase.zip.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { projectRoot } from '../../data/migrations.ts';

export const packageDir = join(projectRoot, 'appPackage');
const FILES = ['manifest.json', 'en-us.json', 'color.png', 'outline.png'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function schema(file: string): object {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return JSON.parse(readFileSync(join(dir, 'build', 'json-schemas', 'teams', 'v1.24', file), 'utf8'));
}

/** Schema errors as readable lines ("/bots/0/scopes/2 must be equal to one of the allowed values"). */
export function validateManifest(manifest: unknown, localization: unknown): string[] {
  // The Teams schemas are draft-04 and use regular expressions that are invalid with the `u` flag.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  const lines: string[] = [];
  for (const [name, file, doc] of [['manifest.json', 'MicrosoftTeams.schema.json', manifest], ['en-us.json', 'MicrosoftTeams.Localization.schema.json', localization]] as const) {
    const validate = ajv.compile(schema(file));
    if (!validate(doc)) for (const e of validate.errors ?? []) lines.push(`${name}${e.instancePath || '/'} ${e.message}`);
  }
  return lines;
}

/** PNG width and height from its header. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function buildAppPackage(appId: string, outFile = join(packageDir, 'build', 'arobase.zip')): { file: string; errors: string[] } {
  const errors: string[] = [];
  if (!GUID.test(appId)) errors.push(`MicrosoftAppId « ${appId} » : un GUID est attendu (l’identifiant de l’inscription Azure Bot)`);
  const manifest = JSON.parse(readFileSync(join(packageDir, 'manifest.json'), 'utf8').replaceAll('{{MicrosoftAppId}}', appId));
  const localization = JSON.parse(readFileSync(join(packageDir, 'en-us.json'), 'utf8'));
  errors.push(...validateManifest(manifest, localization));
  const color = pngSize(readFileSync(join(packageDir, 'color.png')));
  const outline = pngSize(readFileSync(join(packageDir, 'outline.png')));
  if (color.width !== 192 || color.height !== 192) errors.push(`color.png doit mesurer 192×192 (${color.width}×${color.height})`);
  if (outline.width !== 32 || outline.height !== 32) errors.push(`outline.png doit mesurer 32×32 (${outline.width}×${outline.height})`);
  if (errors.length) return { file: outFile, errors };
  const entries = Object.fromEntries(FILES.map((f) => [f, f === 'manifest.json' ? new TextEncoder().encode(JSON.stringify(manifest, null, 2)) : new Uint8Array(readFileSync(join(packageDir, f)))]));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, zipSync(entries));
  return { file: outFile, errors };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const flag = process.argv.indexOf('--app-id');
  const appId = flag > 0 ? process.argv[flag + 1] ?? '' : process.env.MicrosoftAppId ?? '';
  if (!appId) {
    console.error('Usage : npm run package -- --app-id <GUID> (ou MicrosoftAppId dans l’environnement)');
    process.exit(1);
  }
  const { file, errors } = buildAppPackage(appId);
  if (errors.length) {
    for (const e of errors) console.error(e);
    console.error('Paquet non construit.');
    process.exit(1);
  }
  console.log(`Paquet Teams construit et validé : ${file}`);
}
