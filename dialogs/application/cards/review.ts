// The summary of an application grouped by section, with « Modifier » per answer; the confirmation after submit;
// the export card for admins. A long summary is split over several cards (Teams refuses cards above ~28 KB).
import type { Activity } from 'botbuilder';
import type { Lang } from '../../../data/text.ts';
import { am } from '../messages.ts';
import { cardActivity } from '../../cardActivity.ts';
import { adaptiveCard } from '../../cards.ts';
import { submit } from './question.ts';

export type ReviewRow = { n: number; key: string; label: string; value: string };
export type ReviewSection = { title: string; rows: ReviewRow[] };
export type ReviewView = {
  lang: Lang;
  title: string;
  intro?: string;
  sections: ReviewSection[];
  /** Short names of what is still missing (empty: ready to submit). */
  missing: string[];
  /** False for a submitted application or an admin's read-only view. */
  editable: boolean;
};

const CARD_BUDGET = 18_000; // Teams refuses messages above ~28 KB (card, summary and fallback together)
const clip = (s: string, max = 240) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function rowElement(row: ReviewRow, lang: Lang, editable: boolean): unknown {
  const text = { type: 'Column', width: 'stretch', items: [
    { type: 'TextBlock', text: `${row.n}. ${row.label}`, weight: 'Bolder', wrap: true, size: 'Small' },
    { type: 'TextBlock', text: clip(row.value), wrap: true, spacing: 'None' },
  ] };
  const columns: unknown[] = [text];
  if (editable) {
    columns.push({ type: 'Column', width: 'auto', verticalContentAlignment: 'Center',
      items: [{ type: 'ActionSet', actions: [submit(am(lang, 'btnEdit'), { arobase: 'edit', key: row.key })] }] });
  }
  return { type: 'ColumnSet', columns };
}

export function reviewActivities(view: ReviewView): Partial<Activity>[] {
  const { lang } = view;
  const head: unknown[] = [{ type: 'TextBlock', text: view.title, weight: 'Bolder', size: 'Medium', wrap: true }];
  if (view.intro) head.push({ type: 'TextBlock', text: view.intro, wrap: true });
  const footer: unknown[] = view.missing.length
    ? [{ type: 'TextBlock', text: am(lang, 'reviewMissing', { list: view.missing.join(', ') }), wrap: true, color: 'Attention' }]
    : [];
  // Incomplete: the walkthrough goes on from the summary.
  if (view.editable && view.missing.length) {
    footer.push({ type: 'ActionSet', actions: [submit(am(lang, 'btnContinue'), { arobase: 'command', command: 'continue' })] });
  }
  // In the body, not in `actions`: text clients number top-level actions, and « 1 » must not mean « envoyer ».
  const sendButton = view.editable && !view.missing.length
    ? [{ type: 'ActionSet', spacing: 'Large', actions: [{ ...submit(am(lang, 'btnSubmit'), { arobase: 'submit' }), style: 'positive' }] }]
    : [];

  // Pack rows into cards under the size budget (the text fallback travels twice: summary and card fallbackText);
  // a section cut between two cards repeats its title.
  type Card = { body: unknown[]; text: string[]; size: number };
  const cards: Card[] = [{ body: [...head], text: [view.title, ...(view.intro ? [view.intro] : [])], size: 0 }];
  const colon = lang === 'fr' ? ' :' : ':'; // French typography puts a space before the colon
  const add = (element: unknown, line: string, cut: () => [unknown, string] | undefined) => {
    const size = JSON.stringify(element).length + 2 * line.length;
    let last = cards[cards.length - 1]!;
    if (last.size + size > CARD_BUDGET && last.size > 0) {
      cards.push((last = { body: [], text: [], size: 0 }));
      const title = cut();
      if (title) { last.body.push(title[0]); last.text.push(title[1]); }
    }
    last.body.push(element);
    last.text.push(line);
    last.size += size;
  };
  for (const section of view.sections) {
    const title = (suffix = ''): [unknown, string] => [
      { type: 'TextBlock', text: `${section.title}${suffix}`, weight: 'Bolder', color: 'Accent', wrap: true, separator: true, spacing: 'Medium' },
      `**${section.title}${suffix}**`,
    ];
    add(...title(), () => undefined);
    for (const r of section.rows) add(rowElement(r, lang, view.editable), `${r.n}. ${r.label}${colon} ${clip(r.value)}`, () => title(am(lang, 'continued')));
  }
  const final = cards[cards.length - 1]!;
  final.body.push(...footer, ...sendButton);
  final.text.push(...(view.missing.length ? [am(lang, 'reviewMissing', { list: view.missing.join(', ') })] : []));
  if (view.editable) final.text.push(am(lang, 'reviewText'));
  return cards.map((c) => cardActivity(adaptiveCard(c.body), c.text.join('\n')));
}

export function confirmationActivity(lang: Lang, v: { territory: string; reference: string; facts: [string, string][] }): Partial<Activity> {
  const message = am(lang, 'submitted', { territory: v.territory, reference: v.reference });
  const card = adaptiveCard([
    { type: 'TextBlock', text: `✅ ${am(lang, 'submittedTitle')}`, weight: 'Bolder', size: 'Large', color: 'Good', wrap: true },
    { type: 'TextBlock', text: message, wrap: true },
    { type: 'FactSet', facts: v.facts.map(([title, value]) => ({ title, value })) },
  ]);
  return cardActivity(card, message);
}

export function exportActivity(
  lang: Lang,
  v: { edition: number; counts: { applications: number; submitted: number; draft: number; actions: number; emptyDrafts: number }; byGroup: [string, number][];
    file: { name: string; contentType: string; content: string }; format: string },
): Partial<Activity> {
  const { emptyDrafts, ...rest } = v.counts;
  const counts = am(lang, 'exportCounts', rest) + (emptyDrafts ? ` ${am(lang, 'exportEmpty', { n: emptyDrafts })}` : '');
  const fileLine = am(lang, 'exportFile', { file: v.file.name, edition: v.edition, format: v.format });
  const card = adaptiveCard([
    { type: 'TextBlock', text: am(lang, 'exportTitle', { edition: v.edition }), weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: counts, wrap: true },
    { type: 'FactSet', facts: v.byGroup.map(([title, n]) => ({ title, value: String(n) })) },
    { type: 'TextBlock', text: fileLine, wrap: true, isSubtle: true, size: 'Small' },
  ]);
  const activity = cardActivity(card, `${counts}\n${fileLine}`);
  // Emulators and the Playground show a data: attachment; in Teams, use the CLI for the file (see report).
  activity.attachments = [...(activity.attachments ?? []), {
    contentType: v.file.contentType, name: v.file.name,
    contentUrl: `data:${v.file.contentType};base64,${Buffer.from(v.file.content, 'utf8').toString('base64')}`,
  }];
  return activity;
}
