// Small factories for incoming Teams activities.
import { randomUUID } from 'node:crypto';

export type ActivityOptions = {
  serviceUrl: string;
  conversationId?: string;
  userId?: string;
  userName?: string;
  aadObjectId?: string;
  locale?: string;
  tenantId?: string;
};

function base(o: ActivityOptions) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: o.locale ?? 'fr-FR',
    from: { id: o.userId ?? '29:user-1', name: o.userName ?? 'Marie Curie', aadObjectId: o.aadObjectId ?? 'aad-user-1' },
    recipient: { id: '28:arobase-bot', name: 'arobase' },
    conversation: { id: o.conversationId ?? 'a:conv-1', conversationType: 'personal', tenantId: o.tenantId ?? 'tenant-1' },
    channelData: { tenant: { id: o.tenantId ?? 'tenant-1' } },
  };
}

export function messageActivity(text: string, o: ActivityOptions) {
  return { ...base(o), type: 'message', text, textFormat: 'plain' };
}

/** An Action.Submit click as Teams posts it: a message with no text, the button's data as `value`. */
export function cardSubmitActivity(value: Record<string, unknown>, o: ActivityOptions) {
  const b = base(o);
  const replyToId = `1:${randomUUID()}`;
  return { ...b, type: 'message', value, replyToId, channelData: { ...b.channelData, source: { name: 'message' }, legacy: { replyToId } } };
}

export function membersAddedActivity(o: ActivityOptions & { includeBot?: boolean }) {
  const b = base(o);
  const members = [{ id: b.from.id, name: b.from.name, aadObjectId: b.from.aadObjectId }];
  if (o.includeBot) members.push({ id: b.recipient.id, name: b.recipient.name, aadObjectId: '' });
  return { ...b, type: 'conversationUpdate', membersAdded: members };
}

/** What a reply says: its text, or for a card its text fallback (`summary`). */
export function replyText(activity: Record<string, unknown> | undefined): string {
  return String(activity?.text ?? activity?.summary ?? '');
}

/** Every reply's text, one per line (for `toContain` on a whole answer). */
export const replyTexts = (replies: Record<string, unknown>[]) => replies.map(replyText).join('\n');

/**
 * A message in a group chat or a channel as Teams posts it: `mention` puts « @arobase » in front, with the mention
 * entity Teams adds (the bot's id as `mentioned.id`).
 */
export function sharedMessageActivity(text: string, o: ActivityOptions & { where?: 'groupChat' | 'channel'; mention?: boolean }) {
  const b = base(o);
  const where = o.where ?? 'groupChat';
  const conversation = { ...b.conversation, id: o.conversationId ?? `19:${where}-1@thread.v2`, conversationType: where, isGroup: true };
  const at = `<at>${b.recipient.name}</at>`;
  const entities = o.mention ? [{ type: 'mention', text: at, mentioned: { id: b.recipient.id, name: b.recipient.name } }] : [];
  return { ...b, conversation, type: 'message', text: o.mention ? `${at} ${text}` : text, textFormat: 'plain', entities };
}

/** An invoke as Teams posts it from a compose box or a card (`composeExtension/query`, `adaptiveCard/action`…). */
export function invokeActivity(name: string, value: unknown, o: ActivityOptions & { where?: 'personal' | 'groupChat' | 'channel' }) {
  const b = base(o);
  const where = o.where ?? 'personal';
  const conversation = where === 'personal' ? b.conversation : { ...b.conversation, id: `19:${where}-1@thread.v2`, conversationType: where, isGroup: true };
  return { ...b, conversation, type: 'invoke', name, value };
}

/** « arobase » + a text in the compose box: the search command's query. */
export const composeQueryActivity = (text: string, o: ActivityOptions & { where?: 'personal' | 'groupChat' | 'channel' }) =>
  invokeActivity('composeExtension/query', {
    commandId: 'searchTerritory', parameters: [{ name: 'queryText', value: text }], queryOptions: { skip: 0, count: 25 },
  }, o);

/** A click on an Action.Execute button (Universal Actions). */
export const actionExecuteActivity = (verb: string, data: unknown, o: ActivityOptions & { where?: 'personal' | 'groupChat' | 'channel' }, trigger = 'manual') =>
  invokeActivity('adaptiveCard/action', { action: { type: 'Action.Execute', verb, data }, trigger }, o);

/** A team event as Teams posts it in the team's General channel (`channelData.eventType`, the team, the channel). */
export function teamEventActivity(
  o: ActivityOptions & { team: { id: string; name?: string }; channel?: { id: string; name?: string }; eventType?: string; type?: string; extra?: Record<string, unknown> },
) {
  const b = base(o);
  const conversation = { ...b.conversation, id: o.conversationId ?? o.team.id, conversationType: 'channel', isGroup: true };
  const channelData = { ...b.channelData, team: o.team, ...(o.channel ? { channel: o.channel } : {}), ...(o.eventType ? { eventType: o.eventType } : {}) };
  return { ...b, conversation, channelData, type: o.type ?? 'conversationUpdate', ...o.extra };
}
