// An in-process conversation with the walkthrough over botbuilder's TestAdapter, with conversation state in the
// database (StateStorage) as in production. For tests, and for trying the dialogs without Teams.
import { ConversationState, TestAdapter, type Activity, type Storage } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { StateStorage } from '../../bot/stateStorage.ts';
import type { Database } from '../../data/database.ts';
import { sqlOf } from '../../data/sql.ts';
import { createApplicationDialogs, type ApplicationDialogDeps } from '../../dialogs/application/index.ts';

export type Who = { user: string; name?: string; aad?: string; conversation?: string; locale?: string };
export type Button = { title: string; data: Record<string, unknown> };
export type Reply = { text: string; card?: Record<string, unknown>; buttons: Button[]; choices: { title: string; value: string }[]; files: string[] };

/** The text fallback, the card's Action.Submit buttons and choice lists, and attached file names of a bot reply. */
export function toReply(a: Partial<Activity>): Reply {
  const card = a.attachments?.find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content as Record<string, unknown> | undefined;
  const buttons: Button[] = [];
  const choices: { title: string; value: string }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Submit') buttons.push({ title: String(n.title), data: n.data as Record<string, unknown> });
    if (n.type === 'Input.ChoiceSet') choices.push(...(n.choices as { title: string; value: string }[]));
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  walk(card);
  const files = (a.attachments ?? []).filter((x) => x.contentType !== 'application/vnd.microsoft.card.adaptive').map((x) => x.name ?? '');
  return { text: a.text || a.summary || '', card, buttons, choices, files };
}

export type TestConversation = {
  /** Sends a text, or a card submit value, and returns the bot's replies. */
  send(input: string | Record<string, unknown>, who: Who): Promise<Reply[]>;
};

export function createTestConversation(deps: ApplicationDialogDeps & { db: Database; storage?: Storage }): TestConversation {
  const state = new ConversationState(deps.storage ?? new StateStorage(sqlOf(deps.db)));
  const accessor = state.createProperty<DialogState>('dialogState');
  const dialogs = createApplicationDialogs(deps);
  const adapter = new TestAdapter(async (context) => {
    if (!(await dialogs.run(context, accessor))) await context.sendActivity({ type: 'message', text: '(not handled)' });
    await state.saveChanges(context);
  });
  return {
    async send(input, who) {
      await adapter.receiveActivity({
        type: 'message', channelId: 'msteams', locale: who.locale ?? 'fr-FR',
        from: { id: who.user, name: who.name ?? who.user, aadObjectId: who.aad },
        conversation: { id: who.conversation ?? `a:${who.user}` } as Activity['conversation'],
        ...(typeof input === 'string' ? { text: input } : { value: input }),
      });
      return adapter.activeQueue.splice(0).map(toReply);
    },
  };
}
