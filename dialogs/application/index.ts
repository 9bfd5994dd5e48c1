// Entry point of the application walkthrough for any host (Teams AI Application, TestAdapter, a future SDK):
// give it the turn and a dialog-state accessor, it says whether it handled the turn.
import { ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import type { PrismaClient } from '../../data/generated/prisma/client.ts';
import type { Registry } from '../../data/territories/registry.ts';
import type { Resolution } from '../../data/territories/index.ts';
import { ApplicationRepository } from '../../data/applications/index.ts';
import { OPEN_EDITION } from '../../data/questionnaire/index.ts';
import { handleAdminCommand } from './admin.ts';
import { adminCommandOf, commandOf } from './commands.ts';
import { membershipCommandOf } from '../membership/commands.ts';
import { InterruptibleDialog } from './interruptible.ts';
import { QuestionnaireDialog } from './questionnaireDialog.ts';
import { actorOfTurn, langOfTurn, say, type ApplicationServices } from './services.ts';
import { TerritoryDialog } from './territoryDialog.ts';
import { createMembership, type AuditLog, type MembershipConversation, type Notify } from '../membership/index.ts';
import { isSharedConversation, personalOnlyActivity } from './personalOnly.ts';

export type ApplicationDialogDeps = {
  prisma: PrismaClient;
  registry: Registry;
  adminIds: readonly string[];
  /** Defaults to data/territories.ts (tests pass a small fake). */
  resolveTerritory?: (query: string) => Promise<Resolution>;
  edition?: number;
  now?: () => Date;
  /** Proactive messages (claims to their deciders, decisions to claimants); none: nobody is told. */
  notify?: Notify;
  log?: AuditLog;
  sharedTenants?: readonly string[];
};

export type DialogStateAccessor = StatePropertyAccessor<DialogState>;

export type ApplicationDialogs = {
  /** Active walkthrough → continues it; « candidature » / « reprendre ma candidature » → starts it; admin commands. */
  run(context: TurnContext, accessor: DialogStateAccessor): Promise<boolean>;
  continueIfActive(context: TurnContext, accessor: DialogStateAccessor): Promise<boolean>;
  /** Starts (or restarts) the walkthrough of the member's territory: territory question first if they have none. */
  start(context: TurnContext, accessor: DialogStateAccessor): Promise<void>;
  /** Claims (« ma commune est X » records one too) and their decisions. */
  membership: MembershipConversation;
};

export const APPLICATION_DIALOG = 'application';

class ApplicationDialog extends InterruptibleDialog {
  constructor(s: ApplicationServices) {
    super(APPLICATION_DIALOG);
    this.addDialog(new TerritoryDialog(s));
    this.addDialog(new QuestionnaireDialog(s));
    this.addDialog(new WaterfallDialog('main', [
      async (step) => {
        const { member, actor } = await actorOfTurn(step.context, s);
        if (actor.territoryCode) return step.next(true);
        // A claim is waiting for its decision: say so rather than ask again.
        const waiting = await s.membership.waiting(member, langOfTurn(step.context));
        if (waiting) {
          await say(step.context, waiting);
          return step.endDialog();
        }
        return step.beginDialog('territory');
      },
      // The territory dialog ends with true once the member may act for the territory (else: claim pending).
      async (step) => (step.result === true ? step.beginDialog('questionnaire') : step.endDialog()),
      async (step) => step.endDialog(step.result),
    ]));
    this.initialDialogId = 'main';
  }
}

export function createApplicationDialogs(deps: ApplicationDialogDeps): ApplicationDialogs {
  const now = deps.now ?? (() => new Date());
  const membership = createMembership({ prisma: deps.prisma, registry: deps.registry, adminIds: deps.adminIds, now, notify: deps.notify, log: deps.log, sharedTenants: deps.sharedTenants });
  const services: ApplicationServices = {
    prisma: deps.prisma, registry: deps.registry, adminIds: deps.adminIds, edition: deps.edition ?? OPEN_EDITION, now, membership, log: deps.log,
    resolveTerritory: deps.resolveTerritory ?? (async (q) => (await import('../../data/territories/index.ts')).resolveTerritory(q)),
    repo: new ApplicationRepository(deps.prisma, now),
  };
  const contextOf = async (context: TurnContext, accessor: DialogStateAccessor) => {
    const set = new DialogSet(accessor);
    set.add(new ApplicationDialog(services));
    return set.createContext(context);
  };
  const isOurs = (context: TurnContext) => {
    const a = context.activity;
    if (a.type !== ActivityTypes.Message) return false;
    // Another feature's card submit (no text, a value that is not ours) is not an answer.
    return !(a.value && !a.text && (a.value as { arobase?: unknown }).arobase === undefined);
  };
  /** Would this turn show or change an application or a membership (a command, a card of ours, a walkthrough)? */
  const concernsApplication = async (context: TurnContext, accessor: DialogStateAccessor) => {
    const { text, value } = context.activity;
    if ((value as { arobase?: unknown } | undefined)?.arobase !== undefined) return true;
    if (commandOf(text) === 'start' || adminCommandOf(text) || membershipCommandOf(text)) return true;
    return !!(await accessor.get(context))?.dialogStack?.length;
  };
  const api: ApplicationDialogs = {
    membership,
    async continueIfActive(context, accessor) {
      if (!isOurs(context)) return false;
      // Most turns have no walkthrough: look at the stored stack before building the dialog tree.
      const stored = await accessor.get(context);
      if (!stored?.dialogStack?.length) return false;
      const dc = await contextOf(context, accessor);
      if (!dc.activeDialog) return false;
      try {
        await dc.continueDialog();
      } catch (e) {
        // A stack saved by an older version naming a dialog that no longer exists: start afresh from the database
        // (the answers are there) instead of failing on every message of this conversation.
        if (!/wasn't found|not found/i.test(String((e as Error)?.message))) throw e;
        await accessor.set(context, { dialogStack: [] });
        await api.start(context, accessor);
      }
      return true;
    },
    async start(context, accessor) {
      const dc = await contextOf(context, accessor);
      await dc.cancelAllDialogs();
      await dc.beginDialog(APPLICATION_DIALOG);
    },
    async run(context, accessor) {
      if (!isOurs(context)) return false;
      // In a channel or a group chat, nothing of an application or of who belongs to a territory is shown.
      if (isSharedConversation(context) && (await concernsApplication(context, accessor))) {
        await accessor.set(context, { dialogStack: [] });
        await context.sendActivity(personalOnlyActivity(context));
        return true;
      }
      if (await membership.handle(context)) return true;
      if (await handleAdminCommand(context, services)) return true;
      if (await api.continueIfActive(context, accessor)) return true;
      const value = context.activity.value as { arobase?: unknown } | undefined;
      // « candidature », or a click on an old application card once the walkthrough has ended.
      if (commandOf(context.activity.text) === 'start' || value?.arobase !== undefined) {
        await api.start(context, accessor);
        return true;
      }
      return false;
    },
  };
  return api;
}
