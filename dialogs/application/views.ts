// Domain → messages: a questionnaire slot as a question message, an application as its summary cards.
import type { Activity } from 'botbuilder';
import {
  completeness, expectation, findSlot, formatValue, getDefinition, progress, resumeAt, slotLabel, visibleSlots, qm,
  type AnswerValue, type Answers, type Definition, type Lang, type Slot,
} from '../../data/questionnaire/index.ts';
import { am } from './messages.ts';
import { questionActivity, type QuestionView } from './cards/question.ts';
import { confirmationActivity, reviewActivities, type ReviewSection } from './cards/review.ts';
import type { Application } from '../../data/applications/index.ts';
import { formatIsoDate } from '../../data/questionnaire/text.ts';

export function optionsOf(slot: Slot, lang: Lang): { value: string; label: string }[] | undefined {
  const q = slot.question;
  if (q.type === 'yesno') return [{ value: 'true', label: qm(lang, 'yes') }, { value: 'false', label: qm(lang, 'no') }];
  if (q.type === 'choice' || q.type === 'multichoice') return q.options.map((o) => ({ value: o.value, label: o.label[lang] }));
  return undefined;
}

export type AskExtras = { before?: string[]; error?: string; commands?: QuestionView['commands']; after?: string[] };

export function questionMessage(def: Definition, slot: Slot, answers: Answers, lang: Lang, extras: AskExtras = {}): Partial<Activity> {
  const after: string[] = [];
  const current = answers[slot.key];
  if (current !== undefined) after.push(am(lang, 'current', { value: formatValue(slot.question, current, lang) }));
  if (!slot.question.required) after.push(am(lang, 'optional'));
  after.push(...(extras.after ?? []));
  return questionActivity({
    lang, key: slot.key,
    before: [...(extras.before ?? []), ...(extras.error ? [extras.error] : [])],
    question: slotLabel(slot, lang), after,
    options: optionsOf(slot, lang), multi: slot.question.type === 'multichoice', commands: extras.commands,
  });
}

export function sectionHeading(def: Definition, slot: Slot, lang: Lang): string {
  const heading = am(lang, 'section', { title: slot.section.title[lang], n: slot.sectionIndex + 1, count: def.sections.length });
  return slot.section.intro ? `${heading}\n\n${slot.section.intro[lang]}` : heading;
}

export function helpText(slot: Slot, lang: Lang, now: Date): string {
  const extra = slot.question.help ? `${slot.question.help[lang]}\n\n` : '';
  return am(lang, 'help', { short: slotLabel(slot, lang), help: extra, expected: expectation(slot.question, lang, now) });
}

/** The summary rows are the visible questions, numbered for « modifier 3 ». */
export function summaryRows(def: Definition, answers: Answers): Slot[] {
  return visibleSlots(def, answers);
}

export function missingNames(def: Definition, answers: Answers, lang: Lang): string[] {
  const c = completeness(def, answers);
  return [...c.missing.map((s) => slotLabel(s, lang, 'short')), ...(c.rule ? [c.rule[lang]] : [])];
}

export function reviewMessages(
  def: Definition, answers: Answers, lang: Lang, v: { title: string; intro?: string; editable: boolean },
): Partial<Activity>[] {
  const sections: ReviewSection[] = [];
  summaryRows(def, answers).forEach((slot, i) => {
    const title = slot.section.title[lang];
    let section = sections[sections.length - 1];
    if (section?.title !== title) sections.push((section = { title, rows: [] }));
    section.rows.push({ n: i + 1, key: slot.key, label: slotLabel(slot, lang, 'short'), value: formatValue(slot.question, answers[slot.key], lang) });
  });
  return reviewActivities({ lang, title: v.title, intro: v.intro, sections, missing: v.editable ? missingNames(def, answers, lang) : [], editable: v.editable });
}

/** « E-mail, Téléphone, … (+3) » */
export function missingList(slots: Slot[], lang: Lang): string {
  const names = slots.slice(0, 5).map((s) => slotLabel(s, lang, 'short'));
  return slots.length > 5 ? `${names.join(', ')} (+${slots.length - 5})` : names.join(', ');
}

/** A teammate wrote another answer meanwhile: theirs, ours, and a yes/no « replace? ». */
export function conflictMessage(slot: Slot, lang: Lang, v: { who: string; mine: AnswerValue; theirs: AnswerValue | undefined }): Partial<Activity> {
  const question = am(lang, 'conflict', { who: v.who, theirs: formatValue(slot.question, v.theirs, lang), mine: formatValue(slot.question, v.mine, lang) });
  return questionActivity({
    lang, key: `${slot.key}#conflict`, question,
    options: [{ value: 'true', label: am(lang, 'btnReplace') }, { value: 'false', label: am(lang, 'btnKeep') }],
  });
}

// A submitted application always has its date; « — » rather than today's date if a row ever lacks it.
const dayOf = (date: Date | null) => (date ? formatIsoDate(date.toISOString().slice(0, 10)) : '—');

export function confirmationMessage(app: Application, lang: Lang, territory: string): Partial<Activity> {
  return confirmationActivity(lang, {
    territory, reference: app.reference ?? '',
    facts: [
      [am(lang, 'factTerritory'), `${territory} (${app.territoryCode})`],
      [am(lang, 'factEdition'), getDefinition(app.editionNumber).title[lang]],
      [am(lang, 'factSubmittedOn'), dayOf(app.submittedAt)],
    ],
  });
}

export function readOnlyText(app: Application, lang: Lang, territory: string): string {
  return am(lang, 'readOnly', { territory, reference: app.reference ?? '', date: dayOf(app.submittedAt) });
}

/** The first message: the introduction for a new draft, « Reprenons… n sur m » for one already started. */
export function welcomeText(def: Definition, answers: Answers, lang: Lang, territory: string): string {
  const p = progress(def, answers);
  if (p.answered > 0) return am(lang, 'resumed', { territory, answered: p.answered, total: p.total });
  const window = def.window ? am(lang, 'window', { opens: formatIsoDate(def.window.opens), closes: formatIsoDate(def.window.closes) }) : '';
  return am(lang, 'intro', { territory, title: def.title[lang], window });
}

/** « Vous avez répondu à n question(s) sur m. Parties terminées : … Partie en cours : … » */
export function progressText(def: Definition, answers: Answers, lang: Lang, currentKey: string | undefined): string {
  const p = progress(def, answers);
  const done = p.sections.filter((x) => x.done).map((x) => x.title[lang]);
  const current = currentKey ? findSlot(def, currentKey)?.section.title[lang] : undefined;
  return am(lang, 'progress', {
    answered: p.answered, total: p.total, done: done.length ? done.join(', ') : am(lang, 'none'),
    current: current ? am(lang, 'progressCurrent', { title: current }) : '',
  });
}

/** The editable summary of a draft; asked mid-way, how to go on where the walkthrough was. */
export function draftSummary(def: Definition, app: Application, lang: Lang, territory: string, resume: string | undefined): Partial<Activity>[] {
  const title = am(lang, 'reviewTitle', { territory });
  const cards = reviewMessages(def, app.answers, lang, { title, intro: am(lang, 'reviewIntro'), editable: true });
  const next = resumeAt(def, app.answers, resume);
  return next ? [...cards, { type: 'message', text: am(lang, 'reviewContinue', { question: slotLabel(next, lang) }) }] : cards;
}

/** A submitted application: when and under which reference, then what was sent, read-only. */
export function submittedSummary(def: Definition, app: Application, lang: Lang, territory: string): Partial<Activity>[] {
  const title = am(lang, 'viewTitle', { territory, status: am(lang, 'status_submitted') }) + (app.reference ? ` — ${app.reference}` : '');
  return [{ type: 'message', text: readOnlyText(app, lang, territory) }, ...reviewMessages(def, app.answers, lang, { title, editable: false })];
}
