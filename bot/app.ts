// The composition file: every Teams route of arobase is registered here, and only here.
import { Application } from '@microsoft/teams-ai';
import { hasText, lang, send, sendHelp, HELP, type AppDeps } from './appDeps.ts';
import type { TurnContext } from 'botbuilder';
import { deactivateMember, touchMember } from '../data/members.ts';
import { getTerritoryIndex, resolveTerritory } from '../data/territories/index.ts';
import { MAX_LIST_BYTES } from '../data/listImport.ts';
import { getUnderstander } from '../data/understanding/index.ts';
import { parseIntent } from '../data/understanding/intentSchema.ts';
import type { Understanding } from '../data/understanding/types.ts';
import { AnswerTurnState } from './turnState.ts';
import type { Lang } from './i18n/locale.ts';
import { sm } from './i18n/surfaceMessages.ts';
import { t } from './i18n/messages.ts';
import { nm } from './i18n/notificationMessages.ts';
import { cardActivity } from '../dialogs/cardActivity.ts';
import type { Reply } from '../dialogs/cards.ts';
import { createLabelConversation, type LabelSession } from './labelConversation.ts';
import { labelSession } from './labelSession.ts';
import { createUnderstood } from './understood.ts';
import { createMemberCapture } from './memberCapture.ts';
import { createMemberNotifier } from './memberNotifier.ts';
import { memberInfoFrom } from '../dialogs/memberInfo.ts';
import { modelRouterFromConfig } from './llm/router.ts';
import { createApplicationDialogs } from '../dialogs/application/index.ts';
import { createListImport, fileAttachmentsOf } from '../dialogs/listImport/index.ts';
import { createFileDownload } from './fileDownload.ts';
import { addressedToBot } from './addressing.ts';
import { captureChannel, captureTeamChannels } from './channelCapture.ts';
import { createTerritorySearch } from './territorySearch.ts';
import { isTerritorySearch, searchResult, searchText, selectedResult } from './cards/searchResults.ts';
import { createLevelActions, LEVEL_VERBS } from './levelActions.ts';
import { universalActionResponse } from './universalActions.ts';
import { isSharedActivity, personalOnlyActivity } from '../dialogs/application/personalOnly.ts';
import { conversationDialogState, registerApplicationDialogs } from '../dialogs/application/teamsAi.ts';
import { createNotificationConversation, type NotificationAnswer } from './notificationConversation.ts';


/** The application, and the turns it answers without conversation state (true when it took the turn). */
export type ArobaseApp = Application<AnswerTurnState> & { stateFree(context: TurnContext): Promise<boolean> };

export function createApp(deps: AppDeps): ArobaseApp {
  const { prisma } = deps.db;
  const model = deps.model === undefined
    ? modelRouterFromConfig(deps.config, (fields, message) => deps.logger.warn({ component: 'model', ...fields }, message))
    : deps.model;
  const app = new Application<AnswerTurnState>({
    turnStateFactory: () => new AnswerTurnState(),
    storage: deps.storage,
    adapter: deps.adapter,
    botAppId: deps.config.MicrosoftAppId ?? '',
    startTypingTimer: deps.startTypingTimer ?? true,
    longRunningMessages: false,
    removeRecipientMention: true,
  });
  const now = deps.now ?? (() => new Date());
  const label = createLabelConversation({
    prisma, registry: deps.registry, understander: getUnderstander(), now,
    claim: async (memberId, code, lang) => {
      const member = await prisma.member.findUnique({ where: { id: memberId } });
      return member ? (await applicationDialogs.membership.claim(member, code, lang)).text : '';
    },
  });
  const members = createMemberCapture(prisma);
  const memberOf = (context: TurnContext) => members.capture(context.activity);

  // Every message refreshes its member (conversation reference for notifications), even one the walkthrough takes.
  // The team channels it can post announcements to follow the team's events (bot/channelCapture.ts).
  app.turn('beforeTurn', async (context) => {
    if (context.activity.type === 'message') await memberOf(context);
    await captureChannel(prisma, context);
    return true;
  });
  // The application walkthrough runs before every route: an active walkthrough, « candidature »,
  // « reprendre ma candidature », and the admin commands (export, reopen, view).
  const applicationDialogs = createApplicationDialogs({
    prisma, registry: deps.registry, adminIds: deps.config.ADMIN_IDS, resolveTerritory, now,
    notify: createMemberNotifier(deps.adapter, deps.config.MicrosoftAppId ?? '', deps.logger),
    log: (fields, message) => deps.logger.warn({ component: 'membership', ...fields }, message),
    sharedTenants: deps.config.MEMBERSHIP_SHARED_TENANTS,
  });
  registerApplicationDialogs(app, applicationDialogs);

  // A label answer's state (its follow-up memory) is final before the reply: saved alongside the delivery.
  const answer = (context: TurnContext, state: AnswerTurnState, replies: Reply[]) =>
    state.saveAlongside(context, deps.storage, () => send(context, replies));

  const session = async (context: TurnContext, state: AnswerTurnState): Promise<LabelSession> =>
    labelSession(state, await memberOf(context), lang(context));

  // One welcome at most: in a personal chat to the user who installed the bot; in a team or a group chat, one to
  // everyone when the bot itself is added (people joining later get none: 500 members added, not 500 messages).
  app.conversationUpdate('membersAdded', async (context) => {
    const added = context.activity.membersAdded ?? [];
    const botAdded = added.some((m) => m.id === context.activity.recipient.id);
    const people = added.filter((m) => m.id !== context.activity.recipient.id);
    if (isSharedActivity(context.activity)) {
      if (botAdded && context.activity.conversation?.conversationType === 'channel') {
        await captureTeamChannels(prisma, context).catch((err) => deps.logger.warn({ err }, 'team channels not listed'));
      }
      if (botAdded) await context.sendActivity(t(lang(context), 'welcome', { name: '' }));
      return;
    }
    if (!people.length) return;
    await memberOf(context);
    const installer = people.find((m) => m.id === context.activity.from?.id) ?? people[0]!;
    const first = installer.name?.trim().split(/\s+/)[0];
    await context.sendActivity(t(lang(context), 'welcome', { name: first ? ` ${first}` : '' }));
  });

  // The app installed or removed for a user: removal stops proactive messages to them. It needs no conversation
  // state: the server runs it without loading any (stateFree below; 8,000 installations at once on PGlite).
  const onInstallation = async (context: TurnContext) => {
    await captureChannel(prisma, context);
    const info = memberInfoFrom(context.activity);
    if (!info) return;
    members.forget(info.teamsUserId);
    // Removed from a team is not removed from one's personal chat: only the personal scope stops their messages.
    const personal = !isSharedActivity(context.activity);
    if (/^remove/.test(String(context.activity.action ?? ''))) { if (personal) await deactivateMember(prisma, { teamsUserId: info.teamsUserId }); }
    else await touchMember(prisma, info);
  };
  app.activity('installationUpdate', onInstallation);
  app.conversationUpdate('membersRemoved', async (context) => {
    // The bot itself removed from a personal chat: that member can no longer be reached.
    const botRemoved = (context.activity.membersRemoved ?? []).some((m) => m.id === context.activity.recipient.id);
    if (botRemoved && context.activity.conversation?.conversationType === 'personal') {
      if (context.activity.from?.id) members.forget(context.activity.from.id);
      await prisma.member.updateMany({ where: { conversationId: context.activity.conversation.id }, data: { active: false } });
    }
  });

  app.message(HELP, async (context) => {
    await memberOf(context);
    await sendHelp(context);
  });

  // Notifications: subscription for every member, publish / status / cancel / re-send for admins.
  const notifications = createNotificationConversation({ prisma, registry: deps.registry, adminIds: deps.config.ADMIN_IDS });
  deps.onNotifications?.(notifications);
  const notificationSession = async (context: TurnContext) => ({
    lang: lang(context),
    member: await memberOf(context),
    onRefused: (what: string) => (context.turnState.get('logger') ?? deps.logger).warn({ command: what }, 'admin command refused'),
  });
  async function answerNotification(context: TurnContext, answer: NotificationAnswer) {
    const sent = await send(context, answer.replies);
    const cardId = sent.at(-1)?.id;
    if (answer.follow && cardId && answer.replies.at(-1)?.card) deps.statusCards?.follow(context, cardId, answer.follow, lang(context));
  }
  for (const [verb, confirm] of [['announceConfirm', true], ['announceDiscard', false]] as const) {
    app.adaptiveCards.actionSubmit(verb, async (context, _state, data: { id?: string; channels?: unknown }) => {
      if (typeof data.id !== 'string') return;
      await answerNotification(context, await notifications.decide(data.id, confirm, await notificationSession(context), data.channels));
    });
  }
  app.adaptiveCards.actionSubmit('announceCancel', async (context, _state, data: { id?: string }) => {
    if (typeof data.id !== 'string') return;
    await answerNotification(context, await notifications.stop(data.id, await notificationSession(context)));
  });

  // The status card's refresh (Universal Actions): live figures for an admin, the read-only card for anyone else.
  app.adaptiveCards.actionExecute('announceStatus', async (context, _state, data: { id?: unknown }) => {
    const card = typeof data.id === 'string' ? await notifications.statusFor(data.id, await notificationSession(context)) : null;
    return universalActionResponse(context, card?.card ?? nm(lang(context), 'noAnnouncement'));
  });

  // Card buttons: a homonym picked, a reading chosen, a palmarès page turned. Their data comes from the client:
  // checked (parseIntent) before use.
  app.adaptiveCards.actionSubmit('pickTerritory', async (context, state, data: { code?: unknown; intent?: unknown }) => {
    const s = await session(context, state);
    const intent = parseIntent(data.intent);
    const code = typeof data.code === 'string' ? data.code : '';
    if (!intent || !deps.registry.get(code)) return void (await answer(context, state, await label.handle({ name: 'unknown' }, s)));
    await answer(context, state, await label.handle({ ...intent, code } as typeof intent, s));
  });
  app.adaptiveCards.actionSubmit('ask', async (context, state, data: { intent?: unknown }) => {
    const s = await session(context, state);
    await answer(context, state, await label.handle(parseIntent(data.intent) ?? { name: 'unknown' }, s));
  });
  app.adaptiveCards.actionSubmit('palmaresPage', async (context, state, data: { query?: unknown; page?: unknown }) => {
    const s = await session(context, state);
    const query = parseIntent({ ...(typeof data.query === 'object' ? data.query : {}), name: 'palmares' });
    if (!query || query.name !== 'palmares' || query.edition === undefined) return void (await answer(context, state, await label.handle({ name: 'unknown' }, s)));
    const { name: _name, ...q } = query;
    const page = Number.isInteger(data.page) ? Math.max(0, Math.min(1000, data.page as number)) : 0;
    await answer(context, state, await label.answerPalmares(q, s, page));
  });

  // A palmarès list sent as a file by an admin (#17): preview, picks, import all or nothing.
  const listImport = createListImport({
    prisma, registry: deps.registry, adminIds: deps.config.ADMIN_IDS, resolve: (q) => getTerritoryIndex().resolve(q),
    download: createFileDownload({ hosts: deps.config.FILE_DOWNLOAD_HOSTS, localMode: deps.config.localMode, timeoutMs: deps.config.FILE_DOWNLOAD_TIMEOUT_MS, maxBytes: MAX_LIST_BYTES }),
    log: (fields, message) => deps.logger.warn({ component: 'listImport', ...fields }, message),
  });
  const importSender = async (context: TurnContext) => {
    const member = await memberOf(context);
    const { from, conversation } = context.activity;
    return member && { memberId: member.id, teamsUserId: from.id, aadObjectId: from.aadObjectId, lang: lang(context), conversationType: conversation?.conversationType };
  };
  app.message(async (context) => fileAttachmentsOf(context.activity.attachments).length > 0, async (context) => {
    const sender = await importSender(context);
    if (sender) await send(context, await listImport.receive(sender, fileAttachmentsOf(context.activity.attachments)));
  });
  app.adaptiveCards.actionSubmit('listImport', async (context, _state, data: unknown) => {
    const sender = await importSender(context);
    const replies = sender && (await listImport.act(sender, data));
    if (replies) await send(context, replies);
  });

  // Beyond the personal chat (#19): the compose-box search in any chat or channel, and the level card's Universal
  // Actions (which reach the bot even from a chat it is not part of). French or English by the user's locale.
  const search = createTerritorySearch({ prisma, registry: deps.registry, understander: getUnderstander(), now, labelOf: label.labelOf });
  app.messageExtensions.query(isTerritorySearch, async (context, _state, query) =>
    searchResult(lang(context), await search.search(searchText(context.activity, query.parameters), query.count, query.skip), { tap: !deps.config.localMode }));
  app.messageExtensions.selectItem(async (context, _state, item: { code?: unknown }) => selectedResult(lang(context), await search.item(item?.code)));
  const levelAction = createLevelActions(label, search);
  for (const verb of LEVEL_VERBS) {
    app.adaptiveCards.actionExecute(verb, async (context, _state, data: { code?: unknown; edition?: unknown }) =>
      universalActionResponse(context, await levelAction(verb, data, lang(context))));
  }

  // Everything typed is understood once per activity (bot/understood.ts): notification settings, the application,
  // help, and label questions.
  const understood = createUnderstood(label.understand, model);
  /** What a typed message (or an example button's text) asks, answered. */
  async function answerUnderstood(context: TurnContext, state: AnswerTurnState, understanding: Understanding) {
    const { intent } = understanding;
    // Where others read along, the application, one's town (a membership claim) and notification settings or
    // admin commands go to the personal chat, however they were phrased.
    if (isSharedActivity(context.activity) && (intent.name === 'application' || intent.name === 'setMyTown' || intent.name === 'notifications')) {
      const said = intent.name === 'notifications' ? (l: Lang) => sm(l, 'personalOnlySettings') : undefined;
      return void (await context.sendActivity(personalOnlyActivity(context, said)));
    }
    switch (intent.name) {
      case 'help': case 'greeting':
        return void (await sendHelp(context));
      case 'notifications':
        return void (await answerNotification(context, await notifications.handle(intent.command, await notificationSession(context))));
      case 'application':
        return void (await applicationDialogs.start(context, conversationDialogState(state)));
      default:
        await answer(context, state, await label.handle(understanding, await session(context, state)));
    }
  }
  app.message(hasText, async (context, state) => answerUnderstood(context, state, await understood(context.activity)));
  // « @arobase » alone in a group chat or a channel: what it can do (the mention is removed: no text is left).
  app.message(async (context) => isSharedActivity(context.activity) && !context.activity.value && !context.activity.attachments?.length && !(await hasText(context)),
    async (context) => void (await sendHelp(context)));
  // Example questions on the help and « pas compris » cards: a button that asks its text as if typed (an imBack
  // sends nothing in the Agents Playground).
  app.adaptiveCards.actionSubmit('say', async (context, state, data: { text?: unknown }) => {
    const text = typeof data.text === 'string' ? data.text.slice(0, 300) : '';
    await answerUnderstood(context, state, text.trim() ? await label.understand(text) : { intent: { name: 'unknown' } });
  });

  // Invokes nothing above handles: "not supported" (botbuilder's default answer is a 501 server error).
  app.activity('invoke', async (context) => {
    await context.sendActivity({ type: 'invokeResponse', value: { status: 400, body: { error: 'unsupported invoke' } } });
  });
  // A card button this version no longer knows (an old card in the chat history): say what it can do.
  app.activity(async (context) => context.activity.type === 'message' && !!context.activity.value, async (context, state) => {
    await answer(context, state, await label.handle({ name: 'unknown' }, await session(context, state)));
  });

  return Object.assign(app, {
    async stateFree(context: TurnContext): Promise<boolean> {
      // Not addressed (a group chat message without @arobase): no state, no typing dots, no answer.
      if (!addressedToBot(context.activity)) return true;
      if (context.activity.type !== 'installationUpdate') return false;
      await onInstallation(context);
      return true;
    },
  });
}
