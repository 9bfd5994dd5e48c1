// What an import writes from a list read: one award a territory, or the palmarès CSV rows of the import's own format.
import { csvCell } from './csv.ts';
import type { Mention } from './mentions.ts';
import type { EntryResult } from './palmaresList.ts';

/** The entries that make an award: resolved, each territory once. */
export function awardedEntries(results: EntryResult[]): (EntryResult & { status: 'resolved' })[] {
  return results.filter((r): r is EntryResult & { status: 'resolved' } => r.status === 'resolved' && !r.repeatOf);
}

/** The resolved entries as palmarès CSV rows (`edition,code,name,level,mentions,source`), the import's own format. */
export function listAsCsvRows(results: EntryResult[], edition: number, source: string, mentions: Mention[] = []): string[] {
  return awardedEntries(results).map((r) => [String(edition), r.code, r.territoryName, String(r.level), mentions.join(';'), source].map((c) => csvCell(c)).join(','));
}
