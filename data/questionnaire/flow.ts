// The pure questionnaire engine: definition + answers → the questions to ask, in order (skip logic, repeat groups),
// the next one, the previous one, progress and completeness. No I/O: the dialog, the repository and the export
// all ask it the same questions.
//
// Keys: a question `contact_email`; in a repeat group (1-based instances) `democratie[2].title`, plus the yes/no
// questions the group adds: `democratie.any` (« do you have one? », when the group may stay empty) and
// `democratie[2].more` (« add another? »).
import type { AnswerValue, Answers, Condition, Definition, Group, Question, Section } from './schema.ts';
import { fill, type Lang, type Localized } from './text.ts';

export type Slot = {
  key: string;
  question: Question;
  section: Section;
  sectionIndex: number;
  /** In a repeat group: the group and the instance (undefined for the `.any` question). */
  group?: { group: Group; index?: number };
  role: 'question' | 'any' | 'more';
};

type Scope = { group: Group; index: number };

export const anyKey = (g: string) => `${g}.any`;
export const moreKey = (g: string, i: number) => `${g}[${i}].more`;
export const memberKey = (g: string, i: number, id: string) => `${g}[${i}].${id}`;

function synthetic(id: 'any' | 'more', label: Localized): Question {
  return { type: 'yesno', id, label, short: label, required: true };
}

function conditionKey(c: Condition, scope: Scope | undefined): string {
  return scope && scope.group.items.some((q) => q.id === c.question) ? memberKey(scope.group.id, scope.index, c.question) : c.question;
}

/** A condition on a hidden or unanswered question does not hold (except `answered: false`). */
function holds(c: Condition, answers: Answers, visible: Set<string>, scope?: Scope): boolean {
  const key = conditionKey(c, scope);
  const value: AnswerValue | undefined = visible.has(key) ? answers[key] : undefined;
  const answered = value !== undefined && value !== null;
  if (c.answered !== undefined) return c.answered === answered;
  if (value === undefined) return false;
  if (c.equals !== undefined) return value === c.equals;
  if (c.notEquals !== undefined) return value !== c.notEquals;
  if (c.in !== undefined) return c.in.some((v) => v === value);
  if (c.includes !== undefined) return Array.isArray(value) && value.includes(c.includes);
  return false;
}

/** The questions to ask given the answers so far, in order. */
export function visibleSlots(def: Definition, answers: Answers): Slot[] {
  const slots: Slot[] = [];
  const visible = new Set<string>();
  const emit = (slot: Slot) => { slots.push(slot); visible.add(slot.key); };
  def.sections.forEach((section, sectionIndex) => {
    for (const item of section.items) {
      if (item.when && !holds(item.when, answers, visible)) continue;
      if (item.type !== 'group') {
        emit({ key: item.id, question: item, section, sectionIndex, role: 'question' });
        continue;
      }
      const group = item;
      if (group.minCount === 0) {
        emit({ key: anyKey(group.id), question: synthetic('any', group.ask!), section, sectionIndex, group: { group }, role: 'any' });
        if (answers[anyKey(group.id)] !== true) continue;
      }
      let count = Math.max(group.minCount, 1);
      for (let index = 1; index <= count; index++) {
        for (const q of group.items) {
          if (q.when && !holds(q.when, answers, visible, { group, index })) continue;
          emit({ key: memberKey(group.id, index, q.id), question: q, section, sectionIndex, group: { group, index }, role: 'question' });
        }
        if (index >= Math.max(group.minCount, 1) && index < group.maxCount) {
          const label = { fr: fill(group.addAnother.fr, { n: index }), en: fill(group.addAnother.en, { n: index }) };
          emit({ key: moreKey(group.id, index), question: synthetic('more', label), section, sectionIndex, group: { group, index }, role: 'more' });
          if (answers[moreKey(group.id, index)] === true) count = index + 1;
        }
      }
    }
  });
  return slots;
}

/** The first question without an answer (a skipped optional question counts as answered). */
export function nextSlot(def: Definition, answers: Answers): Slot | undefined {
  return visibleSlots(def, answers).find((s) => answers[s.key] === undefined);
}

/** The question before `key` (« retour »); from the summary (or an unknown key), the last question. */
export function previousSlot(def: Definition, answers: Answers, key: string | undefined): Slot | undefined {
  const slots = visibleSlots(def, answers);
  const index = key === undefined ? -1 : slots.findIndex((s) => s.key === key);
  return index === -1 ? slots[slots.length - 1] : slots[index - 1];
}

const KEY = /^([a-z][a-z0-9_]*)(?:\.(any)|\[(\d{1,2})\]\.([a-z][a-z0-9_]*))?$/;

/** Resolves any well-formed key of the definition, visible or not (the repository refuses unknown keys). */
export function findSlot(def: Definition, key: string): Slot | undefined {
  const m = KEY.exec(key);
  if (!m) return undefined;
  for (const [sectionIndex, section] of def.sections.entries()) {
    const item = section.items.find((i) => i.id === m[1]);
    if (!item) continue;
    if (item.type !== 'group') return m[2] || m[3] ? undefined : { key, question: item, section, sectionIndex, role: 'question' };
    const group = item;
    if (m[2]) return group.ask ? { key, question: synthetic('any', group.ask), section, sectionIndex, group: { group }, role: 'any' } : undefined;
    const index = Number(m[3]);
    if (!m[3] || index < 1 || index > group.maxCount) return undefined;
    if (m[4] === 'more') {
      if (index >= group.maxCount) return undefined;
      const label = { fr: fill(group.addAnother.fr, { n: index }), en: fill(group.addAnother.en, { n: index }) };
      return { key, question: synthetic('more', label), section, sectionIndex, group: { group, index }, role: 'more' };
    }
    const q = group.items.find((x) => x.id === m[4]);
    return q && { key, question: q, section, sectionIndex, group: { group, index }, role: 'question' };
  }
  return undefined;
}

/** « Action 2 — Titre de l'action ? » */
export function slotLabel(slot: Slot, lang: Lang, which: 'label' | 'short' = 'label'): string {
  const text = which === 'short' ? (slot.question.short ?? slot.question.label)[lang] : slot.question.label[lang];
  const index = slot.group?.index;
  if (slot.role !== 'question' || index === undefined) return text;
  return `${fill(slot.group!.group.itemLabel[lang], { n: index })} — ${text}`;
}

/** How many instances of a group the answers describe. */
export function instanceCount(slots: Slot[], groupId: string): number {
  return slots.reduce((n, s) => (s.group?.group.id === groupId && s.role === 'question' ? Math.max(n, s.group.index ?? 0) : n), 0);
}

export type SectionProgress = { id: string; title: Localized; answered: number; total: number; done: boolean };
export type Progress = { answered: number; total: number; sections: SectionProgress[] };

export function progress(def: Definition, answers: Answers): Progress {
  const slots = visibleSlots(def, answers);
  const sections = def.sections.map((section, i) => {
    const own = slots.filter((s) => s.sectionIndex === i);
    const answered = own.filter((s) => answers[s.key] !== undefined).length;
    return { id: section.id, title: section.title, answered, total: own.length, done: answered === own.length };
  });
  return { answered: slots.filter((s) => answers[s.key] !== undefined).length, total: slots.length, sections };
}

/** Where the walkthrough goes on after a summary asked mid-way: the question it was on if still unanswered, else the next. */
export function resumeAt(def: Definition, answers: Answers, key: string | undefined): Slot | undefined {
  const there = key ? visibleSlots(def, answers).find((s) => s.key === key && answers[s.key] === undefined) : undefined;
  return there ?? nextSlot(def, answers);
}
