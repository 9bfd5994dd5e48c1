// Asks a member with no approved territory which collectivité they apply for (resolveTerritory), lets them pick among
// homonyms, confirms, and records their claim (data/membership.ts): once approved they share that territory's draft.
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { setMemberTerritory } from '../../data/members.ts';
import type { Territory } from '../../data/territories/index.ts';
import { parseAnswer, type Lang, type Question } from '../../data/questionnaire/index.ts';
import { am } from './messages.ts';
import { questionActivity } from './cards/question.ts';
import type { Assisting } from './interruptible.ts';
import { inputOf, langOfTurn, memberOf, say, type ApplicationServices } from './services.ts';

type Choice = { code: string; label: string };
type State = { stage: 'ask' | 'pick' | 'confirm'; candidates?: Choice[]; chosen?: Choice };

const MAX_CANDIDATES = 10;
const yesNo: Question = { type: 'yesno', id: 'confirm', label: { fr: '', en: '' }, required: true };

export class TerritoryDialog extends Dialog implements Assisting {
  constructor(private readonly s: ApplicationServices) {
    super('territory');
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    dc.activeDialog!.state = { stage: 'ask' } satisfies State;
    await say(dc.context, am(langOfTurn(dc.context), 'askTerritory'));
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as State;
    const lang = langOfTurn(dc.context);
    const { text, card } = inputOf(dc.context);
    const reply = (card?.arobase === 'answer' ? card.value : text)?.trim() ?? '';
    if (state.stage === 'confirm' && state.chosen) {
      const yes = parseAnswer(yesNo, reply, lang);
      if (yes.ok && yes.value === true) return this.attach(dc, state.chosen);
      if (yes.ok) {
        Object.assign(state, { stage: 'ask', chosen: undefined });
        await say(dc.context, am(lang, 'askTerritory'));
        return Dialog.EndOfTurn;
      }
    }
    if (state.stage === 'pick' && state.candidates) {
      const pick = parseAnswer(choiceOf(state.candidates), reply, lang);
      if (pick.ok) return this.attach(dc, state.candidates.find((c) => c.code === pick.value)!);
    }
    if (!reply) {
      await say(dc.context, am(lang, 'askTerritory'));
      return Dialog.EndOfTurn;
    }
    return this.resolve(dc, state, reply, lang);
  }

  async help(dc: DialogContext): Promise<void> {
    await say(dc.context, am(langOfTurn(dc.context), 'territoryHelp'));
  }

  async progress(dc: DialogContext): Promise<void> {
    await say(dc.context, am(langOfTurn(dc.context), 'territoryProgress'));
  }

  private async resolve(dc: DialogContext, state: State, query: string, lang: Lang): Promise<DialogTurnResult> {
    const r = await this.s.resolveTerritory(query);
    if (r.status === 'found') {
      const chosen = this.choice(r.territory, lang);
      Object.assign(state, { stage: 'confirm', chosen, candidates: undefined });
      const place = chosen.label.slice(r.territory.name.length).replace(/^ \((.*)\)$/, '$1') || r.territory.code;
      await dc.context.sendActivity(questionActivity({
        lang, key: 'territory#confirm', question: am(lang, 'confirmTerritory', { name: r.territory.name, place }),
        options: [{ value: 'true', label: lang === 'fr' ? 'Oui' : 'Yes' }, { value: 'false', label: lang === 'fr' ? 'Non' : 'No' }],
      }));
      return Dialog.EndOfTurn;
    }
    const list = r.status === 'ambiguous' ? r.candidates : r.suggestions;
    if (!list.length) {
      Object.assign(state, { stage: 'ask', candidates: undefined, chosen: undefined });
      await say(dc.context, am(lang, 'unknownTerritory', { query }));
      return Dialog.EndOfTurn;
    }
    const candidates = list.slice(0, MAX_CANDIDATES).map((t) => this.choice(t, lang));
    Object.assign(state, { stage: 'pick', candidates, chosen: undefined });
    await dc.context.sendActivity(questionActivity({
      lang, key: 'territory#pick', question: am(lang, r.status === 'ambiguous' ? 'pickTerritory' : 'suggestTerritory', { query }),
      options: candidates.map((c) => ({ value: c.code, label: c.label })),
    }));
    return Dialog.EndOfTurn;
  }

  /** Declares the territory and claims it: true when the member may act for it now (approved or bound tenant). */
  private async attach(dc: DialogContext, chosen: Choice): Promise<DialogTurnResult> {
    const lang = langOfTurn(dc.context);
    const member = await setMemberTerritory(this.s.prisma, (await memberOf(dc.context, this.s)).id, chosen.code);
    const outcome = await this.s.membership.claim(member, chosen.code, lang);
    if (outcome.text) await say(dc.context, outcome.text);
    if (!outcome.approved) return dc.endDialog(false);
    const name = this.s.registry.get(chosen.code)?.name ?? chosen.label;
    await say(dc.context, am(lang, 'territorySet', { name }));
    return dc.endDialog(true);
  }

  /** « Valence (Drôme, 26) », « CA Valence Romans Agglo (intercommunalité, Drôme) ». */
  private choice(t: Territory, lang: Lang): Choice {
    const dep = this.s.registry.departementName(t.departement);
    const where = t.kind === 'epci'
      ? [lang === 'fr' ? 'intercommunalité' : 'intercommunality', dep].filter(Boolean).join(', ')
      : [dep, t.departement].filter(Boolean).join(', ');
    return { code: t.code, label: where ? `${t.name} (${where})` : t.name };
  }
}

/** The candidates as a choice question, so « 2 », the name or the card's button all work. */
function choiceOf(candidates: Choice[]): Question {
  return {
    type: 'choice', id: 'territory', required: true, label: { fr: '', en: '' },
    options: candidates.map((c) => ({ value: c.code, label: { fr: c.label, en: c.label } })),
  };
}
