// Each announcement's content read once, and each member's message rendered once per (locale, territory, filters):
// thousands of members share a handful of combinations.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { parseContent } from './announcements.ts';
import type { ClaimedRow } from './outbox.ts';
import { renderMessage, type AreaLookup } from './render.ts';
import type { AnnouncementContent, NotificationMessage } from './types.ts';

type Cached = { content: AnnouncementContent; messages: Map<string, NotificationMessage> };

export class MessageCache {
  private readonly announcements = new Map<string, Cached>();

  constructor(private readonly prisma: PrismaClient, private readonly lookup?: AreaLookup) {}

  async message(row: ClaimedRow): Promise<NotificationMessage> {
    let cached = this.announcements.get(row.announcementId);
    if (!cached) {
      const a = await this.prisma.announcement.findUniqueOrThrow({ where: { id: row.announcementId } });
      cached = { content: parseContent(a.content), messages: new Map() };
      this.announcements.set(row.announcementId, cached);
    }
    const key = [row.locale, row.territoryCode, row.filterDepartements.join(','), row.filterRegions.join(','), row.channel ? 'channel' : ''].join('|');
    let message = cached.messages.get(key);
    if (!message) {
      message = renderMessage(cached.content, row, this.lookup);
      cached.messages.set(key, message);
    }
    return message;
  }

  /** A finished announcement is not sent again: its renderings go. */
  forget(announcementId: string): void {
    this.announcements.delete(announcementId);
  }
}
