// Cards of the palmarès list import, as plain Adaptive Card JSON: the preview (counts, entries to review with their
// candidates as buttons, edition and source fields, Import / Discard) and nothing else.
import type { ListImportView } from '../../data/listImport.ts';
import { SKIP } from '../../data/listHeader.ts';
import { entryKey } from '../../data/palmaresLine.ts';
import { reasonText } from '../../data/palmaresReasons.ts';
import type { Lang } from '../../data/text.ts';
import { adaptiveCard, textBlock, type AdaptiveCard } from '../cards.ts';
import { lm } from './messages.ts';

/** What the import's buttons put in `activity.value` (verb-routed; no `key`: the Agents Playground drops it). */
export type ListImportValue =
  | { verb: 'listImport'; act: 'pick'; id: string; line: number; part?: number; code: string }
  | { verb: 'listImport'; act: 'confirm' | 'discard'; id: string; edition?: string; source?: string };

const REVIEW_SHOWN = 5;
const CANDIDATES_SHOWN = 4;

export function listImportValue(value: unknown): ListImportValue | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (v.verb !== 'listImport' || typeof v.id !== 'string' || v.id.length > 64) return undefined;
  if (v.act === 'pick') {
    const part = v.part === undefined ? undefined : Number.isInteger(v.part) && (v.part as number) > 0 ? v.part as number : NaN;
    return Number.isInteger(v.line) && !Number.isNaN(part) && typeof v.code === 'string' && /^(\d{5}|2[AB]\d{3}|\d{9}|-)$/.test(v.code)
      ? { verb: 'listImport', act: 'pick', id: v.id, line: v.line as number, ...(part ? { part } : {}), code: v.code } : undefined;
  }
  if (v.act !== 'confirm' && v.act !== 'discard') return undefined;
  const text = (x: unknown) => (typeof x === 'string' || typeof x === 'number' ? String(x).slice(0, 1100) : undefined);
  return { verb: 'listImport', act: v.act, id: v.id, edition: text(v.edition), source: text(v.source) };
}

export function listPreviewCard(lang: Lang, v: ListImportView, converted = false): AdaptiveCard {
  const resolved = v.results.filter((r) => r.status === 'resolved');
  const body: unknown[] = [
    textBlock(lm(lang, 'title', { file: v.fileName }), { weight: 'Bolder', size: 'Medium' }),
    textBlock(lm(lang, 'counts', { total: v.results.length, resolved: resolved.length, open: v.open.length }), { weight: 'Bolder' }),
  ];
  if (converted) body.push(textBlock(lm(lang, 'converted'), { isSubtle: true }));
  for (const [key, lines] of [['ignored', v.ignored.filter((l) => !l.otherYear)], ['otherYear', v.ignored.filter((l) => l.otherYear)]] as const) {
    if (!lines.length) continue;
    const shown = lines.slice(0, 3).map((l) => lm(lang, 'ignoredLine', { line: l.line, text: l.text })).join(' ; ');
    body.push(textBlock(lm(lang, key, { count: lines.length, lines: shown }), { isSubtle: true, size: 'Small' }));
  }
  if (v.open.length) {
    body.push(textBlock(lm(lang, 'reviewIntro'), { spacing: 'Medium' }));
    for (const r of v.open.slice(0, REVIEW_SHOWN)) {
      body.push(textBlock(lm(lang, 'reviewLine', { line: entryKey(r), text: r.text, reason: r.status === 'resolved' ? '' : reasonText(lang, r) }), { spacing: 'Small' }));
      const candidates = r.status === 'resolved' ? [] : r.candidates.slice(0, CANDIDATES_SHOWN);
      const pick = (code: string, title: string) => ({
        type: 'Action.Submit', title, data: { verb: 'listImport', act: 'pick', id: v.id, line: r.line, ...(r.part ? { part: r.part } : {}), code } satisfies ListImportValue,
      });
      if (!candidates.length) body.push(textBlock(lm(lang, 'noCandidate'), { isSubtle: true, size: 'Small' }));
      // (A page's footer or a sentence read as an entry: the reviewer says it is no award.)
      body.push({ type: 'ActionSet', actions: [...candidates.map((c) => pick(c.code, `${c.name} (${c.departement ?? c.code})`)), pick(SKIP, lm(lang, 'btnSkip'))] });
    }
    if (v.open.length > REVIEW_SHOWN) body.push(textBlock(lm(lang, 'reviewMore', { count: v.open.length - REVIEW_SHOWN }), { isSubtle: true }));
  }
  if (resolved.length) {
    body.push(textBlock(lm(lang, 'sampleIntro'), { spacing: 'Medium' }));
    for (const r of resolved.slice(0, 3)) {
      if (r.status === 'resolved') body.push(textBlock(lm(lang, 'sampleRow', { line: entryKey(r), name: r.territoryName, code: r.code, level: r.level ?? '?' }), { isSubtle: true, size: 'Small', spacing: 'None' }));
    }
  }
  body.push(
    { type: 'Input.Text', id: 'edition', label: lm(lang, 'editionLabel'), value: v.edition !== undefined ? String(v.edition) : '', maxLength: 2 },
    { type: 'Input.Text', id: 'source', label: lm(lang, 'sourceLabel'), value: v.source ?? '', isMultiline: true, maxLength: 1000 },
  );
  return adaptiveCard(body, [
    { type: 'Action.Submit', title: lm(lang, 'btnConfirm'), style: 'positive', data: { verb: 'listImport', act: 'confirm', id: v.id } satisfies ListImportValue },
    { type: 'Action.Submit', title: lm(lang, 'btnDiscard'), data: { verb: 'listImport', act: 'discard', id: v.id } satisfies ListImportValue },
  ]);
}
