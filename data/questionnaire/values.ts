// Stored answers shown to people (summary, re-prompts, CSV export).
import { formatPhone } from './formats.ts';
import { qm } from './messages.ts';
import type { AnswerValue, Question } from './schema.ts';
import { formatIsoDate, formatNumber, type Lang } from './text.ts';

export const formatDate = formatIsoDate;

/** A stored value in words: choice labels, JJ/MM/AAAA dates, « Oui »/« Non », national phone form. */
export function formatValue(q: Question, value: AnswerValue | undefined, lang: Lang): string {
  if (value === undefined) return qm(lang, 'unanswered');
  if (value === null) return qm(lang, 'skipped');
  switch (q.type) {
    case 'choice': return q.options.find((o) => o.value === value)?.label[lang] ?? String(value);
    case 'multichoice': {
      const values = Array.isArray(value) ? value : [String(value)];
      return values.map((v) => q.options.find((o) => o.value === v)?.label[lang] ?? v).join(', ');
    }
    case 'yesno': return qm(lang, value ? 'yes' : 'no');
    case 'number': return typeof value === 'number' ? `${formatNumber(value, lang)}${q.unit ? ` ${q.unit[lang]}` : ''}` : String(value);
    case 'date': return typeof value === 'string' ? formatDate(value) : String(value);
    case 'phone': return typeof value === 'string' ? formatPhone(value) : String(value);
    default: return String(value);
  }
}
