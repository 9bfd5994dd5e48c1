// A palmarès list an admin sends to the bot (#17 item 2): kept as a ListImport row from the preview to the
// confirmation, with the reviewer's picks; resolved with import:list's own rules; imported all or nothing, once.
// Plain TypeScript: the Teams side (dialogs/listImport) only shows it and passes the clicks.
import type { PrismaClient } from './generated/prisma/client.ts';
import { isKnownEdition } from './editions.ts';
import { sourceIssue, writeAwards, type ImportSummary, type PalmaresRow } from './palmares.ts';
import { entryKey, readListHeader, readListResults, SKIP, type EntryResult, type IgnoredLine, type ListHeader } from './palmaresList.ts';
import { awardedEntries } from './palmaresRows.ts';
import type { Resolution } from './territories/index.ts';
import type { Registry } from './territories/registry.ts';
import { CONTROL_CHARACTER, decodeText } from './textFile.ts';

/** A published list is a few hundred lines; a file beyond this is not one. */
export const MAX_LIST_BYTES = 512 * 1024;
export const MAX_LIST_ENTRIES = 5_000;

export type Resolve = (query: string) => Resolution;
export type FileRefusal = { refused: 'tooBig' | 'empty' | 'control' | 'tooMany'; line?: number };

/** Why a file cannot be a list, or its decoded text. */
export function readListFile(bytes: Uint8Array): FileRefusal | { text: string; converted: boolean } {
  if (bytes.byteLength > MAX_LIST_BYTES) return { refused: 'tooBig' };
  const { text, encoding } = decodeText(bytes);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const bad = lines.findIndex((l) => CONTROL_CHARACTER.test(l));
  if (bad >= 0) return { refused: 'control', line: bad + 1 };
  const entries = lines.filter((l) => l.trim() && !l.trim().startsWith('#')).length;
  if (!entries) return { refused: 'empty' };
  if (entries > MAX_LIST_ENTRIES) return { refused: 'tooMany' };
  return { text, converted: encoding !== 'utf-8' };
}

export type ListImportView = {
  id: string; fileName: string; status: 'pending' | 'imported' | 'discarded';
  header: ListHeader; edition?: number; source?: string; results: EntryResult[]; ignored: IgnoredLine[]; open: EntryResult[]; summary?: ImportSummary;
};

type Row = { id: string; memberId: string; fileName: string; text: string; edition: number | null; source: string | null; picks: unknown; status: ListImportView['status']; summary: unknown };

const picksOf = (row: Row) => new Map(Object.entries((row.picks ?? {}) as Record<string, string>));

function view(row: Row, registry: Registry, resolve: Resolve): ListImportView {
  const header = readListHeader(row.text);
  const { results, ignored } = readListResults(row.text, registry, resolve, picksOf(row), row.edition ?? header.edition);
  return {
    id: row.id, fileName: row.fileName, status: row.status, header, results, ignored, open: results.filter((r) => r.status !== 'resolved'),
    edition: row.edition ?? header.edition, source: row.source ?? header.source,
    ...(row.summary ? { summary: row.summary as ImportSummary } : {}),
  };
}

export async function startListImport(prisma: PrismaClient, memberId: string, fileName: string, text: string, registry: Registry, resolve: Resolve): Promise<ListImportView> {
  const row = await prisma.listImport.create({ data: { memberId, fileName: fileName.slice(0, 200), text } });
  return view(row as Row, registry, resolve);
}

/** The import as its sender sees it; undefined for anyone else (an id is no permission). */
export async function listImportOf(prisma: PrismaClient, id: string, memberId: string, registry: Registry, resolve: Resolve): Promise<ListImportView | undefined> {
  const row = await prisma.listImport.findFirst({ where: { id, memberId } });
  return row ? view(row as Row, registry, resolve) : undefined;
}

export type ListDecision =
  | { ok: true; view: ListImportView }
  | { ok: false; reason: 'notFound' | 'notPending' | 'badPick' | 'open' | 'edition' | 'source' | 'changed'; detail?: string; view?: ListImportView };

/**
 * A reviewer's « line → code » (« 12.2 » for a line's second name): only an entry still open, only a territory the
 * registry knows, or `SKIP` for a line that is no award.
 */
export async function pickListEntry(prisma: PrismaClient, id: string, memberId: string, entry: string, code: string, registry: Registry, resolve: Resolve): Promise<ListDecision> {
  const current = await listImportOf(prisma, id, memberId, registry, resolve);
  if (!current) return { ok: false, reason: 'notFound' };
  if (current.status !== 'pending') return { ok: false, reason: 'notPending', view: current };
  if (!current.open.some((r) => entryKey(r) === entry) || (code !== SKIP && !registry.get(code))) return { ok: false, reason: 'badPick', view: current };
  const row = await prisma.listImport.findUniqueOrThrow({ where: { id } });
  const picks = { ...((row.picks ?? {}) as Record<string, string>), [entry]: code };
  const done = await prisma.listImport.updateMany({ where: { id, status: 'pending' }, data: { picks } });
  if (!done.count) return { ok: false, reason: 'notPending', view: current };
  return { ok: true, view: (await listImportOf(prisma, id, memberId, registry, resolve))! };
}

/** Imports every entry, or nothing while one is open or the edition or the source is missing; once. */
export async function confirmListImport(
  prisma: PrismaClient, id: string, memberId: string, given: { edition?: unknown; source?: unknown }, registry: Registry, resolve: Resolve,
): Promise<ListDecision> {
  const current = await listImportOf(prisma, id, memberId, registry, resolve);
  if (!current) return { ok: false, reason: 'notFound' };
  if (current.status !== 'pending') return { ok: false, reason: 'notPending', view: current };
  const editionText = String(given.edition ?? current.edition ?? '').trim();
  const edition = /^\d{1,2}$/.test(editionText) ? Number(editionText) : NaN;
  if (!isKnownEdition(edition)) return { ok: false, reason: 'edition', detail: editionText, view: current };
  const source = String(given.source ?? current.source ?? '').trim();
  const unsafe = source ? sourceIssue(source) : 'source manquante';
  if (unsafe) return { ok: false, reason: 'source', detail: unsafe, view: current };
  if (edition !== current.edition) {
    // (An export of several years reads the edition's rows: what the preview showed may not be what is imported; the
    // new preview is shown, and imported on the next confirmation.)
    await prisma.listImport.updateMany({ where: { id, status: 'pending' }, data: { edition } });
    const read = (await listImportOf(prisma, id, memberId, registry, resolve))!;
    const seen = (v: ListImportView) => v.results.map((r) => `${entryKey(r)}:${r.status === 'resolved' ? r.code : r.status}:${r.level}`).join();
    if (seen(read) !== seen(current)) return { ok: false, reason: 'changed', detail: String(edition), view: read };
  }
  if (current.open.length) return { ok: false, reason: 'open', view: current };
  // Claimed first: a second click, or a second instance, finds it no longer pending.
  const claimed = await prisma.listImport.updateMany({ where: { id, status: 'pending' }, data: { status: 'imported', edition, source } });
  if (!claimed.count) return { ok: false, reason: 'notPending', view: current };
  const rows: PalmaresRow[] = awardedEntries(current.results).map((r) => ({
    line: r.line, edition, code: r.code, kind: registry.get(r.code)!.kind, level: r.level!, mentions: current.header.mentions, source,
  }));
  try {
    const summary = await writeAwards(prisma, rows, {});
    await prisma.listImport.update({ where: { id }, data: { summary } });
    return { ok: true, view: { ...current, status: 'imported', edition, source, summary } };
  } catch (e) {
    await prisma.listImport.update({ where: { id }, data: { status: 'pending' } });
    throw e;
  }
}

export async function discardListImport(prisma: PrismaClient, id: string, memberId: string, registry: Registry, resolve: Resolve): Promise<ListDecision> {
  const done = await prisma.listImport.updateMany({ where: { id, memberId, status: 'pending' }, data: { status: 'discarded' } });
  const current = await listImportOf(prisma, id, memberId, registry, resolve);
  if (!current) return { ok: false, reason: 'notFound' };
  return done.count ? { ok: true, view: current } : { ok: false, reason: 'notPending', view: current };
}
