// What a list file says of itself (« # edition: 10 ») and a reviewer's picks file (« 12 → 38185 »).
import { isMention, type Mention } from './mentions.ts';
import { foldText } from './text.ts';

/** « 12 → 38185 », « 12,38185 », « 12 38185 » or « 12.2 → 38185 » a line: the reviewer's picks for the entries left open. */
export function readPicks(text: string): Map<string, string> {
  const picks = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(?:→|->|,|;|\s)\s*([0-9][0-9ABab][0-9]{3}|\d{9}|-|ignorer|ignore|skip)\s*$/i.exec(raw);
    if (m) picks.set(m[1]!, /^\d|^2[AB]/i.test(m[2]!) ? m[2]!.toUpperCase() : SKIP);
  }
  return picks;
}

/** A reviewer's pick for a line that is no award (a page's footer, a sentence): « 12 → - », « 12 → ignorer ». */
export const SKIP = '-';

/** What a list file may say of itself in its comment lines: « # edition: 10 », « # source: … », « # mentions: excellence ». */
export type ListHeader = { edition?: number; source?: string; mentions: Mention[] };

export function readListHeader(text: string): ListHeader {
  const header: ListHeader = { mentions: [] };
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const m = /^\s*#\s*(édition|edition|source|mentions?)\s*:\s*(.+?)\s*$/i.exec(raw);
    if (!m) continue;
    const key = foldText(m[1]!);
    if (key === 'edition' && /^\d+$/.test(m[2]!)) header.edition = Number(m[2]);
    else if (key === 'source') header.source = m[2];
    else if (key.startsWith('mention')) header.mentions = m[2]!.split(/[;,\s]+/).filter(isMention);
  }
  return header;
}
