// Notification commands in conversation: a member's subscription and filters, an admin's publish / status /
// cancel / re-send. Plain TypeScript returning replies; bot/app.ts sends them and keeps the status card fresh.
import type { Member, PrismaClient } from '../data/generated/prisma/client.ts';
import { resolveArea } from '../data/territories/areas.ts';
import { isAdmin } from '../data/members.ts';
import { listChannels } from '../data/channels.ts';
import type { Registry } from '../data/territories/registry.ts';
import {
  AnnouncementError, cancelAnnouncement, createAnnouncement, deliveredBar, formatProgress, latestAnnouncement, loadProgress,
  previewLines, queueAnnouncement, resendAnnouncement,
} from '../data/notifications/index.ts';
import { adaptiveCard, textBlock, type Reply } from '../dialogs/cards.ts';
import { nm } from './i18n/notificationMessages.ts';
import { sm } from './i18n/surfaceMessages.ts';
import type { Lang } from './i18n/locale.ts';
import type { NotificationCommand } from '../data/understanding/types.ts';

/** No NOTIFY_RATE here: the sender may be another process (`npm run worker`) with its own rate, so the card says
 *  « fin estimée : — » until a rate is measured. */
export type NotificationDeps = { prisma: PrismaClient; registry: Registry; adminIds: readonly string[] };
export type NotificationSession = { lang: Lang; member: Member | null; onRefused?: (what: string) => void };
/** `follow`: an announcement whose status card should be kept up to date. */
export type NotificationAnswer = { replies: Reply[]; follow?: string };

const ADMIN_ONLY = new Set<NotificationCommand['name']>(['publish', 'status', 'cancel', 'resend']);

/** The preview's channel checkboxes (none ticked: an admin chooses), or a line saying how to get some. */
function channelChoice(lang: Lang, channels: { id: string; name: string }[]): unknown[] {
  if (!channels.length) return [textBlock(sm(lang, 'channelsNone'), { isSubtle: true, spacing: 'Medium' })];
  return [
    textBlock(sm(lang, 'channelsLabel'), { spacing: 'Medium' }),
    { type: 'Input.ChoiceSet', id: 'channels', isMultiSelect: true, style: 'expanded', choices: channels.map((c) => ({ title: c.name, value: c.id })) },
  ];
}

const clockTime = (lang: Lang, at: Date) =>
  at.toLocaleTimeString(lang === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

export function createNotificationConversation(deps: NotificationDeps) {
  const { prisma, registry } = deps;
  const admin = (s: NotificationSession) => !!s.member && isAdmin(deps.adminIds, s.member);
  const say = (text: string): NotificationAnswer => ({ replies: [{ text }] });

  function areaList(m: Pick<Member, 'filterDepartements' | 'filterRegions'>): string {
    return [...m.filterDepartements.map((d) => registry.departementName(d) ?? d), ...m.filterRegions.map((r) => registry.regionName(r) ?? r)].join(', ');
  }

  /**
   * The status card. `admin`: with « Arrêter l’envoi » while it sends, and a Universal Actions `refresh` so that an
   * admin opening the chat later sees the live figures (Teams asks the bot for them, for the admins listed in
   * `userIds`). `reader`: the figures as of now, no button, no refresh (anyone else who sees the card).
   */
  async function statusCard(lang: Lang, announcementId: string, view: 'admin' | 'reader' = 'admin'): Promise<(Reply & { finished: boolean }) | null> {
    const summary = await loadProgress(prisma, announcementId);
    if (!summary) return null;
    const lines = formatProgress(summary, lang);
    // What was actually sent: a cancelled send shows its third, not a full bar.
    const bar = deliveredBar(summary, { lang });
    const cancelled = summary.status === 'cancelled';
    const admin = view === 'admin';
    // While it sends, the card itself can stop it; the in-place updates drop the button once it is over.
    const stop = !admin || summary.finished || cancelled ? [] : [{ type: 'Action.Submit', title: nm(lang, 'stopSending'), style: 'destructive', data: { verb: 'announceCancel', id: announcementId } }];
    const readOnly = admin ? [] : [sm(lang, 'statusReadOnly', { at: clockTime(lang, new Date()) })];
    const card = adaptiveCard([
      textBlock(nm(lang, cancelled ? 'statusTitleCancelled' : 'statusTitle'), { weight: 'Bolder', size: 'Medium', ...(cancelled ? { color: 'Attention' } : {}) }),
      textBlock(bar, { fontType: 'Monospace' }),
      ...[...lines, ...readOnly].map((l) => textBlock(l, { spacing: 'Small' })),
    ], stop);
    if (admin) card.refresh = { action: { type: 'Action.Execute', verb: 'announceStatus', data: { id: announcementId } }, userIds: await adminTeamsIds() };
    return { text: [bar, ...lines, ...readOnly].join('\n'), card, finished: summary.finished };
  }

  /** Teams ids of the admins who wrote to the bot (refresh.userIds takes Teams ids, at most 60). */
  async function adminTeamsIds(): Promise<string[]> {
    if (!deps.adminIds.length) return [];
    const ids = [...deps.adminIds];
    const rows = await prisma.member.findMany({ where: { OR: [{ teamsUserId: { in: ids } }, { aadObjectId: { in: ids } }] }, select: { teamsUserId: true }, orderBy: { lastSeenAt: 'desc' }, take: 60 });
    return rows.map((r) => r.teamsUserId);
  }

  /** A status card's refresh or click (Action.Execute): live figures for an admin, the read-only card for others. */
  async function statusFor(id: string, s: NotificationSession): Promise<Reply | null> {
    return statusCard(s.lang, id, admin(s) ? 'admin' : 'reader');
  }

  /** The outbox says why it refuses (already sent, cancelled…): that sentence, in the admin's language. */
  async function outboxRefusalsSaid(s: NotificationSession, act: () => Promise<NotificationAnswer>): Promise<NotificationAnswer> {
    try {
      return await act();
    } catch (error) {
      if (error instanceof AnnouncementError) return say(error.text(s.lang));
      throw error;
    }
  }

  function handle(cmd: NotificationCommand, s: NotificationSession): Promise<NotificationAnswer> {
    return outboxRefusalsSaid(s, () => run(cmd, s));
  }

  async function run(cmd: NotificationCommand, s: NotificationSession): Promise<NotificationAnswer> {
    if (ADMIN_ONLY.has(cmd.name) && !admin(s)) {
      s.onRefused?.(cmd.name);
      return say(nm(s.lang, 'adminOnly'));
    }
    const m = s.member;
    if (!m && !ADMIN_ONLY.has(cmd.name)) return say(nm(s.lang, 'notMember'));
    switch (cmd.name) {
      case 'unsubscribe':
        await prisma.member.update({ where: { id: m!.id }, data: { subscribed: false } });
        return say(nm(s.lang, 'unsubscribed'));
      case 'subscribe': {
        const updated = await prisma.member.update({ where: { id: m!.id }, data: { subscribed: true } });
        const list = areaList(updated);
        return say(nm(s.lang, 'subscribed', { areas: list ? nm(s.lang, 'areasSome', { list }) : '' }));
      }
      case 'allAreas':
        await prisma.member.update({ where: { id: m!.id }, data: { subscribed: true, filterDepartements: [], filterRegions: [] } });
        return say(nm(s.lang, 'allAreas'));
      case 'onlyArea': {
        const area = resolveArea(registry, cmd.area);
        if (!area) return say(nm(s.lang, 'unknownArea', { area: cmd.area }));
        const data = area.kind === 'departement' ? { filterDepartements: [area.code], filterRegions: [] } : { filterDepartements: [], filterRegions: [area.code] };
        await prisma.member.update({ where: { id: m!.id }, data: { subscribed: true, ...data } });
        return say(nm(s.lang, 'onlyArea', { area: area.name }));
      }
      case 'mySettings': {
        const list = areaList(m!);
        return say(nm(s.lang, 'settings', { state: nm(s.lang, m!.subscribed ? 'stateOn' : 'stateOff'), areas: list ? nm(s.lang, 'areasSome', { list }) : '' }));
      }
      case 'publish': {
        {
          const draft = await createAnnouncement(prisma, { edition: cmd.edition, createdBy: m?.teamsUserId ?? 'admin', registry });
          const lines = previewLines(draft.content, draft.recipients, s.lang, { alreadyReceived: draft.alreadyReceived });
          const id = draft.announcement.id;
          const channels = await listChannels(prisma);
          // Nobody left to tell (everyone concerned already has this edition) and no channel to choose: no send button.
          const title = channels.length ? sm(s.lang, 'confirmWithChannels', { n: draft.recipients }) : nm(s.lang, 'confirm', { n: draft.recipients });
          const send = draft.recipients > 0 || channels.length
            ? [{ type: 'Action.Submit', title, style: 'positive', data: { verb: 'announceConfirm', id } }]
            : [];
          const card = adaptiveCard(
            [textBlock(nm(s.lang, 'previewTitle'), { weight: 'Bolder', size: 'Medium' }), ...lines.map((l) => textBlock(l, { spacing: 'Small' })),
              ...channelChoice(s.lang, channels)],
            [...send, { type: 'Action.Submit', title: nm(s.lang, 'discard'), data: { verb: 'announceDiscard', id } }],
          );
          return { replies: [{ text: lines.join('\n'), card }] };
        }
      }
      case 'status': {
        const latest = await latestAnnouncement(prisma);
        const card = latest && (await statusCard(s.lang, latest.id));
        return card ? { replies: [card], follow: latest!.id } : say(nm(s.lang, 'noAnnouncement'));
      }
      case 'cancel': {
        const latest = await latestAnnouncement(prisma);
        if (!latest) return say(nm(s.lang, 'noAnnouncement'));
        const { cancelled } = await cancelAnnouncement(prisma, latest.id);
        return say(nm(s.lang, 'cancelled', { n: cancelled }));
      }
      case 'resend': {
        const latest = await latestAnnouncement(prisma);
        if (!latest) return say(nm(s.lang, 'noAnnouncement'));
        const { requeued } = await resendAnnouncement(prisma, latest.id);
        return { replies: [{ text: nm(s.lang, 'resent', { n: requeued }) }], follow: latest.id };
      }
    }
  }

  /** A card button pressed by an admin (refused and logged otherwise). */
  async function asAdmin(s: NotificationSession, what: string, act: () => Promise<NotificationAnswer>): Promise<NotificationAnswer> {
    if (!admin(s)) {
      s.onRefused?.(what);
      return say(nm(s.lang, 'adminOnly'));
    }
    return outboxRefusalsSaid(s, act);
  }

  /** « Arrêter l’envoi » on a status card: that announcement, not merely the latest. */
  function stop(id: string, s: NotificationSession): Promise<NotificationAnswer> {
    return asAdmin(s, 'announceCancel', async () => say(nm(s.lang, 'cancelled', { n: (await cancelAnnouncement(prisma, id)).cancelled })));
  }

  /** The admin's answer to the preview card; `channels`: the team channels ticked on it (ids, comma-separated). */
  function decide(id: string, confirm: boolean, s: NotificationSession, channels?: unknown): Promise<NotificationAnswer> {
    return asAdmin(s, confirm ? 'announceConfirm' : 'announceDiscard', async () => {
      if (!confirm) {
        // Only a preview not yet confirmed: a stale « Abandonner » must not stop a send in progress.
        await cancelAnnouncement(prisma, id, { draftOnly: true });
        return say(nm(s.lang, 'discarded'));
      }
      const chosen = typeof channels === 'string' ? channels.split(',').map((c) => c.trim()).filter(Boolean) : [];
      const result = await queueAnnouncement(prisma, id, { channels: chosen });
      const card = await statusCard(s.lang, id);
      const skipped = result.alreadyReceived ? nm(s.lang, 'skipped', { n: result.alreadyReceived }) : '';
      if (!result.alreadyQueued && result.queued === 0) return say(sm(s.lang, 'nothingToSend'));
      const first = { text: nm(s.lang, result.alreadyQueued ? 'alreadyQueued' : 'queued', { n: result.queued }) + skipped };
      return { replies: card ? [first, card] : [first], follow: id };
    });
  }

  return { handle, decide, stop, statusCard, statusFor };
}

export type NotificationConversation = ReturnType<typeof createNotificationConversation>;
