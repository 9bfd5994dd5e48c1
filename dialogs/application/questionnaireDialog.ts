// The data-driven walkthrough: asks the question the flow engine names, parses it with the domain parser, saves it
// at once, loops; then the summary and the submission. The Application row is the source of truth: every turn
// re-reads it, so a draft resumes on any device, in any conversation, after any restart, and shows teammates' answers.
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { AccessDeniedError, canWrite, submitApplication, type Actor, type Application } from '../../data/applications/index.ts';
import { findMember } from '../../data/members.ts';
import {
  breachText, expectation, findSlot, formatValue, getDefinition, nextSlot, parseAnswer, previousSlot, resumeAt, ruleBreach, visibleSlots,
  type AnswerValue, type Slot,
} from '../../data/questionnaire/index.ts';
import { am } from './messages.ts';
import { commandOf, editNumberOf } from './commands.ts';
import type { Assisting } from './interruptible.ts';
import { actorOfTurn, inputOf, langOfTurn, say, territoryLabel, type ApplicationServices } from './services.ts';
import {
  confirmationMessage, conflictMessage, helpText, missingList, progressText, questionMessage,
  sectionHeading, summaryRows, welcomeText, draftSummary, submittedSummary, type AskExtras,
} from './views.ts';

type State = {
  appId: string;
  mode: 'question' | 'review' | 'conflict';
  key?: string;
  attempts: number;
  /** The application version when the question (or summary) was shown: the base of the next write. */
  version: number;
  /** The stored value of `key` when it was asked (JSON), to tell a teammate's unrelated write from a real conflict. */
  seen: string;
  /** In a conflict: the answer that was not stored. */
  pending?: { value: AnswerValue };
  /** The section whose heading was last shown. */
  section?: number;
  /** In a summary asked mid-way: the question to go back to. */
  resume?: string;
};

const sig = (v: AnswerValue | undefined) => (v === undefined ? '' : JSON.stringify(v));
const MAX_ATTEMPTS = 3;

export class QuestionnaireDialog extends Dialog implements Assisting {
  constructor(private readonly s: ApplicationServices) {
    super('questionnaire');
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const lang = langOfTurn(dc.context);
    const { actor } = await actorOfTurn(dc.context, this.s);
    const app = await this.s.repo.openDraft(actor, this.s.edition);
    const state: State = { appId: app.id, mode: 'question', attempts: 0, version: app.version, seen: '' };
    dc.activeDialog!.state = state;
    if (app.status === 'submitted') return this.readOnly(dc, app);
    const def = getDefinition(app.editionNumber);
    // Started by a click on an older card (after « annuler », or in another conversation): honour the click.
    const card = inputOf(dc.context).card;
    const clicked = card && 'key' in card ? visibleSlots(def, app.answers).find((s) => s.key === card.key) : undefined;
    if (card?.arobase === 'submit' || card?.arobase === 'edit' || (clicked && app.answers[clicked.key] === undefined)) {
      Object.assign(state, { key: clicked?.key, mode: card?.arobase === 'submit' ? 'review' : 'question', seen: sig(undefined) });
      return this.continueDialog(dc);
    }
    await say(dc.context, welcomeText(def, app.answers, lang, territoryLabel(this.s, app.territoryCode)));
    return this.advance(dc, app);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.state(dc);
    const loaded = await this.load(dc);
    if (!loaded) return dc.endDialog();
    const { app, actor } = loaded;
    if (app.status === 'submitted') return this.readOnly(dc, app);
    const input = inputOf(dc.context);
    const card = input.card;
    // Summary buttons work whatever the step: a card may be clicked long after it was sent.
    if (card?.arobase === 'edit') return this.edit(dc, app, card.key);
    if (card?.arobase === 'submit') return this.submit(dc, app, actor);
    const command = card?.arobase === 'command' ? card.command : commandOf(input.text);
    if (command === 'review') return this.review(dc, app);
    if (command === 'submit') return this.submit(dc, app, actor);
    if (command === 'back') return this.back(dc, app);
    const n = editNumberOf(input.text);
    if (n !== undefined) return this.edit(dc, app, summaryRows(getDefinition(app.editionNumber), app.answers)[n - 1]?.key);
    const lang = langOfTurn(dc.context);
    if (state.mode === 'review') {
      // Still incomplete: « continuer », or simply the answer to the question they were on, goes on with the walkthrough.
      const next = resumeAt(getDefinition(app.editionNumber), app.answers, state.resume);
      if (!next || (command !== undefined && command !== 'continue')) {
        await say(dc.context, am(lang, 'reviewText'));
        return Dialog.EndOfTurn;
      }
      if (command === 'continue' || (!input.text?.trim() && card?.arobase !== 'answer')) return this.ask(dc, app, next, { before: [am(lang, 'resuming')] });
      Object.assign(state, { mode: 'question', key: next.key, attempts: 0, version: app.version, seen: sig(app.answers[next.key]), resume: undefined });
    }
    if (command === 'continue') return this.advance(dc, app);
    const slot = state.key ? visibleSlots(getDefinition(app.editionNumber), app.answers).find((s) => s.key === state.key) : undefined;
    // A teammate's answer made the pending question disappear (skip logic): move on rather than store a dead answer.
    if (!slot) return this.advance(dc, app, state.key ? [am(lang, 'gone')] : []);
    if (state.mode === 'conflict') return this.onConflictReply(dc, app, actor, slot, card?.arobase === 'answer' ? card.value : input.text);
    if (command === 'skip') {
      if (slot.question.required) return this.ask(dc, app, slot, { error: am(lang, 'cannotSkip', { expected: expectation(slot.question, lang, this.s.now()) }), keepAttempts: true });
      return this.save(dc, app, actor, slot, null, [am(lang, 'skipped')]);
    }
    if (card?.arobase === 'answer' && card.key !== slot.key) return this.ask(dc, app, slot, { before: [am(lang, 'stale')], keepAttempts: true });
    const parsed = parseAnswer(slot.question, card?.arobase === 'answer' ? card.value ?? '' : input.text ?? '', lang, this.s.now());
    const breach = parsed.ok ? ruleBreach(getDefinition(app.editionNumber), slot, parsed.value, app.answers) : undefined;
    if (breach) return this.ask(dc, app, slot, { error: breachText(breach, lang), keepAttempts: true });
    if (parsed.ok) return this.save(dc, app, actor, slot, parsed.value);
    state.attempts++;
    const stuck = state.attempts >= MAX_ATTEMPTS;
    return this.ask(dc, app, slot, {
      error: parsed.error, keepAttempts: true,
      ...(stuck ? {
        after: [am(lang, 'stuck', { n: state.attempts, skip: slot.question.required ? '' : am(lang, 'stuckSkip') })],
        commands: slot.question.required ? ['help', 'cancel'] : ['help', 'skip', 'cancel'],
      } : {}),
    });
  }

  async help(dc: DialogContext): Promise<void> {
    const lang = langOfTurn(dc.context);
    const state = this.state(dc);
    const loaded = await this.load(dc);
    const slot = loaded && state.key && state.mode !== 'review' ? findSlot(getDefinition(loaded.app.editionNumber), state.key) : undefined;
    if (!loaded || !slot) return void (await say(dc.context, am(lang, 'helpReview')));
    await say(dc.context, helpText(slot, lang, this.s.now()));
    // Choice questions: the buttons again, next to the explanation.
    if (slot.question.type === 'choice' || slot.question.type === 'yesno' || slot.question.type === 'multichoice') {
      await dc.context.sendActivity(questionMessage(getDefinition(loaded.app.editionNumber), slot, loaded.app.answers, lang));
    }
  }

  async progress(dc: DialogContext): Promise<void> {
    const lang = langOfTurn(dc.context);
    const loaded = await this.load(dc);
    if (!loaded) return;
    const { key, mode } = this.state(dc);
    await say(dc.context, progressText(getDefinition(loaded.app.editionNumber), loaded.app.answers, lang, mode === 'review' ? undefined : key));
  }

  private state(dc: DialogContext): State {
    return dc.activeDialog!.state as State;
  }

  /** The application, re-read and access-checked each turn (the member may have been moved to another territory). */
  private async load(dc: DialogContext): Promise<{ app: Application; actor: Actor } | undefined> {
    const { actor } = await actorOfTurn(dc.context, this.s);
    try {
      const app = await this.s.repo.get(actor, this.state(dc).appId);
      if (app && canWrite(actor, app)) return { app, actor };
    } catch (e) {
      if (!(e instanceof AccessDeniedError)) throw e;
    }
    this.s.log?.({ event: 'application_access_refused', command: 'walkthrough' }, 'application access refused');
    await say(dc.context, am(langOfTurn(dc.context), 'noAccess'));
    return undefined;
  }

  private async advance(dc: DialogContext, app: Application, before: string[] = []): Promise<DialogTurnResult> {
    const next = nextSlot(getDefinition(app.editionNumber), app.answers);
    return next ? this.ask(dc, app, next, { before }) : this.review(dc, app, before);
  }

  private async ask(dc: DialogContext, app: Application, slot: Slot, extras: AskExtras & { keepAttempts?: boolean } = {}): Promise<DialogTurnResult> {
    const state = this.state(dc);
    const lang = langOfTurn(dc.context);
    const def = getDefinition(app.editionNumber);
    if (state.key !== slot.key || state.mode !== 'question' || !extras.keepAttempts) state.attempts = 0;
    Object.assign(state, { mode: 'question', key: slot.key, version: app.version, seen: sig(app.answers[slot.key]), pending: undefined });
    const before = [...(extras.before ?? [])];
    if (state.section !== slot.sectionIndex) {
      before.push(sectionHeading(def, slot, lang));
      state.section = slot.sectionIndex;
    }
    await dc.context.sendActivity(questionMessage(def, slot, app.answers, lang, { ...extras, before }));
    return Dialog.EndOfTurn;
  }

  private async back(dc: DialogContext, app: Application): Promise<DialogTurnResult> {
    const state = this.state(dc);
    const lang = langOfTurn(dc.context);
    const def = getDefinition(app.editionNumber);
    const prev = previousSlot(def, app.answers, state.mode === 'review' ? undefined : state.key);
    if (prev) return this.ask(dc, app, prev, { before: [am(lang, 'back')] });
    const current = state.key ? findSlot(def, state.key) : undefined;
    return current ? this.ask(dc, app, current, { before: [am(lang, 'first')], keepAttempts: true }) : this.advance(dc, app);
  }

  private async edit(dc: DialogContext, app: Application, key: string | undefined): Promise<DialogTurnResult> {
    const slot = visibleSlots(getDefinition(app.editionNumber), app.answers).find((s) => s.key === key);
    if (slot) return this.ask(dc, app, slot);
    await say(dc.context, am(langOfTurn(dc.context), 'stale'));
    return this.advance(dc, app);
  }

  /** Writes at once; on a version conflict, retries when only other answers moved, else asks who wins. */
  private async save(dc: DialogContext, app: Application, actor: Actor, slot: Slot, value: AnswerValue, notes: string[] = []): Promise<DialogTurnResult> {
    const state = this.state(dc);
    const lang = langOfTurn(dc.context);
    let version = state.version;
    for (let attempt = 0; attempt < 5; attempt++) {
      const r = await this.s.repo.saveAnswer(actor, app.id, version, slot.key, value);
      if (r.status === 'ok') return this.advance(dc, r.application, notes);
      if (r.status === 'readonly') return this.readOnly(dc, r.application);
      if (r.status === 'not_found') return dc.endDialog();
      if (r.status === 'invalid') return this.ask(dc, app, slot, { error: r.error, keepAttempts: true });
      const current = sig(r.current);
      if (current === sig(value)) return this.advance(dc, r.application, notes); // a teammate gave the same answer
      if (current !== state.seen) return this.conflict(dc, r.application, slot, value, r.current);
      version = r.application.version; // a teammate answered other questions meanwhile: ours still applies
    }
    throw new Error('saveAnswer: too many concurrent writes');
  }

  private async conflict(dc: DialogContext, app: Application, slot: Slot, mine: AnswerValue, theirs: AnswerValue | undefined): Promise<DialogTurnResult> {
    const lang = langOfTurn(dc.context);
    const state = this.state(dc);
    Object.assign(state, { mode: 'conflict', key: slot.key, version: app.version, seen: sig(theirs), pending: { value: mine } });
    const { actor } = await actorOfTurn(dc.context, this.s);
    const who = app.updatedBy === actor.id ? am(lang, 'yourself') // the same person, on another device or conversation
      : (app.updatedBy && (await findMember(this.s.prisma, app.updatedBy))?.name) || am(lang, 'someone');
    await dc.context.sendActivity(conflictMessage(slot, lang, { who, mine, theirs }));
    return Dialog.EndOfTurn;
  }

  private async onConflictReply(dc: DialogContext, app: Application, actor: Actor, slot: Slot, reply: string | undefined): Promise<DialogTurnResult> {
    const lang = langOfTurn(dc.context);
    const state = this.state(dc);
    const yes = parseAnswer({ type: 'yesno', id: 'replace', label: { fr: '', en: '' }, required: true }, reply ?? '', lang);
    if (!yes.ok) return this.conflict(dc, app, slot, state.pending?.value ?? null, app.answers[slot.key]);
    if (yes.value === true) return this.save(dc, app, actor, slot, state.pending?.value ?? null);
    return this.advance(dc, app, [am(lang, 'conflictKept', { theirs: formatValue(slot.question, app.answers[slot.key], lang) })]);
  }

  private async review(dc: DialogContext, app: Application, before: string[] = []): Promise<DialogTurnResult> {
    const lang = langOfTurn(dc.context);
    const state = this.state(dc);
    // Asked mid-way: remember the question, the walkthrough goes on from there after the summary.
    const resume = state.mode === 'question' ? state.key : state.resume;
    Object.assign(state, { mode: 'review', key: undefined, resume, version: app.version, pending: undefined });
    for (const note of before) await say(dc.context, note);
    await dc.context.sendActivities(draftSummary(getDefinition(app.editionNumber), app, lang, territoryLabel(this.s, app.territoryCode), resume));
    return Dialog.EndOfTurn;
  }

  private async submit(dc: DialogContext, app: Application, actor: Actor): Promise<DialogTurnResult> {
    const lang = langOfTurn(dc.context);
    const state = this.state(dc);
    // From the summary, the version it showed: a teammate's later change must be seen before sending.
    const r = await submitApplication(this.s.prisma, actor, app.id, state.mode === 'review' ? state.version : app.version, this.s.now);
    switch (r.status) {
      case 'ok': {
        await dc.context.sendActivity(confirmationMessage(r.application, lang, territoryLabel(this.s, r.application.territoryCode)));
        return dc.endDialog({ reference: r.reference });
      }
      case 'incomplete': {
        const broken = r.completeness.breaches[0];
        if (broken) return this.ask(dc, r.application, broken.later, { error: breachText(broken, lang) });
        const first = r.completeness.missing[0];
        const names = missingList(r.completeness.missing, lang);
        if (first) return this.ask(dc, r.application, first, { before: [am(lang, 'missing', { list: names })] });
        return this.review(dc, r.application, [r.completeness.rule?.[lang] ?? '']);
      }
      case 'conflict': return this.review(dc, r.application, [am(lang, 'changed')]);
      case 'readonly': return this.readOnly(dc, r.application);
      case 'not_found': return dc.endDialog();
    }
  }

  /** Submitted: what was sent, read-only (only approved members get here: load() checked the membership). */
  private async readOnly(dc: DialogContext, app: Application): Promise<DialogTurnResult> {
    await dc.context.sendActivities(submittedSummary(getDefinition(app.editionNumber), app, langOfTurn(dc.context), territoryLabel(this.s, app.territoryCode)));
    return dc.endDialog();
  }
}
