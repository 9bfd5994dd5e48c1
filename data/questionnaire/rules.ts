// Cross-field rules of the questionnaire data (`notBefore` on a date question): checked when an answer is given,
// whichever of the two dates is answered or changed last, and again before submission.
import type { AnswerValue, Answers, Definition, Question } from './schema.ts';
import { instanceCount, memberKey, visibleSlots, type Slot } from './flow.ts';
import { fill, type Lang, type Localized } from './text.ts';
import { formatValue } from './values.ts';

export type RuleBreach = { message: Localized; vars: { date: string; other: string }; later: Slot; earlier: Slot };

/** The key of `id` next to `slot`: the same group instance when the group holds it, else the top level. */
function keyBeside(slot: Slot, id: string): string {
  const g = slot.group;
  return g?.index !== undefined && g.group.items.some((q) => q.id === id) ? memberKey(g.group.id, g.index, id) : id;
}

/** ISO dates of different precision (« 2025-03 », « 2025-03-10 ») compare on what both state. */
function before(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

function breach(later: Slot, laterValue: AnswerValue | undefined, earlier: Slot | undefined, earlierValue: AnswerValue | undefined): RuleBreach | undefined {
  const q = later.question;
  if (q.type !== 'date' || !q.notBefore || !earlier) return undefined;
  if (typeof laterValue !== 'string' || typeof earlierValue !== 'string' || !before(laterValue, earlierValue)) return undefined;
  return { message: q.notBefore.message, vars: { date: laterValue, other: earlierValue }, later, earlier };
}

/** Would storing `value` for `slot` break a rule with an answer already given? */
export function ruleBreach(def: Definition, slot: Slot, value: AnswerValue, answers: Answers): RuleBreach | undefined {
  const slots = visibleSlots(def, { ...answers, [slot.key]: value });
  const at = (key: string) => slots.find((s) => s.key === key);
  const q = slot.question;
  if (q.type === 'date' && q.notBefore) {
    const earlier = at(keyBeside(slot, q.notBefore.question));
    const found = breach(slot, value, earlier, earlier && answers[earlier.key]);
    if (found) return found;
  }
  // The other way round: an earlier date moved after a later one that names it.
  for (const s of slots) {
    const sq = s.question;
    if (sq.type === 'date' && sq.notBefore && keyBeside(s, sq.notBefore.question) === slot.key) {
      const found = breach(s, answers[s.key], slot, value);
      if (found) return found;
    }
  }
  return undefined;
}

/** Every rule the stored answers break (answers written before the rule existed, or by another path). */
export function storedBreaches(def: Definition, answers: Answers): RuleBreach[] {
  const slots = visibleSlots(def, answers);
  return slots.flatMap((s) => {
    const q = s.question;
    if (q.type !== 'date' || !q.notBefore) return [];
    const earlier = slots.find((e) => e.key === keyBeside(s, q.notBefore!.question));
    const found = breach(s, answers[s.key], earlier, earlier && answers[earlier.key]);
    return found ? [found] : [];
  });
}

export function breachText(b: RuleBreach, lang: Lang): string {
  const show = (q: Question, v: string) => formatValue(q, v, lang);
  return fill(b.message[lang], { date: show(b.later.question, b.vars.date), other: show(b.earlier.question, b.vars.other) });
}

export type Completeness = { complete: boolean; missing: Slot[]; rule?: Localized; breaches: RuleBreach[] };

/**
 * Ready to submit: every visible required question answered, the definition's « at least one » rule met, and no
 * cross-field rule broken.
 * An optional question left unanswered does not block (the walkthrough still asks it before the summary).
 */
export function completeness(def: Definition, answers: Answers): Completeness {
  const slots = visibleSlots(def, answers);
  const missing = slots.filter((s) => s.question.required && (answers[s.key] === undefined || answers[s.key] === null));
  const rule = def.atLeastOneOf && def.atLeastOneOf.groups.every((g) => instanceCount(slots, g) === 0) ? def.atLeastOneOf.message : undefined;
  const breaches = storedBreaches(def, answers);
  return { complete: missing.length === 0 && !rule && !breaches.length, missing, rule, breaches };
}
